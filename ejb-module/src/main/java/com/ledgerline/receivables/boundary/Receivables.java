package com.ledgerline.receivables.boundary;

import com.ledgerline.customers.entity.Customer;
import com.ledgerline.receivables.control.AgingReports;
import com.ledgerline.receivables.control.AgingReports.CustomerRow;
import com.ledgerline.receivables.control.AgingReports.OpenItemRow;
import com.ledgerline.receivables.control.OpenItemsAsOf;
import com.ledgerline.receivables.control.OpenItemsAsOf.Basis;
import com.ledgerline.receivables.control.OpenItemsAsOf.Customers;
import com.ledgerline.receivables.control.PaymentHistory;
import com.ledgerline.receivables.control.WorkQueueQueries;
import com.ledgerline.receivables.entity.Aging;
import com.ledgerline.receivables.entity.AgingBucket;
import com.ledgerline.receivables.entity.LatePayerIndicator;
import com.ledgerline.security.Roles;
import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/**
 * The customer view of accounts receivable, read-only: a customer's account, the aging of all
 * customers, the work queue and the customer balance list, each as of a date (default today, the
 * server's calendar date). Every figure is derived from the customer ledger: through the open-item
 * summary the database keeps from it (proved equal by the invariant checks) or from the entries
 * themselves for past dates ({@link OpenItemsAsOf}).
 *
 * <p>Aging buckets: {@link AgingBucket}; unapplied credits are never aged ({@link Aging}); late
 * payers: {@code LatePayerRule}. A report's figures come from a few statements, each consistent on
 * its own (READ COMMITTED); a posting committed between them can show in one and not the other.
 */
@Stateless
@RolesAllowed({Roles.FINANCE, Roles.ADMIN, Roles.AUDITOR})
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class Receivables {
  /** The largest page any of these reads returns. */
  public static final int MAX_LIMIT = 500;

  @PersistenceContext private EntityManager em;

  /**
   * A customer's account as of a date.
   *
   * @param customerNumber the customer
   * @param asOf the report date; null = today
   * @param offset open items to skip, ≥ 0
   * @param limit open items to return, 1..{@value #MAX_LIMIT}
   * @throws BusinessRuleViolation {@code UNKNOWN_CUSTOMER}; {@code INVALID_REQUEST} for a paging
   *     value out of range or a date outside years 1..9999
   */
  public CustomerAccount account(String customerNumber, LocalDate asOf, int offset, int limit) {
    LocalDate date = asOf(asOf);
    requirePage(offset, limit);
    Customer customer =
        em.createNamedQuery(Customer.BY_NUMBER, Customer.class)
            .setParameter("number", customerNumber)
            .getResultStream()
            .findFirst()
            .orElseThrow(
                () ->
                    new BusinessRuleViolation(
                        ErrorCode.UNKNOWN_CUSTOMER, "no customer " + customerNumber));
    long id = customer.id();
    String currency = customer.currency().getCurrencyCode();
    Basis basis = new OpenItemsAsOf(em).choose(date, Customers.ids(List.of(id)));
    AgingReports reports = new AgingReports(em);
    List<Aging> aging = reports.agingOf(basis, date, List.of(id)).getOrDefault(id, List.of());
    BigDecimal balance =
        aging.stream()
            .filter(a -> a.currency().equals(currency))
            .map(Aging::balance)
            .findFirst()
            .orElse(Aging.atCurrencyScale(BigDecimal.ZERO, currency));
    long openItemCount = aging.stream().mapToLong(Aging::openItems).sum();
    List<CustomerAccount.OpenItem> items = new ArrayList<>();
    for (OpenItemRow row : reports.openItems(basis, date, id, offset, limit)) {
      boolean credit = row.openAmount().signum() < 0;
      items.add(
          new CustomerAccount.OpenItem(
              row.itemNumber(),
              row.currency(),
              row.invoiceDate(),
              row.dueDate(),
              Aging.atCurrencyScale(row.invoicedAmount(), row.currency()),
              Aging.atCurrencyScale(row.openAmount(), row.currency()),
              AgingBucket.daysPastDue(row.dueDate(), date),
              credit ? null : AgingBucket.of(row.dueDate(), date),
              credit));
    }
    LatePayerIndicator behaviour = new PaymentHistory(em).indicators(List.of(id), date).get(id);
    return new CustomerAccount(
        customer.customerNumber(),
        customer.name(),
        currency,
        customer.paymentTermsDays(),
        date,
        basis.name(),
        balance,
        aging,
        openItemCount,
        offset,
        items,
        behaviour);
  }

  /**
   * The aging of all customers as of a date: totals per currency and one page of customers with
   * open items, by customer number.
   *
   * @param asOf the report date; null = today
   * @param afterCustomerNumber the page starts after this customer number; null or "" = first page
   * @param limit customers per page, 1..{@value #MAX_LIMIT}
   * @throws BusinessRuleViolation {@code INVALID_REQUEST} for a limit out of range or a date
   *     outside years 1..9999
   */
  public AgingReport aging(LocalDate asOf, String afterCustomerNumber, int limit) {
    LocalDate date = asOf(asOf);
    requirePage(0, limit);
    Basis basis = new OpenItemsAsOf(em).choose(date, Customers.all());
    AgingReports reports = new AgingReports(em);
    List<Aging> totals = reports.totals(basis, date);
    List<CustomerRow> page =
        reports.customersWithOpenItems(basis, date, after(afterCustomerNumber), limit + 1);
    boolean more = page.size() > limit;
    page = more ? page.subList(0, limit) : page;
    Map<Long, List<Aging>> aging =
        reports.agingOf(basis, date, page.stream().map(CustomerRow::id).toList());
    List<AgingReport.CustomerAging> customers = new ArrayList<>();
    for (CustomerRow customer : page) {
      for (Aging a : aging.getOrDefault(customer.id(), List.of())) {
        customers.add(new AgingReport.CustomerAging(customer.customerNumber(), customer.name(), a));
      }
    }
    return new AgingReport(
        date,
        basis.name(),
        totals,
        customers,
        more ? page.get(page.size() - 1).customerNumber() : null);
  }

  /**
   * One page of the receivables work queue as of a date ({@link WorkQueueQueries} for the order).
   *
   * @param asOf the report date; null = today
   * @param currency ISO 4217 code to rank one currency alone; null = all
   * @param offset queue rows to skip, ≥ 0
   * @param limit rows to return, 1..{@value #MAX_LIMIT}
   * @throws BusinessRuleViolation {@code INVALID_REQUEST} for a paging value out of range, an
   *     unknown currency code or a date outside years 1..9999
   */
  public WorkQueue workQueue(LocalDate asOf, String currency, int offset, int limit) {
    LocalDate date = asOf(asOf);
    requirePage(offset, limit);
    if (currency != null) {
      requireCurrency(currency);
    }
    Basis basis = new OpenItemsAsOf(em).choose(date, Customers.all());
    WorkQueueQueries queue = new WorkQueueQueries(em);
    List<WorkQueueQueries.Row> rows = queue.page(basis, date, currency, offset, limit + 1);
    boolean more = rows.size() > limit;
    rows = more ? rows.subList(0, limit) : rows;
    List<Long> ids = rows.stream().map(WorkQueueQueries.Row::customerId).distinct().toList();
    Map<String, String> oldest = queue.oldestOverdueItems(basis, date, ids);
    Map<Long, LatePayerIndicator> behaviour = new PaymentHistory(em).indicators(ids, date);
    List<WorkQueue.Entry> entries = new ArrayList<>();
    long rank = offset;
    for (WorkQueueQueries.Row row : rows) {
      entries.add(
          new WorkQueue.Entry(
              ++rank,
              row.customerNumber(),
              row.name(),
              row.currency(),
              Aging.atCurrencyScale(row.overdueAmount(), row.currency()),
              row.overdueItems(),
              oldest.get(WorkQueueQueries.key(row.customerId(), row.currency())),
              row.oldestDueDate(),
              AgingBucket.daysPastDue(row.oldestDueDate(), date),
              Aging.atCurrencyScale(row.balance(), row.currency()),
              behaviour.get(row.customerId())));
    }
    return new WorkQueue(date, basis.name(), currency, offset, limit, entries, more);
  }

  /**
   * One page of all customers, by customer number, with their balances as of a date.
   *
   * @param asOf the report date; null = today
   * @param afterCustomerNumber the page starts after this customer number; null or "" = first page
   * @param limit customers per page, 1..{@value #MAX_LIMIT}
   * @throws BusinessRuleViolation {@code INVALID_REQUEST} for a limit out of range or a date
   *     outside years 1..9999
   */
  public CustomerBalances customers(LocalDate asOf, String afterCustomerNumber, int limit) {
    LocalDate date = asOf(asOf);
    requirePage(0, limit);
    AgingReports reports = new AgingReports(em);
    List<CustomerRow> page = reports.customers(after(afterCustomerNumber), limit + 1);
    boolean more = page.size() > limit;
    page = more ? page.subList(0, limit) : page;
    List<Long> ids = page.stream().map(CustomerRow::id).toList();
    Basis basis =
        ids.isEmpty() ? Basis.SUMMARY : new OpenItemsAsOf(em).choose(date, Customers.ids(ids));
    Map<Long, List<Aging>> aging = reports.agingOf(basis, date, ids);
    List<CustomerBalances.Row> rows = new ArrayList<>();
    for (CustomerRow customer : page) {
      List<Aging> positions = aging.getOrDefault(customer.id(), List.of());
      if (positions.stream().noneMatch(a -> a.currency().equals(customer.currency()))) {
        BigDecimal zero = Aging.atCurrencyScale(BigDecimal.ZERO, customer.currency());
        rows.add(
            new CustomerBalances.Row(
                customer.customerNumber(),
                customer.name(),
                customer.currency(),
                zero,
                zero,
                zero,
                0));
      }
      for (Aging a : positions) {
        rows.add(
            new CustomerBalances.Row(
                customer.customerNumber(),
                customer.name(),
                a.currency(),
                a.balance(),
                a.overdue(),
                a.unappliedCredit(),
                a.openItems()));
      }
    }
    return new CustomerBalances(
        date, basis.name(), rows, more ? page.get(page.size() - 1).customerNumber() : null);
  }

  private static LocalDate asOf(LocalDate asOf) {
    LocalDate date = asOf == null ? LocalDate.now() : asOf;
    if (date.getYear() < 1 || date.getYear() > 9999) {
      throw new BusinessRuleViolation(
          ErrorCode.INVALID_REQUEST, "the as-of date must lie in years 1..9999, was " + date);
    }
    return date;
  }

  private static void requirePage(int offset, int limit) {
    if (offset < 0) {
      throw new BusinessRuleViolation(
          ErrorCode.INVALID_REQUEST, "offset must be ≥ 0, was " + offset);
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new BusinessRuleViolation(
          ErrorCode.INVALID_REQUEST, "limit must be 1.." + MAX_LIMIT + ", was " + limit);
    }
  }

  private static void requireCurrency(String currency) {
    try {
      Currency.getInstance(currency);
    } catch (IllegalArgumentException e) {
      throw new BusinessRuleViolation(
          ErrorCode.INVALID_REQUEST, "currency " + currency + " is not an ISO 4217 code");
    }
  }

  private static String after(String afterCustomerNumber) {
    return afterCustomerNumber == null ? "" : afterCustomerNumber;
  }
}
