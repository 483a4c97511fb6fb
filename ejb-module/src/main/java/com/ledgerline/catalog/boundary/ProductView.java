package com.ledgerline.catalog.boundary;

import com.ledgerline.catalog.entity.Product;
import com.ledgerline.catalog.entity.Variant;
import java.math.BigDecimal;
import java.util.List;

/** A product with its variants, as read. */
public record ProductView(
    String productCode, String name, String taxCategory, List<VariantView> variants) {

  /**
   * A variant as read.
   *
   * @param sellingPrice list price per unit, 6 decimals, in {@code currency}
   * @param revenueAccount the general ledger account its sales revenue is credited to
   */
  public record VariantView(
      String sku,
      String productCode,
      String name,
      String taxCategory,
      BigDecimal sellingPrice,
      String currency,
      boolean stockTracked,
      boolean backorderAllowed,
      String revenueAccount) {

    static VariantView of(Variant v) {
      return new VariantView(
          v.sku(),
          v.product().productCode(),
          v.name(),
          v.product().taxCategoryCode(),
          v.sellingPrice(),
          v.currency().getCurrencyCode(),
          v.stockTracked(),
          v.backorderAllowed(),
          v.revenueAccount());
    }
  }

  static ProductView of(Product p, List<Variant> variants) {
    return new ProductView(
        p.productCode(),
        p.name(),
        p.taxCategoryCode(),
        variants.stream().map(VariantView::of).toList());
  }
}
