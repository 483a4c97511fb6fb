package com.ledgerline.inventory.boundary;

import com.ledgerline.catalog.entity.Variant;
import com.ledgerline.inventory.control.StockKeeping;
import com.ledgerline.inventory.entity.StockLevel;
import com.ledgerline.ledger.control.Accounts;
import com.ledgerline.security.Roles;
import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
import com.ledgerline.shared.Quantities;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Stock receipts and stock positions. A receipt posts Dr Inventory / Cr the counter account (Goods
 * received not invoiced for purchases, Opening balance equity for opening stock) in the same
 * transaction as the movement. Administrators (and the system, for the ERP feed and imports)
 * receive stock; every role reads stock positions.
 */
@Stateless
public class Inventory {
  public static final String DOCUMENT_TYPE = StockKeeping.RECEIPT_DOCUMENT_TYPE;

  /** Why stock arrived: decides the account credited. */
  public enum ReceiptKind {
    PURCHASE(Accounts.GOODS_RECEIVED_NOT_INVOICED),
    OPENING_BALANCE(Accounts.OPENING_BALANCE_EQUITY);

    private final String creditAccount;

    ReceiptKind(String creditAccount) {
      this.creditAccount = creditAccount;
    }
  }

  @PersistenceContext private EntityManager em;
  @Resource private SessionContext session;

  /**
   * Receives stock of a tracked variant at a unit cost.
   *
   * @param quantity positive, at most 4 decimals
   * @param unitCost ≥ 0, at most 6 decimals
   * @return the receipt's document number ({@code GRN-…})
   * @throws BusinessRuleViolation {@code UNKNOWN_VARIANT}, {@code INVALID_QUANTITY}, {@code
   *     INVALID_AMOUNT}
   */
  @RolesAllowed({Roles.ADMIN, Roles.SYSTEM})
  public String receive(
      String sku,
      BigDecimal quantity,
      BigDecimal unitCost,
      LocalDate postingDate,
      ReceiptKind kind) {
    Variant variant =
        em.createNamedQuery(Variant.BY_SKU, Variant.class)
            .setParameter("sku", sku)
            .getResultStream()
            .findFirst()
            .orElseThrow(
                () -> new BusinessRuleViolation(ErrorCode.UNKNOWN_VARIANT, "no SKU " + sku));
    if (!variant.stockTracked()) {
      throw new BusinessRuleViolation(
          ErrorCode.INVALID_REQUEST, "SKU " + sku + " is a service and holds no stock");
    }
    Quantities.requireQuantity(quantity, "receipt quantity");
    Quantities.requireUnitAmount(unitCost, "unit cost");
    return new StockKeeping(em)
        .postReceipt(
            variant,
            quantity,
            unitCost,
            postingDate,
            kind.creditAccount,
            session.getCallerPrincipal().getName());
  }

  /** The running stock position of a variant, if it ever moved. */
  @RolesAllowed({
    Roles.CASHIER,
    Roles.APPROVER,
    Roles.FINANCE,
    Roles.ADMIN,
    Roles.AUDITOR,
    Roles.SYSTEM
  })
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<StockLevel> level(String sku) {
    return em.createQuery(
            "select l from StockLevel l, Variant v where v.id = l.variantId and v.sku = :sku",
            StockLevel.class)
        .setParameter("sku", sku)
        .getResultStream()
        .findFirst();
  }
}
