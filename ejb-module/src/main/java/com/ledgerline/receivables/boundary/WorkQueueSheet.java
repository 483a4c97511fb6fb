package com.ledgerline.receivables.boundary;

import com.ledgerline.receivables.entity.Aging;
import java.time.LocalDate;
import java.util.List;

/**
 * One page of the receivables work queue sorted by a column of the caller's choice, each row with
 * its aging buckets: what the finance screen's work queue shows. The rows and their ranks are those
 * of {@link WorkQueue} (customers with an overdue amount, one row per customer and currency); only
 * the order differs.
 *
 * @param rows the page
 */
public record WorkQueueSheet(
    LocalDate asOf, String basis, Order orderBy, boolean descending, int offset, List<Row> rows) {

  /** The columns the queue sorts by; ties go to the queue's own order (most overdue first). */
  public enum Order {
    /** The queue's own order: overdue amount, then oldest due date, then customer. */
    MOST_OVERDUE,
    OVERDUE_AMOUNT,
    BALANCE,
    OLDEST_DUE_DATE,
    OVERDUE_ITEMS,
    CUSTOMER_NUMBER,
    NAME
  }

  /**
   * @param entry the queue's row ({@code rank} is the position in the requested order)
   * @param aging the customer's aging in the row's currency as of the date
   */
  public record Row(WorkQueue.Entry entry, Aging aging) {}
}
