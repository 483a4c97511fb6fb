package com.ledgerline.receivables.boundary;

import com.ledgerline.receivables.entity.LatePayerIndicator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One page of the receivables work queue: customers with overdue amounts, most overdue first
 * (overdue amount, then days past due of the oldest overdue item, then the customer registered
 * first).
 *
 * @param currency the currency ranked alone, or null for all
 * @param more whether another page follows
 */
public record WorkQueue(
    LocalDate asOf,
    String basis,
    String currency,
    int offset,
    int limit,
    List<Entry> entries,
    boolean more) {

  /**
   * A customer's overdue position in one currency.
   *
   * @param rank 1-based position in the whole queue
   * @param overdueAmount owed and past due (open amount > 0, due date before the as-of date)
   * @param overdueItems how many items that sums
   * @param oldestOverdueItem the invoice to chase first (earliest due date)
   * @param daysPastDue of the oldest overdue item
   * @param balance everything open in the currency, including what is not yet due and credits
   */
  public record Entry(
      long rank,
      String customerNumber,
      String name,
      String currency,
      BigDecimal overdueAmount,
      long overdueItems,
      String oldestOverdueItem,
      LocalDate oldestDueDate,
      long daysPastDue,
      BigDecimal balance,
      LatePayerIndicator paymentBehaviour) {}
}
