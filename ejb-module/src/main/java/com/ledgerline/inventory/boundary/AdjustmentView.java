package com.ledgerline.inventory.boundary;

import com.ledgerline.inventory.entity.StockAdjustment;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A posted stock adjustment.
 *
 * @param quantity signed, 4 decimals
 * @param unitCost per unit, 6 decimals
 * @param value signed, at the currency's scale: what Inventory moved by
 * @param journalEntryNumber null when the value is zero
 */
public record AdjustmentView(
    String adjustmentNumber,
    String sku,
    String reason,
    BigDecimal quantity,
    BigDecimal unitCost,
    BigDecimal value,
    String currency,
    LocalDate postingDate,
    String note,
    String journalEntryNumber,
    String createdBy) {

  static AdjustmentView of(StockAdjustment a) {
    return new AdjustmentView(
        a.adjustmentNumber(),
        a.variant().sku(),
        a.reason().name(),
        a.quantity(),
        a.unitCost(),
        a.value(),
        a.currency(),
        a.postingDate(),
        a.note(),
        a.journalEntry() == null ? null : a.journalEntry().entryNumber(),
        a.createdBy());
  }
}
