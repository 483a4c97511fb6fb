package com.ledgerline.payments.entity;

import com.ledgerline.customers.entity.Customer;
import com.ledgerline.ledger.entity.JournalEntry;
import com.ledgerline.sales.entity.Sale;
import com.ledgerline.shared.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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
 * Money received against a posted sale by one tender.
 *
 * <p>Lifecycle (DESIGN.md 4): {@code POSTED} → {@code REVERSED} (after an approved deletion
 * request, by a {@link PaymentReversal}). Never deleted, never edited otherwise; the database
 * refuses any other change ({@code pay_payment_guard}).
 *
 * <p>Invariants: {@code amount > 0}; {@code amount = receivableAmount + depositAmount}: the part
 * that settled the sale's open amount (Cr Accounts receivable) and the excess held as customer
 * credit (Cr Customer deposits).
 */
@Entity
@Table(name = "pay_payment")
@NamedQuery(
    name = Payment.BY_NUMBER,
    query = "select p from Payment p where p.paymentNumber = :number")
@NamedQuery(
    name = Payment.OF_SALE,
    query = "select p from Payment p where p.sale = :sale order by p.paymentNumber")
public class Payment {
  public static final String BY_NUMBER = "Payment.byNumber";
  public static final String OF_SALE = "Payment.ofSale";
  public static final String DOCUMENT_TYPE = "PAYMENT";

  /** Where a payment is in its lifecycle. */
  public enum Status {
    POSTED,
    REVERSED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "payment_number", nullable = false, unique = true)
  private String paymentNumber;

  @ManyToOne(optional = false)
  @JoinColumn(name = "sale_id")
  private Sale sale;

  @ManyToOne(optional = false)
  @JoinColumn(name = "customer_id")
  private Customer customer;

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

  @Column(name = "payment_date", nullable = false)
  private LocalDate paymentDate;

  private String reference;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Status status;

  @ManyToOne(optional = false)
  @JoinColumn(name = "journal_entry_id")
  private JournalEntry journalEntry;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "created_by", nullable = false)
  private String createdBy;

  protected Payment() {}

  /**
   * A posted payment.
   *
   * @param receivable the part settling the sale's open amount, ≥ 0, currency scale
   * @param deposit the excess held as customer credit, ≥ 0, currency scale
   */
  public Payment(
      String paymentNumber,
      Sale sale,
      Tender tender,
      Money receivable,
      Money deposit,
      LocalDate paymentDate,
      String reference,
      JournalEntry journalEntry,
      String createdBy) {
    if (receivable.isNegative() || deposit.isNegative() || receivable.plus(deposit).isZero()) {
      throw new IllegalArgumentException(
          "a payment needs a positive amount split into non-negative parts, was "
              + receivable
              + " + "
              + deposit);
    }
    this.paymentNumber = paymentNumber;
    this.sale = sale;
    this.customer = sale.customer();
    this.tenderCode = tender.code();
    this.accountCode = tender.accountCode();
    this.currency = receivable.currency().getCurrencyCode();
    this.receivableAmount = receivable.amount();
    this.depositAmount = deposit.amount();
    this.amount = receivable.plus(deposit).amount();
    this.paymentDate = paymentDate;
    this.reference = reference;
    this.status = Status.POSTED;
    this.journalEntry = journalEntry;
    this.createdBy = createdBy;
    this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
  }

  /** The one change a payment allows: POSTED → REVERSED. */
  public void markReversed() {
    if (status != Status.POSTED) {
      throw new IllegalStateException(paymentNumber + " is " + status);
    }
    status = Status.REVERSED;
  }

  public Long id() {
    return id;
  }

  public String paymentNumber() {
    return paymentNumber;
  }

  public Sale sale() {
    return sale;
  }

  public Customer customer() {
    return customer;
  }

  public String tenderCode() {
    return tenderCode;
  }

  /** The tender's account at posting (snapshot); a reversal credits the same account. */
  public String accountCode() {
    return accountCode;
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

  public LocalDate paymentDate() {
    return paymentDate;
  }

  public String reference() {
    return reference;
  }

  public Status status() {
    return status;
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
