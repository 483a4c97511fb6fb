package com.ledgerline.receivables.control;

import com.ledgerline.receivables.control.OpenItemsAsOf.Basis;
import com.ledgerline.receivables.control.OpenItemsAsOf.Customers;
import com.ledgerline.receivables.entity.Aging;
import com.ledgerline.shared.Rows;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Aging and open items as of a date, read from {@link OpenItemsAsOf}. The database sums open
 * amounts per customer, currency, due date and sign; the bucket rule is applied once, in Java
 * ({@link Aging.Accumulator}), so there is a single definition of the buckets.
 */
public final class AgingReports {

  /** A customer as listed: internal id, number, name, currency. */
  public record CustomerRow(long id, String customerNumber, String name, String currency) {}

  /** One open item as of the date. {@code invoiceDate} is null for a credit without invoice. */
  public record OpenItemRow(
      String itemNumber,
      String currency,
      LocalDate invoiceDate,
      LocalDate dueDate,
      BigDecimal invoicedAmount,
      BigDecimal openAmount) {}

  private final EntityManager em;

  public AgingReports(EntityManager em) {
    this.em = em;
  }

  /** Aging over all customers, one per currency, ordered by currency code. */
  public List<Aging> totals(Basis basis, LocalDate asOf) {
    List<?> rows =
        em.createNativeQuery(
                "select currency, due_date, sum(open_amount), count(*) from "
                    + OpenItemsAsOf.items(basis, asOf, Customers.all())
                    + " i group by currency, due_date, open_amount < 0")
            .getResultList();
    Map<String, Aging.Accumulator> byCurrency = new TreeMap<>();
    for (Object row : rows) {
      Object[] r = (Object[]) row;
      byCurrency
          .computeIfAbsent(Rows.code(r[0]), currency -> new Aging.Accumulator(currency, asOf))
          .add(Rows.date(r[1]), Rows.decimal(r[2]), Rows.longValue(r[3]));
    }
    return byCurrency.values().stream().map(Aging.Accumulator::result).toList();
  }

  /**
   * Aging per customer (one per currency the customer has open items in, ordered by currency);
   * customers without open items on the date are absent from the map.
   */
  public Map<Long, List<Aging>> agingOf(Basis basis, LocalDate asOf, Collection<Long> customerIds) {
    Map<Long, List<Aging>> result = new LinkedHashMap<>();
    if (customerIds.isEmpty()) {
      return result;
    }
    List<?> rows =
        em.createNativeQuery(
                "select customer_id, currency, due_date, sum(open_amount), count(*) from "
                    + OpenItemsAsOf.items(basis, asOf, Customers.ids(customerIds))
                    + " i group by customer_id, currency, due_date, open_amount < 0")
            .getResultList();
    Map<Long, Map<String, Aging.Accumulator>> accumulators = new LinkedHashMap<>();
    for (Object row : rows) {
      Object[] r = (Object[]) row;
      accumulators
          .computeIfAbsent(Rows.longValue(r[0]), id -> new TreeMap<>())
          .computeIfAbsent(Rows.code(r[1]), currency -> new Aging.Accumulator(currency, asOf))
          .add(Rows.date(r[2]), Rows.decimal(r[3]), Rows.longValue(r[4]));
    }
    accumulators.forEach(
        (id, byCurrency) ->
            result.put(id, byCurrency.values().stream().map(Aging.Accumulator::result).toList()));
    return result;
  }

  /**
   * The customers with at least one open item on the date, ordered by customer number, after {@code
   * afterCustomerNumber} (keyset paging: each page costs the same however deep).
   *
   * @param afterCustomerNumber "" for the first page
   * @param limit at most this many
   */
  public List<CustomerRow> customersWithOpenItems(
      Basis basis, LocalDate asOf, String afterCustomerNumber, int limit) {
    String sql =
        basis == Basis.SUMMARY
            // a probe of the open-item index per customer, in customer number order, until the
            // page is full
            ? "select c.id, c.customer_number, c.name, c.currency from cus_customer c where"
                + " c.customer_number > ?1 and exists (select 1 from ar_open_item o where"
                + " o.customer_id = c.id and o.open_amount <> 0) order by c.customer_number"
                + " limit ?2"
            // for a past date: a probe of the customer's own entries up to the date (customer
            // index), never the whole ledger
            : "select c.id, c.customer_number, c.name, c.currency from cus_customer c where"
                + " c.customer_number > ?1 and exists (select 1 from ar_customer_ledger_entry e"
                + " where e.customer_id = c.id and e.posting_date <= "
                + OpenItemsAsOf.literal(asOf)
                + " group by coalesce(e.applies_to_number, e.document_number) having"
                + " sum(e.amount) <> 0) order by c.customer_number limit ?2";
    return customers(
        em.createNativeQuery(sql)
            .setParameter(1, afterCustomerNumber)
            .setParameter(2, limit)
            .getResultList());
  }

  /** All customers ordered by number, after {@code afterCustomerNumber} (keyset paging). */
  public List<CustomerRow> customers(String afterCustomerNumber, int limit) {
    return customers(
        em.createNativeQuery(
                "select id, customer_number, name, currency from cus_customer where"
                    + " customer_number > ?1 order by customer_number limit ?2")
            .setParameter(1, afterCustomerNumber)
            .setParameter(2, limit)
            .getResultList());
  }

  /** One customer by number, if known. */
  public java.util.Optional<CustomerRow> customer(String customerNumber) {
    return customers(
            em.createNativeQuery(
                    "select id, customer_number, name, currency from cus_customer where"
                        + " customer_number = ?1")
                .setParameter(1, customerNumber)
                .getResultList())
        .stream()
        .findFirst();
  }

  /**
   * One customer's open items on the date, oldest due date first (then by number).
   *
   * @param offset items to skip, ≥ 0
   * @param limit at most this many
   */
  public List<OpenItemRow> openItems(
      Basis basis, LocalDate asOf, long customerId, int offset, int limit) {
    List<?> rows =
        em.createNativeQuery(
                "select item_number, currency, invoice_posting_date, due_date, invoiced_amount,"
                    + " open_amount from "
                    + OpenItemsAsOf.items(basis, asOf, Customers.ids(List.of(customerId)))
                    + " i order by due_date, item_number offset ?1 limit ?2")
            .setParameter(1, offset)
            .setParameter(2, limit)
            .getResultList();
    List<OpenItemRow> items = new ArrayList<>();
    for (Object row : rows) {
      Object[] r = (Object[]) row;
      items.add(
          new OpenItemRow(
              Rows.text(r[0]),
              Rows.code(r[1]),
              Rows.date(r[2]),
              Rows.date(r[3]),
              Rows.decimal(r[4]),
              Rows.decimal(r[5])));
    }
    return items;
  }

  private static List<CustomerRow> customers(List<?> rows) {
    List<CustomerRow> customers = new ArrayList<>();
    for (Object row : rows) {
      Object[] r = (Object[]) row;
      customers.add(
          new CustomerRow(Rows.longValue(r[0]), Rows.text(r[1]), Rows.text(r[2]), Rows.code(r[3])));
    }
    return customers;
  }
}
