package com.ledgerline.tax.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.RoundingMode;
import java.util.Currency;

/** A tax authority's area with its one declared rounding policy, applied to every document. */
@Entity
@Table(name = "tax_jurisdiction")
public class TaxJurisdiction {
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

  protected TaxJurisdiction() {}

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
}
