package com.ledgerline.payments.entity;

import com.ledgerline.customers.entity.Customer;
import com.ledgerline.ledger.entity.JournalEntry;
import com.ledgerline.shared.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * One change of the credit a customer holds in Customer deposits (account 2200), signed: + when an
 * overpayment is held, - when a reversal or refund takes it back. Immutable; the account equals the
 * sum of all movements (invariant {@code customer_deposits_equal_customer_credits}).
 */
@Entity
@Table(name = "pay_customer_credit_movement")
public class CustomerCreditMovement {

  /** Why the credit moved (stored as written). */
  public enum Type {
    overpayment,
    payment_reversal,
    refund
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "customer_id")
  private Customer customer;

  @Column(name = "movement_type", nullable = false)
  private String movementType;

  @Column(name = "document_type", nullable = false)
  private String documentType;

  @Column(name = "document_number", nullable = false)
  private String documentNumber;

  /** The sale whose payments left the credit. */
  @Column(name = "applies_to_number", nullable = false)
  private String appliesToNumber;

  @Column(nullable = false)
  private BigDecimal amount;

  @Column(nullable = false)
  private String currency;

  @Column(name = "posting_date", nullable = false)
  private LocalDate postingDate;

  @ManyToOne(optional = false)
  @JoinColumn(name = "journal_entry_id")
  private JournalEntry journalEntry;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  protected CustomerCreditMovement() {}

  /**
   * @param amount signed, non-zero: + credit held for the customer, - credit taken back
   */
  public CustomerCreditMovement(
      Customer customer,
      Type type,
      String documentType,
      String documentNumber,
      String appliesToNumber,
      Money amount,
      LocalDate postingDate,
      JournalEntry journalEntry) {
    if (amount.isZero()) {
      throw new IllegalArgumentException("a credit movement moves something");
    }
    this.customer = customer;
    this.movementType = type.name();
    this.documentType = documentType;
    this.documentNumber = documentNumber;
    this.appliesToNumber = appliesToNumber;
    this.amount = amount.amount();
    this.currency = amount.currency().getCurrencyCode();
    this.postingDate = postingDate;
    this.journalEntry = journalEntry;
    this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
  }

  public Type movementType() {
    return Type.valueOf(movementType);
  }

  public BigDecimal amount() {
    return amount;
  }
}
