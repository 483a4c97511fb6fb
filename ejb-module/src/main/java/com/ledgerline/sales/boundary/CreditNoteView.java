package com.ledgerline.sales.boundary;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A credit note as people read it, with the journal entry and stock movements it posted and the
 * refunds paid out against it. Amounts at the currency's scale.
 *
 * @param saleNumber the sale it credits; null for a return not linked to a sale (issue 4)
 * @param saleRevision the revision of the sale whose lines it credits; null when not linked
 * @param amountRefunded the sum of the refunds naming it ({@code RFD-…}, issue 3), ≥ 0
 * @param amountRemaining {@code total - amountRefunded}, ≥ 0: what a refund against it may still
 *     pay out, as far as the sale's customer credit allows (a credit note on an unpaid invoice
 *     lowers what is owed and leaves nothing to pay out)
 * @param refundNumbers the refunds naming it, in number order
 */
public record CreditNoteView(
    String creditNoteNumber,
    String saleNumber,
    Integer saleRevision,
    String customerNumber,
    String currency,
    LocalDate postingDate,
    boolean restock,
    String reason,
    BigDecimal subtotal,
    BigDecimal taxTotal,
    BigDecimal total,
    BigDecimal amountRefunded,
    BigDecimal amountRemaining,
    List<String> refundNumbers,
    OffsetDateTime createdAt,
    String createdBy,
    List<Line> lines,
    List<SaleView.JournalEntryView> journalEntries,
    List<SaleView.StockMovementView> stockMovements) {

  /**
   * @param saleLineNumber the credited line's number on the sale; null when the note is not linked
   * @param restockedQuantity units moved back into stock
   * @param costAmount the cost moved back into Inventory; null without restock
   */
  public record Line(
      int lineNumber,
      Integer saleLineNumber,
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
