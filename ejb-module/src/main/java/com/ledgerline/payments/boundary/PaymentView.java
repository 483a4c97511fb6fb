package com.ledgerline.payments.boundary;

import com.ledgerline.payments.entity.Payment;
import com.ledgerline.payments.entity.PaymentReversal;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A payment as people read it: what was received by which tender, how it split between the sale's
 * open amount and customer credit, its journal entry, and its reversal if any. Amounts at the
 * currency's scale.
 */
public record PaymentView(
    String paymentNumber,
    String saleNumber,
    String customerNumber,
    String method,
    String accountCode,
    String currency,
    BigDecimal amount,
    BigDecimal receivableAmount,
    BigDecimal depositAmount,
    LocalDate paymentDate,
    String reference,
    String status,
    String journalEntryNumber,
    OffsetDateTime createdAt,
    String createdBy,
    Reversal reversal) {

  /** The reversal of a payment after its deletion request was approved. */
  public record Reversal(
      LocalDate reversalDate,
      BigDecimal receivableAmount,
      BigDecimal depositAmount,
      String approvalRequestNumber,
      String reason,
      String journalEntryNumber,
      OffsetDateTime createdAt,
      String approvedBy) {}

  public static PaymentView of(Payment p, PaymentReversal r) {
    return new PaymentView(
        p.paymentNumber(),
        p.sale().saleNumber(),
        p.customer().customerNumber(),
        p.tenderCode(),
        p.accountCode(),
        p.currency().getCurrencyCode(),
        p.amount().amount(),
        p.receivableAmount().amount(),
        p.depositAmount().amount(),
        p.paymentDate(),
        p.reference(),
        p.status().name(),
        p.journalEntry().entryNumber(),
        p.createdAt(),
        p.createdBy(),
        r == null
            ? null
            : new Reversal(
                r.reversalDate(),
                r.receivableAmount().amount(),
                r.depositAmount().amount(),
                r.approvalRequestNumber(),
                r.reason(),
                r.journalEntry().entryNumber(),
                r.createdAt(),
                r.createdBy()));
  }
}
