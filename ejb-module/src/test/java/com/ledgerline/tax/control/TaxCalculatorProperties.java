package com.ledgerline.tax.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ledgerline.shared.Money;
import com.ledgerline.tax.entity.PriceBasis;
import com.ledgerline.tax.entity.RoundingPolicy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of the tax arithmetic over random documents: random currencies (0, 2 and 3 decimals),
 * rates (including 0 and fractional US rates), rounding modes and line amounts. The expected
 * figures are computed here a second, independent way.
 */
class TaxCalculatorProperties {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /** A random document: its currency, rounding mode and lines (amount, rate). */
  record Document(
      Currency currency, RoundingMode mode, List<Money> amounts, List<BigDecimal> rates) {
    int scale() {
      return Money.scaleOf(currency);
    }
  }

  @Provide
  Arbitrary<Document> documents() {
    Arbitrary<Currency> currencies =
        Arbitraries.of("GBP", "EUR", "USD", "JPY", "BHD", "KWD").map(Currency::getInstance);
    Arbitrary<RoundingMode> modes =
        Arbitraries.of(
            RoundingMode.HALF_UP, RoundingMode.HALF_EVEN, RoundingMode.DOWN, RoundingMode.UP);
    Arbitrary<BigDecimal> rates =
        Arbitraries.of("0", "5", "7", "8.875", "10", "17.5", "19", "20", "21", "25.5", "27")
            .map(BigDecimal::new);
    return Combinators.combine(currencies, modes, Arbitraries.integers().between(1, 12))
        .flatAs(
            (currency, mode, size) -> {
              Arbitrary<Long> minorUnits = Arbitraries.longs().between(0, 100_000_000L);
              return Combinators.combine(minorUnits.list().ofSize(size), rates.list().ofSize(size))
                  .as(
                      (units, lineRates) -> {
                        List<Money> amounts = new ArrayList<>();
                        for (long u : units) {
                          amounts.add(
                              new Money(BigDecimal.valueOf(u, Money.scaleOf(currency)), currency));
                        }
                        return new Document(currency, mode, amounts, lineRates);
                      });
            });
  }

  private static BigDecimal sum(List<Money> values) {
    return values.stream().map(Money::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** Per rate, the document's tax rounded once, summed: computed without the calculator. */
  private static BigDecimal documentTax(Document d, PriceBasis basis) {
    Map<BigDecimal, BigDecimal> byRate = new LinkedHashMap<>();
    for (int i = 0; i < d.amounts().size(); i++) {
      byRate.merge(
          d.rates().get(i).stripTrailingZeros(), d.amounts().get(i).amount(), BigDecimal::add);
    }
    BigDecimal total = BigDecimal.ZERO;
    for (var e : byRate.entrySet()) {
      BigDecimal rate = e.getKey();
      BigDecimal denominator = basis == PriceBasis.TAX_EXCLUSIVE ? HUNDRED : HUNDRED.add(rate);
      total = total.add(e.getValue().multiply(rate).divide(denominator, d.scale(), d.mode()));
    }
    return total;
  }

  @Property(tries = 500)
  void perDocumentLineTaxesAddUpToTheDocumentTax(
      @ForAll("documents") Document d, @ForAll PriceBasis basis) {
    List<TaxCalculator.LineSplit> lines =
        TaxCalculator.split(
            d.amounts(), d.rates(), basis, RoundingPolicy.PER_DOCUMENT, d.mode(), d.currency());
    BigDecimal lineTaxes = sum(lines.stream().map(TaxCalculator.LineSplit::tax).toList());
    assertEquals(0, lineTaxes.compareTo(documentTax(d, basis)), d.toString());
  }

  @Property(tries = 500)
  void perDocumentLineTaxIsWithinOneMinorUnitOfItsExactTax(
      @ForAll("documents") Document d, @ForAll PriceBasis basis) {
    List<Money> taxes =
        basis == PriceBasis.TAX_EXCLUSIVE
            ? TaxCalculator.lineTaxes(
                d.amounts(), d.rates(), RoundingPolicy.PER_DOCUMENT, d.mode(), d.currency())
            : TaxCalculator.lineTaxesFromGross(
                d.amounts(), d.rates(), RoundingPolicy.PER_DOCUMENT, d.mode(), d.currency());
    BigDecimal unit = BigDecimal.ONE.movePointLeft(d.scale());
    for (int i = 0; i < taxes.size(); i++) {
      BigDecimal rate = d.rates().get(i);
      BigDecimal denominator = basis == PriceBasis.TAX_EXCLUSIVE ? HUNDRED : HUNDRED.add(rate);
      BigDecimal exact =
          d.amounts().get(i).amount().multiply(rate).divide(denominator, 20, RoundingMode.DOWN);
      assertTrue(
          taxes.get(i).amount().subtract(exact).abs().compareTo(unit) < 0,
          "line " + i + " tax " + taxes.get(i) + " vs exact " + exact + " in " + d);
    }
  }

  @Property(tries = 500)
  void inclusiveNetPlusTaxIsTheGrossExactly(
      @ForAll("documents") Document d, @ForAll RoundingPolicy policy) {
    List<TaxCalculator.LineSplit> lines =
        TaxCalculator.split(
            d.amounts(), d.rates(), PriceBasis.TAX_INCLUSIVE, policy, d.mode(), d.currency());
    for (int i = 0; i < lines.size(); i++) {
      TaxCalculator.LineSplit line = lines.get(i);
      assertEquals(d.amounts().get(i), line.gross());
      assertEquals(line.gross(), line.net().plus(line.tax()));
      assertEquals(d.scale(), line.net().amount().scale());
    }
  }

  @Property(tries = 500)
  void exclusivePerLineTaxIsTheRoundedNetTimesRate(@ForAll("documents") Document d) {
    List<Money> taxes =
        TaxCalculator.lineTaxes(
            d.amounts(), d.rates(), RoundingPolicy.PER_LINE, d.mode(), d.currency());
    for (int i = 0; i < taxes.size(); i++) {
      BigDecimal expected =
          d.amounts()
              .get(i)
              .amount()
              .multiply(d.rates().get(i))
              .divide(HUNDRED)
              .setScale(d.scale(), d.mode());
      assertEquals(expected, taxes.get(i).amount(), d.toString());
    }
  }

  @Property(tries = 500)
  void inclusivePerLineTaxIsTheRoundedTaxFractionOfTheGross(@ForAll("documents") Document d) {
    List<Money> taxes =
        TaxCalculator.lineTaxesFromGross(
            d.amounts(), d.rates(), RoundingPolicy.PER_LINE, d.mode(), d.currency());
    for (int i = 0; i < taxes.size(); i++) {
      BigDecimal rate = d.rates().get(i);
      BigDecimal expected =
          d.amounts().get(i).amount().multiply(rate).divide(HUNDRED.add(rate), d.scale(), d.mode());
      assertEquals(expected, taxes.get(i).amount(), d.toString());
    }
  }

  @Property(tries = 300)
  void negatingEveryLineNegatesEveryTaxUnderSymmetricRounding(
      @ForAll("documents") Document d, @ForAll RoundingPolicy policy) {
    // HALF_UP, HALF_EVEN, DOWN and UP are all symmetric around zero: a credit note of the whole
    // document carries exactly the invoice's taxes, negated
    List<Money> negated = d.amounts().stream().map(Money::negate).toList();
    List<Money> taxes =
        TaxCalculator.lineTaxes(d.amounts(), d.rates(), policy, d.mode(), d.currency());
    List<Money> credits =
        TaxCalculator.lineTaxes(negated, d.rates(), policy, d.mode(), d.currency());
    assertEquals(taxes.stream().map(Money::negate).toList(), credits, d.toString());
  }
}
