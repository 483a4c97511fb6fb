package com.ledgerline.tax.boundary;

import com.ledgerline.tax.entity.TaxJurisdiction;
import com.ledgerline.tax.entity.TaxRate;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** What the tax boundary answers and accepts. */
public final class TaxViews {
  private TaxViews() {}

  /**
   * A jurisdiction and its rates.
   *
   * @param roundingPolicy {@code PER_LINE} or {@code PER_DOCUMENT}
   * @param roundingMode {@code HALF_UP}, {@code HALF_EVEN}, {@code DOWN} or {@code UP}
   * @param pricesIncludeTax whether its documents' line amounts are gross
   * @param taxType {@code VAT}, {@code GST} or {@code SALES_TAX}
   * @param rates by category, then start; empty in a list of jurisdictions
   */
  public record Jurisdiction(
      String code,
      String name,
      String currency,
      String roundingPolicy,
      String roundingMode,
      Boolean pricesIncludeTax,
      String taxType,
      List<Rate> rates) {
    static Jurisdiction of(TaxJurisdiction j, List<TaxRate> rates) {
      return new Jurisdiction(
          j.code(),
          j.name(),
          j.currency().getCurrencyCode(),
          j.roundingPolicy().name(),
          j.roundingMode().name(),
          j.pricesIncludeTax(),
          j.taxType().name(),
          rates.stream().map(Rate::of).toList());
    }
  }

  /**
   * An effective-dated rate.
   *
   * @param ratePercent 0..100, 4 decimals (17.5 = 17.5 %)
   * @param validFrom first day in force
   * @param validTo first day no longer in force; null = open
   * @param components the authorities' shares of a combined rate, adding up to it; empty = one
   *     authority
   */
  public record Rate(
      String category,
      BigDecimal ratePercent,
      LocalDate validFrom,
      LocalDate validTo,
      List<Component> components) {
    static Rate of(TaxRate r) {
      return new Rate(
          r.categoryCode(),
          r.ratePercent(),
          r.validFrom(),
          r.validTo().orElse(null),
          r.components().stream().map(c -> new Component(c.authority(), c.ratePercent())).toList());
    }
  }

  /**
   * One authority's share of a combined rate.
   *
   * @param authority e.g. "New York State", "New York City", "MCTD"
   * @param ratePercent 4 decimals
   */
  public record Component(String authority, BigDecimal ratePercent) {}

  /** A tax category. */
  public record Category(String code, String name) {}
}
