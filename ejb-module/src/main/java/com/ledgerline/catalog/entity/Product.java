package com.ledgerline.catalog.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A product as the customer knows it; sold and stocked through its variants. */
@Entity
@Table(name = "cat_product")
public class Product {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "product_code", nullable = false, unique = true)
  private String productCode;

  @Column(nullable = false)
  private String name;

  @Column(name = "tax_category_code", nullable = false)
  private String taxCategoryCode;

  protected Product() {}

  public Product(String productCode, String name, String taxCategoryCode) {
    this.productCode = productCode;
    this.name = name;
    this.taxCategoryCode = taxCategoryCode;
  }

  public Long id() {
    return id;
  }

  public String productCode() {
    return productCode;
  }

  public String name() {
    return name;
  }

  public String taxCategoryCode() {
    return taxCategoryCode;
  }
}
