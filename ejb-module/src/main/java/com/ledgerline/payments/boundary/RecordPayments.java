package com.ledgerline.payments.boundary;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A request to record money received against a posted sale: one tender ({@code method}, {@code
 * amount}) or several at once ({@code tenders}, a split tender posted as one transaction), not
 * both.
 *
 * @param date the payment date (the posting date of its journal entry), required
 * @param currency ISO 4217 code; null = the sale's. Checked, never converted.
 * @param method the tender of a single payment: {@code cash}, {@code card}, {@code bank_transfer},
 *     {@code voucher}, ... ({@code pay_tender})
 * @param amount the amount of a single payment, > 0, at most the currency's minor-unit decimals
 * @param reference a single payment's reference (receipt, card authorisation, bank reference);
 *     optional, up to 80 characters
 * @param tenders the payments of a split tender, in the order they settle the sale
 */
public record RecordPayments(
    LocalDate date,
    String currency,
    String method,
    BigDecimal amount,
    String reference,
    List<Tender> tenders) {

  /**
   * One tender of a split payment.
   *
   * @param method the tender code
   * @param amount > 0, at most the currency's minor-unit decimals
   * @param reference optional, up to 80 characters
   */
  public record Tender(String method, BigDecimal amount, String reference) {}

  /** A single payment. */
  public static RecordPayments single(
      LocalDate date, String method, BigDecimal amount, String reference) {
    return new RecordPayments(date, null, method, amount, reference, null);
  }
}
