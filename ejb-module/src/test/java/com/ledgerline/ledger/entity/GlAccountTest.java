package com.ledgerline.ledger.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlAccountTest {
  @ParameterizedTest(name = "{0} accounts normally stand on the {1} side")
  @CsvSource({
    "ASSET, DEBIT",
    "EXPENSE, DEBIT",
    "LIABILITY, CREDIT",
    "EQUITY, CREDIT",
    "REVENUE, CREDIT"
  })
  void usualBalanceOfEachType(GlAccount.Type type, GlAccount.NormalBalance side) {
    assertEquals(side, type.usualBalance());
  }
}
