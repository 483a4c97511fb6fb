package com.ledgerline.sales.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AmendmentArithmeticTest {
  private static final Currency GBP = Currency.getInstance("GBP");
  private static final Currency KWD = Currency.getInstance("KWD");

  private static BigDecimal d(String value) {
    return new BigDecimal(value);
  }

  private static AmendmentArithmetic.Holding holding(String quantity, String cost, String unit) {
    return new AmendmentArithmetic.Holding(d(quantity), d(cost), d(unit));
  }

  @Test
  void aPartialDecreaseComesBackAtTheOriginalUnitCost() {
    // 5 sold at 1.205 (cost 6.03 after rounding 6.025 half-up); 2 come back at 1.205 = 2.41
    assertEquals(
        d("2.41"), AmendmentArithmetic.returnValue(holding("5", "6.03", "1.205"), d("2"), GBP));
  }

  @Test
  void aDecreaseToZeroTakesBackExactlyTheCostHeld() {
    // 3 x 0.333333 = 0.999999 would round to 1.00; the cost held was 0.99 (the last units of a
    // stock whose value was 0.99): exactly that comes back, no residue stays on the sale
    assertEquals(
        d("0.99"), AmendmentArithmetic.returnValue(holding("3", "0.99", "0.333333"), d("3"), GBP));
  }

  @Test
  void aReturnNeverExceedsTheCostHeld() {
    assertEquals(
        d("0.99"), AmendmentArithmetic.returnValue(holding("3", "0.99", "0.40"), d("2.9999"), GBP));
  }

  @Test
  void threeDecimalCurrenciesReturnToTheFil() {
    // KWD: 1.5 x 0.3337 = 0.50055 -> 0.501
    assertEquals(
        d("0.501"),
        AmendmentArithmetic.returnValue(holding("4", "1.335", "0.3337"), d("1.5"), KWD));
  }

  @Test
  void aDecreaseOfMoreThanHeldIsAProgrammingError() {
    assertThrows(
        IllegalArgumentException.class,
        () -> AmendmentArithmetic.returnValue(holding("2", "2.00", "1"), d("3"), GBP));
  }

  @Test
  void theUnitCostAfterAnIncreaseIsTheCostOverTheQuantity() {
    // 2 at 1.00 plus 1 at 1.30: 3.30 / 3 = 1.10
    assertEquals(d("1.100000"), AmendmentArithmetic.unitCost(d("3.30"), d("3")));
    assertEquals(d("0.333333"), AmendmentArithmetic.unitCost(d("1.00"), d("3")));
  }

  @Test
  void oneLineTakesTheWholeCost() {
    assertEquals(List.of(d("6.03")), AmendmentArithmetic.allocate(d("6.03"), List.of(d("5")), GBP));
  }

  @Test
  void theCostIsSpreadByQuantityAndTheLeftoverMinorUnitsGoToTheLargestRemainders() {
    // 1.00 over 1:1:1 -> 0.333.. each: 0.33, 0.33, 0.33 and one cent to the first
    assertEquals(
        List.of(d("0.34"), d("0.33"), d("0.33")),
        AmendmentArithmetic.allocate(d("1.00"), List.of(d("1"), d("1"), d("1")), GBP));
    // 10.00 over 1:3 -> 2.50, 7.50
    assertEquals(
        List.of(d("2.50"), d("7.50")),
        AmendmentArithmetic.allocate(d("10.00"), List.of(d("1"), d("3")), GBP));
  }

  @Test
  void spreadingAlwaysAddsUpAndNeverGoesNegative() {
    Random random = new Random(42);
    for (int round = 0; round < 1000; round++) {
      Currency currency = random.nextBoolean() ? GBP : KWD;
      int scale = currency.getDefaultFractionDigits();
      BigDecimal total = BigDecimal.valueOf(random.nextInt(100_000), scale);
      List<BigDecimal> quantities = new ArrayList<>();
      int lines = 1 + random.nextInt(6);
      for (int i = 0; i < lines; i++) {
        quantities.add(BigDecimal.valueOf(1 + random.nextInt(99_999), 4));
      }
      List<BigDecimal> shares = AmendmentArithmetic.allocate(total, quantities, currency);
      assertEquals(lines, shares.size());
      assertEquals(
          0,
          shares.stream().reduce(BigDecimal.ZERO, BigDecimal::add).compareTo(total),
          "shares " + shares + " of " + total);
      assertTrue(shares.stream().allMatch(s -> s.signum() >= 0 && s.scale() == scale));
    }
  }
}
