package com.ledgerline.payments.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ledgerline.sales.entity.PaymentStatus;
import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
import com.ledgerline.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AllocationTest {
  private static final Currency GBP = Currency.getInstance("GBP");
  private static final Currency JPY = Currency.getInstance("JPY");
  private static final Currency BHD = Currency.getInstance("BHD");

  private static Money gbp(String amount) {
    return Money.exact(new BigDecimal(amount), GBP);
  }

  private static void assertSplit(String receivable, String deposit, Allocation.Split split) {
    assertEquals(gbp(receivable), split.receivable(), "receivable part");
    assertEquals(gbp(deposit), split.deposit(), "deposit part");
  }

  @Test
  void aPaymentWithinTheOpenAmountSettlesReceivablesOnly() {
    assertSplit("4.00", "0.00", Allocation.payment(gbp("4.00"), gbp("9.18")));
  }

  @Test
  void aPaymentOfExactlyTheOpenAmountLeavesNoCredit() {
    assertSplit("9.18", "0.00", Allocation.payment(gbp("9.18"), gbp("9.18")));
  }

  @Test
  void theExcessOfAnOverpaymentIsHeldAsCustomerCredit() {
    assertSplit("9.18", "0.82", Allocation.payment(gbp("10.00"), gbp("9.18")));
  }

  @Test
  void aPaymentOnASettledSaleGoesWhollyToDeposits() {
    assertSplit("0.00", "5.00", Allocation.payment(gbp("5.00"), gbp("0.00")));
  }

  @Test
  void aPaymentOnACreditedSaleGoesWhollyToDeposits() {
    // a credit note took the open amount below zero: nothing is owed, so nothing settles
    assertSplit("0.00", "5.00", Allocation.payment(gbp("5.00"), gbp("-3.00")));
  }

  @Test
  void splitTendersSettleInTheOrderGiven() {
    Money open = gbp("10.00");
    List<Allocation.Split> splits = new ArrayList<>();
    for (String tender : List.of("4.00", "4.00", "4.00")) {
      Allocation.Split split = Allocation.payment(gbp(tender), open);
      open = open.minus(split.receivable());
      splits.add(split);
    }

    assertSplit("4.00", "0.00", splits.get(0));
    assertSplit("4.00", "0.00", splits.get(1));
    assertSplit("2.00", "2.00", splits.get(2));
    assertEquals(gbp("0.00"), open);
  }

  @Test
  void aReversalTakesTheExcessBackFromDepositsFirst() {
    // sale 100.00 paid 60.00 + 60.00: the second payment left 20.00 in deposits. Reversing the
    // first takes those 20.00 back and re-opens 40.00, so no credit sits beside an open invoice.
    assertSplit("40.00", "20.00", Allocation.reversal(gbp("60.00"), gbp("20.00")));
  }

  @Test
  void aReversalWithoutDepositsReopensTheReceivable() {
    assertSplit("60.00", "0.00", Allocation.reversal(gbp("60.00"), gbp("0.00")));
  }

  @Test
  void aReversalOfAnOverpaymentWithinTheDepositsTouchesNoReceivable() {
    assertSplit("0.00", "5.00", Allocation.reversal(gbp("5.00"), gbp("5.82")));
  }

  @Test
  void aRefundPaysOutTheNegativeOpenAmountFirstThenDeposits() {
    assertSplit("3.00", "1.50", Allocation.refund(gbp("4.50"), gbp("-3.00"), gbp("2.00")));
  }

  @Test
  void aRefundOfDepositsOnlyLeavesTheReceivableAlone() {
    assertSplit("0.00", "0.82", Allocation.refund(gbp("0.82"), gbp("0.00"), gbp("0.82")));
  }

  @Test
  void aRefundAboveTheCustomersCreditIsRefused() {
    BusinessRuleViolation refused =
        assertThrows(
            BusinessRuleViolation.class,
            () -> Allocation.refund(gbp("5.01"), gbp("-3.00"), gbp("2.00")));
    assertEquals(ErrorCode.REFUND_EXCEEDS_CUSTOMER_CREDIT, refused.code());
  }

  @Test
  void nothingIsRefundableFromAnOpenInvoice() {
    BusinessRuleViolation refused =
        assertThrows(
            BusinessRuleViolation.class,
            () -> Allocation.refund(gbp("0.01"), gbp("9.18"), gbp("0.00")));
    assertEquals(ErrorCode.REFUND_EXCEEDS_CUSTOMER_CREDIT, refused.code());
  }

  @Test
  void theCustomersCreditIsTheNegativeOpenAmountPlusDeposits() {
    assertEquals(gbp("5.00"), Allocation.customerCredit(gbp("-3.00"), gbp("2.00")));
    assertEquals(gbp("2.00"), Allocation.customerCredit(gbp("7.00"), gbp("2.00")));
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource({
    "JPY, 1500, 1500",
    "JPY, 1500.0, 1500",
    "GBP, 9.18, 9.18",
    "GBP, 9.1, 9.10",
    "GBP, 9.180, 9.18",
    "BHD, 1.234, 1.234",
    "BHD, 2, 2.000",
    "BHD, 0.001, 0.001",
  })
  void amountsAtTheCurrencysMinorUnitsAreAccepted(String currency, String sent, String money) {
    Money amount =
        Allocation.requireAmount(new BigDecimal(sent), Currency.getInstance(currency), "amount");

    assertEquals(money, amount.amount().toPlainString());
    assertEquals(Money.scaleOf(Currency.getInstance(currency)), amount.amount().scale());
  }

  @ParameterizedTest(name = "{0} {1} is refused")
  @CsvSource({
    "JPY, 1500.5",
    "JPY, 0.1",
    "GBP, 9.185",
    "GBP, 0.001",
    "BHD, 1.2345",
    "GBP, 0",
    "GBP, 0.00",
    "GBP, -1.00",
    "JPY, -1",
  })
  void amountsBeyondTheMinorUnitsOrNotPositiveAreRefusedNeverRounded(String currency, String sent) {
    BusinessRuleViolation refused =
        assertThrows(
            BusinessRuleViolation.class,
            () ->
                Allocation.requireAmount(
                    new BigDecimal(sent), Currency.getInstance(currency), "tender 2: amount"));
    assertEquals(ErrorCode.INVALID_AMOUNT, refused.code());
    assertTrue(refused.detail().startsWith("tender 2: amount"), refused.detail());
  }

  @Test
  void aMissingAmountIsRefused() {
    assertEquals(
        ErrorCode.INVALID_AMOUNT,
        assertThrows(
                BusinessRuleViolation.class, () -> Allocation.requireAmount(null, GBP, "amount"))
            .code());
  }

  @Test
  void zeroDecimalAndThreeDecimalCurrenciesSplitExactly() {
    Allocation.Split yen =
        Allocation.payment(
            Money.exact(new BigDecimal("1200"), JPY), Money.exact(new BigDecimal("1188"), JPY));
    assertEquals("1188", yen.receivable().amount().toPlainString());
    assertEquals("12", yen.deposit().amount().toPlainString());

    Allocation.Split dinar =
        Allocation.payment(
            Money.exact(new BigDecimal("10.000"), BHD), Money.exact(new BigDecimal("9.995"), BHD));
    assertEquals("9.995", dinar.receivable().amount().toPlainString());
    assertEquals("0.005", dinar.deposit().amount().toPlainString());
  }

  /**
   * Property: whatever sequence of payments, reversals, refunds and credit notes happens to a sale,
   * the figures stay consistent. With P = unreversed payments less refunds, C = what the sale
   * charges, O = its open amount and D = the deposits held from its payments:
   *
   * <ul>
   *   <li>P = (C − O) + D (every cent received is either settling the sale or held as credit);
   *   <li>P ≥ 0, D ≥ 0, and credit is never held while the invoice is still open (D > 0 ⇒ O ≤ 0);
   *   <li>every split adds up to its amount, with non-negative parts.
   * </ul>
   */
  @ParameterizedTest(name = "{0} with seed {1}")
  @CsvSource({"GBP, 1", "GBP, 2", "GBP, 3", "JPY, 4", "JPY, 5", "BHD, 6", "BHD, 7", "GBP, 8"})
  void randomSequencesKeepTheSaleFiguresConsistent(String currencyCode, long seed) {
    Currency currency = Currency.getInstance(currencyCode);
    Random random = new Random(seed);
    for (int sale = 0; sale < 200; sale++) {
      Money charged = randomMoney(random, currency, 50_000);
      Money open = charged;
      Money deposits = Money.zero(currency);
      Money paid = Money.zero(currency);
      List<Money> unreversed = new ArrayList<>();
      for (int step = 0; step < 12; step++) {
        int op = random.nextInt(4);
        if (op == 0) {
          Money amount = randomMoney(random, currency, 30_000);
          Allocation.Split split = Allocation.payment(amount, open);
          assertWellFormed(amount, split);
          open = open.minus(split.receivable());
          deposits = deposits.plus(split.deposit());
          paid = paid.plus(amount);
          unreversed.add(amount);
        } else if (op == 1 && !unreversed.isEmpty()) {
          Money amount = unreversed.get(random.nextInt(unreversed.size()));
          if (amount.compareTo(paid) > 0) {
            continue; // refused: REVERSAL_EXCEEDS_AMOUNT_PAID
          }
          unreversed.remove(amount);
          Allocation.Split split = Allocation.reversal(amount, deposits);
          assertWellFormed(amount, split);
          open = open.plus(split.receivable());
          deposits = deposits.minus(split.deposit());
          paid = paid.minus(amount);
        } else if (op == 2) {
          Money credit = Allocation.customerCredit(open, deposits);
          if (credit.isZero()) {
            continue;
          }
          Money amount = randomAtMost(random, credit);
          Allocation.Split split = Allocation.refund(amount, open, deposits);
          assertWellFormed(amount, split);
          open = open.plus(split.receivable());
          deposits = deposits.minus(split.deposit());
          paid = paid.minus(amount);
        } else if (op == 3 && charged.amount().signum() > 0) {
          // a credit note lowers what the sale charges and its open amount alike
          Money credited = randomAtMost(random, charged);
          charged = charged.minus(credited);
          open = open.minus(credited);
        }
        assertEquals(paid, charged.minus(open).plus(deposits), "P = (C - O) + D");
        assertFalse(paid.isNegative(), "amount paid never below zero");
        assertFalse(deposits.isNegative(), "deposits never below zero");
        assertFalse(
            !deposits.isZero() && open.amount().signum() > 0,
            "no credit held beside an open invoice: O " + open + ", D " + deposits);
        PaymentStatus status = PaymentStatus.of(paid.amount(), charged.amount());
        assertEquals(paid.isZero(), status == PaymentStatus.UNPAID);
      }
    }
  }

  private static void assertWellFormed(Money amount, Allocation.Split split) {
    assertFalse(split.receivable().isNegative());
    assertFalse(split.deposit().isNegative());
    assertEquals(amount, split.total());
  }

  /** A positive amount up to {@code maxMinorUnits} minor units. */
  private static Money randomMoney(Random random, Currency currency, int maxMinorUnits) {
    return new Money(
        BigDecimal.valueOf(1 + random.nextInt(maxMinorUnits), Money.scaleOf(currency)), currency);
  }

  /** A positive amount no larger than the positive {@code limit}. */
  private static Money randomAtMost(Random random, Money limit) {
    BigDecimal minorUnits = limit.amount().movePointRight(limit.amount().scale());
    long units = 1 + (long) (random.nextDouble() * minorUnits.longValueExact());
    units = Math.min(units, minorUnits.longValueExact());
    return Money.of(
        BigDecimal.valueOf(units, limit.amount().scale()),
        limit.currency(),
        RoundingMode.UNNECESSARY);
  }
}
