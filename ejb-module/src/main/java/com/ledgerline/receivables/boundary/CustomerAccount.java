package com.ledgerline.receivables.boundary;

import com.ledgerline.receivables.entity.Aging;
import com.ledgerline.receivables.entity.AgingBucket;
import com.ledgerline.receivables.entity.LatePayerIndicator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A customer's account as of a date: the balance (the sum of the customer ledger entries posted up
 * to the date), its aging, one page of the open items and the late-payer indicator.
 *
 * @param currency the customer's currency
 * @param balance the balance in the customer's currency (0 when nothing is open in it); entries in
 *     another currency (from before a currency change) are in {@code aging} only
 * @param basis how the open items were computed ({@code OpenItemsAsOf.Basis}); the figures do not
 *     depend on it
 * @param aging one per currency with open items, ordered by currency code
 * @param openItemCount all open items on the date; {@code openItems} holds the requested page
 * @param openItems oldest due date first
 */
public record CustomerAccount(
    String customerNumber,
    String name,
    String currency,
    int paymentTermsDays,
    LocalDate asOf,
    String basis,
    BigDecimal balance,
    List<Aging> aging,
    long openItemCount,
    int offset,
    List<OpenItem> openItems,
    LatePayerIndicator paymentBehaviour) {

  /**
   * One open item: an invoice with a non-zero open amount, or a credit.
   *
   * @param invoiceDate the invoice's posting date; null for a credit that names no invoice
   * @param invoicedAmount the invoice and its amendments as posted up to the date
   * @param openAmount what is still owed (+) or owed to the customer (-, unapplied credit)
   * @param daysPastDue as-of date - due date; ≤ 0 when not yet due
   * @param bucket the aging bucket; null for an unapplied credit, which is never aged
   */
  public record OpenItem(
      String itemNumber,
      String currency,
      LocalDate invoiceDate,
      LocalDate dueDate,
      BigDecimal invoicedAmount,
      BigDecimal openAmount,
      long daysPastDue,
      AgingBucket bucket,
      boolean unappliedCredit) {}
}
