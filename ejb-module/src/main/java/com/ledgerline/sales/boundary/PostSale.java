package com.ledgerline.sales.boundary;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A request to post a sale.
 *
 * @param customerNumber required
 * @param postingDate the accounting date; null = today
 * @param taxJurisdiction jurisdiction code; null = the default ({@code GB})
 * @param channel where the sale was captured (e.g. {@code api}, {@code online-retail}); null =
 *     {@code api}
 * @param externalReference the channel's own transaction id, the idempotency key together with the
 *     channel; null = none
 * @param capturedAt when the channel captured the sale; null = now
 * @param expectedTotal the gross total the client computed, only checked ({@code TOTALS_MISMATCH});
 *     null = not checked
 * @param lines at least one
 */
public record PostSale(
    String customerNumber,
    LocalDate postingDate,
    String taxJurisdiction,
    String channel,
    String externalReference,
    Instant capturedAt,
    BigDecimal expectedTotal,
    List<Line> lines) {

  /**
   * @param sku the variant sold
   * @param quantity units, positive, at most 4 decimals
   * @param unitPrice tax-exclusive price per unit, at most 6 decimals; null = the variant's price
   * @param description shown on the invoice; null = the variant's name
   */
  public record Line(String sku, BigDecimal quantity, BigDecimal unitPrice, String description) {}
}
