package com.ledgerline.sales.control;

import com.ledgerline.shared.Money;
import com.ledgerline.shared.Quantities;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * The cost side of an amendment, per variant (DESIGN.md 5, "amendment"). A revision holds a variant
 * as a quantity, the cost that left Inventory for it and the unit cost snapshot of its lines.
 *
 * <ul>
 *   <li>An increase goes out of stock at the moving-average cost of the day (like a sale); the
 *       variant's unit cost becomes its new cost over its new quantity.
 *   <li>A decrease comes back into stock at the original unit cost snapshot: {@code decrease × unit
 *       cost} rounded half-up to the currency, never more than the cost held; a decrease to zero
 *       takes back exactly the cost held, so no residue stays on the sale. The snapshot stays.
 *   <li>The variant's cost is spread over its lines in proportion to their quantities (largest
 *       remainder), so the lines add up to it exactly.
 * </ul>
 */
public final class AmendmentArithmetic {

  private AmendmentArithmetic() {}

  /**
   * A variant on one revision of a sale.
   *
   * @param quantity units over its lines, ≥ 0, 4 decimals
   * @param cost cost moved out of Inventory for them, currency scale, ≥ 0
   * @param unitCost the unit cost snapshot of its lines, 6 decimals
   */
  public record Holding(BigDecimal quantity, BigDecimal cost, BigDecimal unitCost) {}

  /**
   * The cost that comes back into Inventory when the sale's quantity of a variant decreases.
   *
   * @param decrease units returned, positive, at most {@code before.quantity()}
   * @return currency scale, between 0 and {@code before.cost()}
   */
  public static BigDecimal returnValue(Holding before, BigDecimal decrease, Currency currency) {
    if (decrease.signum() <= 0 || decrease.compareTo(before.quantity()) > 0) {
      throw new IllegalArgumentException(
          "a decrease of " + decrease + " from " + before.quantity() + " is not possible");
    }
    if (decrease.compareTo(before.quantity()) == 0) {
      return before.cost();
    }
    BigDecimal value =
        Money.of(decrease.multiply(before.unitCost()), currency, RoundingMode.HALF_UP).amount();
    return value.min(before.cost());
  }

  /** The unit cost of a variant after an increase: its cost over its quantity, 6 decimals. */
  public static BigDecimal unitCost(BigDecimal cost, BigDecimal quantity) {
    return cost.divide(quantity, Quantities.UNIT_AMOUNT_SCALE, RoundingMode.HALF_UP);
  }

  /**
   * Spreads a variant's cost over its lines in proportion to their quantities: each line first gets
   * its share truncated to the currency's minor unit, then the minor units left go one each to the
   * lines with the largest truncated remainders (ties to the earlier line).
   *
   * @param total ≥ 0, currency scale
   * @param quantities the lines' quantities, positive
   * @return one amount per line, same order, summing to {@code total}
   */
  public static List<BigDecimal> allocate(
      BigDecimal total, List<BigDecimal> quantities, Currency currency) {
    if (total.signum() < 0) {
      throw new IllegalArgumentException("a cost of " + total + " cannot be spread");
    }
    int scale = Money.scaleOf(currency);
    BigDecimal sumQuantity = quantities.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    List<BigDecimal> exact = new ArrayList<>();
    List<BigDecimal> out = new ArrayList<>();
    BigDecimal allotted = BigDecimal.ZERO;
    for (BigDecimal quantity : quantities) {
      BigDecimal share = total.multiply(quantity).divide(sumQuantity, MathContext.DECIMAL128);
      BigDecimal down = share.setScale(scale, RoundingMode.DOWN);
      exact.add(share);
      out.add(down);
      allotted = allotted.add(down);
    }
    BigDecimal unit = BigDecimal.ONE.movePointLeft(scale);
    int steps = total.subtract(allotted).divide(unit).intValueExact();
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < quantities.size(); i++) {
      order.add(i);
    }
    order.sort(
        (a, b) -> {
          int byRemainder =
              exact.get(b).subtract(out.get(b)).compareTo(exact.get(a).subtract(out.get(a)));
          return byRemainder != 0 ? byRemainder : Integer.compare(a, b);
        });
    for (int k = 0; k < steps; k++) {
      int i = order.get(k % order.size());
      out.set(i, out.get(i).add(unit));
    }
    List<BigDecimal> scaled = new ArrayList<>();
    for (BigDecimal amount : out) {
      scaled.add(amount.setScale(scale));
    }
    return scaled;
  }
}
