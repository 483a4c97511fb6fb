package com.ledgerline.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount in an ISO 4217 currency, always at the currency's minor-unit scale (GBP 2, JPY 0, BHD
 * 3). Arithmetic between different currencies is refused. Unit prices and unit costs, which carry
 * more decimals, stay plain {@link BigDecimal}s until {@link #of(BigDecimal, Currency,
 * RoundingMode)} rounds an extended amount into money.
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

  public Money {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(currency, "currency");
    if (amount.scale() != scaleOf(currency)) {
      throw new IllegalArgumentException(
          "amount " + amount + " is not at the scale " + scaleOf(currency) + " of " + currency);
    }
  }

  /** The currency's minor-unit scale (ISO 4217 exponent). */
  public static int scaleOf(Currency currency) {
    int digits = currency.getDefaultFractionDigits();
    if (digits < 0) {
      throw new IllegalArgumentException(currency + " has no minor unit and is not money");
    }
    return digits;
  }

  /** Rounds {@code value} to the currency's scale with the given rule. */
  public static Money of(BigDecimal value, Currency currency, RoundingMode rounding) {
    return new Money(value.setScale(scaleOf(currency), rounding), currency);
  }

  /**
   * Money from an amount that must already be exact at the currency's scale.
   *
   * @throws BusinessRuleViolation {@code INVALID_AMOUNT} if it would need rounding
   */
  public static Money exact(BigDecimal value, Currency currency) {
    try {
      return new Money(value.setScale(scaleOf(currency), RoundingMode.UNNECESSARY), currency);
    } catch (ArithmeticException e) {
      throw new BusinessRuleViolation(
          ErrorCode.INVALID_AMOUNT,
          value + " has more decimals than " + currency + " allows (" + scaleOf(currency) + ")");
    }
  }

  public static Money zero(Currency currency) {
    return new Money(BigDecimal.ZERO.setScale(scaleOf(currency)), currency);
  }

  public Money plus(Money other) {
    requireSameCurrency(other);
    return new Money(amount.add(other.amount), currency);
  }

  public Money minus(Money other) {
    requireSameCurrency(other);
    return new Money(amount.subtract(other.amount), currency);
  }

  public Money negate() {
    return new Money(amount.negate(), currency);
  }

  public boolean isZero() {
    return amount.signum() == 0;
  }

  public boolean isNegative() {
    return amount.signum() < 0;
  }

  @Override
  public int compareTo(Money other) {
    requireSameCurrency(other);
    return amount.compareTo(other.amount);
  }

  private void requireSameCurrency(Money other) {
    if (!currency.equals(other.currency)) {
      throw new BusinessRuleViolation(
          ErrorCode.CURRENCY_MISMATCH, "cannot combine " + currency + " with " + other.currency);
    }
  }

  @Override
  public String toString() {
    return amount.toPlainString() + " " + currency.getCurrencyCode();
  }
}
