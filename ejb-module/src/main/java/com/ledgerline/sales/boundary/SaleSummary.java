package com.ledgerline.sales.boundary;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One row of the sales list. */
public record SaleSummary(
    String saleNumber,
    String status,
    String customerNumber,
    String customerName,
    LocalDate postingDate,
    String currency,
    BigDecimal total,
    String channel,
    String externalReference) {}
