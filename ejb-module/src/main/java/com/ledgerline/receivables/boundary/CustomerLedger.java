package com.ledgerline.receivables.boundary;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One page of a customer's ledger: the entries as posted (never changed; a correction is an entry
 * of its own), oldest first, each with the running balance in its currency.
 *
 * @param total entries the customer has (all pages)
 * @param entries the page
 */
public record CustomerLedger(String customerNumber, long total, int offset, List<Entry> entries) {

  /**
   * @param entryType {@code invoice}, {@code invoice_update}, {@code credit_note}, {@code payment},
   *     {@code payment_reversal}, {@code refund}, {@code write_off}
   * @param appliesTo the item the entry settles or corrects; null for an item of its own
   * @param amount signed: + owed by the customer, - paid or credited; at the currency's scale as
   *     stored
   * @param runningBalance the sum of the customer's entries in this currency up to and including
   *     this one (posting date, then entry order)
   */
  public record Entry(
      LocalDate postingDate,
      String entryType,
      String documentType,
      String documentNumber,
      String appliesTo,
      LocalDate dueDate,
      String currency,
      BigDecimal amount,
      BigDecimal runningBalance) {}
}
