package com.ledgerline.sales.entity;

import java.math.BigDecimal;

/**
 * How far a sale is paid (DESIGN.md 4, separate from the sale's own status). Derived from the
 * amount paid and the amount the sale charges, never set by hand.
 */
public enum PaymentStatus {
  /** Nothing received (or everything received was reversed or refunded). */
  UNPAID,
  /** Something received, less than the sale charges. */
  PARTIALLY_PAID,
  /** Exactly what the sale charges. */
  PAID,
  /** More than the sale charges: the excess is the customer's credit. */
  OVERPAID;

  /**
   * The status for a sale's figures. Compares amounts by value, so the scale does not matter.
   *
   * @param amountPaid net amount received (payments not reversed, less refunds), ≥ 0
   * @param charged what the sale charges: invoice, amendments, credit notes and write-offs
   * @throws IllegalArgumentException when {@code amountPaid} is negative
   */
  public static PaymentStatus of(BigDecimal amountPaid, BigDecimal charged) {
    if (amountPaid.signum() < 0) {
      throw new IllegalArgumentException("amount paid " + amountPaid + " is negative");
    }
    if (amountPaid.signum() == 0) {
      return UNPAID;
    }
    int compared = amountPaid.compareTo(charged);
    if (compared < 0) {
      return PARTIALLY_PAID;
    }
    return compared == 0 ? PAID : OVERPAID;
  }
}
