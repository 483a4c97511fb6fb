package com.ledgerline.inventory.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StockAdjustmentTest {
  @ParameterizedTest(name = "{0} lowers stock: {1}, raises it: {2}")
  @CsvSource({
    "SHRINKAGE, true, false",
    "DAMAGE, true, false",
    "EXPIRY, true, false",
    "COUNT_CORRECTION, true, true",
    "FOUND_STOCK, false, true"
  })
  void reasonsFitTheirDirection(StockAdjustment.Reason reason, boolean lowers, boolean raises) {
    assertEquals(lowers, reason.allows(-1));
    assertEquals(raises, reason.allows(1));
  }
}
