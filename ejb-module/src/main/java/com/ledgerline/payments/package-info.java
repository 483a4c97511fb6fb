/**
 * Payments: money received against posted sales (split tender, overpayment held as customer
 * credit), payment reversals after an approved deletion request, and refunds paid out of a
 * customer's credit. Owns {@code pay_*} and the sale's {@code amountPaid} / {@code paymentStatus}.
 * Never deletes or edits a payment: a deletion is an approved request that posts a reversal and
 * marks the payment {@code REVERSED}.
 */
package com.ledgerline.payments;
