package com.ledgerline.receivables.rest;

import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Reads the {@code asOf} query parameter: an ISO date ({@code 2025-03-31}); absent = today. */
final class AsOfDates {
  private AsOfDates() {}

  /**
   * @throws BusinessRuleViolation {@code INVALID_REQUEST} when it is not an ISO date
   */
  static LocalDate parse(String asOf) {
    if (asOf == null || asOf.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(asOf);
    } catch (DateTimeParseException e) {
      throw new BusinessRuleViolation(
          ErrorCode.INVALID_REQUEST, "asOf must be an ISO date (YYYY-MM-DD), was " + asOf);
    }
  }
}
