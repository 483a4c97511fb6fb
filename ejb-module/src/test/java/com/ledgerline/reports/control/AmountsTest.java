package com.ledgerline.reports.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class AmountsTest {
  @Test
  void amountsShowTheirCurrencysDecimals() {
    assertEquals("1,234.50", Amounts.print(new BigDecimal("1234.5000"), "GBP"));
    assertEquals("1234.50", Amounts.plain(new BigDecimal("1234.5000"), "GBP"));
    assertEquals("1,235", Amounts.print(new BigDecimal("1235.0000"), "JPY"));
    assertEquals("12.345", Amounts.print(new BigDecimal("12.3450"), "BHD"));
    assertEquals("-0.10", Amounts.print(new BigDecimal("-0.1000"), "EUR"));
  }

  @Test
  void moreDecimalsThanTheCurrencyHasAreShownNeverRounded() {
    assertEquals("0.005", Amounts.print(new BigDecimal("0.0050"), "GBP"));
    assertEquals("1,000.0001", Amounts.print(new BigDecimal("1000.0001"), "GBP"));
    assertEquals("7.5", Amounts.plain(new BigDecimal("7.5000"), "JPY"));
  }

  @Test
  void percentagesAndQuantities() {
    assertEquals("20.0%", Amounts.percent(new BigDecimal("20.0000")));
    assertEquals("33.3%", Amounts.percent(new BigDecimal("33.333333")));
    assertEquals("2", Amounts.quantity(new BigDecimal("2.0000")));
    assertEquals("1.25", Amounts.quantity(new BigDecimal("1.2500")));
    assertEquals("", Amounts.print(null, "GBP"));
  }
}
