package com.ledgerline.receivables.control;

import com.ledgerline.receivables.control.OpenItemsAsOf.Basis;
import com.ledgerline.receivables.control.OpenItemsAsOf.Customers;
import com.ledgerline.shared.Rows;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The receivables work queue: customers with an overdue amount on the as-of date, most overdue
 * first. An amount is overdue when it is owed (open amount > 0) and its due date is before the
 * as-of date (at least one day past due, {@code AgingBucket.DAYS_1_30} onwards). One row per
 * customer and currency: amounts of different currencies are never added.
 *
 * <p>Order: overdue amount, largest first; then the oldest overdue due date, oldest first (most
 * days past due); then the customer registered first. Amounts of different currencies are compared
 * by their figures; pass a currency to rank one currency's customers only.
 */
public final class WorkQueueQueries {

  /** A customer's overdue position in one currency. */
  public record Row(
      long customerId,
      String customerNumber,
      String name,
      String currency,
      BigDecimal overdueAmount,
      long overdueItems,
      LocalDate oldestDueDate,
      BigDecimal balance) {}

  private final EntityManager em;

  public WorkQueueQueries(EntityManager em) {
    this.em = em;
  }

  /**
   * One page of the queue.
   *
   * @param currency ISO 4217 code to rank alone, or null for all currencies
   * @param offset rows to skip, ≥ 0
   * @param limit at most this many rows
   */
  public List<Row> page(Basis basis, LocalDate asOf, String currency, int offset, int limit) {
    // the page is cut inside, before the join: only the page's customers are joined
    return queue(
        basis,
        asOf,
        currency,
        " order by overdue_amount desc, oldest_due_date, customer_id offset ?1 limit ?2",
        "q.overdue_amount desc, q.oldest_due_date, q.customer_id",
        offset,
        limit);
  }

  /**
   * How many rows the queue has (customers and currencies with an overdue amount).
   *
   * @param currency ISO 4217 code, or null for all currencies
   */
  public long count(Basis basis, LocalDate asOf, String currency) {
    String date = OpenItemsAsOf.literal(asOf);
    Query query =
        em.createNativeQuery(
            """
            select count(*) from (select 1 from %s i
                                   where %s
                                   group by customer_id, currency
                                  having sum(open_amount) filter (where open_amount > 0 and due_date < %s) > 0) q"""
                .formatted(
                    OpenItemsAsOf.items(basis, asOf, Customers.all()),
                    currency == null ? "true" : "currency = ?1",
                    date));
    if (currency != null) {
      query.setParameter(1, currency);
    }
    return Rows.longValue(query.getSingleResult());
  }

  /**
   * One page of the queue in another order than its own: by {@code column} (a fixed SQL expression
   * over the queue's columns, chosen by the caller from a closed set, never caller text), then the
   * queue's own order.
   *
   * @param column one of {@code overdue_amount}, {@code balance}, {@code oldest_due_date}, {@code
   *     overdue_items}, {@code customer_number}, {@code name}, or null for the queue's own order
   */
  public List<Row> sortedPage(
      Basis basis,
      LocalDate asOf,
      String currency,
      String column,
      boolean descending,
      int offset,
      int limit) {
    if (column != null
        && !List.of(
                "overdue_amount",
                "balance",
                "oldest_due_date",
                "overdue_items",
                "customer_number",
                "name")
            .contains(column)) {
      throw new IllegalArgumentException("no work queue column " + column);
    }
    String first =
        column == null
            ? ""
            : (column.equals("customer_number") || column.equals("name") ? "c." : "q.")
                + column
                + (descending ? " desc nulls last, " : " asc nulls last, ");
    return queue(
        basis,
        asOf,
        currency,
        "",
        first
            + "q.overdue_amount desc, q.oldest_due_date, q.customer_id, q.currency offset ?1 limit ?2",
        offset,
        limit);
  }

  /**
   * The queue's rows: per customer and currency with an overdue amount, {@code innerTail} after the
   * grouping (an order and page cut before the join, or nothing), then joined to the customer and
   * ordered by {@code outerOrder} (which may end with the page cut).
   */
  private List<Row> queue(
      Basis basis,
      LocalDate asOf,
      String currency,
      String innerTail,
      String outerOrder,
      int offset,
      int limit) {
    String date = OpenItemsAsOf.literal(asOf);
    String overdue = "open_amount > 0 and due_date < " + date;
    Query query =
        em.createNativeQuery(
            """
                select q.customer_id, c.customer_number, c.name, q.currency, q.overdue_amount,
                       q.overdue_items, q.oldest_due_date, q.balance
                  from (select customer_id, currency,
                               sum(open_amount) filter (where %1$s) overdue_amount,
                               count(*) filter (where %1$s) overdue_items,
                               min(due_date) filter (where %1$s) oldest_due_date,
                               sum(open_amount) balance
                          from %2$s i
                         where %3$s
                         group by customer_id, currency
                        having sum(open_amount) filter (where %1$s) > 0%4$s) q
                  join cus_customer c on c.id = q.customer_id
                 order by %5$s"""
                .formatted(
                    overdue,
                    OpenItemsAsOf.items(basis, asOf, Customers.all()),
                    currency == null ? "true" : "currency = ?3",
                    innerTail,
                    outerOrder));
    return rows(query, currency, offset, limit);
  }

  /**
   * The oldest overdue item of each of these customers per currency (the earliest due date, then
   * the lowest number): the invoice to chase first. Keyed by {@code customerId + "/" + currency}.
   */
  public Map<String, String> oldestOverdueItems(
      Basis basis, LocalDate asOf, Collection<Long> customerIds) {
    Map<String, String> result = new HashMap<>();
    if (customerIds.isEmpty()) {
      return result;
    }
    List<?> rows =
        em.createNativeQuery(
                "select distinct on (customer_id, currency) customer_id, currency, item_number"
                    + " from "
                    + OpenItemsAsOf.items(basis, asOf, Customers.ids(customerIds))
                    + " i where open_amount > 0 and due_date < "
                    + OpenItemsAsOf.literal(asOf)
                    + " order by customer_id, currency, due_date, item_number")
            .getResultList();
    for (Object row : rows) {
      Object[] r = (Object[]) row;
      result.put(key(Rows.longValue(r[0]), Rows.code(r[1])), Rows.text(r[2]));
    }
    return result;
  }

  public static String key(long customerId, String currency) {
    return customerId + "/" + currency;
  }

  /** Runs a queue query ({@code ?1} offset, {@code ?2} limit, {@code ?3} the currency if any). */
  private static List<Row> rows(Query query, String currency, int offset, int limit) {
    query.setParameter(1, offset).setParameter(2, limit);
    if (currency != null) {
      query.setParameter(3, currency);
    }
    List<Row> rows = new ArrayList<>();
    for (Object row : query.getResultList()) {
      Object[] r = (Object[]) row;
      rows.add(
          new Row(
              Rows.longValue(r[0]),
              Rows.text(r[1]),
              Rows.text(r[2]),
              Rows.code(r[3]),
              Rows.decimal(r[4]),
              Rows.longValue(r[5]),
              Rows.date(r[6]),
              Rows.decimal(r[7])));
    }
    return rows;
  }
}
