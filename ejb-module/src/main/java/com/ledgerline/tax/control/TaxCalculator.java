package com.ledgerline.tax.control;

import com.ledgerline.shared.Money;
import com.ledgerline.tax.entity.RoundingPolicy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * Output tax on tax-exclusive line amounts under one jurisdiction's declared rounding policy. The
 * same calculation serves posting, amendment, credit notes and the invariant check, so a figure is
 * computed one way everywhere.
 *
 * <ul>
 *   <li>{@link RoundingPolicy#PER_LINE}: each line's tax is {@code net × rate / 100} rounded to the
 *       currency scale; the document tax is the sum of the lines (HMRC VAT Notice 700, 17.5).
 *   <li>{@link RoundingPolicy#PER_DOCUMENT}: per rate, the unrounded taxes of the lines are summed
 *       and rounded once; the rounded total is then allotted back to the lines by the largest
 *       remainder method so the lines still add up to the document tax exactly.
 * </ul>
 */
public final class TaxCalculator {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private TaxCalculator() {}

  /**
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
    if (netAmounts.size() != ratesPercent.size()) {
      throw new IllegalArgumentException("one rate per line is needed");
    }
    int scale = Money.scaleOf(currency);
    List<BigDecimal> exact = new ArrayList<>(netAmounts.size());
    for (int i = 0; i < netAmounts.size(); i++) {
      exact.add(netAmounts.get(i).amount().multiply(ratesPercent.get(i)).divide(HUNDRED));
    }
    List<Money> taxes = new ArrayList<>(netAmounts.size());
    if (policy == RoundingPolicy.PER_LINE) {
      for (BigDecimal tax : exact) {
        taxes.add(Money.of(tax, currency, rounding));
      }
      return taxes;
    }
    BigDecimal[] allotted = new BigDecimal[exact.size()];
    for (BigDecimal rate : ratesPercent.stream().distinct().toList()) {
      List<Integer> group = new ArrayList<>();
      BigDecimal groupExact = BigDecimal.ZERO;
      for (int i = 0; i < exact.size(); i++) {
        if (ratesPercent.get(i).compareTo(rate) == 0 && allotted[i] == null) {
          group.add(i);
          groupExact = groupExact.add(exact.get(i));
        }
      }
      allotLargestRemainder(exact, group, groupExact.setScale(scale, rounding), scale, allotted);
    }
    for (BigDecimal tax : allotted) {
      taxes.add(new Money(tax, currency));
    }
    return taxes;
  }

  /**
   * Splits {@code total} over the lines of {@code group}: each line first gets its exact share
   * truncated toward zero, then the remaining minor units go one each to the lines with the largest
   * truncated-away remainders (ties to the earlier line).
   */
  private static void allotLargestRemainder(
      List<BigDecimal> exact, List<Integer> group, BigDecimal total, int scale, BigDecimal[] out) {
    BigDecimal sum = BigDecimal.ZERO.setScale(scale);
    List<Integer> byRemainder = new ArrayList<>(group);
    for (int i : group) {
      out[i] = exact.get(i).setScale(scale, RoundingMode.DOWN);
      sum = sum.add(out[i]);
    }
    BigDecimal unit = BigDecimal.ONE.movePointLeft(scale);
    BigDecimal left = total.subtract(sum);
    int steps = left.abs().divide(unit).intValueExact();
    BigDecimal step = left.signum() >= 0 ? unit : unit.negate();
    byRemainder.sort(
        (a, b) -> {
          BigDecimal ra = exact.get(a).subtract(out[a]).abs();
          BigDecimal rb = exact.get(b).subtract(out[b]).abs();
          int byValue = rb.compareTo(ra);
          return byValue != 0 ? byValue : Integer.compare(a, b);
        });
    for (int k = 0; k < steps; k++) {
      int i = byRemainder.get(k % byRemainder.size());
      out[i] = out[i].add(step);
    }
  }
}
