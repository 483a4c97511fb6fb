package com.ledgerline.payments.control;

import com.ledgerline.payments.entity.Refund;
import com.ledgerline.sales.entity.CreditNote;
import com.ledgerline.sales.entity.Sale;
import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
import com.ledgerline.shared.Money;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The credit notes refunds are paid out against (issue 3): which credit note a refund may name, and
 * what of it earlier refunds paid out already. A credit note's credit lands in its sale's open item
 * (its customer ledger entry names the sale), so a refund of it is a refund of that sale.
 */
public final class CreditNoteRefunds {
  private final EntityManager em;

  public CreditNoteRefunds(EntityManager em) {
    this.em = em;
  }

  /**
   * Locks the credit note row ({@code SELECT ... FOR UPDATE}, read fresh) and checks that a refund
   * of {@code sale} may pay it out. Lock order: after the sale row, before the refund series; two
   * refunds of one credit note therefore read its refunded amount one after the other.
   *
   * @param currency the refund's currency as requested; null = the sale's
   * @throws BusinessRuleViolation {@code INVALID_REQUEST} for a blank number, {@code
   *     UNKNOWN_CREDIT_NOTE}, {@code CREDIT_NOTE_OF_ANOTHER_CUSTOMER}, {@code CURRENCY_MISMATCH}
   *     (the credit note is in another currency than the refund or the sale), {@code
   *     CREDIT_NOTE_OF_ANOTHER_SALE}
   */
  public CreditNote lockFor(Sale sale, String creditNoteNumber, String currency) {
    if (creditNoteNumber.isBlank()) {
      throw new BusinessRuleViolation(
          ErrorCode.INVALID_REQUEST, "creditNoteNumber is blank; leave it out or name a CN-");
    }
    CreditNote note = locked(creditNoteNumber);
    if (!note.customer().customerNumber().equals(sale.customer().customerNumber())) {
      throw new BusinessRuleViolation(
          ErrorCode.CREDIT_NOTE_OF_ANOTHER_CUSTOMER,
          creditNoteNumber
              + " was issued to another customer, not to "
              + sale.customer().customerNumber()
              + " of "
              + sale.saleNumber());
    }
    String noteCurrency = note.currency().getCurrencyCode();
    String refundCurrency = currency == null ? sale.currency().getCurrencyCode() : currency;
    if (!noteCurrency.equals(refundCurrency)) {
      throw new BusinessRuleViolation(
          ErrorCode.CURRENCY_MISMATCH,
          creditNoteNumber + " is in " + noteCurrency + ", the refund in " + refundCurrency);
    }
    if (!note.linked() || !note.sale().saleNumber().equals(sale.saleNumber())) {
      throw new BusinessRuleViolation(
          ErrorCode.CREDIT_NOTE_OF_ANOTHER_SALE,
          creditNoteNumber
              + " credits "
              + (note.linked() ? note.sale().saleNumber() : "no sale (a return of its own)")
              + "; refund it through that, not "
              + sale.saleNumber());
    }
    return note;
  }

  /**
   * Locks a credit note not linked to a sale ({@code SELECT ... FOR UPDATE}, read fresh) for a
   * refund of it (issue 4). Lock order: the credit note row, the refund series, the journal series.
   *
   * @param customerNumber the customer the refund is paid to; null = not checked
   * @param currency the refund's currency as requested; null = the note's
   * @throws BusinessRuleViolation {@code INVALID_REQUEST} for a blank number, {@code
   *     UNKNOWN_CREDIT_NOTE}, {@code CREDIT_NOTE_OF_ANOTHER_SALE} (it credits a sale: refund it
   *     through the sale), {@code CREDIT_NOTE_OF_ANOTHER_CUSTOMER}, {@code CURRENCY_MISMATCH}
   */
  public CreditNote lockUnlinked(String creditNoteNumber, String customerNumber, String currency) {
    if (creditNoteNumber == null || creditNoteNumber.isBlank()) {
      throw new BusinessRuleViolation(ErrorCode.INVALID_REQUEST, "creditNoteNumber is required");
    }
    CreditNote note = locked(creditNoteNumber);
    if (note.linked()) {
      throw new BusinessRuleViolation(
          ErrorCode.CREDIT_NOTE_OF_ANOTHER_SALE,
          creditNoteNumber
              + " credits "
              + note.sale().saleNumber()
              + "; refund it through that sale");
    }
    if (customerNumber != null && !note.customer().customerNumber().equals(customerNumber)) {
      throw new BusinessRuleViolation(
          ErrorCode.CREDIT_NOTE_OF_ANOTHER_CUSTOMER,
          creditNoteNumber + " was issued to another customer, not to " + customerNumber);
    }
    String noteCurrency = note.currency().getCurrencyCode();
    if (currency != null && !noteCurrency.equals(currency)) {
      throw new BusinessRuleViolation(
          ErrorCode.CURRENCY_MISMATCH,
          creditNoteNumber + " is in " + noteCurrency + ", the refund in " + currency);
    }
    return note;
  }

  /**
   * The open amount of an unlinked credit note's own open item: its {@code credit_note} entry
   * (negative) plus the refunds naming it, at the currency's scale.
   */
  public Money openAmount(CreditNote note) {
    BigDecimal sum =
        em.createQuery(
                "select sum(e.amount) from CustomerLedgerEntry e where e.customer = :customer and"
                    + " (e.appliesToNumber = :number or (e.appliesToNumber is null and"
                    + " e.documentNumber = :number))",
                BigDecimal.class)
            .setParameter("customer", note.customer())
            .setParameter("number", note.creditNoteNumber())
            .getSingleResult();
    return sum == null
        ? Money.zero(note.currency())
        : Money.of(sum, note.currency(), RoundingMode.UNNECESSARY);
  }

  /** What the refunds naming the credit note paid out so far, at the currency's scale. */
  public Money refunded(CreditNote note) {
    BigDecimal sum =
        em.createNamedQuery(Refund.REFUNDED_OF_CREDIT_NOTE, BigDecimal.class)
            .setParameter("creditNote", note)
            .getSingleResult();
    return sum == null
        ? Money.zero(note.currency())
        : Money.of(sum, note.currency(), RoundingMode.UNNECESSARY);
  }

  /** The credit note's total as money. */
  public static Money total(CreditNote note) {
    return Money.of(note.total(), note.currency(), RoundingMode.UNNECESSARY);
  }

  /** The credit note, locked until the transaction ends and read fresh from the database. */
  private CreditNote locked(String creditNoteNumber) {
    return em.createNamedQuery(CreditNote.BY_NUMBER, CreditNote.class)
        .setParameter("number", creditNoteNumber)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .setHint(SaleSettlement.REFRESH_HINT, Boolean.TRUE)
        .getResultStream()
        .findFirst()
        .orElseThrow(
            () ->
                new BusinessRuleViolation(
                    ErrorCode.UNKNOWN_CREDIT_NOTE, "no credit note " + creditNoteNumber));
  }
}
