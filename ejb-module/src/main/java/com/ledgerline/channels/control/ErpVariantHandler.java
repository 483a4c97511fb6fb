package com.ledgerline.channels.control;

import com.ledgerline.catalog.boundary.Catalog;
import com.ledgerline.catalog.boundary.NewProduct;
import com.ledgerline.catalog.entity.Product;
import com.ledgerline.catalog.entity.Variant;
import com.ledgerline.channels.boundary.ChannelHandler;
import com.ledgerline.channels.boundary.InboundMessage;
import com.ledgerline.inventory.boundary.Inventory;
import com.ledgerline.security.Roles;
import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code erp.variant} v1 (contracts/erp.variant.v1.schema.json): the ERP's master data of one SKU
 * and its product. Through the catalog boundary, as the system: a new product is defined with the
 * variant ({@link Catalog#createProduct}); a new SKU of a known product is added to it ({@link
 * Catalog#addVariant}) after the product takes the message's name and tax category; a known SKU
 * takes the message's product name and tax category ({@link Catalog#updateProduct}) and its name,
 * selling price and backorder policy ({@link Catalog#updateVariant}). Posted sales keep their
 * price, tax category and rate: changes apply to future sales only.
 *
 * <p>Unit cost rule: {@code unitCost} is the ERP's standard cost. It becomes the moving-average
 * cost of a stock-tracked variant that has never moved stock ({@link Inventory#applyStandardCost}),
 * so found stock or a backorder sale before the first receipt is costed at it; once stock has
 * moved, the average the receipts made stays (stock is revalued only by postings).
 *
 * <p>Answers the document type {@code VARIANT} with the SKU (the audit trail's document).
 *
 * <p>Refused, nothing written: {@code VARIANT_BELONGS_TO_ANOTHER_PRODUCT} (a known SKU under
 * another product code), {@code CURRENCY_MISMATCH} (a known SKU in another currency: a variant's
 * currency never changes), {@code STOCK_TRACKING_NEVER_CHANGES}, {@code INVALID_REQUEST} (a service
 * with a unit cost; a field outside its shape), {@code UNKNOWN_TAX_CATEGORY}, {@code
 * INVALID_AMOUNT}, {@code NEGATIVE_STOCK_NEEDS_BACKORDER} (backorders switched off while stock on
 * hand is below zero).
 */
@Stateless
@Local(ChannelHandler.class)
@RolesAllowed(Roles.SYSTEM)
public class ErpVariantHandler implements ChannelHandler {
  public static final String TYPE = "erp.variant";

  @PersistenceContext private EntityManager em;
  @EJB private Catalog catalog;
  @EJB private Inventory inventory;

  @Override
  public Set<String> messageTypes() {
    return Set.of(TYPE);
  }

  @Override
  public Posted apply(JsonObject document, InboundMessage message) {
    String sku = document.getString("sku");
    String productCode = document.getString("productCode");
    String productName = document.getString("productName");
    String variantName = document.getString("variantName", productName);
    String taxCategory = document.getString("taxCategory");
    BigDecimal sellingPrice = new BigDecimal(document.getString("sellingPrice"));
    String currency = document.getString("currency");
    boolean stockTracked = document.getBoolean("stockTracked");
    boolean backorderAllowed = document.getBoolean("backorderAllowed");
    BigDecimal unitCost =
        document.containsKey("unitCost") ? new BigDecimal(document.getString("unitCost")) : null;
    if (unitCost != null && !stockTracked) {
      throw new BusinessRuleViolation(
          ErrorCode.INVALID_REQUEST,
          "SKU " + sku + " is a service: it holds no stock and takes no unitCost");
    }
    Optional<Variant> existing = variant(sku);
    if (existing.isPresent()) {
      Variant variant = existing.get();
      requireUnchanged(variant, productCode, currency, stockTracked);
      catalog.updateProduct(productCode, new Catalog.ProductChange(productName, taxCategory));
      catalog.updateVariant(
          sku, new Catalog.VariantChange(variantName, sellingPrice, backorderAllowed));
    } else {
      NewProduct.Variant added =
          new NewProduct.Variant(
              sku, variantName, sellingPrice, currency, stockTracked, backorderAllowed);
      if (product(productCode).isPresent()) {
        catalog.updateProduct(productCode, new Catalog.ProductChange(productName, taxCategory));
        catalog.addVariant(productCode, added);
      } else {
        catalog.createProduct(
            new NewProduct(productCode, productName, taxCategory, List.of(added)));
      }
    }
    if (unitCost != null) {
      inventory.applyStandardCost(sku, unitCost);
    }
    return new Posted("VARIANT", sku);
  }

  private static void requireUnchanged(
      Variant variant, String productCode, String currency, boolean stockTracked) {
    if (!variant.product().productCode().equals(productCode)) {
      throw new BusinessRuleViolation(
          ErrorCode.VARIANT_BELONGS_TO_ANOTHER_PRODUCT,
          "SKU "
              + variant.sku()
              + " belongs to product "
              + variant.product().productCode()
              + ", not "
              + productCode);
    }
    if (!variant.currency().getCurrencyCode().equals(currency)) {
      throw new BusinessRuleViolation(
          ErrorCode.CURRENCY_MISMATCH,
          "SKU "
              + variant.sku()
              + " is priced in "
              + variant.currency()
              + "; a variant's currency never changes (define a new SKU for "
              + currency
              + ")");
    }
    if (variant.stockTracked() != stockTracked) {
      throw new BusinessRuleViolation(
          ErrorCode.STOCK_TRACKING_NEVER_CHANGES,
          "SKU "
              + variant.sku()
              + (variant.stockTracked() ? " holds stock" : " is a service")
              + "; define a new SKU to "
              + (stockTracked ? "hold stock" : "sell it as a service"));
    }
  }

  private Optional<Variant> variant(String sku) {
    return em.createNamedQuery(Variant.BY_SKU, Variant.class)
        .setParameter("sku", sku)
        .getResultStream()
        .findFirst();
  }

  private Optional<Product> product(String productCode) {
    return em.createNamedQuery(Product.BY_CODE, Product.class)
        .setParameter("code", productCode)
        .getResultStream()
        .findFirst();
  }
}
