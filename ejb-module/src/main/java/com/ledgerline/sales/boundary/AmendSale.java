package com.ledgerline.sales.boundary;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An amendment of a posted sale: the full set of lines of its next revision.
 *
 * @param baseRevision the revision the client amended (optimistic check, {@code
 *     SALE_CHANGED_CONCURRENTLY} when the sale has moved on); null = the current one
 * @param postingDate the date of the amendment's delta entries; null = today
 * @param reason why, required
 * @param expectedTotal the new gross total the client computed, only checked; null = not checked
 * @param lines at least one; a line's price null = the price of that SKU on the current revision,
 *     else the catalogue price
 */
public record AmendSale(
    Integer baseRevision,
    LocalDate postingDate,
    String reason,
    BigDecimal expectedTotal,
    List<PostSale.Line> lines) {}
