package com.ledgerline.receivables.entity;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A customer's payment behaviour over the window {@link LatePayerRule} looks at, and its verdict.
 *
 * @param latePayer the verdict of {@link LatePayerRule#assess}
 * @param invoicesDue invoices that fell due in the window (due date in [windowStart, asOf))
 * @param invoicesLate of those, settled after their due date or still open past it
 * @param invoicesOpenPastDue of the late ones, still open on the as-of date
 * @param lateShare invoicesLate ÷ invoicesDue, 0..1, scale 4 (half-up); 0 when none fell due
 * @param averageDaysLate days late summed over the invoices due (an invoice paid on time counts 0,
 *     one still open counts the days to the as-of date) ÷ invoicesDue, scale 1 (half-up)
 * @param windowStart the first due date counted
 * @param asOf the as-of date; invoices due on it or later are not counted (not late yet)
 */
public record LatePayerIndicator(
    boolean latePayer,
    int invoicesDue,
    int invoicesLate,
    int invoicesOpenPastDue,
    BigDecimal lateShare,
    BigDecimal averageDaysLate,
    LocalDate windowStart,
    LocalDate asOf) {}
