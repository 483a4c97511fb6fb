package com.ledgerline.inventory.boundary;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A stock adjustment as a client asks for it.
 *
 * @param quantity signed change, non-zero, at most 4 decimals: negative lowers stock (shrinkage,
 *     damage, expiry, a count below the books), positive raises it (found stock, a count above)
 * @param reason {@code SHRINKAGE}, {@code DAMAGE}, {@code EXPIRY} (decreases), {@code FOUND_STOCK}
 *     (increases) or {@code COUNT_CORRECTION} (either)
 * @param unitCost increases only, optional: cost per unit, ≥ 0, at most 6 decimals; absent = the
 *     moving-average cost. A decrease always leaves at the moving-average cost
 * @param postingDate null = today
 * @param note free text, up to 400 characters; optional
 */
public record AdjustStock(
    String sku,
    BigDecimal quantity,
    String reason,
    BigDecimal unitCost,
    LocalDate postingDate,
    String note) {}
