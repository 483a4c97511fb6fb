package com.ledgerline.sales.boundary;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A credit note against a posted sale.
 *
 * @param lines the lines of the sale's current revision to credit, with quantities; null or empty =
 *     a full credit note (every line for what is left after earlier credit notes)
 * @param restock whether the goods come back into stock at the sale's cost snapshot
 * @param reason why, required
 * @param postingDate null = today; not before the sale's posting date
 */
public record IssueCreditNote(
    List<Line> lines, boolean restock, String reason, LocalDate postingDate) {

  /**
   * @param lineNumber the sale line's number on its current revision
   * @param quantity units to credit, positive, at most 4 decimals
   */
  public record Line(int lineNumber, BigDecimal quantity) {}
}
