package com.ledgerline.inventory.control;

import com.ledgerline.catalog.entity.Variant;
import com.ledgerline.inventory.entity.StockAdjustment;
import com.ledgerline.inventory.entity.StockLevel;
import com.ledgerline.inventory.entity.StockMovement;
import com.ledgerline.ledger.control.Accounts;
import com.ledgerline.ledger.control.Journal;
import com.ledgerline.ledger.entity.JournalEntry;
import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.DocumentNumbers;
import com.ledgerline.shared.ErrorCode;
import com.ledgerline.shared.Money;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Moves stock: writes the immutable {@link StockMovement} and keeps the locked {@link StockLevel}
 * in step. Stock is never clamped: an issue larger than what is on hand is refused with {@code
 * INSUFFICIENT_STOCK} unless the variant allows backorders.
 */
public final class StockKeeping {
  /** The document type of stock receipts ({@code GRN-…} numbers). */
  public static final String RECEIPT_DOCUMENT_TYPE = "STOCK_RECEIPT";

  /** The document type and number series of stock adjustments ({@code ADJ-…} numbers). */
  public static final String ADJUSTMENT_DOCUMENT_TYPE = "STOCK_ADJUSTMENT";

  private final EntityManager em;

  public StockKeeping(EntityManager em) {
    this.em = em;
  }

  /**
   * Locks the stock levels of the given variants, in ascending id order so that concurrent postings
   * never deadlock, creating empty levels where none exist yet.
   */
  public Map<Long, StockLevel> lock(Collection<Variant> variants) {
    Map<Long, StockLevel> levels = new LinkedHashMap<>();
    variants.stream()
        .filter(Variant::stockTracked)
        .map(Variant::id)
        .distinct()
        .sorted(Comparator.naturalOrder())
        .forEach(id -> levels.put(id, lockOne(id)));
    return levels;
  }

  private StockLevel lockOne(Long variantId) {
    StockLevel level = em.find(StockLevel.class, variantId, LockModeType.PESSIMISTIC_WRITE);
    if (level == null) {
      em.createNativeQuery(
              "insert into inv_stock_level (variant_id, quantity_on_hand, inventory_value,"
                  + " average_unit_cost) values (?, 0, 0, 0) on conflict do nothing")
          .setParameter(1, variantId)
          .executeUpdate();
      level = em.find(StockLevel.class, variantId, LockModeType.PESSIMISTIC_WRITE);
    }
    return level;
  }

  /**
   * Refuses unless every variant has the requested total quantity on hand (or allows backorder).
   *
   * @param requested quantity per variant id (4 decimals)
   * @throws BusinessRuleViolation {@code INSUFFICIENT_STOCK}, naming each short SKU
   */
  public void requireAvailable(Map<Long, StockLevel> levels, Map<Variant, BigDecimal> requested) {
    StringBuilder shortages = new StringBuilder();
    requested.forEach(
        (variant, quantity) -> {
          StockLevel level = levels.get(variant.id());
          if (level != null
              && !variant.backorderAllowed()
              && level.quantityOnHand().compareTo(quantity) < 0) {
            if (shortages.length() > 0) {
              shortages.append("; ");
            }
            shortages
                .append(variant.sku())
                .append(": requested ")
                .append(quantity.stripTrailingZeros().toPlainString())
                .append(", on hand ")
                .append(level.quantityOnHand().stripTrailingZeros().toPlainString());
          }
        });
    if (shortages.length() > 0) {
      throw new BusinessRuleViolation(ErrorCode.INSUFFICIENT_STOCK, shortages.toString());
    }
  }

  /**
   * Takes {@code quantity} out at the moving-average cost. The movement's value is quantity × cost
   * rounded half-up to the currency scale; an issue that empties the stock takes the whole
   * remaining value, so no rounding residue stays in Inventory.
   *
   * @return the movement written (its value is what the journal credits to Inventory)
   */
  public StockMovement issue(
      StockLevel level,
      Variant variant,
      StockMovement.Type type,
      BigDecimal quantity,
      String documentType,
      String documentNumber,
      LocalDate postingDate) {
    BigDecimal unitCost = level.averageUnitCost();
    BigDecimal value =
        Money.of(quantity.multiply(unitCost), variant.currency(), RoundingMode.HALF_UP).amount();
    if (level.quantityOnHand().compareTo(quantity) == 0) {
      value = level.inventoryValue();
    }
    level.issue(quantity, value);
    StockMovement movement =
        new StockMovement(
            variant,
            type,
            quantity.negate(),
            unitCost,
            value.negate(),
            variant.currency().getCurrencyCode(),
            documentType,
            documentNumber,
            postingDate);
    em.persist(movement);
    return movement;
  }

  /**
   * Writes a movement whose value is decided by the caller, not by the moving-average cost: goods
   * coming back at a cost snapshot (an amendment's decrease, a credit note's restock) or the mirror
   * of an earlier movement (a void). A positive quantity is received at {@code value} and updates
   * the moving-average cost; a negative one is taken out at {@code value}. Stock is never clamped.
   *
   * @param quantity signed, 4 decimals, not zero: + into stock, - out of it
   * @param unitCost the cost snapshot per unit recorded on the movement, 6 decimals
   * @param value signed like the quantity, currency scale: what the journal posts to Inventory
   */
  public StockMovement move(
      StockLevel level,
      Variant variant,
      StockMovement.Type type,
      BigDecimal quantity,
      BigDecimal unitCost,
      BigDecimal value,
      String documentType,
      String documentNumber,
      LocalDate postingDate) {
    if (quantity.signum() == 0 || value.signum() * quantity.signum() < 0) {
      throw new IllegalArgumentException(
          "a movement of " + quantity + " cannot carry the value " + value);
    }
    if (quantity.signum() > 0) {
      level.receive(quantity, value, unitCost);
    } else {
      level.issue(quantity.negate(), value.negate());
    }
    StockMovement movement =
        new StockMovement(
            variant,
            type,
            quantity,
            unitCost,
            value,
            variant.currency().getCurrencyCode(),
            documentType,
            documentNumber,
            postingDate);
    em.persist(movement);
    return movement;
  }

  /**
   * Takes {@code quantity} in at {@code unitCost}; updates the moving-average cost.
   *
   * @param quantity positive, at most 4 decimals
   * @param unitCost cost per unit, at most 6 decimals
   */
  public StockMovement receive(
      StockLevel level,
      Variant variant,
      BigDecimal quantity,
      BigDecimal unitCost,
      String documentType,
      String documentNumber,
      LocalDate postingDate) {
    return receive(
        level,
        variant,
        StockMovement.Type.RECEIPT,
        quantity,
        unitCost,
        documentType,
        documentNumber,
        postingDate);
  }

  /**
   * Takes {@code quantity} in at {@code unitCost} as a movement of {@code type}; updates the
   * moving-average cost.
   *
   * @param quantity positive, at most 4 decimals
   * @param unitCost cost per unit, at most 6 decimals
   */
  public StockMovement receive(
      StockLevel level,
      Variant variant,
      StockMovement.Type type,
      BigDecimal quantity,
      BigDecimal unitCost,
      String documentType,
      String documentNumber,
      LocalDate postingDate) {
    BigDecimal value =
        Money.of(quantity.multiply(unitCost), variant.currency(), RoundingMode.HALF_UP).amount();
    level.receive(quantity, value, unitCost);
    StockMovement movement =
        new StockMovement(
            variant,
            type,
            quantity,
            unitCost,
            value,
            variant.currency().getCurrencyCode(),
            documentType,
            documentNumber,
            postingDate);
    em.persist(movement);
    return movement;
  }

  /**
   * Takes a standard cost (the ERP's) as the moving-average cost of a variant that has never moved
   * stock, so that found stock or a backorder sale before the first receipt is costed at it, not at
   * zero. Once a variant has moved stock its average is what its movements made it: the standard
   * cost is not applied (stock is revalued only by postings). Locks the stock level (creating it),
   * so it runs in the stock workflows' lock order.
   *
   * @param unitCost ≥ 0, at most 6 decimals (validated by the caller)
   * @return true when the average changed; false when the variant has moved stock or its average is
   *     this cost already
   */
  public boolean seedAverageCost(Variant variant, BigDecimal unitCost) {
    StockLevel level = lock(List.of(variant)).get(variant.id());
    long movements =
        em.createQuery(
                "select count(m) from StockMovement m where m.variant = :variant", Long.class)
            .setParameter("variant", variant)
            .getSingleResult();
    if (movements > 0 || level.averageUnitCost().compareTo(unitCost) == 0) {
      return false;
    }
    level.seedAverageCost(unitCost);
    return true;
  }

  /** What {@link #postAdjustment} wrote. */
  public record Adjusted(StockAdjustment adjustment, StockMovement movement, StockLevel level) {}

  /**
   * Posts a stock adjustment in the caller's transaction (DESIGN.md 5, "stock adjustment"): locks
   * the variant's stock level, refuses a decrease beyond stock on hand unless the variant allows
   * backorders, takes the next {@code ADJ-} number, writes the {@code ADJUSTMENT} movement and the
   * adjustment document, and posts the journal entry: a decrease Dr Inventory adjustments / Cr
   * Inventory for its value at the moving-average cost (an adjustment that empties the stock takes
   * its whole remaining value), an increase Dr Inventory / Cr Inventory adjustments. Lock order:
   * the stock level, the adjustment series, the accounting period, the journal series. The caller
   * has validated the variant is stock-tracked, the reason fits the sign and the figures' shapes.
   *
   * @param quantity signed, non-zero, at most 4 decimals: negative lowers stock
   * @param unitCost for an increase, the cost per unit (6 decimals); null = the moving-average
   *     cost. Must be null for a decrease
   * @throws BusinessRuleViolation {@code INSUFFICIENT_STOCK}, {@code ACCOUNTING_PERIOD_CLOSED}
   */
  public Adjusted postAdjustment(
      Variant variant,
      BigDecimal quantity,
      StockAdjustment.Reason reason,
      BigDecimal unitCost,
      LocalDate postingDate,
      String note,
      String user) {
    StockLevel level = lock(List.of(variant)).get(variant.id());
    if (quantity.signum() < 0) {
      requireAvailable(Map.of(variant.id(), level), Map.of(variant, quantity.negate()));
    }
    DocumentNumbers numbers = new DocumentNumbers(em);
    String number = numbers.next(ADJUSTMENT_DOCUMENT_TYPE);
    StockMovement movement =
        quantity.signum() < 0
            ? issue(
                level,
                variant,
                StockMovement.Type.ADJUSTMENT,
                quantity.negate(),
                ADJUSTMENT_DOCUMENT_TYPE,
                number,
                postingDate)
            : receive(
                level,
                variant,
                StockMovement.Type.ADJUSTMENT,
                quantity,
                unitCost == null ? level.averageUnitCost() : unitCost,
                ADJUSTMENT_DOCUMENT_TYPE,
                number,
                postingDate);
    JournalEntry entry =
        new Journal(em, numbers)
            .post(
                new Journal.Draft()
                    .debit(Accounts.INVENTORY, movement.value())
                    .credit(Accounts.INVENTORY_ADJUSTMENTS, movement.value()),
                postingDate,
                variant.currency().getCurrencyCode(),
                ADJUSTMENT_DOCUMENT_TYPE,
                number,
                "Stock adjustment " + number + " of " + variant.sku() + " (" + reason + ")",
                user);
    StockAdjustment adjustment =
        new StockAdjustment(
            number,
            reason,
            movement,
            postingDate,
            note,
            entry,
            OffsetDateTime.now(ZoneOffset.UTC),
            user);
    em.persist(adjustment);
    return new Adjusted(adjustment, movement, level);
  }

  /**
   * Posts a goods receipt in the caller's transaction: locks the variant's stock level, takes the
   * next {@code GRN-} number, writes the receipt movement and posts Dr Inventory / Cr {@code
   * creditAccount} for its value (DESIGN.md 5, "stock receipt"). The caller has validated the
   * variant is stock-tracked, the quantity positive (4 decimals) and the cost ≥ 0 (6 decimals).
   *
   * @param creditAccount Goods received not invoiced for purchases, Opening balance equity for
   *     opening stock
   * @return the receipt's document number
   */
  public String postReceipt(
      Variant variant,
      BigDecimal quantity,
      BigDecimal unitCost,
      LocalDate postingDate,
      String creditAccount,
      String user) {
    StockLevel level = lock(List.of(variant)).get(variant.id());
    DocumentNumbers numbers = new DocumentNumbers(em);
    String receiptNumber = numbers.next(DocumentNumbers.STOCK_RECEIPT);
    StockMovement movement =
        receive(
            level, variant, quantity, unitCost, RECEIPT_DOCUMENT_TYPE, receiptNumber, postingDate);
    new Journal(em, numbers)
        .post(
            new Journal.Draft()
                .debit(Accounts.INVENTORY, movement.value())
                .credit(creditAccount, movement.value()),
            postingDate,
            variant.currency().getCurrencyCode(),
            RECEIPT_DOCUMENT_TYPE,
            receiptNumber,
            "Stock receipt " + receiptNumber + " of " + variant.sku(),
            user);
    return receiptNumber;
  }
}
