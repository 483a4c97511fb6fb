package com.ledgerline.payments.boundary;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A request to pay money back to a customer out of the credit a sale left them.
 *
 * @param date the refund date (its journal entry's posting date), required
 * @param currency ISO 4217 code; null = the sale's. Checked, never converted.
 * @param method the tender the money leaves by ({@code cash}, {@code bank_transfer}, ...)
 * @param amount > 0, at most the currency's minor-unit decimals, at most the sale's credit
 * @param reference optional, up to 80 characters
 * @param reason why, required, up to 400 characters
 */
public record PayRefund(
    LocalDate date,
    String currency,
    String method,
    BigDecimal amount,
    String reference,
    String reason) {}
