package com.ledgerline.inventory.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * A variant's running stock position: quantity on hand, inventory value and moving-average unit
 * cost. Kept in the same transaction as every {@link StockMovement} and locked (SELECT ... FOR
 * UPDATE) by it, so two sales of the last unit queue instead of both passing. The invariant check
 * proves quantity and value equal the sums of the movements.
 */
@Entity
@Table(name = "inv_stock_level")
public class StockLevel {
  @Id
  @Column(name = "variant_id")
  private Long variantId;

  @Column(name = "quantity_on_hand", nullable = false)
  private BigDecimal quantityOnHand;

  @Column(name = "inventory_value", nullable = false)
  private BigDecimal inventoryValue;

  @Column(name = "average_unit_cost", nullable = false)
  private BigDecimal averageUnitCost;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  protected StockLevel() {}

  public StockLevel(Long variantId) {
    this.variantId = variantId;
    this.quantityOnHand = BigDecimal.ZERO.setScale(4);
    this.inventoryValue = BigDecimal.ZERO.setScale(4);
    this.averageUnitCost = BigDecimal.ZERO.setScale(6);
    this.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
  }

  /**
   * Takes a receipt in at its unit cost; the moving-average cost becomes (value on hand + receipt
   * value) / (quantity on hand + receipt quantity), 6 decimals half-up. When stock on hand is zero
   * or negative (backorders) the receipt's own cost becomes the average.
   */
  public void receive(BigDecimal quantity, BigDecimal value, BigDecimal unitCost) {
    BigDecimal newQuantity = quantityOnHand.add(quantity);
    inventoryValue = inventoryValue.add(value);
    if (quantityOnHand.signum() <= 0 || newQuantity.signum() <= 0) {
      averageUnitCost = unitCost.setScale(6, RoundingMode.HALF_UP);
    } else {
      averageUnitCost = inventoryValue.divide(newQuantity, 6, RoundingMode.HALF_UP);
    }
    quantityOnHand = newQuantity;
    updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
  }

  /**
   * Sets the moving-average cost of a level that holds nothing yet (quantity and value zero): the
   * cost a backorder sale or found stock takes before the first receipt. The first receipt then
   * takes its own cost as the average ({@link #receive}).
   *
   * @param unitCost ≥ 0, at most 6 decimals
   * @throws IllegalStateException when the level holds quantity or value (the caller checks)
   */
  public void seedAverageCost(BigDecimal unitCost) {
    if (quantityOnHand.signum() != 0 || inventoryValue.signum() != 0) {
      throw new IllegalStateException(
          "variant " + variantId + " holds stock; its average cost comes from its movements");
    }
    averageUnitCost = unitCost.setScale(6, RoundingMode.UNNECESSARY);
    updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
  }

  /** Takes quantity out at the current average cost, with the already-rounded value. */
  public void issue(BigDecimal quantity, BigDecimal value) {
    quantityOnHand = quantityOnHand.subtract(quantity);
    inventoryValue = inventoryValue.subtract(value);
    updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
  }

  public Long variantId() {
    return variantId;
  }

  public BigDecimal quantityOnHand() {
    return quantityOnHand;
  }

  public BigDecimal inventoryValue() {
    return inventoryValue;
  }

  public BigDecimal averageUnitCost() {
    return averageUnitCost;
  }
}
