package com.ledgerline.sales.control;

import com.ledgerline.catalog.entity.Variant;
import com.ledgerline.customers.entity.Customer;
import com.ledgerline.sales.boundary.PostSale;
import com.ledgerline.sales.entity.Sale;
import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
import com.ledgerline.shared.Quantities;
import com.ledgerline.tax.entity.TaxJurisdiction;
import com.ledgerline.tax.entity.TaxRate;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * Looks up what a sale document names (customer, SKUs, jurisdiction, tax rate, the sale itself) and
 * refuses with the rule's code when it is unknown or unusable. One home, so every workflow refuses
 * the same way.
 */
public final class SaleReferences {
  private final EntityManager em;

  public SaleReferences(EntityManager em) {
    this.em = em;
  }

  /**
   * @throws BusinessRuleViolation {@code UNKNOWN_CUSTOMER}, {@code CUSTOMER_NOT_ACTIVE}
   */
  public Customer activeCustomer(String number) {
    Customer customer =
        em.createNamedQuery(Customer.BY_NUMBER, Customer.class)
            .setParameter("number", number)
            .getResultStream()
            .findFirst()
            .orElseThrow(
                () ->
                    new BusinessRuleViolation(ErrorCode.UNKNOWN_CUSTOMER, "no customer " + number));
    if (customer.status() != Customer.Status.ACTIVE) {
      throw new BusinessRuleViolation(
          ErrorCode.CUSTOMER_NOT_ACTIVE, "customer " + number + " is " + customer.status());
    }
    return customer;
  }

  /**
   * @throws BusinessRuleViolation {@code UNKNOWN_VARIANT}, {@code CURRENCY_MISMATCH}
   */
  public Variant variant(String sku, Currency currency) {
    Variant variant =
        em.createNamedQuery(Variant.BY_SKU, Variant.class)
            .setParameter("sku", sku)
            .getResultStream()
            .findFirst()
            .orElseThrow(
                () -> new BusinessRuleViolation(ErrorCode.UNKNOWN_VARIANT, "no SKU " + sku));
    if (!variant.currency().equals(currency)) {
      throw new BusinessRuleViolation(
          ErrorCode.CURRENCY_MISMATCH,
          "SKU "
              + sku
              + " is priced in "
              + variant.currency()
              + ", the customer buys in "
              + currency);
    }
    return variant;
  }

  /**
   * The jurisdiction a sale in {@code currency} is taxed in; whether its prices include tax is the
   * sale's to snapshot ({@link com.ledgerline.tax.entity.TaxJurisdiction#priceBasis()}).
   *
   * @throws BusinessRuleViolation {@code UNKNOWN_TAX_JURISDICTION}, {@code CURRENCY_MISMATCH}
   */
  public TaxJurisdiction jurisdiction(String code, Currency currency) {
    TaxJurisdiction jurisdiction = em.find(TaxJurisdiction.class, code);
    if (jurisdiction == null) {
      throw new BusinessRuleViolation(
          ErrorCode.UNKNOWN_TAX_JURISDICTION, "no tax jurisdiction " + code);
    }
    if (!jurisdiction.currency().equals(currency)) {
      throw new BusinessRuleViolation(
          ErrorCode.CURRENCY_MISMATCH,
          "jurisdiction "
              + code
              + " reports in "
              + jurisdiction.currency()
              + ", the sale is in "
              + currency);
    }
    return jurisdiction;
  }

  /**
   * The rate in force for a category on a day, in percent.
   *
   * @throws BusinessRuleViolation {@code NO_TAX_RATE_IN_FORCE}
   */
  public BigDecimal rate(String jurisdictionCode, String category, LocalDate day) {
    return em.createNamedQuery(TaxRate.IN_FORCE, TaxRate.class)
        .setParameter("jurisdiction", jurisdictionCode)
        .setParameter("category", category)
        .setParameter("day", day)
        .getResultStream()
        .findFirst()
        .map(TaxRate::ratePercent)
        .orElseThrow(
            () ->
                new BusinessRuleViolation(
                    ErrorCode.NO_TAX_RATE_IN_FORCE,
                    "no " + category + " rate in " + jurisdictionCode + " on " + day));
  }

  /**
   * The sale with that invoice or draft number.
   *
   * @throws BusinessRuleViolation {@code UNKNOWN_SALE}
   */
  public Sale sale(String reference) {
    return findSale(reference)
        .orElseThrow(
            () -> new BusinessRuleViolation(ErrorCode.UNKNOWN_SALE, "no sale " + reference));
  }

  public Optional<Sale> findSale(String reference) {
    if (reference == null || reference.isBlank()) {
      return Optional.empty();
    }
    return em.createNamedQuery(Sale.BY_REFERENCE, Sale.class)
        .setParameter("number", reference)
        .getResultStream()
        .findFirst();
  }

  /**
   * Locks the sale's row ({@code SELECT … FOR UPDATE}) and re-reads it. Workflows call this after
   * locking the stock levels they need (the lock order of every workflow: stock levels, the sale,
   * the customer, document series, the journal series).
   */
  public Sale lock(Sale sale) {
    em.refresh(sale, LockModeType.PESSIMISTIC_WRITE);
    return sale;
  }

  /**
   * Checks the shape of document lines: a SKU each, quantities positive with at most 4 decimals,
   * prices (when given) ≥ 0 with at most 6.
   *
   * @throws BusinessRuleViolation {@code INVALID_REQUEST}, {@code INVALID_QUANTITY}, {@code
   *     INVALID_AMOUNT}
   */
  public static void requireLineShapes(List<PostSale.Line> lines) {
    for (int i = 0; i < lines.size(); i++) {
      PostSale.Line line = lines.get(i);
      String where = "line " + (i + 1) + ": ";
      if (line == null || blank(line.sku())) {
        throw new BusinessRuleViolation(ErrorCode.INVALID_REQUEST, where + "sku is required");
      }
      Quantities.requireQuantity(line.quantity(), where + "quantity");
      if (line.unitPrice() != null) {
        Quantities.requireUnitAmount(line.unitPrice(), where + "unitPrice");
      }
      if (line.description() != null && line.description().length() > 300) {
        throw new BusinessRuleViolation(
            ErrorCode.INVALID_REQUEST, where + "description is longer than 300 characters");
      }
    }
  }

  /**
   * @throws BusinessRuleViolation {@code REASON_REQUIRED} when blank; {@code INVALID_REQUEST} when
   *     longer than 400 characters
   */
  public static String requireReason(String reason, String what) {
    if (blank(reason)) {
      throw new BusinessRuleViolation(ErrorCode.REASON_REQUIRED, what + " needs a reason");
    }
    if (reason.length() > 400) {
      throw new BusinessRuleViolation(
          ErrorCode.INVALID_REQUEST, "the reason is longer than 400 characters");
    }
    return reason.strip();
  }

  static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
