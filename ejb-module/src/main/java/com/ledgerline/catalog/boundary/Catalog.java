package com.ledgerline.catalog.boundary;

import com.ledgerline.catalog.entity.Product;
import com.ledgerline.catalog.entity.Variant;
import com.ledgerline.ledger.control.Accounts;
import com.ledgerline.security.Roles;
import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
import com.ledgerline.shared.Quantities;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Optional;

/**
 * The catalog: products and their variants (SKUs). Minimal for now: defining a variant.
 * Administrators (and the system, for channel imports) maintain it; every role reads.
 */
@Stateless
public class Catalog {
  @PersistenceContext private EntityManager em;

  /**
   * Defines a product with one variant of the same code.
   *
   * @param sellingPrice tax-exclusive list price per unit, ≥ 0, at most 6 decimals
   * @param stockTracked false for services and fees (no stock, revenue to the services account)
   * @throws BusinessRuleViolation {@code ALREADY_EXISTS}, {@code INVALID_AMOUNT}
   */
  @RolesAllowed({Roles.ADMIN, Roles.SYSTEM})
  public String defineVariant(
      String sku,
      String name,
      String taxCategoryCode,
      BigDecimal sellingPrice,
      String currency,
      boolean stockTracked) {
    if (find(sku).isPresent()) {
      throw new BusinessRuleViolation(ErrorCode.ALREADY_EXISTS, "SKU " + sku + " exists already");
    }
    Quantities.requireUnitAmount(sellingPrice, "selling price");
    Product product = new Product(sku, name, taxCategoryCode);
    em.persist(product);
    em.persist(
        new Variant(
            product,
            sku,
            name,
            sellingPrice,
            Currency.getInstance(currency),
            stockTracked,
            stockTracked ? Accounts.SALES_REVENUE : Accounts.SALES_REVENUE_SERVICES));
    return sku;
  }

  @RolesAllowed({
    Roles.CASHIER,
    Roles.APPROVER,
    Roles.FINANCE,
    Roles.ADMIN,
    Roles.AUDITOR,
    Roles.SYSTEM
  })
  public Optional<Variant> find(String sku) {
    return em.createNamedQuery(Variant.BY_SKU, Variant.class)
        .setParameter("sku", sku)
        .getResultStream()
        .findFirst();
  }
}
