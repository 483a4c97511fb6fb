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
      entries.add(entry(++rank, row, oldest, behaviour, date));
    }
    return new WorkQueue(date, basis.name(), currency, offset, limit, entries, more);
  }

  /**
   * How many rows the whole work queue has as of a date (customers and currencies with an overdue
   * amount): the paginator of the finance screen's work queue.
   *
   * @param asOf the report date; null = today
   * @param currency ISO 4217 code to count one currency alone; null = all
   * @throws BusinessRuleViolation {@code INVALID_REQUEST} for an unknown currency code or a date
   *     outside years 1..9999
   */
  public long workQueueSize(LocalDate asOf, String currency) {
    LocalDate date = asOf(asOf);
    if (currency != null) {
      requireCurrency(currency);
    }
    Basis basis = new OpenItemsAsOf(em).choose(date, Customers.all());
    return new WorkQueueQueries(em).count(basis, date, currency);
  }

  /**
   * One page of the receivables work queue sorted by a column, each row with its aging buckets and
   * the late-payer indicator: the finance screen's work queue. Four statements however long the
   * page: the page, its oldest overdue items, its aging and its payment behaviour.
   *
   * @param asOf the report date; null = today
   * @param currency ISO 4217 code to list one currency alone; null = all
   * @param orderBy the column; null = {@link WorkQueueSheet.Order#MOST_OVERDUE}
   * @param descending the direction for {@code orderBy} (ignored for the queue's own order)
   * @param offset rows to skip, ≥ 0
   * @param limit rows to return, 1..{@value #MAX_LIMIT}
   * @throws BusinessRuleViolation {@code INVALID_REQUEST} for a paging value out of range, an
   *     unknown currency code or a date outside years 1..9999
   */
  public WorkQueueSheet workQueueSheet(
      LocalDate asOf,
      String currency,
      WorkQueueSheet.Order orderBy,
      boolean descending,
      int offset,
      int limit) {
    LocalDate date = asOf(asOf);
    requirePage(offset, limit);
    if (currency != null) {
      requireCurrency(currency);
    }
    WorkQueueSheet.Order order = orderBy == null ? WorkQueueSheet.Order.MOST_OVERDUE : orderBy;
    String column =
        switch (order) {
          case MOST_OVERDUE -> null;
          case OVERDUE_AMOUNT -> "overdue_amount";
          case BALANCE -> "balance";
          case OLDEST_DUE_DATE -> "oldest_due_date";
          case OVERDUE_ITEMS -> "overdue_items";
          case CUSTOMER_NUMBER -> "customer_number";
          case NAME -> "name";
        };
    Basis basis = new OpenItemsAsOf(em).choose(date, Customers.all());
    WorkQueueQueries queue = new WorkQueueQueries(em);
    List<WorkQueueQueries.Row> rows =
        queue.sortedPage(basis, date, currency, column, descending, offset, limit);
    List<Long> ids = rows.stream().map(WorkQueueQueries.Row::customerId).distinct().toList();
    Map<String, String> oldest = queue.oldestOverdueItems(basis, date, ids);
    Map<Long, LatePayerIndicator> behaviour =
        ids.isEmpty() ? Map.of() : new PaymentHistory(em).indicators(ids, date);
    Map<Long, List<Aging>> aging = new AgingReports(em).agingOf(basis, date, ids);
    List<WorkQueueSheet.Row> sheet = new ArrayList<>();
    long rank = offset;
    for (WorkQueueQueries.Row row : rows) {
      WorkQueue.Entry entry = entry(++rank, row, oldest, behaviour, date);
      Aging buckets =
          aging.getOrDefault(row.customerId(), List.of()).stream()
              .filter(a -> a.currency().equals(row.currency()))
              .findFirst()
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "no aging for " + row.customerNumber() + " in " + row.currency()));
      sheet.add(new WorkQueueSheet.Row(entry, buckets));
    }
    return new WorkQueueSheet(date, basis.name(), order, descending, offset, sheet);
  }

  /**
   * One page of a customer's ledger, oldest first, with running balances per currency (one
   * statement for the page, one for the count).
   *
   * @param offset entries to skip, ≥ 0
   * @param limit entries to return, 1..{@value #MAX_LIMIT}
   * @throws BusinessRuleViolation {@code UNKNOWN_CUSTOMER}; {@code INVALID_REQUEST} for a paging
   *     value out of range
   */
  @SuppressWarnings("unchecked")
  public CustomerLedger ledger(String customerNumber, int offset, int limit) {
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
    long total =
        ((Number)
                em.createNativeQuery(
                        "select count(*) from ar_customer_ledger_entry where customer_id = ?1")
                    .setParameter(1, customer.id())
                    .getSingleResult())
            .longValue();
    List<Object[]> rows =
        em.createNativeQuery(
                """
                select posting_date, entry_type, document_type, document_number, applies_to_number,
                       due_date, currency, amount,
                       sum(amount) over (partition by currency order by posting_date, id
                                         rows unbounded preceding)
                  from ar_customer_ledger_entry
                 where customer_id = ?1
                 order by posting_date, id
                offset ?2 limit ?3""")
            .setParameter(1, customer.id())
            .setParameter(2, offset)
            .setParameter(3, limit)
            .getResultList();
    List<CustomerLedger.Entry> entries = new ArrayList<>();
    for (Object[] r : rows) {
      String currency = r[6].toString().trim();
      entries.add(
          new CustomerLedger.Entry(
              toDate(r[0]),
              (String) r[1],
              (String) r[2],
              (String) r[3],
              (String) r[4],
              r[5] == null ? null : toDate(r[5]),
              currency,
              Aging.atCurrencyScale((BigDecimal) r[7], currency),
              Aging.atCurrencyScale((BigDecimal) r[8], currency)));
    }
    return new CustomerLedger(customer.customerNumber(), total, offset, entries);
  }

  private static LocalDate toDate(Object value) {
    return value instanceof java.sql.Date d ? d.toLocalDate() : LocalDate.parse(value.toString());
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

  /** A queue row as the work queue shows it: amounts at the currency's scale, days past due. */
  private static WorkQueue.Entry entry(
      long rank,
      WorkQueueQueries.Row row,
      Map<String, String> oldest,
      Map<Long, LatePayerIndicator> behaviour,
      LocalDate date) {
    return new WorkQueue.Entry(
        rank,
        row.customerNumber(),
        row.name(),
        row.currency(),
        Aging.atCurrencyScale(row.overdueAmount(), row.currency()),
        row.overdueItems(),
        oldest.get(WorkQueueQueries.key(row.customerId(), row.currency())),
        row.oldestDueDate(),
        AgingBucket.daysPastDue(row.oldestDueDate(), date),
        Aging.atCurrencyScale(row.balance(), row.currency()),
        behaviour.get(row.customerId()));
  }
}
