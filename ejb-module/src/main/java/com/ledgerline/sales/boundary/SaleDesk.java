package com.ledgerline.sales.boundary;

import com.ledgerline.catalog.entity.Variant;
import com.ledgerline.customers.entity.Customer;
import com.ledgerline.inventory.entity.StockLevel;
import com.ledgerline.payments.entity.Tender;
import com.ledgerline.security.Roles;
import com.ledgerline.shared.Money;
import com.ledgerline.shared.Rows;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the cashier's sale entry reads while a sale is being put together, read-only: customers by
 * number or name with their balance and credit headroom, variants by SKU or name with their stock
 * on hand, the tenders a payment may use. Each answer is one query, however many rows it holds. The
 * sale itself is drafted, priced and posted through {@link Sales}.
 */
@Stateless
@RolesAllowed({Roles.CASHIER, Roles.APPROVER, Roles.FINANCE, Roles.ADMIN, Roles.AUDITOR})
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class SaleDesk {
  /** The most rows a search answers. */
  public static final int MAX_MATCHES = 25;

  @PersistenceContext private EntityManager em;

  /**
   * Customers who are not archived whose number or name contains {@code text} (any case), by
   * number.
   *
   * @param text at least one character; blank = none
   * @param limit 1..{@value #MAX_MATCHES}
   */
  public List<CustomerStanding> customers(String text, int limit) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    List<Customer> customers =
        em.createQuery(
                "select c from Customer c where c.status <> :archived and (lower(c.customerNumber)"
                    + " like :text escape '\\' or lower(c.name) like :text escape '\\') order by"
                    + " c.customerNumber",
                Customer.class)
            .setParameter("archived", Customer.Status.ARCHIVED)
            .setParameter("text", contains(text))
            .setMaxResults(Math.min(MAX_MATCHES, Math.max(1, limit)))
            .getResultList();
    return standings(customers);
  }

  /** One customer's standing (any status); empty when there is no such customer. */
  public Optional<CustomerStanding> customer(String customerNumber) {
    return em.createNamedQuery(Customer.BY_NUMBER, Customer.class)
        .setParameter("number", customerNumber)
        .getResultStream()
        .findFirst()
        .map(c -> standings(List.of(c)).get(0));
  }

  /** The customers' standings: their balances in one aggregate query. */
  private List<CustomerStanding> standings(List<Customer> customers) {
    if (customers.isEmpty()) {
      return List.of();
    }
    java.util.Map<Long, BigDecimal> sums = new java.util.HashMap<>();
    em.createQuery(
            "select e.customer.id, sum(e.amount) from CustomerLedgerEntry e where e.customer in"
                + " :customers group by e.customer.id",
            Object[].class)
        .setParameter("customers", customers)
        .getResultStream()
        .forEach(row -> sums.put(((Number) row[0]).longValue(), (BigDecimal) row[1]));
    return customers.stream().map(c -> standing(c, sums.get(c.id()))).toList();
  }

  /**
   * Variants whose SKU or name contains {@code text} (any case), by SKU, with their stock on hand.
   *
   * @param text at least one character; blank = none
   * @param limit 1..{@value #MAX_MATCHES}
   */
  public List<VariantChoice> variants(String text, int limit) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return choices(
        em.createQuery(
                "select v from Variant v where lower(v.sku) like :text escape '\\' or"
                    + " lower(v.name) like :text escape '\\' order by v.sku",
                Variant.class)
            .setParameter("text", contains(text))
            .setMaxResults(Math.min(MAX_MATCHES, Math.max(1, limit)))
            .getResultList());
  }

  /** One variant with its stock on hand; empty when there is no such SKU. */
  public Optional<VariantChoice> variant(String sku) {
    List<Variant> found =
        em.createNamedQuery(Variant.BY_SKU, Variant.class).setParameter("sku", sku).getResultList();
    return choices(found).stream().findFirst();
  }

  /** The variants with their stock levels, read in one query. */
  private List<VariantChoice> choices(List<Variant> variants) {
    if (variants.isEmpty()) {
      return List.of();
    }
    java.util.Map<Long, StockLevel> levels = new java.util.HashMap<>();
    em.createQuery("select l from StockLevel l where l.variantId in :ids", StockLevel.class)
        .setParameter("ids", variants.stream().map(Variant::id).toList())
        .getResultStream()
        .forEach(l -> levels.put(l.variantId(), l));
    return variants.stream().map(v -> choice(v, levels.get(v.id()))).toList();
  }

  /**
   * Everything that happened to a sale, oldest first: its revisions, the journal entries, stock
   * movements and customer ledger entries of the sale and of its payments and credit notes, its
   * payments and their reversals, the approval requests about its payments and their decisions, its
   * credit notes. One query per kind, whatever the number of events.
   *
   * @param reference the sale's invoice or draft number
   * @return empty when there is no such sale
   */
  public List<SaleEvent> timeline(String reference) {
    List<?> found =
        em.createNativeQuery("select id from sal_sale where sale_number = ?1 or draft_number = ?1")
            .setParameter(1, reference)
            .getResultList();
    if (found.isEmpty()) {
      return List.of();
    }
    long sale = ((Number) found.get(0)).longValue();
    List<SaleEvent> events = new java.util.ArrayList<>();
    // each query answers: date, recorded at (or null), document, description, amount, by (or null)
    collect(
        events,
        "REVISION",
        "select posting_date, created_at, '#' || revision, reason, total, created_by from"
            + " sal_sale_revision where sale_id = ?1",
        sale);
    collect(
        events,
        "JOURNAL_ENTRY",
        "select e.posting_date, e.created_at, e.entry_number, e.document_type || ' '"
            + " || e.document_number || coalesce(': ' || e.description, ''), (select"
            + " sum(l.debit) from gl_journal_line l where l.journal_entry_id = e.id),"
            + " e.created_by from gl_journal_entry e where e.document_number in "
            + DOCUMENTS,
        sale);
    collect(
        events,
        "STOCK_MOVEMENT",
        "select m.posting_date, cast(null as timestamptz), m.document_number, m.movement_type"
            + " || ' ' || v.sku || ' ' || m.quantity, m.value, cast(null as varchar) from"
            + " inv_stock_movement m join cat_variant v on v.id = m.variant_id where"
            + " m.document_number in "
            + DOCUMENTS,
        sale);
    collect(
        events,
        "CUSTOMER_LEDGER",
        "select c.posting_date, cast(null as timestamptz), c.document_number, c.entry_type,"
            + " c.amount, cast(null as varchar) from ar_customer_ledger_entry c where"
            + " c.document_number in "
            + DOCUMENTS
            + " or c.applies_to_number = (select sale_number from sal_sale where id = ?1)",
        sale);
    collect(
        events,
        "PAYMENT",
        "select payment_date, created_at, payment_number, tender_code, amount, created_by"
            + " from pay_payment where sale_id = ?1",
        sale);
    collect(
        events,
        "REVERSAL",
        "select r.reversal_date, r.created_at, p.payment_number, r.approval_request_number"
            + " || ': ' || r.reason, r.receivable_amount + r.deposit_amount, r.created_by"
            + " from pay_payment_reversal r join pay_payment p on p.id = r.payment_id where"
            + " p.sale_id = ?1",
        sale);
    rows(
            "select requested_at, request_number, request_type || ' ' || document_number || ': '"
                + " || reason, amount, requested_by, status, decided_at, decided_by,"
                + " decision_reason from apr_approval_request where document_number in "
                + DOCUMENTS,
            sale)
        .forEach(
            r -> {
              OffsetDateTime requested = at(r[0]);
              events.add(
                  new SaleEvent(
                      requested.toLocalDate(),
                      requested,
                      "APPROVAL_REQUEST",
                      (String) r[1],
                      (String) r[2],
                      (BigDecimal) r[3],
                      (String) r[4]));
              if (r[6] != null) {
                OffsetDateTime decided = at(r[6]);
                events.add(
                    new SaleEvent(
                        decided.toLocalDate(),
                        decided,
                        "APPROVAL_DECISION",
                        (String) r[1],
                        r[5] + (r[8] == null ? "" : ": " + r[8]),
                        null,
                        (String) r[7]));
              }
            });
    collect(
        events,
        "CREDIT_NOTE",
        "select posting_date, created_at, credit_note_number, reason, total, created_by from"
            + " sal_credit_note where sale_id = ?1",
        sale);
    events.sort(
        java.util.Comparator.comparing(SaleEvent::date)
            .thenComparing(
                SaleEvent::at,
                java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())));
    return events;
  }

  /** The numbers of the sale's own documents: the sale, its payments and its credit notes. */
  private static final String DOCUMENTS =
      "(select sale_number from sal_sale where id = ?1 and sale_number is not null union all"
          + " select payment_number from pay_payment where sale_id = ?1 union all select"
          + " credit_note_number from sal_credit_note where sale_id = ?1)";

  /**
   * Adds one event of {@code kind} per row of {@code sql}, whose columns are: date, recorded at (or
   * null), document number, description, amount (or null), by (or null).
   */
  private void collect(List<SaleEvent> events, String kind, String sql, long sale) {
    for (Object[] r : rows(sql, sale)) {
      events.add(
          new SaleEvent(
              date(r[0]),
              at(r[1]),
              kind,
              (String) r[2],
              (String) r[3],
              (BigDecimal) r[4],
              (String) r[5]));
    }
  }

  @SuppressWarnings("unchecked")
  private List<Object[]> rows(String sql, long sale) {
    return em.createNativeQuery(sql).setParameter(1, sale).getResultList();
  }

  private static LocalDate date(Object value) {
    return Rows.date(value);
  }

  private static OffsetDateTime at(Object value) {
    return Rows.timestamp(value);
  }

  /** A way to pay: its code (what a payment names) and its name. */
  public record TenderChoice(String code, String name) {}

  /** The tenders a payment may use now, by name. */
  public List<TenderChoice> tenders() {
    return em.createQuery(
            "select t from Tender t where t.active = true order by t.name", Tender.class)
        .getResultStream()
        .map(t -> new TenderChoice(t.code(), t.name()))
        .toList();
  }

  private static String contains(String text) {
    String escaped =
        text.strip()
            .toLowerCase(Locale.ROOT)
            .replace("\\", "\\\\")
            .replace("%", "\\%")
            .replace("_", "\\_");
    return "%" + escaped + "%";
  }

  private static CustomerStanding standing(Customer c, BigDecimal ledgerSum) {
    // ledger amounts are stored at scale 4 but are whole minor units: this only sets the scale
    BigDecimal balance =
        Money.of(
                ledgerSum == null ? BigDecimal.ZERO : ledgerSum, c.currency(), RoundingMode.HALF_UP)
            .amount();
    BigDecimal limit = c.creditLimit().orElse(null);
    return new CustomerStanding(
        c.customerNumber(),
        c.name(),
        c.currency().getCurrencyCode(),
        c.status().name(),
        c.paymentTermsDays(),
        balance,
        limit,
        limit == null ? null : limit.subtract(balance));
  }

  private static VariantChoice choice(Variant v, StockLevel level) {
    return new VariantChoice(
        v.sku(),
        v.name(),
        v.sellingPrice(),
        v.currency().getCurrencyCode(),
        v.stockTracked(),
        v.backorderAllowed(),
        v.stockTracked()
            ? (level == null ? BigDecimal.ZERO.setScale(4) : level.quantityOnHand())
            : null);
  }
}
