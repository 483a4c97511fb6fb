package com.ledgerline.reports.control;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Currency;
import java.util.Locale;

/**
 * How a report shows an amount: at its currency's ISO 4217 minor-unit scale (GBP 2, JPY 0, BHD 3),
 * with thousands separators in print and without them in CSV. An amount with more significant
 * decimals than its currency has (a stored scale-4 figure such as 0.0050) is shown with its own
 * decimals, never rounded: a report must not hide a difference the books hold.
 */
public final class Amounts {
  private Amounts() {}

  /** The ISO 4217 minor-unit scale of a currency (2 when the currency declares none). */
  public static int scale(String currency) {
    int digits = Currency.getInstance(currency).getDefaultFractionDigits();
    return digits < 0 ? 2 : digits;
  }

  /**
   * The amount at the currency's scale, or at its own when it has more significant decimals.
   *
   * @return null for null
   */
  public static BigDecimal atScale(BigDecimal amount, String currency) {
    if (amount == null) {
      return null;
    }
    int scale = scale(currency);
    BigDecimal stripped = amount.stripTrailingZeros();
    return stripped.scale() > scale ? stripped : amount.setScale(scale, RoundingMode.UNNECESSARY);
  }

  /** For print: {@code 1,234.50}, {@code -0.0050}; "" for null. */
  public static String print(BigDecimal amount, String currency) {
    BigDecimal value = atScale(amount, currency);
    if (value == null) {
      return "";
    }
    DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.UK));
    format.setMinimumFractionDigits(value.scale());
    format.setMaximumFractionDigits(value.scale());
    format.setParseBigDecimal(true);
    return format.format(value);
  }

  /** For CSV: {@code 1234.50}, no separators; "" for null. */
  public static String plain(BigDecimal amount, String currency) {
    BigDecimal value = atScale(amount, currency);
    return value == null ? "" : value.toPlainString();
  }

  /** A percentage with one decimal, {@code 42.5%}; "" for null. Half-up from the given value. */
  public static String percent(BigDecimal percent) {
    return percent == null ? "" : percent.setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
  }

  /** A quantity without trailing zeros ({@code 2}, {@code 1.25}); "" for null. */
  public static String quantity(BigDecimal quantity) {
    return quantity == null
        ? ""
        : quantity.signum() == 0 ? "0" : quantity.stripTrailingZeros().toPlainString();
  }
}
