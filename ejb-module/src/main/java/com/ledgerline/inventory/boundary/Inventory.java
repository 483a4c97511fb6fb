package com.ledgerline.inventory.boundary;

import static com.ledgerline.shared.Jsonp.JSON;

import com.ledgerline.audit.control.AuditTrail;
import com.ledgerline.catalog.entity.Variant;
import com.ledgerline.inventory.control.StockKeeping;
import com.ledgerline.inventory.entity.StockAdjustment;
import com.ledgerline.inventory.entity.StockLevel;
import com.ledgerline.inventory.entity.StockMovement;
import com.ledgerline.ledger.control.Accounts;
import com.ledgerline.platform.messaging.OutboundEvents;
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
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Stock receipts, stock adjustments and stock positions. A receipt posts Dr Inventory / Cr the
 * counter account (Goods received not invoiced for purchases, Opening balance equity for opening
 * stock) in the same transaction as the movement. An adjustment posts its movement, its document,
 * its journal entry, its audit record and the {@code stock.changed} event in one transaction. Stock
 * on hand is the sum of a variant's movements; the locked running {@link StockLevel} is proved
 * equal to it by the invariant checks.
 */
@Stateless
@RolesAllowed({Roles.CASHIER, Roles.APPROVER, Roles.FINANCE, Roles.ADMIN, Roles.AUDITOR})
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
  @Inject private OutboundEvents events;
  @Resource private SessionContext session;

  /**
   * Receives stock of a tracked variant at a unit cost.
   *
   * @param quantity positive, at most 4 decimals
   * @param unitCost ≥ 0, at most 6 decimals
   * @return the receipt's document number ({@code GRN-…})
   * @throws BusinessRuleViolation {@code UNKNOWN_VARIANT}, {@code SERVICE_HOLDS_NO_STOCK}, {@code
   *     INVALID_QUANTITY}, {@code INVALID_AMOUNT}, {@code ACCOUNTING_PERIOD_CLOSED}
   */
  @RolesAllowed({Roles.ADMIN, Roles.SYSTEM})
  public String receive(
      String sku,
      BigDecimal quantity,
      BigDecimal unitCost,
      LocalDate postingDate,
      ReceiptKind kind) {
    Variant variant = trackedVariant(sku);
    Quantities.requireQuantity(quantity, "receipt quantity");
    Quantities.requireUnitAmount(unitCost, "unit cost");
    return new StockKeeping(em)
        .postReceipt(variant, quantity, unitCost, postingDate, kind.creditAccount, user());
  }

  /**
   * Adjusts a variant's stock with a reason (see {@link StockKeeping#postAdjustment} for the
   * posting). Never clamps: a decrease beyond stock on hand is refused unless the variant allows
   * backorders.
   *
   * @throws BusinessRuleViolation {@code INVALID_REQUEST} (unknown reason, reason against the sign,
   *     a cost on a decrease), {@code SERVICE_HOLDS_NO_STOCK}, {@code UNKNOWN_VARIANT}, {@code
   *     INVALID_QUANTITY}, {@code INVALID_AMOUNT}, {@code INSUFFICIENT_STOCK}, {@code
   *     ACCOUNTING_PERIOD_CLOSED}
   */
  @RolesAllowed({Roles.ADMIN, Roles.FINANCE, Roles.SYSTEM})
  public AdjustmentView adjust(AdjustStock command) {
    if (command == null) {
      throw invalid("sku, quantity and reason are required");
    }
    StockAdjustment.Reason reason;
    try {
      reason = StockAdjustment.Reason.valueOf(String.valueOf(command.reason()));
    } catch (IllegalArgumentException e) {
      throw invalid(
          "reason must be one of "
              + List.of(StockAdjustment.Reason.values())
              + ", was "
              + command.reason());
    }
    BigDecimal quantity = command.quantity();
    if (quantity == null || quantity.signum() == 0) {
      throw new BusinessRuleViolation(ErrorCode.INVALID_QUANTITY, "quantity must not be zero");
    }
    Quantities.requireQuantity(quantity.abs(), "quantity");
    if (!reason.allows(quantity.signum())) {
      throw invalid(
          reason
              + " cannot "
              + (quantity.signum() < 0 ? "lower" : "raise")
              + " stock; use COUNT_CORRECTION or the fitting reason");
    }
    if (command.unitCost() != null) {
      if (quantity.signum() < 0) {
        throw invalid("a decrease leaves at the moving-average cost; send no unitCost");
      }
      Quantities.requireUnitAmount(command.unitCost(), "unitCost");
    }
    String note =
        command.note() == null || command.note().isBlank() ? null : command.note().strip();
    if (note != null && note.length() > 400) {
      throw invalid("note has " + note.length() + " characters, at most 400");
    }
    Variant variant = trackedVariant(command.sku());
    LocalDate postingDate = Optional.ofNullable(command.postingDate()).orElseGet(LocalDate::now);
    String user = user();
    StockKeeping.Adjusted adjusted =
        new StockKeeping(em)
            .postAdjustment(variant, quantity, reason, command.unitCost(), postingDate, note, user);
    StockAdjustment adjustment = adjusted.adjustment();
    AdjustmentView view = AdjustmentView.of(adjustment);
    new AuditTrail(em)
        .record(
            user,
            "stock.adjusted",
            StockKeeping.ADJUSTMENT_DOCUMENT_TYPE,
            adjustment.adjustmentNumber(),
            reason + (note == null ? "" : ": " + note),
            JSON.createObjectBuilder()
                .add("sku", variant.sku())
                .add("quantity", adjustment.quantity())
                .add("unitCost", adjustment.unitCost())
                .add("value", adjustment.value())
                .add("journalEntryNumber", String.valueOf(view.journalEntryNumber()))
                .build()
                .toString());
    events.publish("stock.changed", variant.sku(), stockChanged(adjusted, view));
    return view;
  }

  /**
   * Takes a standard cost per unit (the ERP's) as the moving-average cost of a stock-tracked
   * variant that has never moved stock ({@link StockKeeping#seedAverageCost}); audited as {@code
   * stock.standard_cost_applied} (document type {@code VARIANT}). A variant that has moved stock
   * keeps the average its movements made.
   *
   * @param unitCost ≥ 0, at most 6 decimals, in the variant's currency
   * @return true when the average changed; false when the variant has moved stock or its average is
   *     this cost already
   * @throws BusinessRuleViolation {@code UNKNOWN_VARIANT}, {@code SERVICE_HOLDS_NO_STOCK}, {@code
   *     INVALID_AMOUNT}
   */
  @RolesAllowed({Roles.ADMIN, Roles.SYSTEM})
  public boolean applyStandardCost(String sku, BigDecimal unitCost) {
    Variant variant = trackedVariant(sku);
    BigDecimal cost =
        Quantities.requireUnitAmount(unitCost, "unit cost").setScale(Quantities.UNIT_AMOUNT_SCALE);
    boolean applied = new StockKeeping(em).seedAverageCost(variant, cost);
    if (applied) {
      new AuditTrail(em)
          .record(
              user(),
              "stock.standard_cost_applied",
              "VARIANT",
              sku,
              "the variant has not moved stock yet",
              JSON.createObjectBuilder()
                  .add("averageUnitCost", cost)
                  .add("currency", variant.currency().getCurrencyCode())
                  .build()
                  .toString());
    }
    return applied;
  }

  /** A posted adjustment by number. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<AdjustmentView> adjustment(String adjustmentNumber) {
    return em.createNamedQuery(StockAdjustment.BY_NUMBER, StockAdjustment.class)
        .setParameter("number", adjustmentNumber)
        .getResultStream()
        .findFirst()
        .map(AdjustmentView::of);
  }

  /** The running stock position of a variant, if it ever moved. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  @RolesAllowed({
    Roles.CASHIER,
    Roles.APPROVER,
    Roles.FINANCE,
    Roles.ADMIN,
    Roles.AUDITOR,
    Roles.SYSTEM
  })
  public Optional<StockLevel> level(String sku) {
    return em.createQuery(
            "select l from StockLevel l, Variant v where v.id = l.variantId and v.sku = :sku",
            StockLevel.class)
        .setParameter("sku", sku)
        .getResultStream()
        .findFirst();
  }

  /**
   * A variant's stock movements, oldest first.
   *
   * @param limit rows to return, 1..1000
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<StockMovement> movements(String sku, int limit) {
    return em.createQuery(
            "select m from StockMovement m where m.variant.sku = :sku order by m.id",
            StockMovement.class)
        .setParameter("sku", sku)
        .setMaxResults(Math.min(1000, Math.max(1, limit)))
        .getResultList();
  }

  private Variant trackedVariant(String sku) {
    Variant variant =
        em.createNamedQuery(Variant.BY_SKU, Variant.class)
            .setParameter("sku", sku)
            .getResultStream()
            .findFirst()
            .orElseThrow(
                () -> new BusinessRuleViolation(ErrorCode.UNKNOWN_VARIANT, "no SKU " + sku));
    if (!variant.stockTracked()) {
      throw new BusinessRuleViolation(
          ErrorCode.SERVICE_HOLDS_NO_STOCK, "SKU " + sku + " is a service and holds no stock");
    }
    return variant;
  }

  private static String stockChanged(StockKeeping.Adjusted adjusted, AdjustmentView view) {
    var event =
        JSON.createObjectBuilder()
            .add("eventType", "stock.changed")
            .add("schemaVersion", 1)
            .add("sku", view.sku())
            .add("documentType", StockKeeping.ADJUSTMENT_DOCUMENT_TYPE)
            .add("documentNumber", view.adjustmentNumber())
            .add("movementType", adjusted.movement().movementType().name())
            .add("reason", view.reason())
            .add("postingDate", view.postingDate().toString())
            .add("quantityChange", view.quantity())
            .add("quantityOnHand", adjusted.level().quantityOnHand())
            .add("unitCost", view.unitCost())
            .add("valueChange", view.value())
            .add("inventoryValue", adjusted.level().inventoryValue())
            .add("currency", view.currency());
    if (view.journalEntryNumber() != null) {
      event.add("journalEntryNumber", view.journalEntryNumber());
    }
    return event.build().toString();
  }

  private static BusinessRuleViolation invalid(String detail) {
    return new BusinessRuleViolation(ErrorCode.INVALID_REQUEST, detail);
  }

  private String user() {
    return session.getCallerPrincipal() == null ? "system" : session.getCallerPrincipal().getName();
  }
}
