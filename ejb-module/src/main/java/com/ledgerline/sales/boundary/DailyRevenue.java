package com.ledgerline.sales.boundary;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The posted sales of one day, channel and currency, summed by the database.
 *
 * @param net the sales' subtotals (net of tax) at their current revision, in {@code currency} at
 *     its scale as stored; amounts of different currencies are never added
 * @param gross the sales' totals including tax
 * @param sales how many sales
 */
public record DailyRevenue(
    LocalDate postingDate,
    String channel,
    String currency,
    BigDecimal net,
    BigDecimal gross,
    long sales) {}
