package com.ledgerline.tax.control;

import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The validity rule of effective-dated tax rates: the rates of one jurisdiction and category never
 * overlap, and a new open-ended rate replaces the open rate before it by closing that rate on the
 * new rate's first day. Periods are half-open: {@code [from, to)}, an absent {@code to} open.
 */
public final class RateSchedule {
  private RateSchedule() {}

  /**
   * A rate's validity.
   *
   * @param to exclusive; null = open
   */
  public record Period(LocalDate from, LocalDate to) {
    boolean overlaps(Period other) {
      return (other.to == null || from.isBefore(other.to))
          && (to == null || other.from.isBefore(to));
    }

    @Override
    public String toString() {
      return "[" + from + ", " + (to == null ? "open" : to.toString()) + ")";
    }
  }

  /**
   * Plans adding {@code added} to {@code existing}.
   *
   * @return the index in {@code existing} of the open rate to close on {@code added.from()}, empty
   *     when none is to be closed
   * @throws BusinessRuleViolation {@code INVALID_REQUEST} when {@code added} ends before it starts;
   *     {@code TAX_RATE_OVERLAPS} when it would share a day with an existing rate after the open
   *     rate before it is closed (a rate starting on or before the open rate's start, or reaching
   *     into a later rate, or a bounded rate inside an open one)
   */
  public static Optional<Integer> plan(List<Period> existing, Period added) {
    if (added.to() != null && !added.to().isAfter(added.from())) {
      throw new BusinessRuleViolation(
          ErrorCode.INVALID_REQUEST, "validTo must be after validFrom, the rate was " + added);
    }
    Optional<Integer> toClose = Optional.empty();
    for (int i = 0; i < existing.size(); i++) {
      Period p = existing.get(i);
      if (p.to() == null && p.from().isBefore(added.from()) && added.to() == null) {
        toClose = Optional.of(i);
      }
    }
    for (int i = 0; i < existing.size(); i++) {
      Period p = existing.get(i);
      Period after =
          toClose.isPresent() && toClose.get() == i ? new Period(p.from(), added.from()) : p;
      if (after.overlaps(added)) {
        throw new BusinessRuleViolation(
            ErrorCode.TAX_RATE_OVERLAPS,
            "the rate "
                + added
                + " overlaps the rate "
                + p
                + (after.equals(p) ? "" : " (even closed on " + added.from() + ")"));
      }
    }
    return toClose;
  }
}
