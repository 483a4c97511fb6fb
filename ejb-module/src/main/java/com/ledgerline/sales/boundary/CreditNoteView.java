package com.ledgerline.sales.boundary;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A credit note as people read it, with the journal entry and stock movements it posted. Amounts at
 * the currency's scale.
 *
 * @param saleRevision the revision of the sale whose lines it credits
 */
public record CreditNoteView(
    String creditNoteNumber,
    String saleNumber,
    int saleRevision,
    String customerNumber,
    String currency,
    LocalDate postingDate,
    boolean restock,
    String reason,
    BigDecimal subtotal,
    BigDecimal taxTotal,
    BigDecimal total,
    OffsetDateTime createdAt,
    String createdBy,
    List<Line> lines,
    List<SaleView.JournalEntryView> journalEntries,
    List<SaleView.StockMovementView> stockMovements) {

  /**
   * @param saleLineNumber the credited line's number on the sale
   * @param restockedQuantity units moved back into stock
   * @param costAmount the cost moved back into Inventory; null without restock
   */
  public record Line(
      int lineNumber,
      int saleLineNumber,
      String sku,
      String description,
      BigDecimal quantity,
      BigDecimal unitPrice,
      BigDecimal netAmount,
      BigDecimal taxRatePercent,
      BigDecimal taxAmount,
      BigDecimal restockedQuantity,
      BigDecimal unitCost,
      BigDecimal costAmount) {}
}
