package com.ledgerline.receivables.entity;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The aging buckets of an open amount the customer owes, by whole days past its due date as of the
 * report date: {@code days past due = as-of date - due date}. Due today or later is current; one
 * day past due is the first overdue bucket. The due date already carries the customer's terms
 * (posting date + payment terms days, set when the invoice was posted).
 *
 * <p>A credit (a negative open amount) is never aged: it is unapplied credit ({@link Aging}).
 */
public enum AgingBucket {
  /** Not yet due: due today or later (days past due ≤ 0). */
  CURRENT(Long.MIN_VALUE, 0),
  /** 1 to 30 days past due. */
  DAYS_1_30(1, 30),
  /** 31 to 60 days past due. */
  DAYS_31_60(31, 60),
  /** 61 to 90 days past due. */
  DAYS_61_90(61, 90),
  /** More than 90 days past due. */
  OVER_90(91, Long.MAX_VALUE);

  private final long firstDay;
  private final long lastDay;

  AgingBucket(long firstDay, long lastDay) {
    this.firstDay = firstDay;
    this.lastDay = lastDay;
  }

  /** Whole calendar days from the due date to the as-of date; negative before the due date. */
  public static long daysPastDue(LocalDate dueDate, LocalDate asOf) {
    return ChronoUnit.DAYS.between(dueDate, asOf);
  }

  /** The bucket of an amount due on {@code dueDate}, seen on {@code asOf}. */
  public static AgingBucket of(LocalDate dueDate, LocalDate asOf) {
    return ofDaysPastDue(daysPastDue(dueDate, asOf));
  }

  /** The bucket holding that many days past due. */
  public static AgingBucket ofDaysPastDue(long daysPastDue) {
    for (AgingBucket bucket : values()) {
      if (daysPastDue >= bucket.firstDay && daysPastDue <= bucket.lastDay) {
        return bucket;
      }
    }
    throw new IllegalStateException("the buckets leave " + daysPastDue + " days uncovered");
  }

  /** Whether an amount in this bucket is past its due date. */
  public boolean overdue() {
    return this != CURRENT;
  }
}
