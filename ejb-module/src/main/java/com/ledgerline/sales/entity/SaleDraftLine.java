package com.ledgerline.sales.entity;

import com.ledgerline.catalog.entity.Variant;
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

/**
 * A line of a draft or held sale: what will be posted, with preview figures at the price and rate
 * known when the draft was saved. Replaced as a whole while the sale is a draft (the database
 * refuses changes otherwise); posting recalculates the figures on the posting date and writes the
 * immutable {@link SaleLine}s.
 */
@Entity
@Table(name = "sal_sale_draft_line")
public class SaleDraftLine {

  /**
   * @param quantity units, positive, 4 decimals
   * @param unitPrice price per unit, 6 decimals (the catalogue price when none given), net of tax
   *     or including it as the sale's price basis says
   * @param netAmount preview: the net of quantity × unit price at the currency's scale (that amount
   *     under a tax-exclusive price basis, that amount less its tax under a tax-inclusive one)
   * @param taxRatePercent preview: the rate in force on the requested posting date (or today)
   * @param taxAmount preview: the line's tax under the jurisdiction's rounding policy
   */
  public record Values(
      Variant variant,
      String description,
      BigDecimal quantity,
      BigDecimal unitPrice,
      BigDecimal netAmount,
      BigDecimal taxRatePercent,
      BigDecimal taxAmount) {}

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "sale_id")
  private Sale sale;

  @Column(name = "line_number", nullable = false)
  private int lineNumber;

  @ManyToOne(optional = false)
  @JoinColumn(name = "variant_id")
  private Variant variant;

  @Column(nullable = false)
  private String sku;

  @Column(nullable = false)
  private String description;

  @Column(nullable = false)
  private BigDecimal quantity;

  @Column(name = "unit_price", nullable = false)
  private BigDecimal unitPrice;

  @Column(name = "net_amount", nullable = false)
  private BigDecimal netAmount;

  @Column(name = "tax_rate_percent", nullable = false)
  private BigDecimal taxRatePercent;

  @Column(name = "tax_amount", nullable = false)
  private BigDecimal taxAmount;

  protected SaleDraftLine() {}

  SaleDraftLine(Sale sale, int lineNumber, Values values) {
    this.sale = sale;
    this.lineNumber = lineNumber;
    this.variant = values.variant();
    this.sku = values.variant().sku();
    this.description = values.description();
    this.quantity = values.quantity();
    this.unitPrice = values.unitPrice();
    this.netAmount = values.netAmount();
    this.taxRatePercent = values.taxRatePercent();
    this.taxAmount = values.taxAmount();
  }

  public int lineNumber() {
    return lineNumber;
  }

  public Variant variant() {
    return variant;
  }

  public String sku() {
    return sku;
  }

  public String description() {
    return description;
  }

  public BigDecimal quantity() {
    return quantity;
  }

  public BigDecimal unitPrice() {
    return unitPrice;
  }

  /** Preview, at the currency's minor-unit scale. */
  public BigDecimal netAmount() {
    return netAmount.setScale(Money.scaleOf(sale.currency()));
  }

  public BigDecimal taxRatePercent() {
    return taxRatePercent;
  }

  /** Preview, at the currency's minor-unit scale. */
  public BigDecimal taxAmount() {
    return taxAmount.setScale(Money.scaleOf(sale.currency()));
  }
}
