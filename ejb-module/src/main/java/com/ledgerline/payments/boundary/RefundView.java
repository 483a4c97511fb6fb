package com.ledgerline.payments.boundary;

import com.ledgerline.payments.entity.Refund;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A refund paid out: how much, by which tender, from where, why. Amounts at the currency's scale.
 *
 * @param saleNumber the sale whose credit it pays out; null for a refund of a credit note not
 *     linked to a sale (issue 4)
 * @param creditNoteNumber the credit note it pays out; null for the sale's credit in general
 * @param receivableAmount the part taken from the sale's open amount below zero (Dr Accounts
 *     receivable)
 * @param depositAmount the part taken from the credit held in Customer deposits
 */
public record RefundView(
    String refundNumber,
    String saleNumber,
    String creditNoteNumber,
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
        r.sale() == null ? null : r.sale().saleNumber(),
        r.creditNote() == null ? null : r.creditNote().creditNoteNumber(),
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
