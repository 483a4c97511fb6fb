package com.ledgerline.receivables.boundary;

import com.ledgerline.receivables.entity.Aging;
import java.time.LocalDate;
import java.util.List;

/**
 * The accounts receivable aging of all customers as of a date: totals per currency and one page of
 * customers with open items, by customer number.
 *
 * @param basis how the open items were computed ({@code OpenItemsAsOf.Basis})
 * @param totals one per currency, ordered by currency code; over all customers, not the page
 * @param customers one row per customer and currency on this page
 * @param nextAfterCustomerNumber pass as {@code after} for the next page; null on the last page
 */
public record AgingReport(
    LocalDate asOf,
    String basis,
    List<Aging> totals,
    List<CustomerAging> customers,
    String nextAfterCustomerNumber) {

  /** One customer's aging in one currency. */
  public record CustomerAging(String customerNumber, String name, Aging aging) {}
}
