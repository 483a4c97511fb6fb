package com.ledgerline.shared;

import java.math.BigDecimal;

/**
 * The declared shapes of the figures a document line carries, checked the same way by every
 * workflow: quantities are positive with at most {@value #QUANTITY_SCALE} decimals; unit prices and
 * unit costs are ≥ 0 with at most {@value #UNIT_AMOUNT_SCALE} decimals. A figure outside its shape
 * is refused, never rounded.
 */
public final class Quantities {
  /** Decimals a quantity may have (columns {@code numeric(19,4)}). */
  public static final int QUANTITY_SCALE = 4;

  /** Decimals a unit price or unit cost may have (columns {@code numeric(19,6)}). */
  public static final int UNIT_AMOUNT_SCALE = 6;

  private Quantities() {}

  /**
   * @param where names the field in the error, e.g. {@code "line 2: quantity"}
   * @throws BusinessRuleViolation {@code INVALID_QUANTITY} when null, ≤ 0 or too precise
   */
  public static BigDecimal requireQuantity(BigDecimal quantity, String where) {
    if (quantity == null
        || quantity.signum() <= 0
        || quantity.stripTrailingZeros().scale() > QUANTITY_SCALE) {
      throw new BusinessRuleViolation(
          ErrorCode.INVALID_QUANTITY,
          where
              + " must be positive with at most "
              + QUANTITY_SCALE
              + " decimals, was "
              + quantity);
    }
    return quantity;
  }

  /**
   * @param where names the field in the error, e.g. {@code "unit cost"}
   * @throws BusinessRuleViolation {@code INVALID_AMOUNT} when null, negative or too precise
   */
  public static BigDecimal requireUnitAmount(BigDecimal amount, String where) {
    if (amount == null
        || amount.signum() < 0
        || amount.stripTrailingZeros().scale() > UNIT_AMOUNT_SCALE) {
      throw new BusinessRuleViolation(
          ErrorCode.INVALID_AMOUNT,
          where + " must be ≥ 0 with at most " + UNIT_AMOUNT_SCALE + " decimals, was " + amount);
    }
    return amount;
  }
}
