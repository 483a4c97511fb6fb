package com.ledgerline.catalog.entity;

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
import java.util.Currency;

/**
 * The sellable unit (SKU). A stock-tracked variant moves stock and cost of goods sold when sold; a
 * service variant (postage, fees) posts revenue only. Backorders are refused unless allowed here.
 */
@Entity
@Table(name = "cat_variant")
@NamedQuery(name = Variant.BY_SKU, query = "select v from Variant v where v.sku = :sku")
@NamedQuery(
    name = Variant.OF_PRODUCT,
    query = "select v from Variant v where v.product = :product order by v.sku")
public class Variant {
  public static final String BY_SKU = "Variant.bySku";
  public static final String OF_PRODUCT = "Variant.ofProduct";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "product_id")
  private Product product;

  @Column(nullable = false, unique = true)
  private String sku;

  @Column(nullable = false)
  private String name;

  /**
   * List price per unit, 6 decimals; tax-exclusive or tax-inclusive as the sale's jurisdiction
   * declares (TaxJurisdiction.pricesIncludeTax).
   */
  @Column(name = "selling_price", nullable = false)
  private BigDecimal sellingPrice;

  @Column(nullable = false)
  private String currency;

  @Column(name = "stock_tracked", nullable = false)
  private boolean stockTracked;

  @Column(name = "backorder_allowed", nullable = false)
  private boolean backorderAllowed;

  @Column(name = "revenue_account", nullable = false)
  private String revenueAccount;

  protected Variant() {}

  public Variant(
      Product product,
      String sku,
      String name,
      BigDecimal sellingPrice,
      Currency currency,
      boolean stockTracked,
      String revenueAccount) {
    this(product, sku, name, sellingPrice, currency, stockTracked, false, revenueAccount);
  }

  public Variant(
      Product product,
      String sku,
      String name,
      BigDecimal sellingPrice,
      Currency currency,
      boolean stockTracked,
      boolean backorderAllowed,
      String revenueAccount) {
    this.backorderAllowed = backorderAllowed;
    this.product = product;
    this.sku = sku;
    this.name = name;
    this.sellingPrice = sellingPrice;
    this.currency = currency.getCurrencyCode();
    this.stockTracked = stockTracked;
    this.revenueAccount = revenueAccount;
  }

  public Long id() {
    return id;
  }

  public Product product() {
    return product;
  }

  public String sku() {
    return sku;
  }

  public String name() {
    return name;
  }

  public BigDecimal sellingPrice() {
    return sellingPrice;
  }

  public Currency currency() {
    return Currency.getInstance(currency);
  }

  public boolean stockTracked() {
    return stockTracked;
  }

  public boolean backorderAllowed() {
    return backorderAllowed;
  }

  /**
   * Changes what future sales use: name, list price and backorder policy. Posted sale lines keep
   * the price they were posted with. The caller has checked that backorders are not switched off
   * while stock on hand is below zero.
   *
   * @param sellingPrice list price per unit, ≥ 0, at most 6 decimals
   */
  public void change(String name, BigDecimal sellingPrice, boolean backorderAllowed) {
    this.name = name;
    this.sellingPrice = sellingPrice;
    this.backorderAllowed = backorderAllowed;
  }

  /** The general ledger account its sales revenue is credited to. */
  public String revenueAccount() {
    return revenueAccount;
  }
}
