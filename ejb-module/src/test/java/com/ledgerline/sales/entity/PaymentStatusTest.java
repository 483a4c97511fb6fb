package com.ledgerline.sales.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PaymentStatusTest {

  @ParameterizedTest(name = "paid {0} of {1} -> {2}")
  @CsvSource({
    "0.00, 9.18, UNPAID",
    "0, 1500, UNPAID",
    "0.000, 0.000, UNPAID",
    "0.01, 9.18, PARTIALLY_PAID",
    "9.17, 9.18, PARTIALLY_PAID",
    "9.18, 9.18, PAID",
    "9.1800, 9.18, PAID",
    "9.19, 9.18, OVERPAID",
    "1499, 1500, PARTIALLY_PAID",
    "1500, 1500, PAID",
    "1501, 1500, OVERPAID",
    "9.995, 9.995, PAID",
    "9.996, 9.995, OVERPAID",
    "9.994, 9.995, PARTIALLY_PAID",
    // a credit note took what the sale charges below what was paid: a refund is due
    "100.00, 70.00, OVERPAID",
    "5.00, 0.00, OVERPAID",
    "5.00, -3.00, OVERPAID",
  })
  void theStatusFollowsTheAmountPaidAgainstWhatTheSaleCharges(
      String paid, String charged, PaymentStatus expected) {
    assertEquals(expected, PaymentStatus.of(new BigDecimal(paid), new BigDecimal(charged)));
  }

  @Test
  void aNegativeAmountPaidIsABug() {
    assertThrows(
        IllegalArgumentException.class,
        () -> PaymentStatus.of(new BigDecimal("-0.01"), new BigDecimal("9.18")));
  }
}
