package com.ledgerline.tax.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A rate in percent for a jurisdiction and category, in force from {@code validFrom} (inclusive)
 * until {@code validTo} (exclusive; open when absent). The rates of one jurisdiction and category
 * never overlap (the store refuses it with an exclusion constraint). A combined rate (US state +
 * local sales tax, Canadian GST + PST) lists its components, which add up to it exactly.
 */
@Entity
@Table(name = "tax_rate")
@NamedQuery(
    name = TaxRate.IN_FORCE,
    query =
        "select r from TaxRate r where r.jurisdictionCode = :jurisdiction and r.categoryCode ="
            + " :category and r.validFrom <= :day and (r.validTo is null or r.validTo > :day)")
@NamedQuery(
    name = TaxRate.OF_JURISDICTION,
    query =
        "select r from TaxRate r where r.jurisdictionCode = :jurisdiction"
            + " order by r.categoryCode, r.validFrom")
@NamedQuery(
    name = TaxRate.OF_CATEGORY,
    query =
        "select r from TaxRate r where r.jurisdictionCode = :jurisdiction and r.categoryCode ="
            + " :category order by r.validFrom")
public class TaxRate {
  public static final String IN_FORCE = "TaxRate.inForce";
  public static final String OF_JURISDICTION = "TaxRate.ofJurisdiction";
  public static final String OF_CATEGORY = "TaxRate.ofCategory";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "jurisdiction_code", nullable = false)
  private String jurisdictionCode;

  @Column(name = "category_code", nullable = false)
  private String categoryCode;

  @Column(name = "rate_percent", nullable = false)
  private BigDecimal ratePercent;

  @Column(name = "valid_from", nullable = false)
  private LocalDate validFrom;

  @Column(name = "valid_to")
  private LocalDate validTo;

  @OneToMany(mappedBy = "rate", cascade = CascadeType.PERSIST)
  @OrderBy("lineNumber")
  private List<TaxRateComponent> components = new ArrayList<>();

  protected TaxRate() {}

  /**
   * @param ratePercent 0..100, at most 4 decimals
   * @param validTo exclusive; null = open
   */
  public TaxRate(
      String jurisdictionCode,
      String categoryCode,
      BigDecimal ratePercent,
      LocalDate validFrom,
      LocalDate validTo) {
    this.jurisdictionCode = jurisdictionCode;
    this.categoryCode = categoryCode;
    this.ratePercent = ratePercent;
    this.validFrom = validFrom;
    this.validTo = validTo;
  }

  /** Adds the next component of a combined rate. */
  public void addComponent(String authority, BigDecimal ratePercent) {
    components.add(new TaxRateComponent(this, components.size() + 1, authority, ratePercent));
  }

  /** Ends the rate's validity at {@code day} (exclusive): a newer rate starts that day. */
  public void closeAt(LocalDate day) {
    this.validTo = day;
  }

  public Long id() {
    return id;
  }

  public String jurisdictionCode() {
    return jurisdictionCode;
  }

  public BigDecimal ratePercent() {
    return ratePercent;
  }

  public String categoryCode() {
    return categoryCode;
  }

  public LocalDate validFrom() {
    return validFrom;
  }

  /** Exclusive; empty = in force until a newer rate closes it. */
  public Optional<LocalDate> validTo() {
    return Optional.ofNullable(validTo);
  }

  /** Whether the rate is in force on {@code day}. */
  public boolean inForceOn(LocalDate day) {
    return !day.isBefore(validFrom) && (validTo == null || day.isBefore(validTo));
  }

  public List<TaxRateComponent> components() {
    return List.copyOf(components);
  }
}
