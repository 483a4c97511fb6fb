package com.ledgerline.ledger.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class HledgerJournalTest {

  @Test
  void accountTypesBecomeHledgersTopLevelAccounts() {
    assertEquals("assets", HledgerJournal.topLevel("ASSET"));
    assertEquals("liabilities", HledgerJournal.topLevel("LIABILITY"));
    assertEquals("equity", HledgerJournal.topLevel("EQUITY"));
    assertEquals("revenues", HledgerJournal.topLevel("REVENUE"));
    assertEquals("expenses", HledgerJournal.topLevel("EXPENSE"));
    assertThrows(IllegalArgumentException.class, () -> HledgerJournal.topLevel("INCOME"));
  }

  @Test
  void anAccountIsItsTypeItsCodeAndItsNameWithoutSeparatorsOrDoubleSpaces() {
    assertEquals(
        "assets:1100 Accounts receivable",
        HledgerJournal.accountName("ASSET", "1100", "Accounts receivable"));
    assertEquals(
        "revenues:4010 Sales revenue - services and fees",
        HledgerJournal.accountName("REVENUE", "4010", "Sales revenue - services and fees"));
    assertEquals(
        "expenses:6.1-A Fees- card bank",
        HledgerJournal.accountName("EXPENSE", "6.1-A", "Fees: card \t  bank "));
    assertEquals("equity:3000", HledgerJournal.accountName("EQUITY", "3000", "  "));
  }

  @Test
  void amountsAreWrittenExactlyAtLeastAtTheCurrencysDecimals() {
    assertEquals("GBP 12.34", HledgerJournal.amount(new BigDecimal("12.3400"), "GBP", 2));
    assertEquals("GBP -10.00", HledgerJournal.amount(new BigDecimal("-10.0000"), "GBP", 2));
    assertEquals("GBP 1.2345", HledgerJournal.amount(new BigDecimal("1.2345"), "GBP", 2));
    assertEquals("GBP 0.0001", HledgerJournal.amount(new BigDecimal("0.0001"), "GBP", 2));
    assertEquals("BHD 1.125", HledgerJournal.amount(new BigDecimal("1.1250"), "BHD", 3));
    assertEquals("JPY 1200", HledgerJournal.amount(new BigDecimal("1200.0000"), "JPY", 0));
    assertEquals("GBP 100000.00", HledgerJournal.amount(new BigDecimal("1E+5"), "GBP", 2));
  }

  @Test
  void aJournalEntryIsOneTransactionWhosePostingsSumToZero() throws Exception {
    StringBuilder out = new StringBuilder();
    HledgerJournal journal = new HledgerJournal(out);
    journal.commodity("GBP", 2);
    journal.commodity("JPY", 0);
    journal.transaction(
        LocalDate.of(2011, 1, 4), "JE-00000007", "Sale INV-1; walk-in\n", "SALE_INVOICE", "INV-1");
    journal.posting(
        "ASSET",
        "1100",
        "Accounts receivable",
        new BigDecimal("12.0000"),
        BigDecimal.ZERO,
        "GBP",
        2);
    journal.posting(
        "REVENUE", "4000", "Sales revenue", BigDecimal.ZERO, new BigDecimal("10.0000"), "GBP", 2);
    journal.posting(
        "LIABILITY",
        "2100",
        "Output tax payable",
        BigDecimal.ZERO,
        new BigDecimal("2.0000"),
        "GBP",
        2);

    assertEquals(
        """
        commodity GBP 1000.00
        commodity JPY 1000

        2011-01-04 (JE-00000007) Sale INV-1, walk-in
            ; document: SALE_INVOICE INV-1
            assets:1100 Accounts receivable  GBP 12.00
            revenues:4000 Sales revenue  GBP -10.00
            liabilities:2100 Output tax payable  GBP -2.00
        """,
        out.toString());
  }
}
