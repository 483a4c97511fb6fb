package com.ledgerline.catalog.boundary;

import static com.ledgerline.shared.Jsonp.JSON;

import com.ledgerline.audit.control.AuditTrail;
import com.ledgerline.catalog.entity.Product;
import com.ledgerline.catalog.entity.Variant;
import com.ledgerline.inventory.entity.StockLevel;
import com.ledgerline.ledger.control.Accounts;
import com.ledgerline.security.Roles;
import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
import com.ledgerline.shared.Money;
import com.ledgerline.shared.Quantities;
import com.ledgerline.tax.entity.TaxCategory;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The catalog: products and their variants (SKUs), each product in one tax category, each variant
 * with its list price, currency, stock tracking and backorder policy. Changes apply to future sales
 * only: posted sale lines keep the price, tax category and rate they were posted with. Every change
 * is audited (document types {@code PRODUCT} and {@code VARIANT}).
 */
@Stateless
@RolesAllowed({Roles.CASHIER, Roles.APPROVER, Roles.FINANCE, Roles.ADMIN, Roles.AUDITOR})
public class Catalog {
  @PersistenceContext private EntityManager em;
  @Resource private SessionContext session;

  /**
   * A change to a product.
   *
   * @param name 1..300 characters
   * @param taxCategory a tax category code
   */
  public record ProductChange(String name, String taxCategory) {}

  /**
   * A change to a variant; every field is replaced.
   *
   * @param sellingPrice list price per unit, ≥ 0, at most 6 decimals
   */
  public record VariantChange(String name, BigDecimal sellingPrice, Boolean backorderAllowed) {}

  /**
   * Defines a product with one variant of the same code (the first-day import's shape).
   *
   * @param sellingPrice list price per unit, ≥ 0, at most 6 decimals
   * @param stockTracked false for services and fees (no stock, revenue to the services account)
   * @throws BusinessRuleViolation {@code ALREADY_EXISTS}, {@code INVALID_AMOUNT}, {@code
   *     INVALID_REQUEST}, {@code UNKNOWN_TAX_CATEGORY}
   */
  @RolesAllowed({Roles.ADMIN, Roles.SYSTEM})
  public String defineVariant(
      String sku,
      String name,
      String taxCategoryCode,
      BigDecimal sellingPrice,
      String currency,
      boolean stockTracked) {
    createProduct(
        new NewProduct(
            sku,
            name,
            taxCategoryCode,
            List.of(
                new NewProduct.Variant(sku, name, sellingPrice, currency, stockTracked, false))));
    return sku;
  }

  /**
   * Defines a product and its variants.
   *
   * @throws BusinessRuleViolation {@code INVALID_REQUEST} (missing or overlong field, no variant, a
   *     SKU twice), {@code ALREADY_EXISTS} (product code or SKU), {@code UNKNOWN_TAX_CATEGORY},
   *     {@code INVALID_AMOUNT} (price)
   */
  @RolesAllowed({Roles.ADMIN, Roles.SYSTEM})
  public ProductView createProduct(NewProduct command) {
    if (command == null || command.variants() == null || command.variants().isEmpty()) {
      throw invalid("a product needs at least one variant");
    }
    String code = text(command.productCode(), "productCode", 40);
    String name = text(command.name(), "name", 300);
    String category = category(command.taxCategory());
    if (product(code).isPresent()) {
      throw new BusinessRuleViolation(
          ErrorCode.ALREADY_EXISTS, "product " + code + " exists already");
    }
    Product product = new Product(code, name, category);
    em.persist(product);
    Set<String> skus = new HashSet<>();
    List<Variant> variants = new ArrayList<>();
    for (NewProduct.Variant v : command.variants()) {
      if (v == null || !skus.add(String.valueOf(v.sku()))) {
        throw invalid("each variant needs its own SKU");
      }
      variants.add(newVariant(product, v));
    }
    JsonArrayBuilder described = JSON.createArrayBuilder();
    variants.forEach(v -> described.add(describe(v)));
    audit(
        "product.created",
        "PRODUCT",
        code,
        JSON.createObjectBuilder()
            .add("name", name)
            .add("taxCategory", category)
            .add("variants", described));
    return ProductView.of(product, variants);
  }

  /**
   * Adds a variant to a product.
   *
   * @throws BusinessRuleViolation {@code UNKNOWN_PRODUCT}, {@code INVALID_REQUEST}, {@code
   *     ALREADY_EXISTS}, {@code INVALID_AMOUNT}
   */
  @RolesAllowed({Roles.ADMIN, Roles.SYSTEM})
  public ProductView addVariant(String productCode, NewProduct.Variant variant) {
    if (variant == null) {
      throw invalid("a variant is required");
    }
    Product product = requireProduct(productCode);
    Variant added = newVariant(product, variant);
    audit("variant.added", "VARIANT", added.sku(), describe(added).add("productCode", productCode));
    return ProductView.of(product, variants(product));
  }

  /**
   * Renames a product or moves it to another tax category (future sales only).
   *
   * @throws BusinessRuleViolation {@code UNKNOWN_PRODUCT}, {@code INVALID_REQUEST}, {@code
   *     UNKNOWN_TAX_CATEGORY}
   */
  @RolesAllowed({Roles.ADMIN, Roles.SYSTEM})
  public ProductView updateProduct(String productCode, ProductChange change) {
    if (change == null) {
      throw invalid("name and taxCategory are required");
    }
    String name = text(change.name(), "name", 300);
    String category = category(change.taxCategory());
    Product product = requireProduct(productCode);
    em.refresh(product, LockModeType.PESSIMISTIC_WRITE);
    JsonObjectBuilder changes = JSON.createObjectBuilder();
    boolean changed = diff(changes, "name", product.name(), name);
    changed |= diff(changes, "taxCategory", product.taxCategoryCode(), category);
    product.change(name, category);
    if (changed) {
      audit("product.updated", "PRODUCT", productCode, changes);
    }
    return ProductView.of(product, variants(product));
  }

  /**
   * Changes a variant's name, list price and backorder policy (future sales only).
   *
   * @throws BusinessRuleViolation {@code UNKNOWN_VARIANT}, {@code INVALID_REQUEST}, {@code
   *     INVALID_AMOUNT}, {@code NEGATIVE_STOCK_NEEDS_BACKORDER} (backorders switched off while
   *     stock on hand is below zero)
   */
  @RolesAllowed({Roles.ADMIN, Roles.SYSTEM})
  public ProductView.VariantView updateVariant(String sku, VariantChange change) {
    if (change == null || change.backorderAllowed() == null) {
      throw invalid("name, sellingPrice and backorderAllowed are required");
    }
    String name = text(change.name(), "name", 300);
    BigDecimal price = Quantities.requireUnitAmount(change.sellingPrice(), "sellingPrice");
    Variant variant =
        find(sku)
            .orElseThrow(
                () -> new BusinessRuleViolation(ErrorCode.UNKNOWN_VARIANT, "no SKU " + sku));
    // lock order of every stock workflow: the stock level first
    StockLevel level = em.find(StockLevel.class, variant.id(), LockModeType.PESSIMISTIC_WRITE);
    em.refresh(variant, LockModeType.PESSIMISTIC_WRITE);
    if (!change.backorderAllowed() && level != null && level.quantityOnHand().signum() < 0) {
      throw new BusinessRuleViolation(
          ErrorCode.NEGATIVE_STOCK_NEEDS_BACKORDER,
          "SKU "
              + sku
              + " has "
              + level.quantityOnHand().stripTrailingZeros().toPlainString()
              + " on hand; backorders stay allowed until stock is back to zero or above");
    }
    JsonObjectBuilder changes = JSON.createObjectBuilder();
    boolean changed = diff(changes, "name", variant.name(), name);
    changed |=
        variant.sellingPrice().compareTo(price) != 0
            && diff(
                changes,
                "sellingPrice",
                variant.sellingPrice().toPlainString(),
                price.setScale(Quantities.UNIT_AMOUNT_SCALE).toPlainString());
    changed |=
        diff(
            changes,
            "backorderAllowed",
            String.valueOf(variant.backorderAllowed()),
            String.valueOf(change.backorderAllowed()));
    variant.change(name, price.setScale(Quantities.UNIT_AMOUNT_SCALE), change.backorderAllowed());
    if (changed) {
      audit("variant.updated", "VARIANT", sku, changes);
    }
    return ProductView.VariantView.of(variant);
  }

  /** The variant with that SKU, as an entity (for other components' control code). */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
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

  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<ProductView.VariantView> variant(String sku) {
    return find(sku).map(ProductView.VariantView::of);
  }

  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<ProductView> productView(String productCode) {
    return product(productCode).map(p -> ProductView.of(p, variants(p)));
  }

  /**
   * Products by code, with their variants.
   *
   * @param offset rows to skip, ≥ 0
   * @param limit products to return, 1..500
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<ProductView> list(int offset, int limit) {
    List<Product> products =
        em.createQuery("select p from Product p order by p.productCode", Product.class)
            .setFirstResult(Math.max(0, offset))
            .setMaxResults(Math.min(500, Math.max(1, limit)))
            .getResultList();
    if (products.isEmpty()) {
      return List.of();
    }
    List<Variant> all =
        em.createQuery(
                "select v from Variant v where v.product in :products order by v.sku",
                Variant.class)
            .setParameter("products", products)
            .getResultList();
    return products.stream()
        .map(
            p ->
                ProductView.of(
                    p, all.stream().filter(v -> v.product().id().equals(p.id())).toList()))
        .toList();
  }

  private Variant newVariant(Product product, NewProduct.Variant v) {
    String sku = text(v.sku(), "sku", 40);
    String name =
        v.name() == null || v.name().isBlank() ? product.name() : text(v.name(), "name", 300);
    BigDecimal price = Quantities.requireUnitAmount(v.sellingPrice(), "sellingPrice");
    Currency currency;
    try {
      currency = Currency.getInstance(Objects.requireNonNull(v.currency()));
      Money.scaleOf(currency);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw invalid("currency " + v.currency() + " is not an ISO 4217 code of money");
    }
    if (find(sku).isPresent()) {
      throw new BusinessRuleViolation(ErrorCode.ALREADY_EXISTS, "SKU " + sku + " exists already");
    }
    boolean stockTracked = v.stockTracked() == null || v.stockTracked();
    boolean backorder = v.backorderAllowed() != null && v.backorderAllowed();
    Variant variant =
        new Variant(
            product,
            sku,
            name,
            price.setScale(Quantities.UNIT_AMOUNT_SCALE),
            currency,
            stockTracked,
            backorder,
            stockTracked ? Accounts.SALES_REVENUE : Accounts.SALES_REVENUE_SERVICES);
    em.persist(variant);
    return variant;
  }

  private static JsonObjectBuilder describe(Variant v) {
    return JSON.createObjectBuilder()
        .add("sku", v.sku())
        .add("name", v.name())
        .add("sellingPrice", v.sellingPrice())
        .add("currency", v.currency().getCurrencyCode())
        .add("stockTracked", v.stockTracked())
        .add("backorderAllowed", v.backorderAllowed());
  }

  private Optional<Product> product(String code) {
    return em.createNamedQuery(Product.BY_CODE, Product.class)
        .setParameter("code", code)
        .getResultStream()
        .findFirst();
  }

  private Product requireProduct(String code) {
    return product(code)
        .orElseThrow(
            () -> new BusinessRuleViolation(ErrorCode.UNKNOWN_PRODUCT, "no product " + code));
  }

  private List<Variant> variants(Product product) {
    return em.createNamedQuery(Variant.OF_PRODUCT, Variant.class)
        .setParameter("product", product)
        .getResultList();
  }

  private String category(String code) {
    String value = text(code, "taxCategory", 20);
    if (em.find(TaxCategory.class, value) == null) {
      throw new BusinessRuleViolation(ErrorCode.UNKNOWN_TAX_CATEGORY, "no tax category " + value);
    }
    return value;
  }

  private static boolean diff(JsonObjectBuilder changes, String field, String from, String to) {
    if (Objects.equals(from, to)) {
      return false;
    }
    changes.add(field, JSON.createObjectBuilder().add("from", from).add("to", to));
    return true;
  }

  private static String text(String value, String field, int maxLength) {
    if (value == null || value.isBlank()) {
      throw invalid(field + " is required");
    }
    String trimmed = value.strip();
    if (trimmed.length() > maxLength) {
      throw invalid(field + " has " + trimmed.length() + " characters, at most " + maxLength);
    }
    return trimmed;
  }

  private static BusinessRuleViolation invalid(String detail) {
    return new BusinessRuleViolation(ErrorCode.INVALID_REQUEST, detail);
  }

  private void audit(String action, String type, String number, JsonObjectBuilder detail) {
    new AuditTrail(em).record(user(), action, type, number, null, detail.build().toString());
  }

  private String user() {
    return session.getCallerPrincipal() == null ? "system" : session.getCallerPrincipal().getName();
  }
}
