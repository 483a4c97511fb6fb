package com.ledgerline.payments.control;

import com.ledgerline.audit.control.AuditTrail;
import com.ledgerline.ledger.control.Accounts;
import com.ledgerline.ledger.control.Journal;
import com.ledgerline.ledger.entity.CustomerLedgerEntry;
import com.ledgerline.ledger.entity.JournalEntry;
import com.ledgerline.payments.boundary.RecordPayments;
import com.ledgerline.payments.entity.CustomerCreditMovement;
import com.ledgerline.payments.entity.Payment;
import com.ledgerline.payments.entity.Tender;
import com.ledgerline.platform.messaging.OutboundEvents;
import com.ledgerline.sales.entity.Sale;
import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.DocumentNumbers;
import com.ledgerline.shared.ErrorCode;
import com.ledgerline.shared.Money;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Records payments against a posted sale inside the caller's transaction (DESIGN.md 5 "payment"),
 * each tender as its own payment with its own number and journal entry:
 *
 * <ol>
 *   <li>Dr the tender's account (Cash 1000, Bank 1010, Card clearing 1020, Voucher liability 2300,
 *       ... from {@code pay_tender}) / Cr Accounts receivable for the part that settles the sale's
 *       open amount / Cr Customer deposits (2200) for any excess;
 *   <li>the customer ledger {@code payment} entry (negative, naming the sale) for the receivable
 *       part, and a customer credit movement for the excess;
 *   <li>the sale's amount paid and payment status, the audit record and the {@code
 *       payment.recorded} event.
 * </ol>
 *
 * <p>Locks, in order: the sale row, the payment series, the journal series.
 */
public final class PaymentPosting {
  static final int REFERENCE_LENGTH_MAX = 80;

  private final EntityManager em;
  private final OutboundEvents events;
  private final DocumentNumbers numbers;
  private final Journal journal;
  private final SaleSettlement settlement;
  private final AuditTrail audit;

  public PaymentPosting(EntityManager em, OutboundEvents events) {
    this.em = em;
    this.events = events;
    this.numbers = new DocumentNumbers(em);
    this.journal = new Journal(em, numbers);
    this.settlement = new SaleSettlement(em);
    this.audit = new AuditTrail(em);
  }

  /**
   * Records the payments.
   *
   * @return the payments in the order of the request; the sale carries its new figures
   * @throws BusinessRuleViolation {@code INVALID_REQUEST}, {@code UNKNOWN_SALE}, {@code
   *     SALE_NOT_POSTED}, {@code CURRENCY_MISMATCH}, {@code PAYMENT_DATED_BEFORE_SALE}, {@code
   *     UNKNOWN_TENDER}, {@code INVALID_AMOUNT}, {@code ACCOUNTING_PERIOD_CLOSED}
   */
  public List<Payment> record(String saleNumber, RecordPayments command, String user) {
    List<RecordPayments.Tender> tenders = tenders(command);
    List<Tender> methods = new ArrayList<>();
    for (int i = 0; i < tenders.size(); i++) {
      methods.add(tender(em, tenders.get(i).method(), where(tenders, i) + "method"));
      requireReference(tenders.get(i).reference(), where(tenders, i) + "reference");
    }

    Sale sale = settlement.lockPosted(saleNumber);
    requireCurrency(sale, command.currency());
    LocalDate date = command.date();
    requireNotBeforeSale(sale, date, "payment");
    List<Money> amounts = new ArrayList<>();
    for (int i = 0; i < tenders.size(); i++) {
      amounts.add(
          Allocation.requireAmount(
              tenders.get(i).amount(), sale.currency(), where(tenders, i) + "amount"));
    }

    Money open = settlement.openAmount(sale);
    List<Payment> payments = new ArrayList<>();
    for (int i = 0; i < tenders.size(); i++) {
      Tender tender = methods.get(i);
      Allocation.Split split = Allocation.payment(amounts.get(i), open);
      String number = numbers.next(DocumentNumbers.PAYMENT);
      JournalEntry entry =
          journal.post(
              new Journal.Draft()
                  .debit(tender.accountCode(), split.total().amount())
                  .credit(Accounts.ACCOUNTS_RECEIVABLE, split.receivable().amount())
                  .credit(Accounts.CUSTOMER_DEPOSITS, split.deposit().amount()),
              date,
              sale.currency().getCurrencyCode(),
              Payment.DOCUMENT_TYPE,
              number,
              "Payment "
                  + number
                  + " ("
                  + tender.code()
                  + ") for "
                  + sale.saleNumber()
                  + " from "
                  + sale.customer().customerNumber(),
              user);
      Payment payment =
          new Payment(
              number,
              sale,
              tender,
              split.receivable(),
              split.deposit(),
              date,
              tenders.get(i).reference(),
              entry,
              user);
      em.persist(payment);
      if (!split.receivable().isZero()) {
        em.persist(
            new CustomerLedgerEntry(
                sale.customer(),
                CustomerLedgerEntry.Type.payment,
                Payment.DOCUMENT_TYPE,
                number,
                split.receivable().negate().amount(),
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
                CustomerCreditMovement.Type.overpayment,
                Payment.DOCUMENT_TYPE,
                number,
                sale.saleNumber(),
                split.deposit(),
                date,
                entry));
      }
      open = open.minus(split.receivable());
      payments.add(payment);
    }

    settlement.recalculate(sale);
    for (Payment payment : payments) {
      String event = PaymentEvents.recorded(payment, sale);
      audit.record(
          user, "payment.recorded", Payment.DOCUMENT_TYPE, payment.paymentNumber(), null, event);
      events.publish("payment.recorded", sale.customer().customerNumber(), event);
    }
    return payments;
  }

  /** The tenders of the request: {@code tenders}, or the single {@code method}/{@code amount}. */
  static List<RecordPayments.Tender> tenders(RecordPayments command) {
    if (command == null) {
      throw new BusinessRuleViolation(ErrorCode.INVALID_REQUEST, "a payment document is required");
    }
    if (command.date() == null) {
      throw new BusinessRuleViolation(ErrorCode.INVALID_REQUEST, "the payment date is required");
    }
    boolean single = command.method() != null || command.amount() != null;
    boolean split = command.tenders() != null && !command.tenders().isEmpty();
    if (single == split) {
      throw new BusinessRuleViolation(
          ErrorCode.INVALID_REQUEST,
          "send either method and amount, or a non-empty list of tenders, not both");
    }
    if (single) {
      return List.of(
          new RecordPayments.Tender(command.method(), command.amount(), command.reference()));
    }
    if (command.reference() != null) {
      throw new BusinessRuleViolation(
          ErrorCode.INVALID_REQUEST, "a split tender carries a reference per tender");
    }
    for (RecordPayments.Tender tender : command.tenders()) {
      if (tender == null) {
        throw new BusinessRuleViolation(ErrorCode.INVALID_REQUEST, "a tender is empty");
      }
    }
    return command.tenders();
  }

  private static String where(List<RecordPayments.Tender> tenders, int i) {
    return tenders.size() == 1 ? "" : "tender " + (i + 1) + ": ";
  }

  /**
   * The active tender with that code.
   *
   * @throws BusinessRuleViolation {@code INVALID_REQUEST} when missing, {@code UNKNOWN_TENDER}
   */
  static Tender tender(EntityManager em, String code, String where) {
    if (code == null || code.isBlank()) {
      throw new BusinessRuleViolation(ErrorCode.INVALID_REQUEST, where + " is required");
    }
    Tender tender = em.find(Tender.class, code);
    if (tender == null || !tender.active()) {
      throw new BusinessRuleViolation(
          ErrorCode.UNKNOWN_TENDER, where + ": no accepted payment method " + code);
    }
    return tender;
  }

  static void requireReference(String reference, String where) {
    if (reference != null && reference.length() > REFERENCE_LENGTH_MAX) {
      throw new BusinessRuleViolation(
          ErrorCode.INVALID_REQUEST,
          where + " has " + reference.length() + " characters, at most " + REFERENCE_LENGTH_MAX);
    }
  }

  /**
   * @throws BusinessRuleViolation {@code CURRENCY_MISMATCH} when given and not the sale's
   */
  static void requireCurrency(Sale sale, String currency) {
    if (currency != null && !currency.equals(sale.currency().getCurrencyCode())) {
      throw new BusinessRuleViolation(
          ErrorCode.CURRENCY_MISMATCH,
          "sale " + sale.saleNumber() + " is in " + sale.currency() + ", not " + currency);
    }
  }

  /**
   * @throws BusinessRuleViolation {@code PAYMENT_DATED_BEFORE_SALE}
   */
  static void requireNotBeforeSale(Sale sale, LocalDate date, String what) {
    if (date.isBefore(sale.postingDate())) {
      throw new BusinessRuleViolation(
          ErrorCode.PAYMENT_DATED_BEFORE_SALE,
          "the "
              + what
              + " is dated "
              + date
              + ", before sale "
              + sale.saleNumber()
              + " of "
              + sale.postingDate());
    }
  }
}
