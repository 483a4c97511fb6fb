package com.ledgerline.sales.boundary;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A sale as people read it: the document with its current lines and their snapshots, what was paid
 * (unreversed payments less refunds) and its payment status, the journal entries, stock movements
 * and credit notes its number posted, and where it is in its lifecycle. A draft or held sale shows
 * its draft lines with preview figures and no effects. Amounts at the currency's scale.
 *
 * @param saleNumber the invoice number; null before posting
 * @param draftNumber the draft number; null for a sale posted in one step
 * @param roundingPolicy {@code PER_LINE} or {@code PER_DOCUMENT}, snapshotted from the jurisdiction
 * @param priceBasis {@code TAX_EXCLUSIVE} (unit prices are net of tax, tax is added) or {@code
 *     TAX_INCLUSIVE} (unit prices include tax, which is extracted), snapshotted from the
 *     jurisdiction
 * @param revision the current revision of the lines (1 = as posted)
 * @param approval the credit-limit hold and its decision; null when never held
 * @param voided who voided it, when and why; null unless voided
 * @param warnings what posting would meet now, e.g. a line beyond stock on a backorder variant
 * @param duplicate true when this answers a repeated channel transaction id (exactly-once)
 */
public record SaleView(
    String saleNumber,
    String draftNumber,
    String status,
    String customerNumber,
    String customerName,
    String currency,
    String taxJurisdiction,
    String roundingPolicy,
    String priceBasis,
    LocalDate postingDate,
    LocalDate dueDate,
    int revision,
    BigDecimal subtotal,
    BigDecimal taxTotal,
    BigDecimal total,
    BigDecimal amountPaid,
    String paymentStatus,
    String channel,
    String externalReference,
    OffsetDateTime createdAt,
    String createdBy,
    String postedBy,
    DeliveryView delivery,
    ApprovalView approval,
    VoidView voided,
    List<Line> lines,
    List<JournalEntryView> journalEntries,
    List<StockMovementView> stockMovements,
    List<CreditNoteSummary> creditNotes,
    List<String> warnings,
    boolean duplicate) {

  /**
   * @param unitPrice as entered, 6 decimals: net of tax or including it, as the price basis says
   * @param grossAmount net + tax: under a tax-inclusive price basis, quantity × unit price
   * @param unitCost the moving-average cost snapshot; null for services and drafts
   * @param creditedQuantity units credited by credit notes so far (0 for drafts)
   */
  public record Line(
      int lineNumber,
      String sku,
      String description,
      BigDecimal quantity,
      BigDecimal unitPrice,
      BigDecimal netAmount,
      BigDecimal taxRatePercent,
      BigDecimal taxAmount,
      BigDecimal grossAmount,
      BigDecimal unitCost,
      BigDecimal costAmount,
      BigDecimal creditedQuantity) {}

  public record DeliveryView(String address, LocalDate date, String notes, String status) {}

  /**
   * @param requestedBy who asked to post it
   * @param holdReason the credit-limit figures that held it
   * @param decision {@code RELEASED}, {@code REJECTED}, or null while waiting
   */
  public record ApprovalView(
      String requestedBy,
      OffsetDateTime requestedAt,
      String holdReason,
      String decision,
      String decidedBy,
      OffsetDateTime decidedAt,
      String decisionReason) {}

  public record VoidView(String voidedBy, OffsetDateTime voidedAt, String reason) {}

  /**
   * @param documentType {@code SALE_INVOICE}, {@code SALE_AMENDMENT}, {@code SALE_VOID}, {@code
   *     CREDIT_NOTE}
   * @param reversesEntryNumber the entry a void's mirror reverses; null otherwise
   */
  public record JournalEntryView(
      String entryNumber,
      LocalDate postingDate,
      String description,
      List<JournalLineView> lines,
      String documentType,
      String reversesEntryNumber) {}

  public record JournalLineView(
      int lineNumber,
      String accountCode,
      String accountName,
      BigDecimal debit,
      BigDecimal credit) {}

  /**
   * @param quantity signed: − out of stock, + back in
   * @param movementType {@code SALE}, {@code SALE_AMENDMENT}, {@code RETURN}, {@code VOID}
   */
  public record StockMovementView(
      String sku,
      BigDecimal quantity,
      BigDecimal unitCost,
      BigDecimal value,
      String movementType,
      LocalDate postingDate) {}

  public record CreditNoteSummary(
      String creditNoteNumber,
      LocalDate postingDate,
      boolean restock,
      BigDecimal subtotal,
      BigDecimal taxTotal,
      BigDecimal total) {}

  /** The same view flagged as the answer to a repeated request (exactly-once). */
  public SaleView asDuplicate() {
    return new SaleView(
        saleNumber,
        draftNumber,
        status,
        customerNumber,
        customerName,
        currency,
        taxJurisdiction,
        roundingPolicy,
        priceBasis,
        postingDate,
        dueDate,
        revision,
        subtotal,
        taxTotal,
        total,
        amountPaid,
        paymentStatus,
        channel,
        externalReference,
        createdAt,
        createdBy,
        postedBy,
        delivery,
        approval,
        voided,
        lines,
        journalEntries,
        stockMovements,
        creditNotes,
        warnings,
        true);
  }
}
