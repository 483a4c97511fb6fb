package com.ledgerline.customers.boundary;

import static com.ledgerline.shared.Jsonp.JSON;

import com.ledgerline.audit.control.AuditTrail;
import com.ledgerline.customers.control.CustomerRules;
import com.ledgerline.customers.entity.Address;
import com.ledgerline.customers.entity.Contact;
import com.ledgerline.customers.entity.Customer;
import com.ledgerline.customers.entity.PaymentTerms;
import com.ledgerline.ledger.control.CustomerBalances;
import com.ledgerline.security.Roles;
import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Customer master data: register, update, change status (hold, archive), delete, and named payment
 * terms. Every change is audited (document type {@code CUSTOMER}, the customer number) with the
 * fields it changed.
 *
 * <p>Rules: a customer with transactions (customer ledger entries or sales) is never deleted
 * ({@code CUSTOMER_HAS_TRANSACTIONS}; archive it). Documents keep their own snapshots (currency,
 * due date, tax rate), so an update never rewrites history; the currency may change only while the
 * customer's ledger balance is zero ({@code CUSTOMER_HAS_OPEN_BALANCE}), so an open amount is never
 * re-read in another currency. Every write locks the customer row first ({@code SELECT ... FOR
 * UPDATE}): a posting that inserts a ledger entry or sale for the customer (its foreign key takes
 * {@code FOR KEY SHARE}) waits for the change or is waited for, so the checks see every committed
 * transaction.
 */
@Stateless
@RolesAllowed({Roles.CASHIER, Roles.APPROVER, Roles.FINANCE, Roles.ADMIN, Roles.AUDITOR})
public class Customers {
  public static final String DOCUMENT_TYPE = "CUSTOMER";

  private static final Pattern TERMS_CODE = Pattern.compile("^[A-Z0-9_]{1,20}$");

  @PersistenceContext private EntityManager em;
  @Resource private SessionContext session;

  /**
   * Registers a customer (the first-day import's shape): terms by their days.
   *
   * @param paymentTermsDays days of existing named terms (0 = due on receipt, 30 = Net 30, ...)
   * @throws BusinessRuleViolation {@code ALREADY_EXISTS}, {@code INVALID_REQUEST}, {@code
   *     UNKNOWN_PAYMENT_TERMS}
   */
  @RolesAllowed({Roles.ADMIN, Roles.SYSTEM})
  public String register(
      String customerNumber, String name, String country, String currency, int paymentTermsDays) {
    return register(
            new CustomerDetails(
                customerNumber,
                name,
                null,
                null,
                currency,
                country,
                null,
                paymentTermsDays,
                null,
                null,
                null,
                null,
                null))
        .customerNumber();
  }

  /**
   * Registers a customer as {@code ACTIVE}.
   *
   * @throws BusinessRuleViolation {@code ALREADY_EXISTS}, {@code INVALID_REQUEST} (a field outside
   *     its shape, see {@link CustomerDetails}), {@code INVALID_AMOUNT} (credit limit), {@code
   *     UNKNOWN_PAYMENT_TERMS}
   */
  @RolesAllowed({Roles.ADMIN, Roles.SYSTEM})
  public CustomerView register(CustomerDetails details) {
    requirePresent(details);
    String number = CustomerRules.customerNumber(details.customerNumber());
    Values values = validate(details);
    if (find(number).isPresent()) {
      throw new BusinessRuleViolation(
          ErrorCode.ALREADY_EXISTS, "customer " + number + " exists already");
    }
    Customer customer =
        new Customer(number, values.name, values.country, values.currency, values.terms);
    customer.change(
        values.name,
        values.country,
        values.legalEntity,
        values.taxId,
        values.currency,
        values.terms,
        values.creditLimit,
        values.billingContact,
        values.technicalContact,
        values.billingAddress,
        values.shippingAddress,
        now());
    em.persist(customer);
    Map<String, String> after = fields(customer);
    JsonObjectBuilder detail = JSON.createObjectBuilder();
    after.forEach((field, value) -> detail.add(field, value));
    audit().record(user(), "customer.registered", DOCUMENT_TYPE, number, null, json(detail));
    return CustomerView.of(customer);
  }

  /**
   * Replaces a customer's master data (every field of {@code details}; the number never changes,
   * nor the status: see {@link #changeStatus}).
   *
   * @throws BusinessRuleViolation {@code UNKNOWN_CUSTOMER}, {@code INVALID_REQUEST}, {@code
   *     INVALID_AMOUNT}, {@code UNKNOWN_PAYMENT_TERMS}, {@code CUSTOMER_HAS_OPEN_BALANCE} (a
   *     currency change while the ledger balance is not zero)
   */
  @RolesAllowed({Roles.ADMIN, Roles.SYSTEM})
  public CustomerView update(String customerNumber, CustomerDetails details) {
    requirePresent(details);
    if (details.customerNumber() != null
        && !details.customerNumber().strip().equals(customerNumber)) {
      throw new BusinessRuleViolation(
          ErrorCode.INVALID_REQUEST,
          "the customer number never changes: "
              + customerNumber
              + " cannot become "
              + details.customerNumber());
    }
    Values values = validate(details);
    Customer customer = lockedCustomer(customerNumber);
    if (!customer.currency().equals(values.currency)) {
      BigDecimal balance = balance(customer);
      if (balance.signum() != 0) {
        throw new BusinessRuleViolation(
            ErrorCode.CUSTOMER_HAS_OPEN_BALANCE,
            "customer "
                + customerNumber
                + " owes "
                + balance.toPlainString()
                + " "
                + customer.currency()
                + "; its currency can change to "
                + values.currency
                + " once the balance is zero");
      }
    }
    Map<String, String> before = fields(customer);
    customer.change(
        values.name,
        values.country,
        values.legalEntity,
        values.taxId,
        values.currency,
        values.terms,
        values.creditLimit,
        values.billingContact,
        values.technicalContact,
        values.billingAddress,
        values.shippingAddress,
        now());
    Map<String, String> after = fields(customer);
    JsonObjectBuilder changes = JSON.createObjectBuilder();
    after.forEach(
        (field, value) -> {
          if (!Objects.equals(before.get(field), value)) {
            changes.add(
                field, JSON.createObjectBuilder().add("from", before.get(field)).add("to", value));
          }
        });
    String detail = json(changes);
    if (!"{}".equals(detail)) {
      audit().record(user(), "customer.updated", DOCUMENT_TYPE, customerNumber, null, detail);
    }
    return CustomerView.of(customer);
  }

  /**
   * Moves a customer to {@code ACTIVE}, {@code ON_HOLD} or {@code ARCHIVED}. Only an active
   * customer may buy (sales refuse {@code CUSTOMER_NOT_ACTIVE}); receivables of a held or archived
   * customer go on as before. Setting the status it already has changes nothing.
   *
   * @param reason why, required (audited)
   * @throws BusinessRuleViolation {@code UNKNOWN_CUSTOMER}, {@code INVALID_REQUEST}
   */
  @RolesAllowed({Roles.ADMIN, Roles.FINANCE, Roles.SYSTEM})
  public CustomerView changeStatus(String customerNumber, String status, String reason) {
    Customer.Status target;
    try {
      target = Customer.Status.valueOf(Objects.requireNonNull(status));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new BusinessRuleViolation(
          ErrorCode.INVALID_REQUEST, "status must be ACTIVE, ON_HOLD or ARCHIVED, was " + status);
    }
    String why = CustomerRules.text(reason, "reason", 400, true);
    Customer customer = lockedCustomer(customerNumber);
    Customer.Status was = customer.status();
    if (was != target) {
      customer.changeStatus(target, now());
      audit()
          .record(
              user(),
              target == Customer.Status.ARCHIVED ? "customer.archived" : "customer.status_changed",
              DOCUMENT_TYPE,
              customerNumber,
              why,
              json(JSON.createObjectBuilder().add("from", was.name()).add("to", target.name())));
    }
    return CustomerView.of(customer);
  }

  /**
   * Deletes a customer that never traded. The audit trail keeps the deleted master data.
   *
   * @param reason why; optional
   * @throws BusinessRuleViolation {@code UNKNOWN_CUSTOMER}; {@code CUSTOMER_HAS_TRANSACTIONS} when
   *     any customer ledger entry, sale or other record refers to it (archive it instead)
   */
  @RolesAllowed(Roles.ADMIN)
  public void delete(String customerNumber, String reason) {
    Customer customer = lockedCustomer(customerNumber);
    long ledgerEntries =
        count("select count(*) from ar_customer_ledger_entry where customer_id = ?", customer);
    long sales = count("select count(*) from sal_sale where customer_id = ?", customer);
    if (ledgerEntries > 0 || sales > 0) {
      throw hasTransactions(
          customerNumber, ledgerEntries + " customer ledger entries and " + sales + " sales");
    }
    Map<String, String> before = fields(customer);
    em.remove(customer);
    try {
      em.flush();
    } catch (PersistenceException e) {
      // a record of another component refers to the customer (a foreign key refused the delete)
      throw hasTransactions(customerNumber, "other records refer to it");
    }
    JsonObjectBuilder detail = JSON.createObjectBuilder();
    before.forEach((field, value) -> detail.add(field, value));
    audit()
        .record(
            user(),
            "customer.deleted",
            DOCUMENT_TYPE,
            customerNumber,
            CustomerRules.text(reason, "reason", 400, false),
            json(detail));
  }

  /** The customer with that number, as an entity (for other components' control code). */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  @RolesAllowed({
    Roles.CASHIER,
    Roles.APPROVER,
    Roles.FINANCE,
    Roles.ADMIN,
    Roles.AUDITOR,
    Roles.SYSTEM
  })
  public Optional<Customer> find(String customerNumber) {
    return em.createNamedQuery(Customer.BY_NUMBER, Customer.class)
        .setParameter("number", customerNumber)
        .getResultStream()
        .findFirst();
  }

  /** The customer's master data. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<CustomerView> view(String customerNumber) {
    return find(customerNumber).map(CustomerView::of);
  }

  /**
   * Customers by number.
   *
   * @param status only this status; null = all
   * @param offset rows to skip, ≥ 0
   * @param limit rows to return, 1..500
   * @throws BusinessRuleViolation {@code INVALID_REQUEST} for an unknown status
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<CustomerView> list(String status, int offset, int limit) {
    Customer.Status filter = null;
    if (status != null) {
      try {
        filter = Customer.Status.valueOf(status);
      } catch (IllegalArgumentException e) {
        throw new BusinessRuleViolation(
            ErrorCode.INVALID_REQUEST, "status must be ACTIVE, ON_HOLD or ARCHIVED, was " + status);
      }
    }
    var query =
        filter == null
            ? em.createQuery("select c from Customer c order by c.customerNumber", Customer.class)
            : em.createQuery(
                    "select c from Customer c where c.status = :status order by c.customerNumber",
                    Customer.class)
                .setParameter("status", filter);
    return query
        .setFirstResult(Math.max(0, offset))
        .setMaxResults(Math.min(500, Math.max(1, limit)))
        .getResultStream()
        .map(CustomerView::of)
        .toList();
  }

  /** Named payment terms, shortest first. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<PaymentTerms> paymentTerms() {
    return em.createNamedQuery(PaymentTerms.ALL, PaymentTerms.class).getResultList();
  }

  /**
   * Adds named payment terms.
   *
   * @param code upper-case letters, digits and {@code _}, up to 20, e.g. {@code NET_21}
   * @param days 0..365, not used by other terms
   * @throws BusinessRuleViolation {@code INVALID_REQUEST}, {@code ALREADY_EXISTS} (code or days)
   */
  @RolesAllowed(Roles.ADMIN)
  public PaymentTerms addPaymentTerms(String code, String name, int days) {
    String termsCode = CustomerRules.text(code, "code", 20, true);
    if (!TERMS_CODE.matcher(termsCode).matches()) {
      throw new BusinessRuleViolation(
          ErrorCode.INVALID_REQUEST, "code may hold A-Z, 0-9 and '_', was " + termsCode);
    }
    String termsName = CustomerRules.text(name, "name", 100, true);
    if (days < 0 || days > 365) {
      throw new BusinessRuleViolation(
          ErrorCode.INVALID_REQUEST, "days must be 0..365, were " + days);
    }
    if (em.find(PaymentTerms.class, termsCode) != null || termsByDays(days).isPresent()) {
      throw new BusinessRuleViolation(
          ErrorCode.ALREADY_EXISTS,
          "payment terms " + termsCode + " or of " + days + " days exist");
    }
    PaymentTerms terms = new PaymentTerms(termsCode, termsName, days);
    em.persist(terms);
    audit()
        .record(
            user(),
            "payment_terms.added",
            "PAYMENT_TERMS",
            termsCode,
            null,
            json(JSON.createObjectBuilder().add("name", termsName).add("days", days)));
    return terms;
  }

  /** The validated, normalised values of a {@link CustomerDetails}. */
  private record Values(
      String name,
      String legalEntity,
      String taxId,
      Currency currency,
      String country,
      PaymentTerms terms,
      BigDecimal creditLimit,
      Contact billingContact,
      Contact technicalContact,
      Address billingAddress,
      Address shippingAddress) {}

  private Values validate(CustomerDetails d) {
    Currency currency = CustomerRules.currency(d.currency());
    return new Values(
        CustomerRules.text(d.name(), "name", 200, true),
        CustomerRules.text(d.legalEntity(), "legalEntity", 200, false),
        CustomerRules.text(d.taxId(), "taxId", 40, false),
        currency,
        CustomerRules.text(d.country(), "country", 100, false),
        terms(d.paymentTerms(), d.paymentTermsDays()),
        CustomerRules.creditLimit(d.creditLimit(), currency),
        CustomerRules.contact(d.billingContact(), "billingContact"),
        CustomerRules.contact(d.technicalContact(), "technicalContact"),
        CustomerRules.address(d.billingAddress(), "billingAddress"),
        CustomerRules.address(d.shippingAddress(), "shippingAddress"));
  }

  private PaymentTerms terms(String code, Integer days) {
    if (code == null || code.isBlank()) {
      if (days == null) {
        throw new BusinessRuleViolation(
            ErrorCode.INVALID_REQUEST, "paymentTerms (or paymentTermsDays) is required");
      }
      return termsByDays(days)
          .orElseThrow(
              () ->
                  new BusinessRuleViolation(
                      ErrorCode.UNKNOWN_PAYMENT_TERMS, "no payment terms of " + days + " days"));
    }
    PaymentTerms terms = em.find(PaymentTerms.class, code.strip());
    if (terms == null) {
      throw new BusinessRuleViolation(
          ErrorCode.UNKNOWN_PAYMENT_TERMS, "no payment terms " + code.strip());
    }
    if (days != null && days != terms.days()) {
      throw new BusinessRuleViolation(
          ErrorCode.INVALID_REQUEST,
          "payment terms " + terms.code() + " are " + terms.days() + " days, not " + days);
    }
    return terms;
  }

  private Optional<PaymentTerms> termsByDays(int days) {
    return em.createNamedQuery(PaymentTerms.BY_DAYS, PaymentTerms.class)
        .setParameter("days", days)
        .getResultStream()
        .findFirst();
  }

  private Customer lockedCustomer(String customerNumber) {
    Customer customer =
        find(customerNumber)
            .orElseThrow(
                () ->
                    new BusinessRuleViolation(
                        ErrorCode.UNKNOWN_CUSTOMER, "no customer " + customerNumber));
    em.refresh(customer, LockModeType.PESSIMISTIC_WRITE);
    return customer;
  }

  private BigDecimal balance(Customer customer) {
    return new CustomerBalances(em).balance(customer);
  }

  private long count(String sql, Customer customer) {
    return ((Number) em.createNativeQuery(sql).setParameter(1, customer.id()).getSingleResult())
        .longValue();
  }

  private static BusinessRuleViolation hasTransactions(String customerNumber, String what) {
    return new BusinessRuleViolation(
        ErrorCode.CUSTOMER_HAS_TRANSACTIONS,
        "customer "
            + customerNumber
            + " has transactions ("
            + what
            + ") and is never deleted; archive it instead");
  }

  /** The audited fields of a customer, as text ("" when absent). */
  private static Map<String, String> fields(Customer c) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("name", c.name());
    fields.put("legalEntity", str(c.legalEntity()));
    fields.put("taxId", str(c.taxId()));
    fields.put("currency", c.currency().getCurrencyCode());
    fields.put("country", str(c.country()));
    fields.put("paymentTerms", c.paymentTermsCode());
    fields.put("creditLimit", c.creditLimit().map(BigDecimal::toPlainString).orElse(""));
    fields.put("billingContact", c.billingContact().map(Contact::toString).orElse(""));
    fields.put("technicalContact", c.technicalContact().map(Contact::toString).orElse(""));
    fields.put("billingAddress", c.billingAddress().map(Address::toString).orElse(""));
    fields.put("shippingAddress", c.shippingAddress().map(Address::toString).orElse(""));
    fields.put("status", c.status().name());
    return fields;
  }

  private static String str(String value) {
    return value == null ? "" : value;
  }

  private static void requirePresent(CustomerDetails details) {
    if (details == null) {
      throw new BusinessRuleViolation(ErrorCode.INVALID_REQUEST, "the customer's data is required");
    }
  }

  private static String json(JsonObjectBuilder builder) {
    return builder.build().toString();
  }

  private static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC);
  }

  private AuditTrail audit() {
    return new AuditTrail(em);
  }

  private String user() {
    return session.getCallerPrincipal() == null ? "system" : session.getCallerPrincipal().getName();
  }
}
