package com.ledgerline.customers.entity;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.Optional;

/**
 * A customer who buys on account. Identified to people by the customer number, which never changes.
 *
 * <p>Lifecycle: {@code ACTIVE} (may buy) ⇄ {@code ON_HOLD} (may not buy; receivables go on) →
 * {@code ARCHIVED} (no longer trades; its history stays readable). A customer without transactions
 * may be deleted; one with customer ledger entries or sales is never hard-deleted, only archived.
 *
 * <p>Invariants: its balance is never stored here (it is the sum of its customer ledger entries);
 * {@code payment_terms_days} always equals the days of its named terms (composite foreign key);
 * documents snapshot what they need (currency, due date, tax), so changing the customer never
 * rewrites history.
 */
@Entity
@Table(name = "cus_customer")
@NamedQuery(
    name = Customer.BY_NUMBER,
    query = "select c from Customer c where c.customerNumber = :number")
public class Customer {
  public static final String BY_NUMBER = "Customer.byNumber";

  /** Lifecycle of a customer account. */
  public enum Status {
    ACTIVE,
    ON_HOLD,
    ARCHIVED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "customer_number", nullable = false, unique = true)
  private String customerNumber;

  @Column(nullable = false)
  private String name;

  /**
   * Free text as first seen (the Online Retail data names countries); addresses carry ISO codes.
   */
  private String country;

  @Column(name = "legal_entity")
  private String legalEntity;

  @Column(name = "tax_id")
  private String taxId;

  @Column(nullable = false)
  private String currency;

  @Column(name = "payment_terms_code", nullable = false)
  private String paymentTermsCode;

  @Column(name = "payment_terms_days", nullable = false)
  private int paymentTermsDays;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Status status = Status.ACTIVE;

  /** In the customer's currency, scale 4; null means no limit. */
  @Column(name = "credit_limit")
  private BigDecimal creditLimit;

  @Embedded
  @AttributeOverrides({
    @AttributeOverride(name = "name", column = @Column(name = "billing_contact_name")),
    @AttributeOverride(name = "email", column = @Column(name = "billing_contact_email")),
    @AttributeOverride(name = "phone", column = @Column(name = "billing_contact_phone"))
  })
  private Contact billingContact;

  @Embedded
  @AttributeOverrides({
    @AttributeOverride(name = "name", column = @Column(name = "technical_contact_name")),
    @AttributeOverride(name = "email", column = @Column(name = "technical_contact_email")),
    @AttributeOverride(name = "phone", column = @Column(name = "technical_contact_phone"))
  })
  private Contact technicalContact;

  @Embedded
  @AttributeOverrides({
    @AttributeOverride(name = "line1", column = @Column(name = "billing_address_line1")),
    @AttributeOverride(name = "line2", column = @Column(name = "billing_address_line2")),
    @AttributeOverride(name = "line3", column = @Column(name = "billing_address_line3")),
    @AttributeOverride(name = "city", column = @Column(name = "billing_city")),
    @AttributeOverride(name = "postalCode", column = @Column(name = "billing_postal_code")),
    @AttributeOverride(name = "countryCode", column = @Column(name = "billing_country_code"))
  })
  private Address billingAddress;

  @Embedded
  @AttributeOverrides({
    @AttributeOverride(name = "line1", column = @Column(name = "shipping_address_line1")),
    @AttributeOverride(name = "line2", column = @Column(name = "shipping_address_line2")),
    @AttributeOverride(name = "line3", column = @Column(name = "shipping_address_line3")),
    @AttributeOverride(name = "city", column = @Column(name = "shipping_city")),
    @AttributeOverride(name = "postalCode", column = @Column(name = "shipping_postal_code")),
    @AttributeOverride(name = "countryCode", column = @Column(name = "shipping_country_code"))
  })
  private Address shippingAddress;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  protected Customer() {}

  /**
   * A customer on the terms of {@code paymentTermsDays} under their conventional code ({@code
   * DUE_ON_RECEIPT}, {@code NET_n}); the store refuses days no terms row has.
   */
  public Customer(
      String customerNumber, String name, String country, Currency currency, int paymentTermsDays) {
    this(
        customerNumber,
        name,
        country,
        currency,
        new PaymentTerms(PaymentTerms.conventionalCode(paymentTermsDays), "", paymentTermsDays));
  }

  public Customer(
      String customerNumber, String name, String country, Currency currency, PaymentTerms terms) {
    this.customerNumber = customerNumber;
    this.name = name;
    this.country = country;
    this.currency = currency.getCurrencyCode();
    this.paymentTermsCode = terms.code();
    this.paymentTermsDays = terms.days();
    this.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
  }

  public Long id() {
    return id;
  }

  public String customerNumber() {
    return customerNumber;
  }

  public String name() {
    return name;
  }

  public String country() {
    return country;
  }

  public String legalEntity() {
    return legalEntity;
  }

  public String taxId() {
    return taxId;
  }

  public Currency currency() {
    return Currency.getInstance(currency);
  }

  /** The code of the customer's named payment terms, e.g. {@code NET_30}. */
  public String paymentTermsCode() {
    return paymentTermsCode;
  }

  /** Days from the invoice's posting date to its due date (0 = due on receipt). */
  public int paymentTermsDays() {
    return paymentTermsDays;
  }

  public Status status() {
    return status;
  }

  /** The credit limit in the customer's currency; empty means no limit. */
  public Optional<BigDecimal> creditLimit() {
    return Optional.ofNullable(creditLimit);
  }

  /** Empty when none is recorded. */
  public Optional<Contact> billingContact() {
    return Optional.ofNullable(billingContact).filter(c -> !c.isEmpty());
  }

  /** Empty when none is recorded. */
  public Optional<Contact> technicalContact() {
    return Optional.ofNullable(technicalContact).filter(c -> !c.isEmpty());
  }

  /** Empty when none is recorded. */
  public Optional<Address> billingAddress() {
    return Optional.ofNullable(billingAddress).filter(a -> !a.isEmpty());
  }

  /** Empty when none is recorded. */
  public Optional<Address> shippingAddress() {
    return Optional.ofNullable(shippingAddress).filter(a -> !a.isEmpty());
  }

  public OffsetDateTime updatedAt() {
    return updatedAt;
  }

  /**
   * Replaces the customer's master data. The caller has validated every value; documents posted
   * before keep their own snapshots.
   *
   * @param creditLimit in {@code currency}, at its scale; null = no limit
   */
  public void change(
      String name,
      String country,
      String legalEntity,
      String taxId,
      Currency currency,
      PaymentTerms terms,
      BigDecimal creditLimit,
      Contact billingContact,
      Contact technicalContact,
      Address billingAddress,
      Address shippingAddress,
      OffsetDateTime at) {
    this.name = name;
    this.country = country;
    this.legalEntity = legalEntity;
    this.taxId = taxId;
    this.currency = currency.getCurrencyCode();
    this.paymentTermsCode = terms.code();
    this.paymentTermsDays = terms.days();
    this.creditLimit = creditLimit;
    this.billingContact = billingContact;
    this.technicalContact = technicalContact;
    this.billingAddress = billingAddress;
    this.shippingAddress = shippingAddress;
    this.updatedAt = at;
  }

  /** Moves the customer along its lifecycle. */
  public void changeStatus(Status status, OffsetDateTime at) {
    this.status = status;
    this.updatedAt = at;
  }
}
