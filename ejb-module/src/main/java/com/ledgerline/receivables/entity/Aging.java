package com.ledgerline.receivables.entity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Currency;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * What is owed in one currency as of a date, split by {@link AgingBucket}, with the credits apart:
 * an open item with a negative open amount (an overpayment, a credit note beyond its invoice) is
 * unapplied credit and is never aged. {@code balance} = the five buckets + {@code unappliedCredit}
 * (which is ≤ 0) = the sum of the customer ledger entries posted up to the as-of date.
 *
 * <p>Amounts are at the currency's minor-unit scale when they are exact there (they always are for
 * entries posted through {@code Money}); an amount with more decimals is shown as stored, never
 * rounded.
 *
 * @param currency ISO 4217 code
 * @param asOf the report date the days past due are counted to
 * @param overdue the sum of the four overdue buckets
 * @param openItems the number of open items (invoices and credits) added up
 */
public record Aging(
    String currency,
    LocalDate asOf,
    BigDecimal current,
    BigDecimal days1To30,
    BigDecimal days31To60,
    BigDecimal days61To90,
    BigDecimal over90,
    BigDecimal overdue,
    BigDecimal unappliedCredit,
    BigDecimal balance,
    long openItems) {

  /** The amount in one bucket. */
  public BigDecimal bucket(AgingBucket bucket) {
    return switch (bucket) {
      case CURRENT -> current;
      case DAYS_1_30 -> days1To30;
      case DAYS_31_60 -> days31To60;
      case DAYS_61_90 -> days61To90;
      case OVER_90 -> over90;
    };
  }

  /** Adds open amounts up into an {@link Aging}; one per currency and report. Not thread-safe. */
  public static final class Accumulator {
    private final String currency;
    private final LocalDate asOf;
    private final Map<AgingBucket, BigDecimal> buckets = new EnumMap<>(AgingBucket.class);
    private BigDecimal unappliedCredit = BigDecimal.ZERO;
    private long openItems;

    public Accumulator(String currency, LocalDate asOf) {
      this.currency = Objects.requireNonNull(currency, "currency");
      this.asOf = Objects.requireNonNull(asOf, "asOf");
      for (AgingBucket bucket : AgingBucket.values()) {
        buckets.put(bucket, BigDecimal.ZERO);
      }
    }

    /**
     * Adds open items due on one date.
     *
     * @param dueDate the items' due date
     * @param openAmount their open amount, signed: + owed by the customer (aged), - a credit
     *     (unapplied credit); a zero amount adds nothing but its count
     * @param items how many open items the amount sums
     */
    public Accumulator add(LocalDate dueDate, BigDecimal openAmount, long items) {
      if (openAmount.signum() < 0) {
        unappliedCredit = unappliedCredit.add(openAmount);
      } else {
        buckets.merge(AgingBucket.of(dueDate, asOf), openAmount, BigDecimal::add);
      }
      openItems += items;
      return this;
    }

    public Aging result() {
      BigDecimal overdue = BigDecimal.ZERO;
      BigDecimal balance = unappliedCredit;
      for (AgingBucket bucket : AgingBucket.values()) {
        balance = balance.add(buckets.get(bucket));
        if (bucket.overdue()) {
          overdue = overdue.add(buckets.get(bucket));
        }
      }
      return new Aging(
          currency,
          asOf,
          shown(buckets.get(AgingBucket.CURRENT)),
          shown(buckets.get(AgingBucket.DAYS_1_30)),
          shown(buckets.get(AgingBucket.DAYS_31_60)),
          shown(buckets.get(AgingBucket.DAYS_61_90)),
          shown(buckets.get(AgingBucket.OVER_90)),
          shown(overdue),
          shown(unappliedCredit),
          shown(balance),
          openItems);
    }

    private BigDecimal shown(BigDecimal amount) {
      return atCurrencyScale(amount, currency);
    }
  }

  /**
   * The amount at the currency's minor-unit scale when that needs no rounding; otherwise as it is
   * (never rounded, never truncated).
   */
  public static BigDecimal atCurrencyScale(BigDecimal amount, String currency) {
    int scale;
    try {
      scale = Currency.getInstance(currency).getDefaultFractionDigits();
    } catch (IllegalArgumentException e) {
      return amount;
    }
    if (scale < 0) {
      return amount;
    }
    try {
      return amount.setScale(scale, RoundingMode.UNNECESSARY);
    } catch (ArithmeticException moreDecimals) {
      return amount;
    }
  }
}
