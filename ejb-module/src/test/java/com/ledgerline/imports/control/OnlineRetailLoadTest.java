package com.ledgerline.imports.control;

import static com.ledgerline.imports.control.Fixtures.FIRST_DAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ledgerline.imports.control.OnlineRetailLoad.Issue;
import com.ledgerline.imports.entity.ImportCounts;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OnlineRetailLoadTest {

  private static Issue issue(LedgerDouble ledger, String reference) {
    return ledger.issues.stream()
        .filter(issue -> issue.sourceReference().equals(reference))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no issue for " + reference));
  }

  @Test
  void theSampleDayPostsItsSalesAndRecordsWhatItHoldsBack() {
    LedgerDouble ledger = new LedgerDouble();

    ImportCounts counts =
        OnlineRetailLoad.load(
            Fixtures.read(Fixtures.SAMPLE, FIRST_DAY, FIRST_DAY), FIRST_DAY, ledger);

    assertEquals(List.of(), counts.brokenIdentities());
    assertEquals(22, counts.rowsRead());
    assertEquals(5, counts.rowsOutsideRange());
    assertEquals(8, counts.invoicesRead());
    assertEquals(5, counts.salesPosted());
    assertEquals(13, counts.linesPosted());
    assertEquals(3, counts.invoicesNotPosted());
    assertEquals(4, counts.linesNotPosted());
    assertEquals(
        Map.of("CANCELLATION_NOT_SUPPORTED_YET", 2, "STOCK_WRITE_OFF_NOT_SUPPORTED_YET", 1),
        counts.notPostedByCode());
    assertEquals(
        List.of("536365", "536370", "536409", "536414", "536591"),
        ledger.posted.stream().map(sale -> sale.externalReference()).toList());
    assertEquals(
        new Issue(
            "C536391", 2, "CANCELLATION_NOT_SUPPORTED_YET", issue(ledger, "C536391").detail()),
        issue(ledger, "C536391"));
    assertEquals(1, issue(ledger, "536589").lineCount());
  }

  @Test
  void openingStockIsReceivedTheDayBeforeForGoodsOnlyAndTheSalesConsumeIt() {
    LedgerDouble ledger = new LedgerDouble();

    ImportCounts counts =
        OnlineRetailLoad.load(
            Fixtures.read(Fixtures.SAMPLE, FIRST_DAY, FIRST_DAY), FIRST_DAY, ledger);

    assertEquals(11, counts.openingStockReceipts());
    assertFalse(ledger.receipts.contains("POST"));
    assertTrue(ledger.receiptDates.stream().allMatch(LocalDate.of(2010, 11, 30)::equals));
    assertEquals(new BigDecimal("0.0000"), ledger.receiptCosts.get("22139"));
    // 22111: two identical lines of 1 each; opening 3 → 1 left
    assertEquals(new BigDecimal("1"), ledger.onHand.get("22111"));
    // 85123A: 6 sold on the day → opening 7 → 1 left
    assertEquals(new BigDecimal("1"), ledger.onHand.get("85123A"));
  }

  @Test
  void aSkuThatHeldStockBeforeReceivesNoMoreOpeningStock() {
    LedgerDouble ledger = new LedgerDouble();
    OnlineRetailLoad.load(Fixtures.read(Fixtures.SAMPLE, FIRST_DAY, FIRST_DAY), FIRST_DAY, ledger);

    LocalDate secondDay = LocalDate.of(2010, 12, 2);
    ImportCounts next =
        OnlineRetailLoad.load(
            Fixtures.read(Fixtures.SAMPLE, secondDay, secondDay), secondDay, ledger);

    // 536600 sells 6 of 85123A and 6 of 71053; each has 1 left from the first day's opening stock
    assertEquals(0, next.openingStockReceipts());
    assertEquals(Map.of("INSUFFICIENT_STOCK", 1), next.notPostedByCode());
    assertEquals("INSUFFICIENT_STOCK", issue(ledger, "536600").code());
    assertEquals(List.of(), next.brokenIdentities());
  }

  @Test
  void whatTheSalePathRefusesIsRecordedUnderItsErrorCodeAndTheWholeInvoiceStaysUnposted() {
    LedgerDouble ledger = new LedgerDouble();

    ImportCounts counts =
        OnlineRetailLoad.load(
            Fixtures.read(Fixtures.MALFORMED, FIRST_DAY, FIRST_DAY), FIRST_DAY, ledger);

    assertEquals(List.of(), counts.brokenIdentities());
    assertEquals(
        Map.of(
            "MALFORMED_ROW", 3,
            "CUSTOMER_DIFFERS_WITHIN_INVOICE", 1,
            "BAD_DEBT_ADJUSTMENT_NOT_SUPPORTED_YET", 1,
            "INVALID_QUANTITY", 1),
        counts.notPostedByCode());
    Issue refused = issue(ledger, "900006");
    assertEquals("INVALID_QUANTITY", refused.code());
    assertEquals(2, refused.lineCount());
    assertEquals(
        List.of("900001"), ledger.posted.stream().map(sale -> sale.externalReference()).toList());
    assertEquals(1, counts.salesPosted());
  }

  @Test
  void everyUnreadableRowHasAnIssueOfItsOwn() {
    LedgerDouble ledger = new LedgerDouble();

    ImportCounts counts =
        OnlineRetailLoad.load(
            Fixtures.read(Fixtures.MALFORMED, FIRST_DAY, FIRST_DAY), FIRST_DAY, ledger);

    assertEquals(3, counts.rowsUnreadable());
    for (String row : List.of("row 4", "row 5", "row 6")) {
      assertEquals("UNREADABLE_ROW", issue(ledger, row).code());
      assertEquals(1, issue(ledger, row).lineCount());
    }
    assertTrue(issue(ledger, "row 4").detail().startsWith("invoice 900003: "));
    int linesInIssues = ledger.issues.stream().mapToInt(Issue::lineCount).sum();
    assertEquals(counts.linesNotPosted() + counts.rowsUnreadable(), linesInIssues);
    assertEquals(counts.rowsRead(), counts.linesPosted() + linesInIssues);
  }

  @Test
  void aVariantTheCatalogRefusesIsASetupIssueAndItsInvoicesAreRefusedByTheSalePath() {
    LedgerDouble ledger = new LedgerDouble();
    ledger.refuseVariant = "71053"::equals;

    ImportCounts counts =
        OnlineRetailLoad.load(
            Fixtures.read(Fixtures.SAMPLE, FIRST_DAY, FIRST_DAY), FIRST_DAY, ledger);

    assertEquals(1, counts.setupIssues());
    Issue setup = issue(ledger, "SKU 71053");
    assertEquals("INVALID_AMOUNT", setup.code());
    assertEquals(0, setup.lineCount());
    assertEquals("UNKNOWN_VARIANT", issue(ledger, "536365").code());
    assertEquals(1, counts.notPostedByCode().get("UNKNOWN_VARIANT"));
    assertEquals(List.of(), counts.brokenIdentities());
  }

  @Test
  void aTechnicalFailureStopsTheLoadAndKeepsWhatWasPosted() {
    LedgerDouble ledger = new LedgerDouble();
    ledger.breakOn = sale -> sale.externalReference().equals("536409");

    assertThrows(
        IllegalStateException.class,
        () ->
            OnlineRetailLoad.load(
                Fixtures.read(Fixtures.SAMPLE, FIRST_DAY, FIRST_DAY), FIRST_DAY, ledger));
    assertEquals(
        List.of("536365", "536370"),
        ledger.posted.stream().map(sale -> sale.externalReference()).toList());

    ledger.breakOn = sale -> false;
    ImportCounts again =
        OnlineRetailLoad.load(
            Fixtures.read(Fixtures.SAMPLE, FIRST_DAY, FIRST_DAY), FIRST_DAY, ledger);
    assertEquals(2, again.duplicates());
    assertEquals(3, again.salesPosted());
    assertEquals(List.of(), again.brokenIdentities());
  }
}
