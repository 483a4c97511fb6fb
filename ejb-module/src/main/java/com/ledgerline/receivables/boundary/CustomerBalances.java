package com.ledgerline.receivables.boundary;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One page of all customers with their balances as of a date, by customer number.
 *
 * @param nextAfterCustomerNumber pass as {@code after} for the next page; null on the last page
 */
public record CustomerBalances(
    LocalDate asOf, String basis, List<Row> customers, String nextAfterCustomerNumber) {

  /**
   * A customer's position in one currency: the customer's own currency always (zero when nothing is
   * open), and any other currency the customer still has open items in.
   *
   * @param balance the sum of the customer ledger entries in this currency up to the date
   * @param overdue owed and past due
   * @param unappliedCredit credits not yet applied (≤ 0)
   */
  public record Row(
      String customerNumber,
      String name,
      String currency,
      BigDecimal balance,
      BigDecimal overdue,
      BigDecimal unappliedCredit,
      long openItems) {}
}
