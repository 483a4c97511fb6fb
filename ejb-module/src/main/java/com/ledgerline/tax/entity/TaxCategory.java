package com.ledgerline.tax.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * What kind of supply a product is for tax (standard, reduced, zero-rated, exempt, ...). A product
 * names one; each jurisdiction gives the category its own effective-dated rates.
 */
@Entity
@Table(name = "tax_category")
@NamedQuery(name = TaxCategory.ALL, query = "select c from TaxCategory c order by c.code")
public class TaxCategory {
  public static final String ALL = "TaxCategory.all";

  @Id private String code;

  @Column(nullable = false)
  private String name;

  protected TaxCategory() {}

  public TaxCategory(String code, String name) {
    this.code = code;
    this.name = name;
  }

  public String code() {
    return code;
  }

  public String name() {
    return name;
  }
}
