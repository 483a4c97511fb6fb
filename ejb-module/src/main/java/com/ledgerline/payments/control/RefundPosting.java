package com.ledgerline.payments.control;

import com.ledgerline.approvals.control.ApprovalRequests;
import com.ledgerline.audit.control.AuditTrail;
import com.ledgerline.ledger.control.Accounts;
import com.ledgerline.ledger.control.Journal;
import com.ledgerline.ledger.entity.CustomerLedgerEntry;
import com.ledgerline.ledger.entity.JournalEntry;
import com.ledgerline.payments.boundary.PayRefund;
import com.ledgerline.payments.entity.CustomerCreditMovement;
import com.ledgerline.payments.entity.Refund;
import com.ledgerline.payments.entity.Tender;
import com.ledgerline.platform.messaging.OutboundEvents;
import com.ledgerline.sales.entity.CreditNote;
import com.ledgerline.sales.entity.Sale;
import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.DocumentNumbers;
import com.ledgerline.shared.ErrorCode;
import com.ledgerline.shared.Money;
import jakarta.persistence.EntityManager;

/**
 * Pays a refund out of the credit a sale left its customer, inside the caller's transaction
 * (DESIGN.md 5 "refund paid out"): Dr Accounts receivable for the part of the sale's open amount
 * below zero (customer ledger {@code refund}, positive, naming the sale) and Dr Customer deposits
 * for the part held there (a customer credit movement) / Cr the tender's account. The sale's amount
 * paid goes down by the refund.
 *
 * <p>A refund may name one of the sale's credit notes (issue 3): it then pays out at most what of
 * that credit note is not refunded yet ({@code REFUND_EXCEEDS_CREDIT_NOTE}), and records the credit
 * note on the refund, its event and its audit record. A credit note's credit lands in the sale's
 * open item (its customer ledger entry names the sale), so the refund's {@code refund} entry names
 * the same open item and a credit note refunded in full leaves it closed.
 *
 * <p>Locks, in order: the sale row, the credit note row, the refund series, the journal series.
 */
public final class RefundPosting {
  private final EntityManager em;
  private final OutboundEvents events;
  private final SaleSettlement settlement;

  public RefundPosting(EntityManager em, OutboundEvents events) {
    this.em = em;
    this.events = events;
    this.settlement = new SaleSettlement(em);
  }

  /**
   * Pays the refund.
   *
   * @throws BusinessRuleViolation {@code INVALID_REQUEST}, {@code UNKNOWN_TENDER}, {@code
   *     UNKNOWN_SALE}, {@code SALE_NOT_POSTED}, {@code CURRENCY_MISMATCH}, {@code
   *     PAYMENT_DATED_BEFORE_SALE}, {@code INVALID_AMOUNT}; naming a credit note also {@code
   *     UNKNOWN_CREDIT_NOTE}, {@code CREDIT_NOTE_OF_ANOTHER_CUSTOMER}, {@code
   *     CREDIT_NOTE_OF_ANOTHER_SALE}, {@code DATE_BEFORE_ORIGINAL} (dated before the credit note),
   *     {@code REFUND_EXCEEDS_CREDIT_NOTE}; then {@code REFUND_EXCEEDS_CUSTOMER_CREDIT}, {@code
   *     ACCOUNTING_PERIOD_CLOSED}. Nothing is written when refused.
   */
  public Refund refund(String saleNumber, PayRefund command, String user) {
    if (command == null || command.date() == null) {
      throw new BusinessRuleViolation(ErrorCode.INVALID_REQUEST, "the refund date is required");
    }
    ApprovalRequests.requireReason(command.reason(), "a refund");
    Tender tender = PaymentPosting.tender(em, command.method(), "method");
    PaymentPosting.requireReference(command.reference(), "reference");

    Sale sale = settlement.lockPosted(saleNumber);
    PaymentPosting.requireCurrency(sale, command.currency());
    PaymentPosting.requireNotBeforeSale(sale, command.date(), "refund");
    Money amount = Allocation.requireAmount(command.amount(), sale.currency(), "amount");
    CreditNote note = null;
    if (command.creditNoteNumber() != null) {
      CreditNoteRefunds refunds = new CreditNoteRefunds(em);
      note = refunds.lockFor(sale, command.creditNoteNumber(), command.currency());
      if (command.date().isBefore(note.postingDate())) {
        throw new BusinessRuleViolation(
            ErrorCode.DATE_BEFORE_ORIGINAL,
            "the refund is dated "
                + command.date()
                + ", before credit note "
                + note.creditNoteNumber()
                + " of "
                + note.postingDate());
      }
      Allocation.withinCreditNote(amount, CreditNoteRefunds.total(note), refunds.refunded(note));
    }
    Allocation.Split split =
        Allocation.refund(amount, settlement.openAmount(sale), settlement.depositsHeld(sale));

    DocumentNumbers numbers = new DocumentNumbers(em);
    String number = numbers.next(DocumentNumbers.REFUND);
    JournalEntry entry =
        new Journal(em, numbers)
            .post(
                new Journal.Draft()
                    .debit(Accounts.ACCOUNTS_RECEIVABLE, split.receivable().amount())
                    .debit(Accounts.CUSTOMER_DEPOSITS, split.deposit().amount())
                    .credit(tender.accountCode(), split.total().amount()),
                command.date(),
                sale.currency().getCurrencyCode(),
                Refund.DOCUMENT_TYPE,
                number,
                "Refund "
                    + number
                    + " ("
                    + tender.code()
                    + ") on "
                    + (note == null ? "" : note.creditNoteNumber() + " of ")
                    + sale.saleNumber()
                    + " to "
                    + sale.customer().customerNumber(),
                user);
    if (!split.receivable().isZero()) {
      em.persist(
          new CustomerLedgerEntry(
              sale.customer(),
              CustomerLedgerEntry.Type.refund,
              Refund.DOCUMENT_TYPE,
              number,
              split.receivable().amount(),
              sale.currency().getCurrencyCode(),
              command.date(),
              null,
              entry,
              sale.saleNumber()));
    }
    if (!split.deposit().isZero()) {
      em.persist(
          new CustomerCreditMovement(
              sale.customer(),
              CustomerCreditMovement.Type.refund,
              Refund.DOCUMENT_TYPE,
              number,
              sale.saleNumber(),
              split.deposit().negate(),
              command.date(),
              entry));
    }
    Refund refund =
        new Refund(
            number,
            sale,
            note,
            tender,
            split.receivable(),
            split.deposit(),
            command.date(),
            command.reference(),
            command.reason().strip(),
            entry,
            user);
    em.persist(refund);
    settlement.recalculate(sale);

    String event = PaymentEvents.refunded(refund, sale);
    new AuditTrail(em)
        .record(user, "refund.paid", Refund.DOCUMENT_TYPE, number, refund.reason(), event);
    events.publish("refund.paid", sale.customer().customerNumber(), event);
    return refund;
  }

  /**
   * Pays out a credit note not linked to a sale (issue 4; DESIGN.md 5 "refund paid out"): Dr
   * Accounts receivable / Cr the tender's account, a customer ledger {@code refund} entry naming
   * the note (its own open item), so a note refunded in full leaves its customer where they were
   * before the return. Never more than what of the note is not refunded yet.
   *
   * @param customerNumber the customer paid; null = the note's
   * @throws BusinessRuleViolation {@code INVALID_REQUEST}, {@code UNKNOWN_TENDER}, {@code
   *     UNKNOWN_CREDIT_NOTE}, {@code CREDIT_NOTE_OF_ANOTHER_SALE} (the note credits a sale: use
   *     {@link #refund}), {@code CREDIT_NOTE_OF_ANOTHER_CUSTOMER}, {@code CURRENCY_MISMATCH},
   *     {@code DATE_BEFORE_ORIGINAL}, {@code INVALID_AMOUNT}, {@code REFUND_EXCEEDS_CREDIT_NOTE},
   *     {@code REFUND_EXCEEDS_CUSTOMER_CREDIT}, {@code ACCOUNTING_PERIOD_CLOSED}. Nothing is
   *     written when refused.
   */
  public Refund refundCreditNote(
      String creditNoteNumber, String customerNumber, PayRefund command, String user) {
    if (command == null || command.date() == null) {
      throw new BusinessRuleViolation(ErrorCode.INVALID_REQUEST, "the refund date is required");
    }
    ApprovalRequests.requireReason(command.reason(), "a refund");
    Tender tender = PaymentPosting.tender(em, command.method(), "method");
    PaymentPosting.requireReference(command.reference(), "reference");
    CreditNoteRefunds refunds = new CreditNoteRefunds(em);
    CreditNote note = refunds.lockUnlinked(creditNoteNumber, customerNumber, command.currency());
    if (command.date().isBefore(note.postingDate())) {
      throw new BusinessRuleViolation(
          ErrorCode.DATE_BEFORE_ORIGINAL,
          "the refund is dated "
              + command.date()
              + ", before credit note "
              + note.creditNoteNumber()
              + " of "
              + note.postingDate());
    }
    Money amount = Allocation.requireAmount(command.amount(), note.currency(), "amount");
    Allocation.withinCreditNote(amount, CreditNoteRefunds.total(note), refunds.refunded(note));
    Allocation.Split split =
        Allocation.refund(amount, refunds.openAmount(note), Money.zero(note.currency()));

    DocumentNumbers numbers = new DocumentNumbers(em);
    String number = numbers.next(DocumentNumbers.REFUND);
    String currency = note.currency().getCurrencyCode();
    JournalEntry entry =
        new Journal(em, numbers)
            .post(
                new Journal.Draft()
                    .debit(Accounts.ACCOUNTS_RECEIVABLE, split.receivable().amount())
                    .credit(tender.accountCode(), split.total().amount()),
                command.date(),
                currency,
                Refund.DOCUMENT_TYPE,
                number,
                "Refund "
                    + number
                    + " ("
                    + tender.code()
                    + ") of "
                    + note.creditNoteNumber()
                    + " to "
                    + note.customer().customerNumber(),
                user);
    em.persist(
        new CustomerLedgerEntry(
            note.customer(),
            CustomerLedgerEntry.Type.refund,
            Refund.DOCUMENT_TYPE,
            number,
            split.receivable().amount(),
            currency,
            command.date(),
            null,
            entry,
            note.creditNoteNumber()));
    Refund refund =
        new Refund(
            number,
            note,
            tender,
            split.receivable(),
            command.date(),
            command.reference(),
            command.reason().strip(),
            entry,
            user);
    em.persist(refund);
    String event = PaymentEvents.refundedOfCreditNote(refund);
    new AuditTrail(em)
        .record(user, "refund.paid", Refund.DOCUMENT_TYPE, number, refund.reason(), event);
    events.publish("refund.paid", note.customer().customerNumber(), event);
    return refund;
  }
}
