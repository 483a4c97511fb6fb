package com.ledgerline.payments.entity;

import com.ledgerline.ledger.entity.JournalEntry;
import com.ledgerline.shared.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The reversal of a payment after its deletion request was approved (DESIGN.md 5 "payment
 * reversal"): Dr Accounts receivable and Customer deposits / Cr the payment's tender account, with
 * its own journal entry. Immutable; at most one per payment.
 */
@Entity
@Table(name = "pay_payment_reversal")
@NamedQuery(
    name = PaymentReversal.OF_PAYMENT,
    query = "select r from PaymentReversal r where r.payment = :payment")
public class PaymentReversal {
  public static final String OF_PAYMENT = "PaymentReversal.ofPayment";
  public static final String DOCUMENT_TYPE = "PAYMENT_REVERSAL";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @OneToOne(optional = false)
  @JoinColumn(name = "payment_id")
  private Payment payment;

  @Column(name = "approval_request_number", nullable = false)
  private String approvalRequestNumber;

  @Column(name = "receivable_amount", nullable = false)
  private BigDecimal receivableAmount;

  @Column(name = "deposit_amount", nullable = false)
  private BigDecimal depositAmount;

  @Column(name = "reversal_date", nullable = false)
  private LocalDate reversalDate;

  @Column(nullable = false)
  private String reason;

  @ManyToOne(optional = false)
  @JoinColumn(name = "journal_entry_id")
  private JournalEntry journalEntry;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "created_by", nullable = false)
  private String createdBy;

  protected PaymentReversal() {}

  /**
   * @param receivable the part that goes back onto the sale's open amount (Dr Accounts receivable)
   * @param deposit the part taken back from the customer's credit (Dr Customer deposits)
   * @param createdBy the approver whose decision completed the request
   */
  public PaymentReversal(
      Payment payment,
      String approvalRequestNumber,
      Money receivable,
      Money deposit,
      LocalDate reversalDate,
      String reason,
      JournalEntry journalEntry,
      String createdBy) {
    if (receivable.plus(deposit).compareTo(payment.amount()) != 0) {
      throw new IllegalArgumentException(
          "a reversal takes back the whole payment "
              + payment.amount()
              + ", not "
              + receivable
              + " + "
              + deposit);
    }
    this.payment = payment;
    this.approvalRequestNumber = approvalRequestNumber;
    this.receivableAmount = receivable.amount();
    this.depositAmount = deposit.amount();
    this.reversalDate = reversalDate;
    this.reason = reason;
    this.journalEntry = journalEntry;
    this.createdBy = createdBy;
    this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
  }

  public Payment payment() {
    return payment;
  }

  public String approvalRequestNumber() {
    return approvalRequestNumber;
  }

  public Money receivableAmount() {
    return money(receivableAmount);
  }

  public Money depositAmount() {
    return money(depositAmount);
  }

  public LocalDate reversalDate() {
    return reversalDate;
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
    return new Money(value.setScale(Money.scaleOf(payment.currency())), payment.currency());
  }
}
