package com.ledgerline.catalog.boundary;

import java.math.BigDecimal;
import java.util.List;

/**
 * A product to define, with at least one variant.
 *
 * @param productCode 1..40 characters, unique
 * @param taxCategory a tax category code ({@code STANDARD}, {@code REDUCED}, {@code ZERO}, ...)
 */
public record NewProduct(
    String productCode, String name, String taxCategory, List<Variant> variants) {

  /**
   * A sellable variant (SKU) of the product.
   *
   * @param sku 1..40 characters, unique across the catalog
   * @param name optional; the product's name when absent
   * @param sellingPrice list price per unit, ≥ 0, at most 6 decimals, read as tax-inclusive or
   *     tax-exclusive as the sale's jurisdiction declares
   * @param currency ISO 4217 code of the price (sales to customers in other currencies are refused)
   * @param stockTracked false for services and fees (no stock; revenue to the services account);
   *     absent = true
   * @param backorderAllowed whether sales and adjustments may take stock below zero; absent = false
   */
  public record Variant(
      String sku,
      String name,
      BigDecimal sellingPrice,
      String currency,
      Boolean stockTracked,
      Boolean backorderAllowed) {}
}
