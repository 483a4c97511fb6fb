package com.ledgerline.receivables.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AgingBucketTest {
  private static final LocalDate AS_OF = LocalDate.of(2025, 3, 31);

  @ParameterizedTest(name = "due {0} days before the as-of date: {1}")
  @CsvSource({
    "-400, CURRENT",
    "-1, CURRENT",
    "0, CURRENT",
    "1, DAYS_1_30",
    "29, DAYS_1_30",
    "30, DAYS_1_30",
    "31, DAYS_31_60",
    "60, DAYS_31_60",
    "61, DAYS_61_90",
    "90, DAYS_61_90",
    "91, OVER_90",
    "3650, OVER_90"
  })
  void bucketsByWholeDaysPastTheDueDate(long daysPastDue, AgingBucket expected) {
    LocalDate due = AS_OF.minusDays(daysPastDue);

    assertEquals(daysPastDue, AgingBucket.daysPastDue(due, AS_OF));
    assertEquals(expected, AgingBucket.of(due, AS_OF));
    assertEquals(expected, AgingBucket.ofDaysPastDue(daysPastDue));
  }

  @Test
  void dueTodayIsCurrentAndYesterdayIsOverdue() {
    assertEquals(AgingBucket.CURRENT, AgingBucket.of(AS_OF, AS_OF));
    assertEquals(AgingBucket.DAYS_1_30, AgingBucket.of(AS_OF.minusDays(1), AS_OF));
    assertFalse(AgingBucket.CURRENT.overdue());
    assertTrue(AgingBucket.DAYS_1_30.overdue());
  }

  @Test
  void countsCalendarDaysAcrossMonthAndLeapYearEnds() {
    // 2024 is a leap year: 2024-02-29 exists, so 2024-01-31 to 2024-03-01 is 30 days
    assertEquals(
        AgingBucket.DAYS_1_30, AgingBucket.of(LocalDate.of(2024, 1, 31), LocalDate.of(2024, 3, 1)));
    assertEquals(
        AgingBucket.DAYS_31_60,
        AgingBucket.of(LocalDate.of(2023, 1, 31), LocalDate.of(2023, 3, 3)));
    assertEquals(
        AgingBucket.OVER_90, AgingBucket.of(LocalDate.of(2024, 12, 1), LocalDate.of(2025, 3, 2)));
  }

  @Test
  void everyDayCountFallsInExactlyOneBucketAndTheBucketsFollowEachOther() {
    AgingBucket previous = AgingBucket.CURRENT;
    for (long days = -1000; days <= 1000; days++) {
      AgingBucket bucket = AgingBucket.ofDaysPastDue(days);
      assertTrue(bucket.ordinal() >= previous.ordinal(), "buckets never go back at " + days);
      assertTrue(bucket.ordinal() - previous.ordinal() <= 1, "no bucket skipped at " + days);
      previous = bucket;
    }
    assertEquals(AgingBucket.OVER_90, previous);
  }
}
