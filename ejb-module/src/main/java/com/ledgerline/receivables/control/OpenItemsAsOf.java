package com.ledgerline.receivables.control;

import com.ledgerline.shared.Rows;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The open items of the customer ledger as of a date, as SQL: a derived table with one row per open
 * item (an invoice, or a credit) whose open amount on that date is not zero, with the columns
 * {@code customer_id, item_number, currency, invoice_posting_date, due_date, invoiced_amount,
 * open_amount}. An item's open amount as of a date is the sum of the customer ledger entries naming
 * it (their {@code applies_to_number}, or their own number when they name none) posted on or before
 * that date.
 *
 * <p>Three ways to the same rows, chosen by {@link #choose} (the trade-off, measured by the
 * receivables benchmark):
 *
 * <ul>
 *   <li>{@link Basis#SUMMARY}: when no entry is posted after the as-of date (the normal case for
 *       "as of today"), the maintained summary {@code ar_open_item} is the answer, read through its
 *       partial index of open items: cost grows with the open items, not with the history.
 *   <li>{@link Basis#SUMMARY_LESS_LATER_ENTRIES}: for a past date, the open items not touched since
 *       the date as the summary says (their latest posting date is on or before it), and the items
 *       touched since (found by their latest posting date) less the entries posted after the date
 *       (found by the posting-date index): cost grows with the open items and the entries after the
 *       date. Month-end and yesterday's reports take this way.
 *   <li>{@link Basis#ENTRIES_UP_TO_DATE}: the entries posted up to the date, summed per item: cost
 *       grows with the history up to the date. Taken for dates far enough back that more than
 *       {@value #LATER_ENTRIES_LIMIT} entries were posted after them, and for queries restricted to
 *       a few customers (whose entries the customer index finds directly).
 * </ul>
 *
 * Dates and customer ids are rendered into the SQL as typed literals ({@link LocalDate} and {@code
 * long} values only, never caller text).
 */
public final class OpenItemsAsOf {

  /** How the open items as of a date are computed. */
  public enum Basis {
    /** The maintained open-item summary ({@code ar_open_item}) as it stands. */
    SUMMARY,
    /** The summary less the entries posted after the as-of date. */
    SUMMARY_LESS_LATER_ENTRIES,
    /** The customer ledger entries posted up to the as-of date, summed per item. */
    ENTRIES_UP_TO_DATE
  }

  /**
   * Above this many entries posted after the as-of date, summing the entries up to the date is
   * preferred to taking the later ones off the summary.
   */
  public static final int LATER_ENTRIES_LIMIT = 250_000;

  /** Which customers a query covers: all, or a given set (rendered as a predicate on a column). */
  public static final class Customers {
    private final UnaryOperator<String> predicate;
    private final boolean few;

    private Customers(UnaryOperator<String> predicate, boolean few) {
      this.predicate = predicate;
      this.few = few;
    }

    public static Customers all() {
      return new Customers(column -> "true", false);
    }

    /** The customers with these ids (at least one). */
    public static Customers ids(Collection<Long> ids) {
      if (ids.isEmpty()) {
        throw new IllegalArgumentException("at least one customer id");
      }
      String array =
          ids.stream()
              .map(id -> Long.toString(Objects.requireNonNull(id)))
              .collect(Collectors.joining(",", "'{", "}'::bigint[]"));
      return new Customers(column -> column + " = any(" + array + ")", true);
    }

    String on(String column) {
      return predicate.apply(column);
    }

    /** Whether the set is small enough that the customers' own entries are the cheap way. */
    boolean few() {
      return few;
    }
  }

  private final EntityManager em;

  public OpenItemsAsOf(EntityManager em) {
    this.em = em;
  }

  /**
   * The cheapest basis that gives the exact open items as of {@code asOf} for these customers. Asks
   * the database for the latest posting date (one index probe) and, for a past date over all
   * customers, counts the entries posted after it (index only, stopping at the limit).
   */
  public Basis choose(LocalDate asOf, Customers customers) {
    Object latest =
        em.createNativeQuery("select max(posting_date) from ar_customer_ledger_entry")
            .getSingleResult();
    if (latest == null || !asOf.isBefore(Rows.date(latest))) {
      return Basis.SUMMARY;
    }
    if (customers.few()) {
      return Basis.ENTRIES_UP_TO_DATE;
    }
    long later =
        Rows.longValue(
            em.createNativeQuery(
                    "select count(*) from (select 1 from ar_customer_ledger_entry where"
                        + " posting_date > "
                        + literal(asOf)
                        + " limit "
                        + LATER_ENTRIES_LIMIT
                        + ") later")
                .getSingleResult());
    return later < LATER_ENTRIES_LIMIT
        ? Basis.SUMMARY_LESS_LATER_ENTRIES
        : Basis.ENTRIES_UP_TO_DATE;
  }

  /**
   * The derived table of the items open as of {@code asOf} (parenthesised, without alias).
   *
   * @param basis how to compute it; every basis gives the same rows
   */
  public static String items(Basis basis, LocalDate asOf, Customers customers) {
    String date = literal(asOf);
    return switch (basis) {
      case SUMMARY ->
          """
          (select customer_id, item_number, currency, invoice_posting_date, due_date,
                  invoiced_amount, open_amount
             from ar_open_item
            where open_amount <> 0 and %s)"""
              .formatted(customers.on("customer_id"));
      case ENTRIES_UP_TO_DATE ->
          """
          (select customer_id, coalesce(applies_to_number, document_number) item_number,
                  min(currency) currency,
                  min(posting_date) filter (where entry_type = 'invoice') invoice_posting_date,
                  coalesce(min(coalesce(due_date, posting_date)) filter (where entry_type = 'invoice'),
                           min(coalesce(due_date, posting_date))) due_date,
                  coalesce(sum(amount) filter (where entry_type in ('invoice', 'invoice_update')), 0)
                      invoiced_amount,
                  sum(amount) open_amount
             from ar_customer_ledger_entry
            where posting_date <= %1$s and %2$s
            group by customer_id, coalesce(applies_to_number, document_number)
           having sum(amount) <> 0)"""
              .formatted(date, customers.on("customer_id"));
      case SUMMARY_LESS_LATER_ENTRIES ->
          // untouched since the date: as the summary says; touched since: less the later entries
          """
          (with later as (
               select coalesce(applies_to_number, document_number) item_number,
                      sum(amount) amount,
                      coalesce(sum(amount) filter (where entry_type in ('invoice', 'invoice_update')), 0)
                          invoiced_amount
                 from ar_customer_ledger_entry
                where posting_date > %1$s and %2$s
                group by coalesce(applies_to_number, document_number))
           select customer_id, item_number, currency, invoice_posting_date, due_date,
                  invoiced_amount, open_amount
             from ar_open_item
            where open_amount <> 0 and last_posting_date <= %1$s and %2$s
           union all
           select o.customer_id, o.item_number, o.currency,
                  case when o.invoice_posting_date <= %1$s then o.invoice_posting_date end,
                  o.due_date, o.invoiced_amount - l.invoiced_amount, o.open_amount - l.amount
             from ar_open_item o join later l on l.item_number = o.item_number
            where o.last_posting_date > %1$s and %3$s and o.open_amount - l.amount <> 0)"""
              .formatted(date, customers.on("customer_id"), customers.on("o.customer_id"));
    };
  }

  /** A date as a SQL literal. */
  static String literal(LocalDate date) {
    return "date '" + date + "'";
  }
}
