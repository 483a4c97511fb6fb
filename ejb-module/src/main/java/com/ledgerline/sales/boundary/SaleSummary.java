package com.ledgerline.sales.boundary;

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
    int revision) {}
