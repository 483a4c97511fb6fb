package com.ledgerline.receivables.entity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Collection;

/**
 * Who is a late payer, from payment history (the house credit-control policy; the figures are the
 * constants below).
 *
 * <p>Looked at: the customer's invoices that fell due in the last {@value #WINDOW_MONTHS} months
 * before the as-of date (due date in [as-of - {@value #WINDOW_MONTHS} months, as-of)). An invoice
 * is late when it was settled after its due date, or is still open on the as-of date past its due
 * date; its days late are (settlement date or as-of date) - due date, and 0 when it was settled on
 * or before the due date. A customer is a late payer when at least {@value #MINIMUM_INVOICES_DUE}
 * invoices fell due in the window (less history says nothing) and either
 *
 * <ul>
 *   <li>at least half of them were late ({@code 2 × late ≥ due}), or
 *   <li>their average days late, on-time invoices counting 0, is at least {@value
 *       #AVERAGE_DAYS_LATE_THRESHOLD} days ({@code Σ days late ≥ 30 × due}): few but very late
 *       payments.
 * </ul>
 *
 * The decision uses exact integer arithmetic; the rounded ratios are for display only.
 */
public final class LatePayerRule {
  /** How far back payment history counts, in months before the as-of date. */
  public static final int WINDOW_MONTHS = 12;

  /** Fewer invoices due in the window than this never make a late payer. */
  public static final int MINIMUM_INVOICES_DUE = 3;

  /** The share of late invoices that makes a late payer: one half (numerator over denominator). */
  public static final int LATE_SHARE_NUMERATOR = 1;

  public static final int LATE_SHARE_DENOMINATOR = 2;

  /** The average days late (on-time invoices counting 0) that makes a late payer. */
  public static final int AVERAGE_DAYS_LATE_THRESHOLD = 30;

  private LatePayerRule() {}

  /** The first due date the window counts for a report as of {@code asOf}. */
  public static LocalDate windowStart(LocalDate asOf) {
    return asOf.minusMonths(WINDOW_MONTHS);
  }

  /**
   * Assesses one customer.
   *
   * @param settlements the customer's invoices with their settlement dates as of {@code asOf} (any
   *     due date; those outside the window are skipped; a settlement date after {@code asOf} counts
   *     as not settled)
   */
  public static LatePayerIndicator assess(
      Collection<InvoiceSettlement> settlements, LocalDate asOf) {
    LocalDate windowStart = windowStart(asOf);
    int due = 0;
    int late = 0;
    int openPastDue = 0;
    long daysLate = 0;
    for (InvoiceSettlement invoice : settlements) {
      LocalDate dueDate = invoice.dueDate();
      if (dueDate.isBefore(windowStart) || !dueDate.isBefore(asOf)) {
        continue;
      }
      due++;
      boolean settled = invoice.settledOn() != null && !invoice.settledOn().isAfter(asOf);
      LocalDate until = settled ? invoice.settledOn() : asOf;
      long days = Math.max(0, AgingBucket.daysPastDue(dueDate, until));
      if (days > 0) {
        late++;
        daysLate += days;
        if (!settled) {
          openPastDue++;
        }
      }
    }
    boolean latePayer =
        due >= MINIMUM_INVOICES_DUE
            && ((long) late * LATE_SHARE_DENOMINATOR >= (long) due * LATE_SHARE_NUMERATOR
                || daysLate >= (long) AVERAGE_DAYS_LATE_THRESHOLD * due);
    return new LatePayerIndicator(
        latePayer,
        due,
        late,
        openPastDue,
        ratio(late, due, 4),
        ratio(daysLate, due, 1),
        windowStart,
        asOf);
  }

  private static BigDecimal ratio(long numerator, long denominator, int scale) {
    if (denominator == 0) {
      return BigDecimal.ZERO.setScale(scale);
    }
    return BigDecimal.valueOf(numerator)
        .divide(BigDecimal.valueOf(denominator), scale, RoundingMode.HALF_UP);
  }
}
