package com.ledgerline.sales.boundary;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Goods a customer returned without a sale to name (issue 4; DESIGN.md 8: the Online Retail {@code
 * C} invoices): a credit note of its own, priced like a sale on its posting date.
 *
 * @param customerNumber the customer credited
 * @param currency ISO 4217; null = the customer's. Checked, never converted.
 * @param taxJurisdiction the jurisdiction whose rate in force on the posting date, price basis,
 *     rounding policy and mode price the lines (snapshotted on the note)
 * @param postingDate null = today
 * @param restock whether the returned goods go back into stock (stock-tracked variants only), at
 *     the variant's moving-average cost on the posting date
 * @param reason why, required
 * @param expectedTotal the gross the channel credited, only checked ({@code TOTALS_MISMATCH}); null
 *     = not checked
 * @param lines the returned goods, at least one
 */
public record IssueReturn(
    String customerNumber,
    String currency,
    String taxJurisdiction,
    LocalDate postingDate,
    boolean restock,
    String reason,
    BigDecimal expectedTotal,
    List<Line> lines) {

  /**
   * @param sku the returned variant
   * @param quantity units returned, positive, at most 4 decimals
   * @param unitPrice per unit credited, at most 6 decimals, in the jurisdiction's price basis
   * @param description null = the variant's name
   */
  public record Line(String sku, BigDecimal quantity, BigDecimal unitPrice, String description) {}
}
