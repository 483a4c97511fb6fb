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
 * One line of one revision of a posted sale, with its snapshots: the price, tax rate and unit cost
 * used at posting stay on the line whatever later happens to the catalog, the tax table or the
 * moving-average cost. Immutable (a database trigger refuses updates and deletes): an amendment
 * writes the full set of lines again under the next revision.
 */
@Entity
@Table(name = "sal_sale_line")
public class SaleLine {

  /**
   * The figures of a line as calculated at posting.
   *
   * @param quantity units sold, positive, 4 decimals
   * @param unitPrice price per unit as entered, 6 decimals: net of tax or including it, as the
   *     sale's price basis says
   * @param netAmount at the currency's scale: quantity × unit price (rounded) under a tax-exclusive
   *     basis, that amount less the tax inside it under a tax-inclusive one
   * @param taxRatePercent the rate in force at posting, percent
   * @param taxAmount the line's tax under the sale's rounding policy and mode
   * @param unitCost moving-average cost per unit at posting (null for services)
   * @param costAmount quantity × unit cost as moved out of Inventory (null for services)
   */
  public record Values(
      Variant variant,
      String description,
      BigDecimal quantity,
      BigDecimal unitPrice,
      BigDecimal netAmount,
      String taxCategoryCode,
      BigDecimal taxRatePercent,
      BigDecimal taxAmount,
      BigDecimal unitCost,
      BigDecimal costAmount) {}

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "sale_id")
  private Sale sale;

  @Column(nullable = false)
  private int revision;

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

  @Column(name = "tax_category_code", nullable = false)
  private String taxCategoryCode;

  @Column(name = "tax_rate_percent", nullable = false)
  private BigDecimal taxRatePercent;

  @Column(name = "tax_amount", nullable = false)
  private BigDecimal taxAmount;

  @Column(name = "unit_cost")
  private BigDecimal unitCost;

  @Column(name = "cost_amount")
  private BigDecimal costAmount;

  protected SaleLine() {}

  SaleLine(Sale sale, int revision, int lineNumber, Values values) {
    this.sale = sale;
    this.revision = revision;
    this.lineNumber = lineNumber;
    this.variant = values.variant();
    this.sku = values.variant().sku();
    this.description = values.description();
    this.quantity = values.quantity();
    this.unitPrice = values.unitPrice();
    this.netAmount = values.netAmount();
    this.taxCategoryCode = values.taxCategoryCode();
    this.taxRatePercent = values.taxRatePercent();
    this.taxAmount = values.taxAmount();
    this.unitCost = values.unitCost();
    this.costAmount = values.costAmount();
  }

  public Long id() {
    return id;
  }

  public Sale sale() {
    return sale;
  }

  /** The revision of the sale this line belongs to (1 = as first posted). */
  public int revision() {
    return revision;
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

  /** At the currency's minor-unit scale. */
  public BigDecimal netAmount() {
    return netAmount.setScale(Money.scaleOf(sale.currency()));
  }

  public String taxCategoryCode() {
    return taxCategoryCode;
  }

  public BigDecimal taxRatePercent() {
    return taxRatePercent;
  }

  /** At the currency's minor-unit scale. */
  public BigDecimal taxAmount() {
    return taxAmount.setScale(Money.scaleOf(sale.currency()));
  }

  /** Net plus tax, at the currency's minor-unit scale. */
  public BigDecimal grossAmount() {
    return netAmount().add(taxAmount());
  }

  public BigDecimal unitCost() {
    return unitCost;
  }

  /** At the currency's minor-unit scale; null for services. */
  public BigDecimal costAmount() {
    return costAmount == null ? null : costAmount.setScale(Money.scaleOf(sale.currency()));
  }
}
