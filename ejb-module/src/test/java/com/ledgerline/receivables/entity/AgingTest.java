package com.ledgerline.receivables.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AgingTest {
  private static final LocalDate AS_OF = LocalDate.of(2025, 3, 31);

  private static BigDecimal money(String amount) {
    return new BigDecimal(amount);
  }

  private static void assertMoney(String expected, BigDecimal actual) {
    assertEquals(money(expected), actual);
  }

  @Test
  void placesEachOpenAmountInTheBucketOfItsDueDate() {
    Aging aging =
        new Aging.Accumulator("GBP", AS_OF)
            .add(AS_OF, money("100.0000"), 1) // due today: current
            .add(AS_OF.plusDays(20), money("5.5000"), 2) // not yet due
            .add(AS_OF.minusDays(1), money("10.0000"), 1)
            .add(AS_OF.minusDays(30), money("20.0000"), 1)
            .add(AS_OF.minusDays(31), money("30.0000"), 1)
            .add(AS_OF.minusDays(60), money("40.0000"), 1)
            .add(AS_OF.minusDays(61), money("50.0000"), 1)
            .add(AS_OF.minusDays(90), money("60.0000"), 1)
            .add(AS_OF.minusDays(91), money("70.0000"), 1)
            .result();

    assertMoney("105.50", aging.current());
    assertMoney("30.00", aging.days1To30());
    assertMoney("70.00", aging.days31To60());
    assertMoney("110.00", aging.days61To90());
    assertMoney("70.00", aging.over90());
    assertMoney("280.00", aging.overdue());
    assertMoney("0.00", aging.unappliedCredit());
    assertMoney("385.50", aging.balance());
    assertEquals(10, aging.openItems());
  }

  @Test
  void aCreditIsUnappliedCreditAndNeverAgedWhateverItsDate() {
    Aging aging =
        new Aging.Accumulator("GBP", AS_OF)
            .add(AS_OF.minusDays(200), money("-15.0000"), 1)
            .add(AS_OF.plusDays(5), money("-2.5000"), 1)
            .add(AS_OF.minusDays(45), money("40.0000"), 1)
            .result();

    assertMoney("-17.50", aging.unappliedCredit());
    assertMoney("0.00", aging.over90());
    assertMoney("0.00", aging.current());
    assertMoney("40.00", aging.days31To60());
    assertMoney("40.00", aging.overdue());
    assertMoney("22.50", aging.balance());
  }

  @Test
  void aPartiallyPaidInvoiceAgesItsOpenRemainderOnly() {
    // invoiced 120.00 due 35 days ago, 70.00 paid: 50.00 open in 31-60
    BigDecimal open = money("120.0000").add(money("-70.0000"));

    Aging aging = new Aging.Accumulator("GBP", AS_OF).add(AS_OF.minusDays(35), open, 1).result();

    assertMoney("50.00", aging.days31To60());
    assertMoney("50.00", aging.balance());
  }

  @Test
  void amountsAreShownAtTheCurrencyScaleAndNeverRounded() {
    Aging yen = new Aging.Accumulator("JPY", AS_OF).add(AS_OF, money("1500.0000"), 1).result();
    Aging dinar = new Aging.Accumulator("BHD", AS_OF).add(AS_OF, money("1.2340"), 1).result();
    Aging odd = new Aging.Accumulator("GBP", AS_OF).add(AS_OF, money("1.2345"), 1).result();

    assertMoney("1500", yen.current());
    assertMoney("1.234", dinar.current());
    assertMoney("1.2345", odd.current());
  }

  @Test
  void anEmptyAgingIsZeroAtTheCurrencyScale() {
    Aging aging = new Aging.Accumulator("EUR", AS_OF).result();

    for (AgingBucket bucket : AgingBucket.values()) {
      assertMoney("0.00", aging.bucket(bucket));
    }
    assertMoney("0.00", aging.balance());
    assertEquals(0, aging.openItems());
  }

  @Test
  void theBucketsAndTheCreditAlwaysAddUpToTheBalance() {
    Random random = new Random(20250331);
    for (int run = 0; run < 200; run++) {
      Aging.Accumulator accumulator = new Aging.Accumulator("GBP", AS_OF);
      BigDecimal sum = BigDecimal.ZERO;
      BigDecimal credits = BigDecimal.ZERO;
      int items = random.nextInt(30);
      for (int i = 0; i < items; i++) {
        BigDecimal amount = BigDecimal.valueOf(random.nextInt(2_000_000) - 300_000, 2);
        if (amount.signum() == 0) {
          continue;
        }
        accumulator.add(AS_OF.minusDays(random.nextInt(400) - 100), amount, 1);
        sum = sum.add(amount);
        credits = amount.signum() < 0 ? credits.add(amount) : credits;
      }
      Aging aging = accumulator.result();
      BigDecimal buckets = aging.unappliedCredit();
      for (AgingBucket bucket : AgingBucket.values()) {
        buckets = buckets.add(aging.bucket(bucket));
      }
      assertEquals(0, sum.compareTo(aging.balance()), "balance = sum of open amounts");
      assertEquals(0, buckets.compareTo(aging.balance()), "buckets + credit = balance");
      assertEquals(0, credits.compareTo(aging.unappliedCredit()), "credits apart");
      assertEquals(
          0,
          aging
              .balance()
              .subtract(aging.current())
              .subtract(aging.unappliedCredit())
              .compareTo(aging.overdue()),
          "overdue = balance - current - credit");
    }
  }
}
