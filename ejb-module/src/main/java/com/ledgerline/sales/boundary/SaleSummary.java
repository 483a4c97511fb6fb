package com.ledgerline.sales.boundary;

import com.ledgerline.sales.entity.Sale;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One row of the sales list.
 *
 * @param saleNumber null before posting
 * @param draftNumber null for a sale posted in one step
 * @param postingDate for a draft the requested date (or null)
 */
public record SaleSummary(
    String saleNumber,
    String status,
    String customerNumber,
    String customerName,
    LocalDate postingDate,
    String currency,
    BigDecimal total,
    String channel,
    String externalReference,
    String draftNumber,
    int revision) {

  /** The row of a sale; its customer must be loaded (fetched with it, not one query per row). */
  public static SaleSummary of(Sale s) {
    return new SaleSummary(
        s.saleNumber(),
        s.status().name(),
        s.customer().customerNumber(),
        s.customer().name(),
        s.postingDate(),
        s.currency().getCurrencyCode(),
        s.total(),
        s.channel(),
        s.externalReference(),
        s.draftNumber(),
        s.currentRevision());
  }
}
