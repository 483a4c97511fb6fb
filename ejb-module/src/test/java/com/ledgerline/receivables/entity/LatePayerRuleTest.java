package com.ledgerline.receivables.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LatePayerRuleTest {
  private static final LocalDate AS_OF = LocalDate.of(2025, 3, 31);

  /** An invoice due {@code dueDaysAgo} before the as-of date, settled {@code daysLate} after. */
  private static InvoiceSettlement settled(int dueDaysAgo, int daysLate) {
    LocalDate due = AS_OF.minusDays(dueDaysAgo);
    return new InvoiceSettlement("INV-" + dueDaysAgo + "-" + daysLate, due, due.plusDays(daysLate));
  }

  private static InvoiceSettlement open(int dueDaysAgo) {
    return new InvoiceSettlement("INV-open-" + dueDaysAgo, AS_OF.minusDays(dueDaysAgo), null);
  }

  private static LatePayerIndicator assess(InvoiceSettlement... invoices) {
    return LatePayerRule.assess(List.of(invoices), AS_OF);
  }

  @Test
  void paidOnOrBeforeTheDueDateIsOnTimeAndOneDayAfterIsLate() {
    LatePayerIndicator indicator = assess(settled(40, 0), settled(50, -5), settled(60, 1));

    assertEquals(3, indicator.invoicesDue());
    assertEquals(1, indicator.invoicesLate());
    assertEquals(new BigDecimal("0.3333"), indicator.lateShare());
    assertEquals(new BigDecimal("0.3"), indicator.averageDaysLate());
    assertFalse(indicator.latePayer());
  }

  @Test
  void halfTheInvoicesLateMakesALatePayer() {
    assertTrue(assess(settled(40, 2), settled(50, 3), settled(60, 0), settled(70, 0)).latePayer());
    assertFalse(
        assess(settled(40, 2), settled(50, 0), settled(60, 0), settled(70, 0), settled(80, 0))
            .latePayer());
  }

  @Test
  void fewButVeryLatePaymentsMakeALatePayerFromThirtyDaysOnAverage() {
    // one of three invoices 90 days late: 90 / 3 = 30.0 days on average
    LatePayerIndicator ninety = assess(settled(200, 90), settled(60, 0), settled(70, 0));
    LatePayerIndicator eightyNine = assess(settled(200, 89), settled(60, 0), settled(70, 0));

    assertEquals(new BigDecimal("30.0"), ninety.averageDaysLate());
    assertTrue(ninety.latePayer());
    assertEquals(new BigDecimal("29.7"), eightyNine.averageDaysLate());
    assertFalse(eightyNine.latePayer());
  }

  @Test
  void lessThanThreeInvoicesDueIsNotEnoughHistory() {
    LatePayerIndicator two = assess(settled(40, 100), settled(50, 100));

    assertEquals(2, two.invoicesDue());
    assertEquals(2, two.invoicesLate());
    assertFalse(two.latePayer());
    assertTrue(assess(settled(40, 100), settled(50, 100), settled(60, 100)).latePayer());
  }

  @Test
  void anInvoiceStillOpenPastItsDueDateIsLateByTheDaysSoFar() {
    LatePayerIndicator indicator = assess(open(45), settled(50, 0), settled(60, 0));

    assertEquals(1, indicator.invoicesLate());
    assertEquals(1, indicator.invoicesOpenPastDue());
    assertEquals(new BigDecimal("15.0"), indicator.averageDaysLate());
  }

  @Test
  void anInvoiceDueTodayOrLaterIsNotCountedYet() {
    LatePayerIndicator indicator =
        assess(open(0), open(-10), settled(-5, 0), settled(1, 0), settled(2, 0));

    assertEquals(2, indicator.invoicesDue());
    assertEquals(0, indicator.invoicesLate());
  }

  @Test
  void anInvoiceDueYesterdayAndUnpaidIsOneDayLate() {
    LatePayerIndicator indicator = assess(open(1));

    assertEquals(1, indicator.invoicesLate());
    assertEquals(new BigDecimal("1.0"), indicator.averageDaysLate());
  }

  @Test
  void theWindowStartsTwelveMonthsBeforeTheAsOfDate() {
    LocalDate start = AS_OF.minusMonths(12);
    InvoiceSettlement first = new InvoiceSettlement("INV-FIRST", start, start.plusDays(40));
    InvoiceSettlement before =
        new InvoiceSettlement("INV-BEFORE", start.minusDays(1), start.plusDays(40));

    LatePayerIndicator indicator = LatePayerRule.assess(List.of(first, before), AS_OF);

    assertEquals(start, indicator.windowStart());
    assertEquals(1, indicator.invoicesDue());
    assertEquals(1, indicator.invoicesLate());
  }

  @Test
  void aSettlementAfterTheAsOfDateIsNotYetASettlement() {
    LocalDate due = AS_OF.minusDays(10);
    InvoiceSettlement later = new InvoiceSettlement("INV-LATER", due, AS_OF.plusDays(3));

    LatePayerIndicator indicator = LatePayerRule.assess(List.of(later), AS_OF);

    assertEquals(1, indicator.invoicesOpenPastDue());
    assertEquals(new BigDecimal("10.0"), indicator.averageDaysLate());
  }

  @Test
  void noHistoryIsNoLatePayerWithZeroRatios() {
    LatePayerIndicator indicator = LatePayerRule.assess(List.of(), AS_OF);

    assertFalse(indicator.latePayer());
    assertEquals(0, indicator.invoicesDue());
    assertEquals(new BigDecimal("0.0000"), indicator.lateShare());
    assertEquals(new BigDecimal("0.0"), indicator.averageDaysLate());
  }

  @Test
  void theVerdictAgreesWithTheRuleWrittenOutForRandomHistories() {
    Random random = new Random(31);
    for (int run = 0; run < 2000; run++) {
      List<InvoiceSettlement> invoices = new ArrayList<>();
      int count = random.nextInt(8);
      long due = 0;
      long late = 0;
      long days = 0;
      for (int i = 0; i < count; i++) {
        int dueDaysAgo = random.nextInt(500) - 30;
        boolean paid = random.nextBoolean();
        int daysLate = random.nextInt(120) - 20;
        InvoiceSettlement invoice = paid ? settled(dueDaysAgo, daysLate) : open(dueDaysAgo);
        invoices.add(invoice);
        boolean inWindow =
            !invoice.dueDate().isBefore(AS_OF.minusMonths(12)) && invoice.dueDate().isBefore(AS_OF);
        if (!inWindow) {
          continue;
        }
        due++;
        LocalDate until = paid && !invoice.settledOn().isAfter(AS_OF) ? invoice.settledOn() : AS_OF;
        long d = Math.max(0, until.toEpochDay() - invoice.dueDate().toEpochDay());
        if (d > 0) {
          late++;
          days += d;
        }
      }
      boolean expected =
          due >= 3
              && (new BigDecimal(late)
                          .divide(new BigDecimal(due), 10, java.math.RoundingMode.DOWN)
                          .compareTo(new BigDecimal("0.5"))
                      >= 0
                  || days >= 30 * due);

      LatePayerIndicator indicator = LatePayerRule.assess(invoices, AS_OF);

      assertEquals(due, indicator.invoicesDue(), invoices.toString());
      assertEquals(late, indicator.invoicesLate(), invoices.toString());
      assertEquals(expected, indicator.latePayer(), invoices.toString());
    }
  }
}
