package com.ledgerline.imports.control;

import com.ledgerline.imports.control.OnlineRetailRules.CustomerSpec;
import com.ledgerline.imports.control.OnlineRetailRules.OpeningStock;
import com.ledgerline.imports.control.OnlineRetailRules.VariantSpec;
import com.ledgerline.sales.boundary.PostSale;
import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * An in-memory stand-in for the ledger's boundaries that refuses what they refuse and with the same
 * codes: unknown customer or SKU, a quantity ≤ 0 ({@code INVALID_QUANTITY}), a negative price
 * ({@code INVALID_AMOUNT}), more units than on hand ({@code INSUFFICIENT_STOCK}), an existing
 * customer or SKU ({@code ALREADY_EXISTS}), a receipt for a service; a repeated (channel,
 * reference) answers as a duplicate. Each call is all-or-nothing like a transaction.
 */
final class LedgerDouble implements OnlineRetailLoad.Ledger {
  final Map<String, CustomerSpec> customers = new LinkedHashMap<>();
  final Map<String, VariantSpec> variants = new LinkedHashMap<>();
  final Map<String, BigDecimal> onHand = new HashMap<>();
  final List<String> receipts = new ArrayList<>();
  final List<LocalDate> receiptDates = new ArrayList<>();
  final Map<String, BigDecimal> receiptCosts = new HashMap<>();
  final Set<String> postedKeys = new HashSet<>();
  final List<PostSale> posted = new ArrayList<>();
  final List<OnlineRetailLoad.Issue> issues = new ArrayList<>();

  /** SKUs whose definition the catalog refuses with {@code INVALID_AMOUNT}. */
  Predicate<String> refuseVariant = sku -> false;

  /** Sales that fail technically (not a business refusal). */
  Predicate<PostSale> breakOn = sale -> false;

  @Override
  public boolean customerExists(String customerNumber) {
    return customers.containsKey(customerNumber);
  }

  @Override
  public void registerCustomer(CustomerSpec customer) {
    if (customers.containsKey(customer.customerNumber())) {
      throw new BusinessRuleViolation(ErrorCode.ALREADY_EXISTS, customer.customerNumber());
    }
    if (customer.paymentTermsDays() < 0) {
      throw new BusinessRuleViolation(ErrorCode.INVALID_REQUEST, "terms");
    }
    customers.put(customer.customerNumber(), customer);
  }

  @Override
  public boolean variantExists(String sku) {
    return variants.containsKey(sku);
  }

  @Override
  public void defineVariant(VariantSpec variant) {
    if (variants.containsKey(variant.sku())) {
      throw new BusinessRuleViolation(ErrorCode.ALREADY_EXISTS, variant.sku());
    }
    if (refuseVariant.test(variant.sku()) || variant.sellingPrice().signum() < 0) {
      throw new BusinessRuleViolation(ErrorCode.INVALID_AMOUNT, "price of " + variant.sku());
    }
    variants.put(variant.sku(), variant);
  }

  @Override
  public boolean stockEverHeld(String sku) {
    return onHand.containsKey(sku);
  }

  @Override
  public void receiveOpeningStock(OpeningStock stock, LocalDate postingDate) {
    VariantSpec variant = variants.get(stock.sku());
    if (variant == null) {
      throw new BusinessRuleViolation(ErrorCode.UNKNOWN_VARIANT, stock.sku());
    }
    if (!variant.stockTracked()) {
      throw new BusinessRuleViolation(
          ErrorCode.SERVICE_HOLDS_NO_STOCK, stock.sku() + " is a service");
    }
    if (stock.quantity().signum() <= 0) {
      throw new BusinessRuleViolation(ErrorCode.INVALID_QUANTITY, stock.sku());
    }
    if (stock.unitCost().signum() < 0) {
      throw new BusinessRuleViolation(ErrorCode.INVALID_AMOUNT, stock.sku());
    }
    onHand.merge(stock.sku(), stock.quantity(), BigDecimal::add);
    receipts.add(stock.sku());
    receiptDates.add(postingDate);
    receiptCosts.put(stock.sku(), stock.unitCost());
  }

  @Override
  public boolean postSale(PostSale sale) {
    if (breakOn.test(sale)) {
      throw new IllegalStateException("database gone");
    }
    if (!customers.containsKey(sale.customerNumber())) {
      throw new BusinessRuleViolation(ErrorCode.UNKNOWN_CUSTOMER, sale.customerNumber());
    }
    Map<String, BigDecimal> requested = new HashMap<>();
    for (PostSale.Line line : sale.lines()) {
      if (line.quantity().signum() <= 0) {
        throw new BusinessRuleViolation(
            ErrorCode.INVALID_QUANTITY, "quantity must be positive, was " + line.quantity());
      }
      if (line.unitPrice() != null && line.unitPrice().signum() < 0) {
        throw new BusinessRuleViolation(ErrorCode.INVALID_AMOUNT, line.sku());
      }
      VariantSpec variant = variants.get(line.sku());
      if (variant == null) {
        throw new BusinessRuleViolation(ErrorCode.UNKNOWN_VARIANT, "no SKU " + line.sku());
      }
      if (variant.stockTracked()) {
        requested.merge(line.sku(), line.quantity(), BigDecimal::add);
      }
    }
    String key = sale.channel() + "/" + sale.externalReference();
    if (postedKeys.contains(key)) {
      return true;
    }
    requested.forEach(
        (sku, quantity) -> {
          if (onHand.getOrDefault(sku, BigDecimal.ZERO).compareTo(quantity) < 0) {
            throw new BusinessRuleViolation(ErrorCode.INSUFFICIENT_STOCK, sku);
          }
        });
    requested.forEach((sku, quantity) -> onHand.merge(sku, quantity.negate(), BigDecimal::add));
    postedKeys.add(key);
    posted.add(sale);
    return false;
  }

  @Override
  public void recordIssues(List<OnlineRetailLoad.Issue> recorded) {
    issues.addAll(recorded);
  }
}
