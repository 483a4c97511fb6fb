package com.ledgerline.channels.control;

import com.ledgerline.catalog.entity.Variant;
import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
import jakarta.persistence.EntityManager;

/** The currency a stock message states for its cost, checked against the variant's. */
final class VariantCurrency {
  private VariantCurrency() {}

  /**
   * Refuses a cost in another currency than the variant's. An unknown SKU passes: the inventory
   * boundary refuses it {@code UNKNOWN_VARIANT}.
   *
   * @throws BusinessRuleViolation {@code CURRENCY_MISMATCH}
   */
  static void require(EntityManager em, String sku, String currency) {
    em.createNamedQuery(Variant.BY_SKU, Variant.class)
        .setParameter("sku", sku)
        .getResultStream()
        .findFirst()
        .filter(v -> !v.currency().getCurrencyCode().equals(currency))
        .ifPresent(
            v -> {
              throw new BusinessRuleViolation(
                  ErrorCode.CURRENCY_MISMATCH,
                  "the unit cost is in " + currency + ", SKU " + sku + " in " + v.currency());
            });
  }
}
