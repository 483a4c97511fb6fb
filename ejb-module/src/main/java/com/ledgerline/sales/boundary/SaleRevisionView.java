package com.ledgerline.sales.boundary;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One revision of a posted sale's lines: revision 1 as posted, then one per amendment.
 *
 * @param reason why it was amended; null for revision 1
 * @param journalEntryNumber the entry that posted it (the delta entry for an amendment); null when
 *     it moved no account
 */
public record SaleRevisionView(
    String saleNumber,
    int revision,
    boolean current,
    LocalDate postingDate,
    OffsetDateTime createdAt,
    String createdBy,
    String reason,
    BigDecimal subtotal,
    BigDecimal taxTotal,
    BigDecimal total,
    String journalEntryNumber,
    List<SaleView.Line> lines) {}
