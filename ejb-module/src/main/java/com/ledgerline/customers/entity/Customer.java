package com.ledgerline.customers.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Optional;

/**
 * A customer who buys on account. Identified to people by the customer number. Never hard-deleted
 * once it has transactions: it is archived instead. Its balance is never stored here; it is the sum
 * of its customer ledger entries.
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

  private String country;

  @Column(nullable = false)
  private String currency;

  @Column(name = "payment_terms_days", nullable = false)
  private int paymentTermsDays;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Status status = Status.ACTIVE;

  /** In the customer's currency, scale 4; null means no limit. */
  @Column(name = "credit_limit")
  private BigDecimal creditLimit;

  protected Customer() {}

  public Customer(
      String customerNumber, String name, String country, Currency currency, int paymentTermsDays) {
    this.customerNumber = customerNumber;
    this.name = name;
    this.country = country;
    this.currency = currency.getCurrencyCode();
    this.paymentTermsDays = paymentTermsDays;
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

  public Currency currency() {
    return Currency.getInstance(currency);
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
}
