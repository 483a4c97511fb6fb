package com.ledgerline.payments.entity;

import com.ledgerline.customers.entity.Customer;
import com.ledgerline.ledger.entity.JournalEntry;
import com.ledgerline.sales.entity.CreditNote;
import com.ledgerline.sales.entity.Sale;
import com.ledgerline.shared.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Currency;

/**
 * Money paid back to a customer out of the credit a sale left them (DESIGN.md 5 "refund paid out":
 * Dr Accounts receivable / Cr tender account; the part held in Customer deposits is debited there),
 * optionally against one of the sale's credit notes (issue 3), or of a credit note not linked to a
 * sale (issue 4: its own open item, no sale named). Immutable.
 *
 * <p>Invariants: {@code amount > 0}; {@code amount = receivableAmount + depositAmount}; never more
 * than the sale's credit at the time (negative open amount plus deposits held from its payments); a
 * credit note it names is of the same sale, customer and currency, and the refunds naming one
 * credit note add up to at most its total (the database refuses otherwise, V0069, and the invariant
 * check {@code refunds_never_exceed_their_credit_note} proves it).
 */
@Entity
@Table(name = "pay_refund")
@NamedQuery(
    name = Refund.OF_SALE,
    query = "select r from Refund r where r.sale = :sale order by r.refundNumber")
@NamedQuery(
    name = Refund.REFUNDED_OF_CREDIT_NOTE,
    query = "select sum(r.amount) from Refund r where r.creditNote = :creditNote")
public class Refund {
  public static final String OF_SALE = "Refund.ofSale";

  /** The sum of the refunds naming {@code :creditNote}; null when there are none. */
  public static final String REFUNDED_OF_CREDIT_NOTE = "Refund.refundedOfCreditNote";

  public static final String DOCUMENT_TYPE = "REFUND";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "refund_number", nullable = false, unique = true)
  private String refundNumber;

  /** Null for a refund of a credit note not linked to a sale. */
  @ManyToOne
  @JoinColumn(name = "sale_id")
  private Sale sale;

  @ManyToOne(optional = false)
  @JoinColumn(name = "customer_id")
  private Customer customer;

  /** Null for a refund of the sale's credit in general. */
  @ManyToOne
  @JoinColumn(name = "credit_note_id")
  private CreditNote creditNote;

  @Column(name = "tender_code", nullable = false)
  private String tenderCode;

  @Column(name = "account_code", nullable = false)
  private String accountCode;

  @Column(nullable = false)
  private String currency;

  @Column(nullable = false)
  private BigDecimal amount;

  @Column(name = "receivable_amount", nullable = false)
  private BigDecimal receivableAmount;

  @Column(name = "deposit_amount", nullable = false)
  private BigDecimal depositAmount;

  @Column(name = "refund_date", nullable = false)
  private LocalDate refundDate;

  private String reference;

  @Column(nullable = false)
  private String reason;

  @ManyToOne(optional = false)
  @JoinColumn(name = "journal_entry_id")
  private JournalEntry journalEntry;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "created_by", nullable = false)
  private String createdBy;

  protected Refund() {}

  public Refund(
      String refundNumber,
      Sale sale,
      CreditNote creditNote,
      Tender tender,
      Money receivable,
      Money deposit,
      LocalDate refundDate,
      String reference,
      String reason,
      JournalEntry journalEntry,
      String createdBy) {
    if (receivable.isNegative() || deposit.isNegative() || receivable.plus(deposit).isZero()) {
      throw new IllegalArgumentException(
          "a refund needs a positive amount split into non-negative parts");
    }
    if (creditNote != null
        && (!creditNote.linked() || !creditNote.sale().saleNumber().equals(sale.saleNumber()))) {
      throw new IllegalArgumentException(
          creditNote.creditNoteNumber() + " is not a credit note of " + sale.saleNumber());
    }
    this.refundNumber = refundNumber;
    this.sale = sale;
    this.customer = sale.customer();
    this.creditNote = creditNote;
    this.tenderCode = tender.code();
    this.accountCode = tender.accountCode();
    this.currency = receivable.currency().getCurrencyCode();
    this.receivableAmount = receivable.amount();
    this.depositAmount = deposit.amount();
    this.amount = receivable.plus(deposit).amount();
    this.refundDate = refundDate;
    this.reference = reference;
    this.reason = reason;
    this.journalEntry = journalEntry;
    this.createdBy = createdBy;
    this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
  }

  /**
   * A refund of a credit note not linked to a sale (issue 4): the whole amount is taken from the
   * note's own open item (Dr Accounts receivable), nothing from deposits, and no sale is named.
   */
  public Refund(
      String refundNumber,
      CreditNote creditNote,
      Tender tender,
      Money amount,
      LocalDate refundDate,
      String reference,
      String reason,
      JournalEntry journalEntry,
      String createdBy) {
    if (creditNote.linked()) {
      throw new IllegalArgumentException(
          creditNote.creditNoteNumber() + " credits " + creditNote.sale().saleNumber());
    }
    if (amount.isNegative() || amount.isZero()) {
      throw new IllegalArgumentException("a refund needs a positive amount");
    }
    this.refundNumber = refundNumber;
    this.customer = creditNote.customer();
    this.creditNote = creditNote;
    this.tenderCode = tender.code();
    this.accountCode = tender.accountCode();
    this.currency = amount.currency().getCurrencyCode();
    this.receivableAmount = amount.amount();
    this.depositAmount = BigDecimal.ZERO.setScale(amount.amount().scale());
    this.amount = amount.amount();
    this.refundDate = refundDate;
    this.reference = reference;
    this.reason = reason;
    this.journalEntry = journalEntry;
    this.createdBy = createdBy;
    this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
  }

  public String refundNumber() {
    return refundNumber;
  }

  /** The sale whose credit it pays out; null for a refund of an unlinked credit note. */
  public Sale sale() {
    return sale;
  }

  /** The credit note the refund pays out; null for the sale's credit in general. */
  public CreditNote creditNote() {
    return creditNote;
  }

  public String tenderCode() {
    return tenderCode;
  }

  public Currency currency() {
    return Currency.getInstance(currency);
  }

  public Money amount() {
    return money(amount);
  }

  public Money receivableAmount() {
    return money(receivableAmount);
  }

  public Money depositAmount() {
    return money(depositAmount);
  }

  public LocalDate refundDate() {
    return refundDate;
  }

  public String reference() {
    return reference;
  }

  public String reason() {
    return reason;
  }

  public JournalEntry journalEntry() {
    return journalEntry;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  public String createdBy() {
    return createdBy;
  }

  private Money money(BigDecimal value) {
    return new Money(value.setScale(Money.scaleOf(currency())), currency());
  }
}
