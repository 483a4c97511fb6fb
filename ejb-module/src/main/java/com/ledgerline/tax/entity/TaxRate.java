package com.ledgerline.tax.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A rate in percent for a jurisdiction and category, in force from validFrom until validTo. */
@Entity
@Table(name = "tax_rate")
@NamedQuery(
    name = TaxRate.IN_FORCE,
    query =
        "select r from TaxRate r where r.jurisdictionCode = :jurisdiction and r.categoryCode ="
            + " :category and r.validFrom <= :day and (r.validTo is null or r.validTo > :day)")
public class TaxRate {
  public static final String IN_FORCE = "TaxRate.inForce";

  @Id private Long id;

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

  protected TaxRate() {}

  public BigDecimal ratePercent() {
    return ratePercent;
  }

  public String categoryCode() {
    return categoryCode;
  }
}
