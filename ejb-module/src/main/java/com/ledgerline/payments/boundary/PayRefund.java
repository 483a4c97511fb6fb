package com.ledgerline.payments.boundary;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A request to pay money back to a customer out of the credit a sale left them, optionally against
 * one of the sale's credit notes.
 *
 * @param date the refund date (its journal entry's posting date), required
 * @param currency ISO 4217 code; null = the sale's. Checked, never converted.
 * @param method the tender the money leaves by ({@code cash}, {@code card}, {@code bank_transfer},
 *     ... from {@code pay_tender})
 * @param amount > 0, at most the currency's minor-unit decimals, at most the sale's credit and,
 *     with a credit note, at most what of the credit note is not refunded yet
 * @param reference optional, up to 80 characters
 * @param reason why, required, up to 400 characters
 * @param creditNoteNumber optional: the credit note ({@code CN-…}) of this sale whose credit the
 *     refund pays out; null = the sale's credit in general (an overpayment, say)
 */
public record PayRefund(
    LocalDate date,
    String currency,
    String method,
    BigDecimal amount,
    String reference,
    String reason,
    String creditNoteNumber) {}
