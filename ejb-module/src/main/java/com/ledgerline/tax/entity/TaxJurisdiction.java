package com.ledgerline.tax.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * A tax authority's area (a country for VAT and GST, a tax area such as a US city for sales tax)
 * with its currency, its one declared rounding policy and mode, and whether its prices include tax,
 * applied identically to every document. Never changed once created: posted documents and the
 * invariant checks read these declarations.
 */
@Entity
@Table(name = "tax_jurisdiction")
@NamedQuery(name = TaxJurisdiction.ALL, query = "select j from TaxJurisdiction j order by j.code")
public class TaxJurisdiction {
  public static final String ALL = "TaxJurisdiction.all";

  /** The kind of tax the jurisdiction levies; descriptive, the arithmetic is the same. */
  public enum TaxType {
    VAT,
    GST,
    SALES_TAX
  }

  @Id private String code;

  @Column(nullable = false)
  private String name;

  @Column(nullable = false)
  private String currency;

  @Enumerated(EnumType.STRING)
  @Column(name = "rounding_policy", nullable = false)
  private RoundingPolicy roundingPolicy;

  @Column(name = "rounding_mode", nullable = false)
  private String roundingMode;

  @Column(name = "prices_include_tax", nullable = false)
  private boolean pricesIncludeTax;

  @Enumerated(EnumType.STRING)
  @Column(name = "tax_type", nullable = false)
  private TaxType taxType;

  protected TaxJurisdiction() {}

  /**
   * @param roundingMode {@code HALF_UP}, {@code HALF_EVEN}, {@code DOWN} or {@code UP}
   */
  public TaxJurisdiction(
      String code,
      String name,
      Currency currency,
      RoundingPolicy roundingPolicy,
      RoundingMode roundingMode,
      boolean pricesIncludeTax,
      TaxType taxType) {
    this.code = code;
    this.name = name;
    this.currency = currency.getCurrencyCode();
    this.roundingPolicy = roundingPolicy;
    this.roundingMode = roundingMode.name();
    this.pricesIncludeTax = pricesIncludeTax;
    this.taxType = taxType;
  }

  public String code() {
    return code;
  }

  public String name() {
    return name;
  }

  public Currency currency() {
    return Currency.getInstance(currency);
  }

  public RoundingPolicy roundingPolicy() {
    return roundingPolicy;
  }

  public RoundingMode roundingMode() {
    return RoundingMode.valueOf(roundingMode);
  }

  /** Whether line amounts (quantity × unit price) of its documents are gross. */
  public boolean pricesIncludeTax() {
    return pricesIncludeTax;
  }

  /** {@link #pricesIncludeTax()} as the calculator's price basis. */
  public PriceBasis priceBasis() {
    return pricesIncludeTax ? PriceBasis.TAX_INCLUSIVE : PriceBasis.TAX_EXCLUSIVE;
  }

  public TaxType taxType() {
    return taxType;
  }
}
