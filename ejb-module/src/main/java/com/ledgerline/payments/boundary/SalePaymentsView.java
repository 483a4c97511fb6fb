package com.ledgerline.payments.boundary;

import java.math.BigDecimal;
import java.util.List;

/**
 * A sale's payment side: what it charges, what was paid, what is open, the credit it left the
 * customer, and every payment and refund. Amounts at the currency's scale.
 *
 * @param total the invoice total as posted
 * @param charged invoice, amendments, credit notes and write-offs: what the payment status compares
 *     the amount paid with
 * @param amountPaid unreversed payments less refunds
 * @param openAmount the sum of the customer ledger entries naming the sale (negative = credit)
 * @param customerCredit the part of the open amount below zero plus deposits held from the sale's
 *     payments: what a refund may pay out
 */
public record SalePaymentsView(
    String saleNumber,
    String customerNumber,
    String currency,
    BigDecimal total,
    BigDecimal charged,
    BigDecimal amountPaid,
    String paymentStatus,
    BigDecimal openAmount,
    BigDecimal depositsHeld,
    BigDecimal customerCredit,
    List<PaymentView> payments,
    List<RefundView> refunds) {}
