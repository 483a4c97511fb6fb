package com.ledgerline.payments.boundary;

import com.ledgerline.payments.entity.Refund;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A refund paid out: how much, by which tender, from where, why. Amounts at the currency's scale.
 */
public record RefundView(
    String refundNumber,
    String saleNumber,
    String method,
    String currency,
    BigDecimal amount,
    BigDecimal receivableAmount,
    BigDecimal depositAmount,
    LocalDate refundDate,
    String reference,
    String reason,
    String journalEntryNumber,
    OffsetDateTime createdAt,
    String createdBy) {

  public static RefundView of(Refund r) {
    return new RefundView(
        r.refundNumber(),
        r.sale().saleNumber(),
        r.tenderCode(),
        r.currency().getCurrencyCode(),
        r.amount().amount(),
        r.receivableAmount().amount(),
        r.depositAmount().amount(),
        r.refundDate(),
        r.reference(),
        r.reason(),
        r.journalEntry().entryNumber(),
        r.createdAt(),
        r.createdBy());
  }
}
