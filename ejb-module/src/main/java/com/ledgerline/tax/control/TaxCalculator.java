package com.ledgerline.tax.control;

import com.ledgerline.shared.Money;
import com.ledgerline.tax.entity.PriceBasis;
import com.ledgerline.tax.entity.RoundingPolicy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * Output tax on line amounts under one jurisdiction's declared rounding policy, for tax-exclusive
 * amounts (tax added on top of the net) and tax-inclusive amounts (tax extracted from the gross).
 * The same calculation serves posting, amendment, credit notes and the invariant check, so a figure
 * is computed one way everywhere.
 *
 * <p>Each line's exact tax is a fraction: {@code net × rate / 100} for exclusive amounts, {@code
 * gross × rate / (100 + rate)} for inclusive ones (the tax fraction of a gross price: 20 % VAT is
 * 1/6 of the gross). Every rounding below rounds that fraction exactly (never a truncated decimal
 * expansion), with the jurisdiction's rounding mode, to the currency's minor units.
 *
 * <ul>
 *   <li>{@link RoundingPolicy#PER_LINE}: each line's tax is its exact tax rounded; the document tax
 *       is the sum of the lines (HMRC VAT Notice 700, 17.5).
 *   <li>{@link RoundingPolicy#PER_DOCUMENT}: per rate, the exact taxes of the lines are summed and
 *       rounded once; the rounded total is then allotted back to the lines by the largest remainder
 *       method so the lines still add up to the document tax exactly.
 * </ul>
 *
 * <p>Inclusive amounts: a line's net is its gross minus its tax, so net + tax = gross exactly on
 * every line and the document's gross is what the customer was quoted.
 */
public final class TaxCalculator {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private TaxCalculator() {}

  /**
   * One line's figures after tax.
   *
   * @param net tax-exclusive amount at the currency's scale
   * @param tax at the currency's scale
   * @param gross {@code net + tax}
   */
  public record LineSplit(Money net, Money tax, Money gross) {}

  /**
   * Tax on tax-exclusive line amounts.
   *
   * @param netAmounts tax-exclusive line amounts, each at the currency's scale
   * @param ratesPercent the rate applied to each line, in percent (17.5 = 17.5 %), same order
   * @return the tax of each line at the currency's scale, same order; their sum is the document tax
   */
  public static List<Money> lineTaxes(
      List<Money> netAmounts,
      List<BigDecimal> ratesPercent,
      RoundingPolicy policy,
      RoundingMode rounding,
      Currency currency) {
    return taxes(netAmounts, ratesPercent, PriceBasis.TAX_EXCLUSIVE, policy, rounding, currency);
  }

  /**
   * Tax contained in tax-inclusive line amounts.
   *
   * @param grossAmounts tax-inclusive line amounts, each at the currency's scale
   * @param ratesPercent the rate applied to each line, in percent, same order
   * @return the tax inside each line at the currency's scale, same order; their sum is the document
   *     tax, and each line's net is its gross minus its tax
   */
  public static List<Money> lineTaxesFromGross(
      List<Money> grossAmounts,
      List<BigDecimal> ratesPercent,
      RoundingPolicy policy,
      RoundingMode rounding,
      Currency currency) {
    return taxes(grossAmounts, ratesPercent, PriceBasis.TAX_INCLUSIVE, policy, rounding, currency);
  }

  /**
   * Splits line amounts into net, tax and gross under the jurisdiction's declared price basis and
   * rounding: the one entry point a posting needs.
   *
   * @param amounts line amounts (quantity × unit price, rounded to the currency's scale): net when
   *     {@code basis} is {@link PriceBasis#TAX_EXCLUSIVE}, gross when {@link
   *     PriceBasis#TAX_INCLUSIVE}
   * @param ratesPercent the rate applied to each line, in percent, same order
   * @return one split per line, same order; exclusive: net = the amount; inclusive: gross = the
   *     amount; always net + tax = gross
   */
  public static List<LineSplit> split(
      List<Money> amounts,
      List<BigDecimal> ratesPercent,
      PriceBasis basis,
      RoundingPolicy policy,
      RoundingMode rounding,
      Currency currency) {
    List<Money> taxes = taxes(amounts, ratesPercent, basis, policy, rounding, currency);
    List<LineSplit> lines = new ArrayList<>(amounts.size());
    for (int i = 0; i < amounts.size(); i++) {
      Money amount = amounts.get(i);
      Money tax = taxes.get(i);
      lines.add(
          basis == PriceBasis.TAX_EXCLUSIVE
              ? new LineSplit(amount, tax, amount.plus(tax))
              : new LineSplit(amount.minus(tax), tax, amount));
    }
    return lines;
  }

  private static List<Money> taxes(
      List<Money> amounts,
      List<BigDecimal> ratesPercent,
      PriceBasis basis,
      RoundingPolicy policy,
      RoundingMode rounding,
      Currency currency) {
    if (amounts.size() != ratesPercent.size()) {
      throw new IllegalArgumentException("one rate per line is needed");
    }
    int scale = Money.scaleOf(currency);
    // exact tax of line i = numerators[i] / denominators[i]
    List<BigDecimal> numerators = new ArrayList<>(amounts.size());
    List<BigDecimal> denominators = new ArrayList<>(amounts.size());
    for (int i = 0; i < amounts.size(); i++) {
      Money amount = amounts.get(i);
      if (!amount.currency().equals(currency)) {
        throw new IllegalArgumentException("line " + (i + 1) + " is in " + amount.currency());
      }
      BigDecimal rate = ratesPercent.get(i);
      if (rate.signum() < 0) {
        throw new IllegalArgumentException("line " + (i + 1) + " has a negative rate " + rate);
      }
      numerators.add(amount.amount().multiply(rate));
      denominators.add(basis == PriceBasis.TAX_EXCLUSIVE ? HUNDRED : HUNDRED.add(rate));
    }
    List<Money> taxes = new ArrayList<>(amounts.size());
    if (policy == RoundingPolicy.PER_LINE) {
      for (int i = 0; i < amounts.size(); i++) {
        taxes.add(
            new Money(numerators.get(i).divide(denominators.get(i), scale, rounding), currency));
      }
      return taxes;
    }
    BigDecimal[] allotted = new BigDecimal[amounts.size()];
    for (int first = 0; first < amounts.size(); first++) {
      if (allotted[first] != null) {
        continue;
      }
      BigDecimal rate = ratesPercent.get(first);
      List<Integer> group = new ArrayList<>();
      BigDecimal groupNumerator = BigDecimal.ZERO;
      for (int i = first; i < amounts.size(); i++) {
        if (ratesPercent.get(i).compareTo(rate) == 0) {
          group.add(i);
          groupNumerator = groupNumerator.add(numerators.get(i));
        }
      }
      BigDecimal denominator = denominators.get(first);
      BigDecimal groupTax = groupNumerator.divide(denominator, scale, rounding);
      allotLargestRemainder(numerators, denominator, group, groupTax, scale, allotted);
    }
    for (BigDecimal tax : allotted) {
      taxes.add(new Money(tax, currency));
    }
    return taxes;
  }

  /**
   * Splits {@code total} over the lines of {@code group} (one rate, so one denominator): each line
   * first gets its exact share truncated toward zero, then the remaining minor units go one each to
   * the lines with the largest truncated-away remainders (ties to the earlier line).
   */
  private static void allotLargestRemainder(
      List<BigDecimal> numerators,
      BigDecimal denominator,
      List<Integer> group,
      BigDecimal total,
      int scale,
      BigDecimal[] out) {
    BigDecimal sum = BigDecimal.ZERO.setScale(scale);
    BigDecimal[] remainders = new BigDecimal[numerators.size()];
    for (int i : group) {
      out[i] = numerators.get(i).divide(denominator, scale, RoundingMode.DOWN);
      sum = sum.add(out[i]);
      // exact remainder × denominator; comparable within the group (same denominator)
      remainders[i] = numerators.get(i).subtract(out[i].multiply(denominator)).abs();
    }
    BigDecimal unit = BigDecimal.ONE.movePointLeft(scale);
    BigDecimal left = total.subtract(sum);
    int steps = left.abs().divide(unit).intValueExact();
    BigDecimal step = left.signum() >= 0 ? unit : unit.negate();
    List<Integer> byRemainder = new ArrayList<>(group);
    byRemainder.sort(
        (a, b) -> {
          int byValue = remainders[b].compareTo(remainders[a]);
          return byValue != 0 ? byValue : Integer.compare(a, b);
        });
    for (int k = 0; k < steps; k++) {
      int i = byRemainder.get(k % byRemainder.size());
      out[i] = out[i].add(step);
    }
  }
}
