package com.ledgerline.reconciliation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ledgerline.reconciliation.control.MatchingEngine.BankLine;
import com.ledgerline.reconciliation.control.MatchingEngine.BookItem;
import com.ledgerline.reconciliation.control.MatchingEngine.DiscrepancyClass;
import com.ledgerline.reconciliation.control.MatchingEngine.Kind;
import com.ledgerline.reconciliation.control.MatchingEngine.Outcome;
import com.ledgerline.reconciliation.control.MatchingEngine.Rule;
import com.ledgerline.reconciliation.control.MatchingEngine.Rules;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The matching rules, one small case each: scores, ties, windows, fees and classes. */
class MatchingEngineTest {
  private static final Rules RULES = Rules.defaults();
  // Wednesday 2011-01-12; Friday 2011-01-14; Monday 2011-01-17
  private static final LocalDate WED = LocalDate.parse("2011-01-12");
  private static final LocalDate THU = WED.plusDays(1);
  private static final LocalDate FRI = WED.plusDays(2);
  private static final LocalDate MON = WED.plusDays(5);
  private static final LocalDate TODAY = LocalDate.parse("2026-12-06");

  private static BankLine line(long id, LocalDate day, String amount, String reference) {
    return new BankLine(id, day, new BigDecimal(amount), "GBP", reference, null, null);
  }

  private static BookItem payment(String number, LocalDate day, String amount, String... refs) {
    return new BookItem(
        "PAY:" + number, Kind.BANK_PAYMENT, day, new BigDecimal(amount), "GBP", Set.of(refs));
  }

  private static BookItem batch(LocalDate day, String gross) {
    return new BookItem(
        "CARD:GBP:" + day, Kind.CARD_BATCH, day, new BigDecimal(gross), "GBP", Set.of());
  }

  private static Outcome match(List<BankLine> lines, List<BookItem> items) {
    return match(lines, List.of(), items);
  }

  private static Outcome match(List<BankLine> lines, List<BankLine> earlier, List<BookItem> items) {
    return MatchingEngine.match(lines, earlier, items, WED, MON.plusDays(7), TODAY, RULES);
  }

  private static MatchingEngine.Match only(Outcome outcome) {
    assertEquals(1, outcome.matches().size(), outcome.toString());
    return outcome.matches().get(0);
  }

  private static List<DiscrepancyClass> classes(Outcome outcome) {
    return outcome.discrepancies().stream()
        .map(MatchingEngine.Discrepancy::discrepancyClass)
        .sorted()
        .toList();
  }

  @Test
  void aLineQuotingTheSaleNumberMatchesItsPaymentWithScore100() {
    Outcome outcome =
        match(
            List.of(line(1, THU, "120.00", "INV-00000042 thanks")),
            List.of(payment("PAY-00000007", WED, "120.00", "PAY-00000007", "INV-00000042")));
    MatchingEngine.Match m = only(outcome);
    assertEquals(Rule.EXACT_REFERENCE, m.rule());
    assertEquals(100, m.score());
    assertEquals(List.of("PAY:PAY-00000007"), m.itemKeys());
    assertTrue(m.explanation().contains("INV-00000042"), m.explanation());
    assertTrue(outcome.discrepancies().isEmpty());
  }

  @Test
  void twoQuotedItemsOfTheSameAmountGoToTheClosestByDateWithScore95() {
    Outcome outcome =
        match(
            List.of(line(1, FRI, "50.00", "INV-00000042")),
            List.of(
                payment("PAY-00000001", WED, "50.00", "INV-00000042"),
                payment("PAY-00000002", THU, "50.00", "INV-00000042")));
    MatchingEngine.Match m = outcome.matches().get(0);
    assertEquals(95, m.score());
    assertEquals(List.of("PAY:PAY-00000002"), m.itemKeys());
  }

  @ParameterizedTest
  @CsvSource({"120.03, ROUNDING, 0.03", "120.05, ROUNDING, 0.05", "115.00, AMOUNT, -5.00"})
  void aQuotedItemOfAnotherAmountIsADiscrepancyOfTheLineAndTheItem(
      String amount, DiscrepancyClass expected, String difference) {
    Outcome outcome =
        match(
            List.of(line(1, THU, amount, "PAY-00000007")),
            List.of(payment("PAY-00000007", WED, "120.00", "PAY-00000007")));
    assertTrue(outcome.matches().isEmpty());
    assertEquals(1, outcome.discrepancies().size());
    MatchingEngine.Discrepancy d = outcome.discrepancies().get(0);
    assertEquals(expected, d.discrepancyClass());
    assertEquals(1L, d.lineId());
    assertEquals("PAY:PAY-00000007", d.itemKey());
    assertEquals(0, new BigDecimal(difference).compareTo(d.difference()));
  }

  @ParameterizedTest
  @CsvSource({
    "2011-01-12, 90", // same day
    "2011-01-13, 85",
    "2011-01-14, 80",
    "2011-01-17, 75", // Monday: three business days after Wednesday
  })
  void amountAndDateScoresLoseFivePerBusinessDayApart(LocalDate day, int score) {
    MatchingEngine.Match m =
        only(match(List.of(line(1, day, "75.10", "")), List.of(payment("PAY-1", WED, "75.10"))));
    assertEquals(Rule.AMOUNT_DATE, m.rule());
    assertEquals(score, m.score());
  }

  @Test
  void amountOutsideTheWindowDoesNotMatch() {
    Outcome outcome =
        match(
            List.of(line(1, MON.plusDays(1), "75.10", "")),
            List.of(payment("PAY-1", WED, "75.10")));
    assertTrue(outcome.matches().isEmpty());
    assertEquals(
        List.of(DiscrepancyClass.MISSING_IN_BOOKS, DiscrepancyClass.MISSING_IN_BANK),
        classes(outcome));
  }

  @Test
  void aTieOnAmountAndDistanceTakesTheFirstKeyAndLosesTenPoints() {
    MatchingEngine.Match m =
        match(
                List.of(line(1, THU, "40.00", "")),
                List.of(payment("PAY-2", WED, "40.00"), payment("PAY-1", FRI, "40.00")))
            .matches()
            .get(0);
    assertEquals(List.of("PAY:PAY-1"), m.itemKeys());
    assertEquals(75, m.score());
    assertTrue(m.explanation().contains("2 items as near"), m.explanation());
  }

  @Test
  void aCardBatchSettledNetOfTheContractFeeMatchesOneToManyWithItsFee() {
    // fee = 1.4 % × 1000.00 + 0.20 = 14.20
    MatchingEngine.Match m =
        only(match(List.of(line(1, THU, "985.80", "")), List.of(batch(WED, "1000.00"))));
    assertEquals(Rule.ONE_TO_MANY, m.rule());
    assertEquals(90, m.score());
    assertEquals(0, new BigDecimal("14.20").compareTo(m.fee()));
  }

  @Test
  void aFridayBatchSettledOnMondayIsOneBusinessDayLate() {
    MatchingEngine.Match m =
        only(match(List.of(line(1, MON, "985.80", "")), List.of(batch(FRI, "1000.00"))));
    assertEquals(90, m.score());
  }

  @Test
  void aFeeOffTheContractButWithinTheToleranceMatchesWithScore75() {
    MatchingEngine.Match m =
        only(match(List.of(line(1, THU, "975.00", "")), List.of(batch(WED, "1000.00"))));
    assertEquals(75, m.score());
    assertEquals(0, new BigDecimal("25.00").compareTo(m.fee()));
  }

  @ParameterizedTest
  @CsvSource({
    "985.79, ROUNDING, -0.01",
    "985.85, ROUNDING, 0.05",
    "949.80, FEE, -36.00", // fee 50.20 > 3 % + 0.20 = 30.20
    "1010.00, AMOUNT, 24.20" // the bank paid more than the gross
  })
  void aCardBatchSettledOffItsNetIsClassified(
      String amount, DiscrepancyClass expected, String difference) {
    Outcome outcome = match(List.of(line(1, THU, amount, "")), List.of(batch(WED, "1000.00")));
    assertTrue(outcome.matches().isEmpty(), outcome.toString());
    assertEquals(List.of(expected), classes(outcome));
    MatchingEngine.Discrepancy d = outcome.discrepancies().get(0);
    assertEquals("CARD:GBP:2011-01-12", d.itemKey());
    assertEquals(0, new BigDecimal(difference).compareTo(d.difference()));
  }

  @Test
  void twoLinesAddingUpToABatchsNetMatchManyToOne() {
    MatchingEngine.Match m =
        only(
            match(
                List.of(line(1, THU, "500.00", ""), line(2, FRI, "485.80", "")),
                List.of(batch(WED, "1000.00"))));
    assertEquals(Rule.MANY_TO_ONE, m.rule());
    assertEquals(70, m.score());
    assertEquals(List.of(1L, 2L), m.lineIds());
    assertEquals(0, new BigDecimal("14.20").compareTo(m.fee()));
  }

  @Test
  void theSameLineTwiceIsMatchedOnceAndFlaggedDuplicateOnce() {
    Outcome outcome =
        match(
            List.of(
                line(1, THU, "985.80", "STL20110112GBP"), line(2, THU, "985.80", "STL20110112GBP")),
            List.of(batch(WED, "1000.00")));
    assertEquals(List.of(1L), only(outcome).lineIds());
    assertEquals(List.of(DiscrepancyClass.DUPLICATE), classes(outcome));
    assertEquals(2L, outcome.discrepancies().get(0).lineId());
  }

  @Test
  void aLineRepeatingOneMatchedEarlierInAnotherStatementIsADuplicate() {
    Outcome outcome =
        match(
            List.of(line(9, THU, "985.80", "STL20110112GBP")),
            List.of(line(1, THU, "985.80", "STL20110112GBP")),
            List.of());
    assertEquals(List.of(DiscrepancyClass.DUPLICATE), classes(outcome));
    assertTrue(outcome.discrepancies().get(0).explanation().contains("line 1"));
  }

  @Test
  void linesWithoutAReferenceAreNeverTakenForDuplicates() {
    Outcome outcome =
        match(
            List.of(line(1, THU, "40.00", ""), line(2, THU, "40.00", "")),
            List.of(payment("PAY-1", THU, "40.00"), payment("PAY-2", THU, "40.00")));
    assertEquals(2, outcome.matches().size());
    assertTrue(outcome.discrepancies().isEmpty());
  }

  @Test
  void aLeftOverLineIsMissingInBooksOrTimingWhenRecent() {
    Outcome old = match(List.of(line(1, THU, "250.00", "DEP")), List.of());
    assertEquals(List.of(DiscrepancyClass.MISSING_IN_BOOKS), classes(old));
    Outcome recent =
        MatchingEngine.match(
            List.of(line(1, TODAY.minusDays(1), "250.00", "DEP")),
            List.of(),
            List.of(),
            WED,
            TODAY,
            TODAY,
            RULES);
    assertEquals(List.of(DiscrepancyClass.TIMING), classes(recent));
  }

  @Test
  void aLeftOverItemIsMissingInBankOnceItsWindowPassedTheStatementsElseTiming() {
    LocalDate end = LocalDate.parse("2011-01-17");
    Outcome outcome =
        MatchingEngine.match(
            List.of(),
            List.of(),
            List.of(batch(WED, "100.00"), batch(FRI, "100.00"), batch(WED.minusDays(7), "1.00")),
            THU,
            end,
            TODAY,
            RULES);
    // Wednesday + 3 business days = Monday (the statements' end): missing; Friday's window runs on;
    // the batch a week before settled before the statements begin: not looked at
    Map<String, DiscrepancyClass> byItem = new TreeMap<>();
    outcome.discrepancies().forEach(d -> byItem.put(d.itemKey(), d.discrepancyClass()));
    assertEquals(
        Map.of(
            "CARD:GBP:2011-01-12", DiscrepancyClass.MISSING_IN_BANK,
            "CARD:GBP:2011-01-14", DiscrepancyClass.TIMING),
        byItem);
  }

  @Test
  void theOutcomeDoesNotDependOnTheInputOrder() {
    List<BankLine> lines =
        new ArrayList<>(
            List.of(
                line(1, THU, "985.80", "STL1"),
                line(2, FRI, "40.00", ""),
                line(3, FRI, "40.00", ""),
                line(4, MON, "120.00", "INV-9"),
                line(5, MON, "7.00", "X")));
    List<BookItem> items =
        new ArrayList<>(
            List.of(
                batch(WED, "1000.00"),
                payment("PAY-1", THU, "40.00"),
                payment("PAY-2", FRI, "40.00"),
                payment("PAY-3", FRI, "120.00", "INV-9")));
    Outcome first = match(lines, items);
    Random random = new Random(6);
    for (int i = 0; i < 20; i++) {
      Collections.shuffle(lines, random);
      Collections.shuffle(items, random);
      assertEquals(first, match(lines, items));
    }
  }

  @ParameterizedTest
  @CsvSource({"1000.00, 14.20", "0.01, 0.20", "35.71, 0.70", "-20.00, 0.00", "0.00, 0.00"})
  void theContractFeeIsRoundedHalfUpAndNoneOnARefundBatch(String gross, String fee) {
    assertEquals(new BigDecimal(fee), RULES.expectedFee(new BigDecimal(gross)));
  }

  @ParameterizedTest
  @CsvSource({
    "2011-01-14, 2011-01-17, 1",
    "2011-01-17, 2011-01-21, 4",
    "2011-01-17, 2011-01-14, -1",
    "2011-01-15, 2011-01-16, 0"
  })
  void businessDaysSkipWeekends(LocalDate from, LocalDate to, long days) {
    assertEquals(days, MatchingEngine.businessDaysBetween(from, to));
  }

  @Test
  void theGeneratedStatementReadsBackAndFlagsExactlyThePlantedErrors() {
    List<CardSettlementStatement.Batch> batches = new ArrayList<>();
    LocalDate[] days = {
      WED, THU, FRI, MON, MON.plusDays(1), MON.plusDays(2), MON.plusDays(3), MON.plusDays(4)
    };
    String[] gross = {
      "9047.81", "6543.99", "9653.86", "15282.80", "10029.89", "5145.35", "3748.93", "10032.65"
    };
    for (int i = 0; i < days.length; i++) {
      batches.add(new CardSettlementStatement.Batch(days[i], "GBP", new BigDecimal(gross[i])));
    }
    Map<CardSettlementStatement.Plant, LocalDate> planted =
        new EnumMap<>(CardSettlementStatement.Plant.class);
    List<CardSettlementStatement.Entry> entries =
        CardSettlementStatement.entries(batches, RULES, true, planted);
    String mt940 =
        CardSettlementStatement.mt940(
            "GB00TEST",
            "STL20110112P",
            "GBP",
            CardSettlementStatement.settlementDay(days[0]),
            CardSettlementStatement.settlementDay(days[days.length - 1]),
            entries);
    StatementData read = Mt940Reader.read("generated.sta", mt940.getBytes(StandardCharsets.UTF_8));
    List<StatementData.Line> readLines = read.statements().get(0).lines();
    // 8 batches, 1 missing, 1 twice, 1 unknown credit
    assertEquals(9, readLines.size());
    List<BankLine> lines = new ArrayList<>();
    for (int i = 0; i < readLines.size(); i++) {
      StatementData.Line l = readLines.get(i);
      lines.add(
          new BankLine(
              i + 1,
              l.bookingDate(),
              l.amount(),
              l.currency(),
              l.endToEndId(),
              l.bankReference(),
              l.remittanceInfo()));
    }
    List<BookItem> items = new ArrayList<>();
    batches.forEach(b -> items.add(batch(b.day(), b.gross().toPlainString())));
    Outcome outcome =
        MatchingEngine.match(
            lines,
            List.of(),
            items,
            read.statements().get(0).opening().date(),
            read.statements().get(0).closing().date(),
            TODAY,
            RULES);
    Map<DiscrepancyClass, String> flagged = new TreeMap<>();
    outcome
        .discrepancies()
        .forEach(
            d ->
                flagged.merge(
                    d.discrepancyClass(),
                    d.itemKey() == null ? "line" : d.itemKey(),
                    (a, b) -> a + "," + b));
    assertEquals(
        Map.of(
            DiscrepancyClass.MISSING_IN_BANK,
                "CARD:GBP:" + planted.get(CardSettlementStatement.Plant.MISSING),
            DiscrepancyClass.ROUNDING,
                "CARD:GBP:" + planted.get(CardSettlementStatement.Plant.ROUNDING),
            DiscrepancyClass.FEE, "CARD:GBP:" + planted.get(CardSettlementStatement.Plant.FEE),
            DiscrepancyClass.AMOUNT,
                "CARD:GBP:" + planted.get(CardSettlementStatement.Plant.AMOUNT),
            DiscrepancyClass.DUPLICATE, "line",
            DiscrepancyClass.MISSING_IN_BOOKS, "line"),
        flagged);
    // the other four batches (the duplicated one's first report among them) settled with their fee
    assertEquals(4, outcome.matches().size());
    for (MatchingEngine.Match m : outcome.matches()) {
      assertEquals(Rule.ONE_TO_MANY, m.rule());
      assertEquals(90, m.score());
      assertEquals(RULES.expectedFee(m.bookAmount()), m.fee());
    }
  }
}
