package com.ledgerline.catalog.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A product as the customer knows it; sold and stocked through its variants. */
@Entity
@Table(name = "cat_product")
@NamedQuery(name = Product.BY_CODE, query = "select p from Product p where p.productCode = :code")
public class Product {
  public static final String BY_CODE = "Product.byCode";

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

  /**
   * Renames the product and moves it to another tax category. Future sales use the new category;
   * posted sale lines keep the category and rate they were posted with.
   */
  public void change(String name, String taxCategoryCode) {
    this.name = name;
    this.taxCategoryCode = taxCategoryCode;
  }
}
