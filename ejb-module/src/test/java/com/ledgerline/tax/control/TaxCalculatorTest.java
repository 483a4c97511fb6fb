package com.ledgerline.tax.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.ledgerline.shared.Money;
import com.ledgerline.tax.entity.PriceBasis;
import com.ledgerline.tax.entity.RoundingPolicy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Worked cases of the tax arithmetic: per line and per document, exclusive and inclusive amounts,
 * half-up and half-even, currencies with 0, 2 and 3 decimals. Each expected figure is worked out in
 * the comment beside it from the inputs.
 */
class TaxCalculatorTest {
  private static final Currency GBP = Currency.getInstance("GBP");
  private static final Currency JPY = Currency.getInstance("JPY");
  private static final Currency BHD = Currency.getInstance("BHD");
  private static final Currency KWD = Currency.getInstance("KWD");
  private static final Currency USD = Currency.getInstance("USD");

  private static List<Money> money(Currency currency, String... amounts) {
    return Arrays.stream(amounts).map(a -> new Money(new BigDecimal(a), currency)).toList();
  }

  private static List<BigDecimal> rates(String... rates) {
    return Arrays.stream(rates).map(BigDecimal::new).toList();
  }

  private static List<String> plain(List<Money> taxes) {
    return taxes.stream().map(m -> m.amount().toPlainString()).toList();
  }

  private static List<String> exclusive(
      Currency currency,
      RoundingPolicy policy,
      RoundingMode mode,
      List<String> rates,
      String... nets) {
    return plain(
        TaxCalculator.lineTaxes(
            money(currency, nets), rates(rates.toArray(String[]::new)), policy, mode, currency));
  }

  private static List<String> inclusive(
      Currency currency,
      RoundingPolicy policy,
      RoundingMode mode,
      List<String> rates,
      String... grosses) {
    return plain(
        TaxCalculator.lineTaxesFromGross(
            money(currency, grosses), rates(rates.toArray(String[]::new)), policy, mode, currency));
  }

  @ParameterizedTest(name = "{0} GBP at {1} % per line, {2}: tax {3}")
  @CsvSource({
    // 10.00 × 20 % = 2.00 exactly
    "10.00, 20, HALF_UP, 2.00",
    // 0.33 × 20 % = 0.066 → 0.07
    "0.33, 20, HALF_UP, 0.07",
    // 1.25 × 17.5 % = 0.21875 → 0.22
    "1.25, 17.5, HALF_UP, 0.22",
    // 0.25 × 10 % = 0.025: a tie; half-up away from zero, half-even to the even 2
    "0.25, 10, HALF_UP, 0.03",
    "0.25, 10, HALF_EVEN, 0.02",
    // 0.35 × 10 % = 0.035: half-even goes to the even 4
    "0.35, 10, HALF_EVEN, 0.04",
    // DOWN and UP: 0.33 × 20 % = 0.066
    "0.33, 20, DOWN, 0.06",
    "0.33, 20, UP, 0.07",
    // a credit note line: -0.33 × 20 % = -0.066 → -0.07 (half-up rounds away from zero)
    "-0.33, 20, HALF_UP, -0.07",
    // zero rate, zero amount
    "99.99, 0, HALF_UP, 0.00",
    "0.00, 20, HALF_UP, 0.00"
  })
  void exclusivePerLine(String net, String rate, RoundingMode mode, String tax) {
    assertEquals(List.of(tax), exclusive(GBP, RoundingPolicy.PER_LINE, mode, List.of(rate), net));
  }

  @Test
  void perDocumentRoundsOnceAndAllotsTheRemainderToTheLargestRemainders() {
    // each line 0.066 exact; the document 0.198 → 0.20. Truncated 0.06 × 3 = 0.18; the 2 minor
    // units left go to the first two lines (equal remainders: earlier first)
    assertEquals(
        List.of("0.07", "0.07", "0.06"),
        exclusive(
            GBP,
            RoundingPolicy.PER_DOCUMENT,
            RoundingMode.HALF_UP,
            List.of("20", "20", "20"),
            "0.33",
            "0.33",
            "0.33"));
    // per line the same document carries 0.21: a penny more
    assertEquals(
        List.of("0.07", "0.07", "0.07"),
        exclusive(
            GBP,
            RoundingPolicy.PER_LINE,
            RoundingMode.HALF_UP,
            List.of("20", "20", "20"),
            "0.33",
            "0.33",
            "0.33"));
  }

  @Test
  void perDocumentRoundsEachRateOnItsOwn() {
    // 20 %: 10.05 → 2.01, 1.11 → 0.222; together 2.232 → 2.23 = truncated 2.01 + 0.22, nothing left
    // 5 %: 3.33 → 0.1665 → 0.17; truncated 0.16, one unit left for it
    assertEquals(
        List.of("2.01", "0.17", "0.22"),
        exclusive(
            GBP,
            RoundingPolicy.PER_DOCUMENT,
            RoundingMode.HALF_UP,
            List.of("20", "5", "20"),
            "10.05",
            "3.33",
            "1.11"));
  }

  @Test
  void perDocumentGivesTheUnitToTheLineWithTheLargerRemainder() {
    // US sales tax 8.875 %: 19.99 → 1.7741125, 5.49 → 0.4872375; document 2.26135 → 2.26.
    // Truncated 1.77 + 0.48 = 2.25; remainders 0.0041125 and 0.0072375: the unit goes to line 2
    assertEquals(
        List.of("1.77", "0.49"),
        plain(
            TaxCalculator.lineTaxes(
                money(USD, "19.99", "5.49"),
                rates("8.875", "8.875"),
                RoundingPolicy.PER_DOCUMENT,
                RoundingMode.HALF_UP,
                USD)));
  }

  @Test
  void perDocumentCreditNoteMirrorsTheInvoice() {
    // -0.198 → -0.20; truncated toward zero -0.06 × 3, the two units left go downward
    assertEquals(
        List.of("-0.07", "-0.07", "-0.06"),
        exclusive(
            GBP,
            RoundingPolicy.PER_DOCUMENT,
            RoundingMode.HALF_UP,
            List.of("20", "20", "20"),
            "-0.33",
            "-0.33",
            "-0.33"));
  }

  @Test
  void perDocumentHalfEvenRoundsTheDocumentTieToEven() {
    // 0.25 × 10 % = 0.025 and 0.00 × 10 %: document 0.025 → half-even 0.02, half-up 0.03
    assertEquals(
        List.of("0.02", "0.00"),
        exclusive(
            GBP,
            RoundingPolicy.PER_DOCUMENT,
            RoundingMode.HALF_EVEN,
            List.of("10", "10"),
            "0.25",
            "0.00"));
    assertEquals(
        List.of("0.03", "0.00"),
        exclusive(
            GBP,
            RoundingPolicy.PER_DOCUMENT,
            RoundingMode.HALF_UP,
            List.of("10", "10"),
            "0.25",
            "0.00"));
  }

  @ParameterizedTest(name = "{0} GBP gross at {1} % per line, {2}: tax {3}")
  @CsvSource({
    // 1.20 × 20/120 = 0.20 exactly
    "1.20, 20, HALF_UP, 0.20",
    // 1.00 × 20/120 = 0.1666… → 0.17
    "1.00, 20, HALF_UP, 0.17",
    // 0.99 × 20/120 = 0.165 exactly: a tie; half-up 0.17, half-even 0.16
    "0.99, 20, HALF_UP, 0.17",
    "0.99, 20, HALF_EVEN, 0.16",
    // 11.75 × 17.5/117.5 = 1.75 exactly
    "11.75, 17.5, HALF_UP, 1.75",
    // 1.05 × 20/120 = 0.175: half-up 0.18, half-even 0.18 (8 is even)
    "1.05, 20, HALF_EVEN, 0.18",
    // a refund of a gross 1.00: -0.1666… → -0.17
    "-1.00, 20, HALF_UP, -0.17"
  })
  void inclusivePerLine(String gross, String rate, RoundingMode mode, String tax) {
    assertEquals(List.of(tax), inclusive(GBP, RoundingPolicy.PER_LINE, mode, List.of(rate), gross));
  }

  @Test
  void inclusivePerDocumentExtractsTheDocumentTaxOnce() {
    // three gross 1.00 at 20 %: the document's 3.00 holds 3.00/6 = 0.50 tax; each line 0.1666…
    // truncated to 0.16 (0.48), the two units left go to the first two lines
    List<TaxCalculator.LineSplit> lines =
        TaxCalculator.split(
            money(GBP, "1.00", "1.00", "1.00"),
            rates("20", "20", "20"),
            PriceBasis.TAX_INCLUSIVE,
            RoundingPolicy.PER_DOCUMENT,
            RoundingMode.HALF_UP,
            GBP);
    assertEquals(List.of("0.17", "0.17", "0.16"), plain(lines.stream().map(l -> l.tax()).toList()));
    assertEquals(List.of("0.83", "0.83", "0.84"), plain(lines.stream().map(l -> l.net()).toList()));
    assertEquals(
        List.of("1.00", "1.00", "1.00"), plain(lines.stream().map(l -> l.gross()).toList()));
    // per line each carries 0.17: 0.51 in all, a penny more than the document's own tax
    assertEquals(
        List.of("0.17", "0.17", "0.17"),
        inclusive(
            GBP,
            RoundingPolicy.PER_LINE,
            RoundingMode.HALF_UP,
            List.of("20", "20", "20"),
            "1.00",
            "1.00",
            "1.00"));
  }

  @Test
  void splitOfExclusiveAmountsAddsTaxOnTop() {
    List<TaxCalculator.LineSplit> lines =
        TaxCalculator.split(
            money(GBP, "0.33", "10.00"),
            rates("20", "5"),
            PriceBasis.TAX_EXCLUSIVE,
            RoundingPolicy.PER_LINE,
            RoundingMode.HALF_UP,
            GBP);
    // 0.33 + 0.07 = 0.40; 10.00 + 0.50 = 10.50
    assertEquals(List.of("0.40", "10.50"), plain(lines.stream().map(l -> l.gross()).toList()));
    assertEquals(List.of("0.33", "10.00"), plain(lines.stream().map(l -> l.net()).toList()));
  }

  @ParameterizedTest(name = "JPY {0} at {1} % {2} {3}, {4}: tax {5}")
  @CsvSource({
    // ¥105 × 20 % = ¥21
    "105, 20, TAX_EXCLUSIVE, PER_LINE, HALF_UP, 21",
    // ¥333 × 10 % = ¥33.3 → ¥33
    "333, 10, TAX_EXCLUSIVE, PER_LINE, HALF_UP, 33",
    // ¥5 × 10 % = ¥0.5: half-up ¥1, half-even ¥0
    "5, 10, TAX_EXCLUSIVE, PER_LINE, HALF_UP, 1",
    "5, 10, TAX_EXCLUSIVE, PER_LINE, HALF_EVEN, 0",
    // ¥1,100 gross at 10 % holds ¥100
    "1100, 10, TAX_INCLUSIVE, PER_LINE, HALF_UP, 100",
    // ¥999 gross at 8 % holds 999 × 8/108 = ¥74 exactly
    "999, 8, TAX_INCLUSIVE, PER_DOCUMENT, HALF_UP, 74",
    // ¥1,000 gross at 8 %: 74.07… → ¥74
    "1000, 8, TAX_INCLUSIVE, PER_LINE, HALF_UP, 74"
  })
  void yenHasNoMinorUnit(
      String amount,
      String rate,
      PriceBasis basis,
      RoundingPolicy policy,
      RoundingMode mode,
      String tax) {
    List<TaxCalculator.LineSplit> lines =
        TaxCalculator.split(money(JPY, amount), rates(rate), basis, policy, mode, JPY);
    assertEquals(tax, lines.get(0).tax().amount().toPlainString());
    assertEquals(0, lines.get(0).tax().amount().scale());
  }

  @ParameterizedTest(name = "{0} {1} at {2} % {3}, {4}: tax {5}")
  @CsvSource({
    // BHD 1.235 × 10 % = 0.1235: half-up 0.124; half-even 0.124 (3 is odd, goes up to 4)
    "BHD, 1.235, 10, TAX_EXCLUSIVE, HALF_UP, 0.124",
    "BHD, 1.235, 10, TAX_EXCLUSIVE, HALF_EVEN, 0.124",
    // BHD 1.225 × 10 % = 0.1225: half-up 0.123; half-even 0.122
    "BHD, 1.225, 10, TAX_EXCLUSIVE, HALF_UP, 0.123",
    "BHD, 1.225, 10, TAX_EXCLUSIVE, HALF_EVEN, 0.122",
    // KWD 1.100 gross at 10 % holds 0.100
    "KWD, 1.100, 10, TAX_INCLUSIVE, HALF_UP, 0.100",
    // KWD 0.999 gross at 5 %: 0.999 × 5/105 = 0.047571… → 0.048
    "KWD, 0.999, 5, TAX_INCLUSIVE, HALF_UP, 0.048"
  })
  void threeDecimalCurrencies(
      String currency,
      String amount,
      String rate,
      PriceBasis basis,
      RoundingMode mode,
      String tax) {
    Currency c = Currency.getInstance(currency);
    List<TaxCalculator.LineSplit> lines =
        TaxCalculator.split(money(c, amount), rates(rate), basis, RoundingPolicy.PER_LINE, mode, c);
    assertEquals(tax, lines.get(0).tax().amount().toPlainString());
  }

  @Test
  void threeDecimalPerDocumentAllotsInFils() {
    // BHD 0.333 × 3 at 10 %: each 0.0333, document 0.0999 → 0.100; truncated 0.033 × 3 = 0.099,
    // one fils left for the first line
    assertEquals(
        List.of("0.034", "0.033", "0.033"),
        plain(
            TaxCalculator.lineTaxes(
                money(BHD, "0.333", "0.333", "0.333"),
                rates("10", "10", "10"),
                RoundingPolicy.PER_DOCUMENT,
                RoundingMode.HALF_UP,
                BHD)));
    // KWD gross 1.000 × 3 at 5 %: document 3.000 × 5/105 = 0.142857… → 0.143; each line
    // 0.047619… truncated to 0.047 (0.141); two fils left for the first two lines
    assertEquals(
        List.of("0.048", "0.048", "0.047"),
        plain(
            TaxCalculator.lineTaxesFromGross(
                money(KWD, "1.000", "1.000", "1.000"),
                rates("5", "5", "5"),
                RoundingPolicy.PER_DOCUMENT,
                RoundingMode.HALF_UP,
                KWD)));
  }

  @Test
  void ratesWrittenWithDifferentScalesAreOneGroup() {
    // 20 and 20.0000 are the same rate: one document rounding, 0.198 → 0.20
    assertEquals(
        List.of("0.07", "0.07", "0.06"),
        exclusive(
            GBP,
            RoundingPolicy.PER_DOCUMENT,
            RoundingMode.HALF_UP,
            List.of("20", "20.0000", "20.0"),
            "0.33",
            "0.33",
            "0.33"));
  }

  @Test
  void anEmptyDocumentHasNoTax() {
    assertEquals(
        List.of(),
        TaxCalculator.lineTaxes(
            List.of(), List.of(), RoundingPolicy.PER_DOCUMENT, RoundingMode.HALF_UP, GBP));
  }

  @Test
  void refusesMismatchedInput() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            TaxCalculator.lineTaxes(
                money(GBP, "1.00"),
                rates("20", "5"),
                RoundingPolicy.PER_LINE,
                RoundingMode.HALF_UP,
                GBP));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            TaxCalculator.lineTaxes(
                money(JPY, "100"),
                rates("20"),
                RoundingPolicy.PER_LINE,
                RoundingMode.HALF_UP,
                GBP));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            TaxCalculator.lineTaxes(
                money(GBP, "1.00"),
                rates("-1"),
                RoundingPolicy.PER_LINE,
                RoundingMode.HALF_UP,
                GBP));
  }
}
