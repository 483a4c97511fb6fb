package com.ledgerline.tax.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * The share of one authority (a state, county, city or special district; a federal or provincial
 * government) in a combined {@link TaxRate}. Postings use the combined rate; the components say
 * whom the tax is owed to.
 */
@Entity
@Table(name = "tax_rate_component")
@IdClass(TaxRateComponent.Key.class)
public class TaxRateComponent {

  /** The composite key: the rate and the component's line number. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    private Long rate;
    private int lineNumber;

    public Key() {}

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Objects.equals(rate, k.rate) && lineNumber == k.lineNumber;
    }

    @Override
    public int hashCode() {
      return Objects.hash(rate, lineNumber);
    }
  }

  @Id
  @ManyToOne(optional = false)
  @JoinColumn(name = "tax_rate_id")
  private TaxRate rate;

  @Id
  @Column(name = "line_number")
  private int lineNumber;

  @Column(nullable = false)
  private String authority;

  @Column(name = "rate_percent", nullable = false)
  private BigDecimal ratePercent;

  protected TaxRateComponent() {}

  TaxRateComponent(TaxRate rate, int lineNumber, String authority, BigDecimal ratePercent) {
    this.rate = rate;
    this.lineNumber = lineNumber;
    this.authority = authority;
    this.ratePercent = ratePercent;
  }

  public int lineNumber() {
    return lineNumber;
  }

  public String authority() {
    return authority;
  }

  public BigDecimal ratePercent() {
    return ratePercent;
  }
}
