package com.ledgerline.sales.entity;

import com.ledgerline.customers.entity.Customer;
import com.ledgerline.shared.Money;
import jakarta.persistence.CascadeType;
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
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;

/**
 * A sale to a customer: the sales invoice.
 *
 * <p>Lifecycle (DESIGN.md 4): {@code DRAFT} → {@code POSTED} (stock out, customer ledger {@code
 * invoice}, journal entry) or {@code PENDING_APPROVAL} → {@code POSTED}; {@code VOIDED} only while
 * unpaid. A posted sale's lines are never changed in place: corrections are amendments and credit
 * notes that point at it.
 *
 * <p>Invariants: {@code total = subtotal + taxTotal}; subtotal and tax total are the sums of the
 * lines; every line carries the tax rate and unit cost used at posting (snapshots).
 */
@Entity
@Table(name = "sal_sale")
@NamedQuery(name = Sale.BY_NUMBER, query = "select s from Sale s where s.saleNumber = :number")
@NamedQuery(
    name = Sale.BY_CHANNEL_REFERENCE,
    query = "select s from Sale s where s.channel = :channel and s.externalReference = :reference")
public class Sale {
  public static final String BY_NUMBER = "Sale.byNumber";
  public static final String BY_CHANNEL_REFERENCE = "Sale.byChannelReference";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "sale_number", nullable = false, unique = true)
  private String saleNumber;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private SaleStatus status;

  @ManyToOne(optional = false)
  @JoinColumn(name = "customer_id")
  private Customer customer;

  @Column(nullable = false)
  private String currency;

  @Column(name = "jurisdiction_code", nullable = false)
  private String jurisdictionCode;

  @Column(name = "rounding_policy", nullable = false)
  private String roundingPolicy;

  @Column(name = "posting_date", nullable = false)
  private LocalDate postingDate;

  @Column(name = "due_date", nullable = false)
  private LocalDate dueDate;

  @Column(nullable = false)
  private BigDecimal subtotal;

  @Column(name = "tax_total", nullable = false)
  private BigDecimal taxTotal;

  @Column(nullable = false)
  private BigDecimal total;

  @Column(nullable = false)
  private String channel;

  @Column(name = "external_reference")
  private String externalReference;

  @Column(name = "captured_at")
  private OffsetDateTime capturedAt;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "created_by", nullable = false)
  private String createdBy;

  @OneToMany(mappedBy = "sale", cascade = CascadeType.PERSIST)
  @OrderBy("lineNumber")
  private List<SaleLine> lines = new ArrayList<>();

  protected Sale() {}

  public Sale(
      String saleNumber,
      Customer customer,
      Currency currency,
      String jurisdictionCode,
      String roundingPolicy,
      LocalDate postingDate,
      LocalDate dueDate,
      String channel,
      String externalReference,
      OffsetDateTime capturedAt,
      String createdBy) {
    this.saleNumber = saleNumber;
    this.status = SaleStatus.POSTED;
    this.customer = customer;
    this.currency = currency.getCurrencyCode();
    this.jurisdictionCode = jurisdictionCode;
    this.roundingPolicy = roundingPolicy;
    this.postingDate = postingDate;
    this.dueDate = dueDate;
    this.channel = channel;
    this.externalReference = externalReference;
    this.capturedAt = capturedAt;
    this.createdBy = createdBy;
    this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
    this.subtotal = BigDecimal.ZERO;
    this.taxTotal = BigDecimal.ZERO;
    this.total = BigDecimal.ZERO;
  }

  /** Adds a line and keeps the document totals equal to the sums of the lines. */
  public SaleLine addLine(SaleLine.Values values) {
    SaleLine line = new SaleLine(this, lines.size() + 1, values);
    lines.add(line);
    subtotal = subtotal.add(line.netAmount());
    taxTotal = taxTotal.add(line.taxAmount());
    total = subtotal.add(taxTotal);
    return line;
  }

  public Long id() {
    return id;
  }

  public String saleNumber() {
    return saleNumber;
  }

  public SaleStatus status() {
    return status;
  }

  public Customer customer() {
    return customer;
  }

  public Currency currency() {
    return Currency.getInstance(currency);
  }

  public String jurisdictionCode() {
    return jurisdictionCode;
  }

  public String roundingPolicy() {
    return roundingPolicy;
  }

  public LocalDate postingDate() {
    return postingDate;
  }

  public LocalDate dueDate() {
    return dueDate;
  }

  /** At the currency's minor-unit scale. */
  public BigDecimal subtotal() {
    return subtotal.setScale(Money.scaleOf(currency()));
  }

  /** At the currency's minor-unit scale. */
  public BigDecimal taxTotal() {
    return taxTotal.setScale(Money.scaleOf(currency()));
  }

  /** At the currency's minor-unit scale. */
  public BigDecimal total() {
    return total.setScale(Money.scaleOf(currency()));
  }

  public String channel() {
    return channel;
  }

  public String externalReference() {
    return externalReference;
  }

  public OffsetDateTime capturedAt() {
    return capturedAt;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  public String createdBy() {
    return createdBy;
  }

  public List<SaleLine> lines() {
    return Collections.unmodifiableList(lines);
  }
}
