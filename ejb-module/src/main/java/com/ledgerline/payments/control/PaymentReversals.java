package com.ledgerline.payments.control;

import com.ledgerline.audit.control.AuditTrail;
import com.ledgerline.ledger.control.AccountingPeriods;
import com.ledgerline.ledger.control.Accounts;
import com.ledgerline.ledger.control.Journal;
import com.ledgerline.ledger.entity.CustomerLedgerEntry;
import com.ledgerline.ledger.entity.JournalEntry;
import com.ledgerline.payments.entity.CustomerCreditMovement;
import com.ledgerline.payments.entity.Payment;
import com.ledgerline.payments.entity.PaymentReversal;
import com.ledgerline.platform.messaging.OutboundEvents;
import com.ledgerline.sales.entity.Sale;
import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.DocumentNumbers;
import com.ledgerline.shared.ErrorCode;
import com.ledgerline.shared.Money;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.LocalDate;

/**
 * Reverses a payment inside the caller's transaction (DESIGN.md 5 "payment reversal"): Dr Accounts
 * receivable and Customer deposits / Cr the payment's tender account (its snapshot), the customer
 * ledger {@code payment_reversal} entry (positive, naming the sale), a customer credit movement for
 * the deposit part, the payment marked {@code REVERSED}, the sale's figures recalculated, the audit
 * record and the {@code payment.reversed} event. Dated as the payment while its period is open,
 * otherwise today ({@link AccountingPeriods#reversalDate}).
 *
 * <p>Which account gives the money back follows {@link Allocation#reversal}: the sale's excess held
 * in deposits first, then receivables.
 *
 * <p>Locks, in order: the sale row, the payment row, the journal series.
 */
public final class PaymentReversals {
  private final EntityManager em;
  private final OutboundEvents events;
  private final SaleSettlement settlement;

  public PaymentReversals(EntityManager em, OutboundEvents events) {
    this.em = em;
    this.events = events;
    this.settlement = new SaleSettlement(em);
  }

  /**
   * Locks the payment row and checks it may still be reversed (for a deletion request: concurrent
   * requests for one payment queue on the lock, so the second sees the first).
   *
   * @throws BusinessRuleViolation {@code UNKNOWN_PAYMENT}, {@code PAYMENT_ALREADY_REVERSED}, {@code
   *     REVERSAL_EXCEEDS_AMOUNT_PAID}
   */
  public Payment lockReversible(String paymentNumber) {
    Payment payment =
        em.createNamedQuery(Payment.BY_NUMBER, Payment.class)
            .setParameter("number", paymentNumber)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .setHint(SaleSettlement.REFRESH_HINT, Boolean.TRUE)
            .getResultStream()
            .findFirst()
            .orElseThrow(
                () ->
                    new BusinessRuleViolation(
                        ErrorCode.UNKNOWN_PAYMENT, "no payment " + paymentNumber));
    requireReversible(payment, payment.sale());
    return payment;
  }

  /**
   * Reverses the payment.
   *
   * @param approvalRequestNumber the approved deletion request
   * @param reason the requester's reason
   * @param approver the approver whose decision completed the request
   * @param requestedBy who asked for the deletion
   * @param today the calendar date of the approval (the reversal date if the payment's period is
   *     closed)
   * @throws BusinessRuleViolation {@code UNKNOWN_PAYMENT}, {@code PAYMENT_ALREADY_REVERSED}, {@code
   *     REVERSAL_EXCEEDS_AMOUNT_PAID}, {@code ACCOUNTING_PERIOD_CLOSED} (when today's period is
   *     closed too)
   */
  public PaymentReversal reverse(
      String paymentNumber,
      String approvalRequestNumber,
      String reason,
      String approver,
      String requestedBy,
      LocalDate today) {
    String saleNumber =
        em.createQuery(
                "select p.sale.saleNumber from Payment p where p.paymentNumber = :number",
                String.class)
            .setParameter("number", paymentNumber)
            .getResultStream()
            .findFirst()
            .orElseThrow(
                () ->
                    new BusinessRuleViolation(
                        ErrorCode.UNKNOWN_PAYMENT, "no payment " + paymentNumber));
    // lock order: the sale row, then the payment row
    Sale sale = settlement.lockPosted(saleNumber);
    Payment payment =
        em.createNamedQuery(Payment.BY_NUMBER, Payment.class)
            .setParameter("number", paymentNumber)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .setHint(SaleSettlement.REFRESH_HINT, Boolean.TRUE)
            .getSingleResult();
    requireReversible(payment, sale);

    Allocation.Split split = Allocation.reversal(payment.amount(), settlement.depositsHeld(sale));
    LocalDate date = new AccountingPeriods(em).reversalDate(payment.paymentDate(), today);
    JournalEntry entry =
        new Journal(em, new DocumentNumbers(em))
            .post(
                new Journal.Draft()
                    .debit(Accounts.ACCOUNTS_RECEIVABLE, split.receivable().amount())
                    .debit(Accounts.CUSTOMER_DEPOSITS, split.deposit().amount())
                    .credit(payment.accountCode(), split.total().amount()),
                date,
                sale.currency().getCurrencyCode(),
                PaymentReversal.DOCUMENT_TYPE,
                paymentNumber,
                "Reversal of payment "
                    + paymentNumber
                    + " for "
                    + sale.saleNumber()
                    + " ("
                    + approvalRequestNumber
                    + ")",
                approver);
    if (!split.receivable().isZero()) {
      em.persist(
          new CustomerLedgerEntry(
              sale.customer(),
              CustomerLedgerEntry.Type.payment_reversal,
              PaymentReversal.DOCUMENT_TYPE,
              paymentNumber,
              split.receivable().amount(),
              sale.currency().getCurrencyCode(),
              date,
              null,
              entry,
              sale.saleNumber()));
    }
    if (!split.deposit().isZero()) {
      em.persist(
          new CustomerCreditMovement(
              sale.customer(),
              CustomerCreditMovement.Type.payment_reversal,
              PaymentReversal.DOCUMENT_TYPE,
              paymentNumber,
              sale.saleNumber(),
              split.deposit().negate(),
              date,
              entry));
    }
    PaymentReversal reversal =
        new PaymentReversal(
            payment,
            approvalRequestNumber,
            split.receivable(),
            split.deposit(),
            date,
            reason,
            entry,
            approver);
    em.persist(reversal);
    payment.markReversed();
    settlement.recalculate(sale);

    String event = PaymentEvents.reversed(reversal, sale, requestedBy);
    new AuditTrail(em)
        .record(approver, "payment.reversed", Payment.DOCUMENT_TYPE, paymentNumber, reason, event);
    events.publish("payment.reversed", sale.customer().customerNumber(), event);
    return reversal;
  }

  private static void requireReversible(Payment payment, Sale sale) {
    if (payment.status() != Payment.Status.POSTED) {
      throw new BusinessRuleViolation(
          ErrorCode.PAYMENT_ALREADY_REVERSED, payment.paymentNumber() + " is reversed already");
    }
    Money paid = new Money(sale.amountPaid(), sale.currency());
    if (payment.amount().compareTo(paid) > 0) {
      throw new BusinessRuleViolation(
          ErrorCode.REVERSAL_EXCEEDS_AMOUNT_PAID,
          "reversing "
              + payment.paymentNumber()
              + " ("
              + payment.amount()
              + ") would take the amount paid of "
              + sale.saleNumber()
              + " ("
              + paid
              + ") below zero: part of it was refunded");
    }
  }
}
