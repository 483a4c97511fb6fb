package com.ledgerline.tax.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RateScheduleTest {
  private static RateSchedule.Period p(String from, String to) {
    return new RateSchedule.Period(LocalDate.parse(from), to == null ? null : LocalDate.parse(to));
  }

  private static ErrorCode refusal(List<RateSchedule.Period> existing, RateSchedule.Period added) {
    return assertThrows(BusinessRuleViolation.class, () -> RateSchedule.plan(existing, added))
        .code();
  }

  @Test
  void theFirstRateClosesNothing() {
    assertEquals(Optional.empty(), RateSchedule.plan(List.of(), p("2020-01-01", null)));
  }

  @Test
  void aNewOpenRateClosesTheOpenRateBeforeIt() {
    // UK VAT: 17.5 % open since 2010-01-01, 20 % from 2011-01-04
    assertEquals(
        Optional.of(1),
        RateSchedule.plan(
            List.of(p("2008-12-01", "2010-01-01"), p("2010-01-01", null)), p("2011-01-04", null)));
  }

  @Test
  void aRateStartingOnTheOpenRatesFirstDayOverlaps() {
    assertEquals(
        ErrorCode.TAX_RATE_OVERLAPS,
        refusal(List.of(p("2020-01-01", null)), p("2020-01-01", null)));
  }

  @Test
  void aRateStartingBeforeTheOpenRateOverlapsIt() {
    assertEquals(
        ErrorCode.TAX_RATE_OVERLAPS,
        refusal(List.of(p("2020-01-01", null)), p("2019-06-01", null)));
  }

  @Test
  void aRateInsideAClosedRateOverlapsIt() {
    assertEquals(
        ErrorCode.TAX_RATE_OVERLAPS,
        refusal(
            List.of(p("2020-01-01", "2021-01-01"), p("2021-01-01", null)),
            p("2020-06-01", "2020-09-01")));
  }

  @Test
  void aBoundedRateInsideTheOpenRateOverlapsIt() {
    // the open rate would have to be split; add the new rate open, then the old one again
    assertEquals(
        ErrorCode.TAX_RATE_OVERLAPS,
        refusal(List.of(p("2020-01-01", null)), p("2020-07-01", "2021-01-01")));
  }

  @Test
  void aBoundedRateFillsAGapExactly() {
    assertEquals(
        Optional.empty(),
        RateSchedule.plan(
            List.of(p("2019-01-01", "2020-01-01"), p("2021-01-01", null)),
            p("2020-01-01", "2021-01-01")));
  }

  @Test
  void aBoundedRateBeforeEverythingIsFine() {
    assertEquals(
        Optional.empty(),
        RateSchedule.plan(List.of(p("2020-01-01", null)), p("2019-01-01", "2020-01-01")));
  }

  @Test
  void aBoundedRateReachingIntoTheNextOverlaps() {
    assertEquals(
        ErrorCode.TAX_RATE_OVERLAPS,
        refusal(List.of(p("2020-01-01", null)), p("2019-01-01", "2020-01-02")));
  }

  @Test
  void anOpenRateBeforeALaterRateOverlapsIt() {
    assertEquals(
        ErrorCode.TAX_RATE_OVERLAPS,
        refusal(List.of(p("2020-01-01", "2021-01-01")), p("2019-01-01", null)));
  }

  @Test
  void anOpenRateAfterTheLastClosedOneClosesNothing() {
    assertEquals(
        Optional.empty(),
        RateSchedule.plan(List.of(p("2020-01-01", "2021-01-01")), p("2021-01-01", null)));
  }

  @Test
  void aRateEndingBeforeItStartsIsInvalid() {
    assertEquals(ErrorCode.INVALID_REQUEST, refusal(List.of(), p("2020-01-01", "2020-01-01")));
    assertEquals(ErrorCode.INVALID_REQUEST, refusal(List.of(), p("2020-01-02", "2020-01-01")));
  }
}
