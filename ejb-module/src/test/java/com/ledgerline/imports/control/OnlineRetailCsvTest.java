package com.ledgerline.imports.control;

import static com.ledgerline.imports.control.Fixtures.FIRST_DAY;
import static com.ledgerline.imports.control.Fixtures.HEADER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ledgerline.imports.control.OnlineRetailCsv.Invoice;
import com.ledgerline.imports.control.OnlineRetailCsv.Result;
import com.ledgerline.imports.control.OnlineRetailCsv.Row;
import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class OnlineRetailCsvTest {

  private static List<String> numbers(Result result) {
    return result.invoices().stream().map(Invoice::invoiceNumber).toList();
  }

  private static Invoice invoice(Result result, String number) {
    return result.invoices().stream()
        .filter(invoice -> invoice.invoiceNumber().equals(number))
        .findFirst()
        .orElseThrow();
  }

  private static void assertEveryRowAccountedFor(Result result) {
    assertEquals(
        result.rowsRead(),
        result.linesRead() + result.rowsOutsideRange() + result.unreadable().size(),
        "rows read = lines in range + rows outside range + unreadable rows");
  }

  @Test
  void groupsTheFirstDayIntoInvoicesInFileOrder() {
    Result day = Fixtures.read(Fixtures.SAMPLE, FIRST_DAY, FIRST_DAY);

    assertEquals(
        List.of("536365", "536370", "C536379", "C536391", "536409", "536414", "536589", "536591"),
        numbers(day));
    assertEquals(22, day.rowsRead());
    assertEquals(17, day.linesRead());
    assertEquals(5, day.rowsOutsideRange());
    assertTrue(day.unreadable().isEmpty());
    assertEveryRowAccountedFor(day);
    assertEquals(
        List.of("85123A", "71053", "84406B"),
        invoice(day, "536365").rows().stream().map(Row::stockCode).toList());
  }

  @Test
  void readsTheFieldsAsWritten() {
    Row first =
        Fixtures.read(Fixtures.SAMPLE, FIRST_DAY, FIRST_DAY).invoices().get(0).rows().get(0);

    assertEquals(1, first.recordNumber());
    assertEquals("536365", first.invoiceNumber());
    assertEquals("85123A", first.stockCode());
    assertEquals("WHITE HANGING HEART T-LIGHT HOLDER", first.description());
    assertEquals(new BigDecimal("6"), first.quantity());
    assertEquals(LocalDateTime.of(2010, 12, 1, 8, 26), first.invoicedAt());
    assertEquals(new BigDecimal("2.55"), first.unitPrice());
    assertEquals("17850.0", first.customerId());
    assertEquals("United Kingdom", first.country());
    assertNull(first.defect());
  }

  @Test
  void keepsQuotedCommasAndQuotesInDescriptions() {
    Invoice invoice = invoice(Fixtures.read(Fixtures.SAMPLE, FIRST_DAY, FIRST_DAY), "536591");

    assertEquals(4, invoice.rows().size());
    assertEquals("LETTER \"M\" BLING KEY RING", invoice.rows().get(1).description());
    assertEquals("FEATHER PEN,COAL BLACK", invoice.rows().get(2).description());
    assertEquals(new BigDecimal("12"), invoice.rows().get(2).quantity());
  }

  @Test
  void keepsIdenticalRowsAsSeparateRows() {
    Invoice invoice = invoice(Fixtures.read(Fixtures.SAMPLE, FIRST_DAY, FIRST_DAY), "536409");

    assertEquals(3, invoice.rows().size());
    Row second = invoice.rows().get(1);
    Row third = invoice.rows().get(2);
    assertEquals(second.stockCode(), third.stockCode());
    assertEquals(second.quantity(), third.quantity());
    assertEquals(second.unitPrice(), third.unitPrice());
  }

  @Test
  void anInvoiceWhoseRowsCarryTwoMinutesIsTimedByItsFirstRow() {
    Invoice invoice = invoice(Fixtures.read(Fixtures.SAMPLE, FIRST_DAY, FIRST_DAY), "536591");

    assertEquals(LocalDateTime.of(2010, 12, 1, 16, 57), invoice.invoicedAt());
    assertEquals(LocalDateTime.of(2010, 12, 1, 16, 58), invoice.rows().get(3).invoicedAt());
  }

  @Test
  void theRangeIsInclusiveAtBothEnds() {
    Result result =
        Fixtures.read(Fixtures.SAMPLE, LocalDate.of(2010, 12, 2), LocalDate.of(2010, 12, 3));

    assertEquals(List.of("536600", "536982"), numbers(result));
    assertEquals(3, result.linesRead());
    assertEquals(19, result.rowsOutsideRange());
    assertEveryRowAccountedFor(result);
  }

  @Test
  void aWideRangeTakesEveryRow() {
    Result result =
        Fixtures.read(Fixtures.SAMPLE, LocalDate.of(2010, 1, 1), LocalDate.of(2011, 12, 31));

    assertEquals(12, result.invoices().size());
    assertEquals(22, result.linesRead());
    assertEquals(0, result.rowsOutsideRange());
  }

  @Test
  void anInvoiceIsNeverSplitAtTheEdgeOfTheRange() {
    String text =
        HEADER
            + "700001,11111,LATE ROW,1,2010-12-01 23:59:00,1.00,12345.0,United Kingdom\n"
            + "700001,22222,AFTER MIDNIGHT,1,2010-12-02 00:00:00,1.00,12345.0,United Kingdom\n";

    Result first = OnlineRetailCsv.read(Fixtures.csv(text), FIRST_DAY, FIRST_DAY);
    Result second =
        OnlineRetailCsv.read(
            Fixtures.csv(text), LocalDate.of(2010, 12, 2), LocalDate.of(2010, 12, 2));

    assertEquals(2, first.invoices().get(0).rows().size());
    assertEquals(0, first.rowsOutsideRange());
    assertTrue(second.invoices().isEmpty());
    assertEquals(2, second.rowsOutsideRange());
  }

  @Test
  void rowsOfOneInvoiceNeedNotBeAdjacent() {
    String text =
        HEADER
            + "700001,11111,A,1,2010-12-01 10:00:00,1.00,12345.0,United Kingdom\n"
            + "700002,22222,B,1,2010-12-01 10:01:00,1.00,12345.0,United Kingdom\n"
            + "700001,33333,C,1,2010-12-01 10:00:00,1.00,12345.0,United Kingdom\n";

    Result result = OnlineRetailCsv.read(Fixtures.csv(text), FIRST_DAY, FIRST_DAY);

    assertEquals(List.of("700001", "700002"), numbers(result));
    assertEquals(
        List.of("11111", "33333"),
        result.invoices().get(0).rows().stream().map(Row::stockCode).toList());
  }

  @Test
  void gzipIsRecognisedByItsMagicBytes() {
    byte[] plain = Fixtures.bytes(Fixtures.SAMPLE);
    byte[] gzip = Fixtures.gzip(plain);

    Result fromPlain = OnlineRetailCsv.read(new ByteArrayInputStream(plain), FIRST_DAY, FIRST_DAY);
    Result fromGzip = OnlineRetailCsv.read(new ByteArrayInputStream(gzip), FIRST_DAY, FIRST_DAY);

    assertEquals(fromPlain, fromGzip);
  }

  @Test
  void aByteOrderMarkBeforeTheHeaderIsIgnored() {
    Result result =
        OnlineRetailCsv.read(
            Fixtures.csv(
                "\uFEFF"
                    + HEADER
                    + "536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26:00,2.55,"
                    + "17850.0,United Kingdom\n"),
            FIRST_DAY,
            FIRST_DAY);

    assertEquals(List.of("536365"), numbers(result));
  }

  @Test
  void rowsThatCannotBePlacedAreListedWithTheirRecordNumbers() {
    Result result = Fixtures.read(Fixtures.MALFORMED, FIRST_DAY, FIRST_DAY);

    assertEquals(13, result.rowsRead());
    assertEquals(
        List.of(4L, 5L, 6L),
        result.unreadable().stream().map(OnlineRetailCsv.UnreadableRow::recordNumber).toList());
    assertEquals("900003", result.unreadable().get(0).invoiceNumber());
    assertTrue(result.unreadable().get(0).detail().contains("InvoiceDate"));
    assertTrue(result.unreadable().get(1).detail().contains("InvoiceNo"));
    assertTrue(result.unreadable().get(2).detail().contains("fields"));
    assertEquals(
        List.of("900001", "900002", "900005", "900006", "900007", "A900008", "900009"),
        numbers(result));
    assertEquals(10, result.linesRead());
    assertEveryRowAccountedFor(result);
  }

  @Test
  void aRowWithAnUnreadableNumberOrNoStockCodeCarriesItsDefect() {
    Result result = Fixtures.read(Fixtures.MALFORMED, FIRST_DAY, FIRST_DAY);

    Row badQuantity = invoice(result, "900002").rows().get(0);
    assertNull(badQuantity.quantity());
    assertTrue(badQuantity.defect().contains("Quantity 'two'"));
    assertNull(invoice(result, "900002").rows().get(1).defect());
    assertTrue(invoice(result, "900009").rows().get(0).defect().contains("StockCode"));
  }

  @Test
  void aFileWithoutTheExpectedHeaderIsRefused() {
    BusinessRuleViolation refused =
        assertThrows(
            BusinessRuleViolation.class,
            () ->
                OnlineRetailCsv.read(
                    Fixtures.csv("InvoiceNo,StockCode,Quantity\n1,2,3\n"), FIRST_DAY, FIRST_DAY));

    assertEquals(ErrorCode.INVALID_REQUEST, refused.code());
    assertTrue(refused.detail().contains("Description"));
  }

  @Test
  void anEmptyBodyIsRefused() {
    BusinessRuleViolation refused =
        assertThrows(
            BusinessRuleViolation.class,
            () -> OnlineRetailCsv.read(Fixtures.csv(""), FIRST_DAY, FIRST_DAY));

    assertEquals(ErrorCode.INVALID_REQUEST, refused.code());
  }

  @Test
  void aCorruptGzipIsRefused() {
    byte[] gzip = Fixtures.gzip(Fixtures.bytes(Fixtures.SAMPLE));
    byte[] truncated = Arrays.copyOf(gzip, gzip.length / 2);

    BusinessRuleViolation refused =
        assertThrows(
            BusinessRuleViolation.class,
            () -> OnlineRetailCsv.read(new ByteArrayInputStream(truncated), FIRST_DAY, FIRST_DAY));

    assertEquals(ErrorCode.INVALID_REQUEST, refused.code());
  }

  @Test
  void bytesThatAreNotUtf8AreRefused() {
    byte[] latin1 =
        (HEADER + "536365,85123A,CAF\u00c9,6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom\n")
            .getBytes(StandardCharsets.ISO_8859_1);

    BusinessRuleViolation refused =
        assertThrows(
            BusinessRuleViolation.class,
            () -> OnlineRetailCsv.read(new ByteArrayInputStream(latin1), FIRST_DAY, FIRST_DAY));

    assertEquals(ErrorCode.INVALID_REQUEST, refused.code());
  }

  @Test
  void aReversedRangeIsRefused() {
    BusinessRuleViolation refused =
        assertThrows(
            BusinessRuleViolation.class,
            () -> Fixtures.read(Fixtures.SAMPLE, FIRST_DAY, FIRST_DAY.minusDays(1)));

    assertEquals(ErrorCode.INVALID_REQUEST, refused.code());
  }
}
