package com.ledgerline.sales.boundary;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A posted sale as people read it: the document, its lines with their snapshots, the journal
 * entries it posted and the stock it moved. Amounts at the currency's scale.
 */
public record SaleView(
    String saleNumber,
    String status,
    String customerNumber,
    String customerName,
    String currency,
    String taxJurisdiction,
    LocalDate postingDate,
    LocalDate dueDate,
    BigDecimal subtotal,
    BigDecimal taxTotal,
    BigDecimal total,
    String channel,
    String externalReference,
    OffsetDateTime createdAt,
    String createdBy,
    List<Line> lines,
    List<JournalEntryView> journalEntries,
    List<StockMovementView> stockMovements,
    boolean duplicate) {

  public record Line(
      int lineNumber,
      String sku,
      String description,
      BigDecimal quantity,
      BigDecimal unitPrice,
      BigDecimal netAmount,
      BigDecimal taxRatePercent,
      BigDecimal taxAmount,
      BigDecimal unitCost,
      BigDecimal costAmount) {}

  public record JournalEntryView(
      String entryNumber, LocalDate postingDate, String description, List<JournalLineView> lines) {}

  public record JournalLineView(
      int lineNumber,
      String accountCode,
      String accountName,
      BigDecimal debit,
      BigDecimal credit) {}

  public record StockMovementView(
      String sku, BigDecimal quantity, BigDecimal unitCost, BigDecimal value) {}

  /** The same view flagged as the answer to a repeated request (exactly-once). */
  public SaleView asDuplicate() {
    return new SaleView(
        saleNumber,
        status,
        customerNumber,
        customerName,
        currency,
        taxJurisdiction,
        postingDate,
        dueDate,
        subtotal,
        taxTotal,
        total,
        channel,
        externalReference,
        createdAt,
        createdBy,
        lines,
        journalEntries,
        stockMovements,
        true);
  }
}
