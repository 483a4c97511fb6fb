package com.ledgerline.reconciliation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The bank statement samples (src/test/resources/bank-statements, see its README): each that should
 * be read is read with the statement and entry counts of the samples' own table ({@code
 * SOURCES.md}: camt {@code stmts/rpts/ntfctns} and {@code entries}, MT940 {@code :20:} and {@code
 * :61:} counts) and the first entry's amount as written in the file, signed by its CdtDbtInd or D/C
 * mark; each broken one is refused with its code, the place and the reason.
 */
class StatementReadersTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    // file, statements, entries, first entry's signed amount ('-' when none)
    "camt052/genkgo-camt__camt052.v1.xml, 1, 1, -200000",
    "camt052/genkgo-camt__camt052.v2.other-account.xml, 1, 1, -200000",
    "camt052/genkgo-camt__camt052.v2.with-account-name.xml, 1, 1, -200000",
    "camt052/genkgo-camt__camt052.v2.xml, 1, 1, -200000",
    "camt052/genkgo-camt__camt052.v4.xml, 1, 1, -200000",
    "camt052/genkgo-camt__camt052.v6.Amt-zero.xml, 1, 1, -200000",
    "camt052/genkgo-camt__camt052.v6.xml, 1, 1, -200000",
    "camt052/genkgo-camt__camt052.v8.xml, 1, 1, -200000",
    "camt053/genkgo-camt__camt053.v2.minimal.ultimate.xml, 1, 1, 8.85",
    "camt053/genkgo-camt__camt053.v2.minimal.xml, 1, 1, 8.85",
    "camt053/genkgo-camt__camt053.v2.multi.statement.xml, 2, 2, 8.85",
    "camt053/genkgo-camt__camt053.v2.with-account-name.xml, 1, 1, 8.85",
    "camt053/genkgo-camt__camt053.v2.with-party-ids.xml, 1, 1, 8.85",
    "camt053/genkgo-camt__camt053.v3.xml, 1, 1, 8.85",
    "camt053/genkgo-camt__camt053.v4.xml, 1, 1, 8.85",
    "camt053/genkgo-camt__camt053.v8.xml, 1, 1, 8.85",
    "camt053/genkgo-camt__camt53.only-Dt-with-DtTm.xml, 1, 0, -",
    "camt054/genkgo-camt__camt054.v2.with-account-name.xml, 1, 1, -200000",
    "camt054/genkgo-camt__camt054.v2.xml, 1, 1, -200000",
    "camt054/genkgo-camt__camt054.v4.xml, 1, 1, -200000",
    "camt054/genkgo-camt__camt054.v8-with-UETR.xml, 1, 1, -200000",
    "camt054/genkgo-camt__camt054.v8-with-financial-institution.xml, 1, 1, -200000",
    "camt054/genkgo-camt__camt054.v8.xml, 1, 1, -200000",
    "mt940/wolph-mt940__betterplace__sepa_mt9401.sta, 26, 97, 300",
    "mt940/wolph-mt940__betterplace__with_binary_character.sta, 2, 4, 27.00",
    "mt940/wolph-mt940__cmxl__mt940.sta, 3, 16, -6800",
    "mt940/wolph-mt940__jejik__generic.sta, 2, 2, -10.00",
    "mt940/wolph-mt940__jejik__rabobank-iban.sta, 2, 4, -25.00",
    "mt940/wolph-mt940__jejik__sns.sta, 2, 2, -20.00",
    "mt940/wolph-mt940__sberbank__171011_01234945.sta, 1, 3, -2402.00",
    "mt940/wolph-mt940__self-provided__gv_codes.sta, 1, 2, -233.15",
    "mt940/wolph-mt940__self-provided__long_statement_number.sta, 1, 0, -",
    "mt940/wolph-mt940__self-provided__mt942.sta, 1, 1, -0.42",
  })
  void aSampleThatShouldParseIsReadWithItsCountsAndAmounts(
      String path, int statements, int entries, String firstAmount) throws IOException {
    StatementData data = read(path);
    assertEquals(statements, data.statements().size(), "statements");
    assertEquals(entries, data.lineCount(), "entries");
    if (!"-".equals(firstAmount)) {
      BigDecimal first = data.statements().get(0).lines().get(0).amount();
      assertEquals(0, new BigDecimal(firstAmount).compareTo(first), "first amount " + first);
    }
    for (StatementData.Statement s : data.statements()) {
      assertTrue(!s.accountId().isBlank() && !s.statementId().isBlank(), s.where());
      assertTrue(s.currency().matches("[A-Z]{3}"), s.where());
      s.lines().forEach(l -> assertTrue(l.bookingDate() != null, l.where()));
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // file | code | where (the detail names it) | part of the reason
        "camt053/genkgo-camt__camt053.v2.wrong.xml | STATEMENT_MALFORMED"
            + " | /Document/BkToCstmrStmt/Stmt | holds no statement",
        "camt053/genkgo-camt__camt053.v2.all-balance-types.xml | STATEMENT_BALANCE_MISMATCH"
            + " | /Document/BkToCstmrStmt/Stmt[1] | the closing balance says 4.04",
        "camt053/genkgo-camt__camt053.v2.five.decimals.xml | STATEMENT_BALANCE_MISMATCH"
            + " | /Document/BkToCstmrStmt/Stmt[1] | the closing balance says 27.050",
        "mt940/wolph-mt940__self-provided__invalid_statement.sta | STATEMENT_MALFORMED"
            + " | line 1 | no :20:",
        "mt940/wolph-mt940__self-provided__february_30.sta | STATEMENT_MALFORMED"
            + " | line 6 | '160230' is not a date",
        "mt940/wolph-mt940__self-provided__transaction_details_wrapped.sta | STATEMENT_MALFORMED"
            + " | line 6 | '160230' is not a date",
        "mt940/wolph-mt940__self-provided__wrapped_timestamp.sta | STATEMENT_MALFORMED"
            + " | line 5 | '160230' is not a date",
        "mt940/wolph-mt940__self-provided__malformed_details.sta | STATEMENT_BALANCE_MISMATCH"
            + " | line 1 | the closing balance says 12345.98",
        "mt940/wolph-mt940__self-provided__overly_long_details.sta | STATEMENT_BALANCE_MISMATCH"
            + " | line 1 | the closing balance says 12345.98",
        "mt940/wolph-mt940__self-provided__whitespace.sta | STATEMENT_BALANCE_MISMATCH"
            + " | line 1 | the closing balance says 12345.98",
        "mt940/wolph-mt940__self-provided__details_60-63.sta | STATEMENT_BALANCE_MISMATCH"
            + " | line 1 | the closing balance says 12345.98",
        "mt940/wolph-mt940__betterplace__sepa_snippet_broken.sta | STATEMENT_MALFORMED"
            + " | line 6 | a second :25:",
        "mt940/wolph-mt940__betterplace__sepa_snippet.sta | STATEMENT_BALANCE_MISMATCH"
            + " | line 25 | the closing balance says -4472049.09",
        "mt940/wolph-mt940__mBank__mt940.sta | STATEMENT_MALFORMED | line 1 | control character",
        "mt940/wolph-mt940__mBank__mt942.sta | STATEMENT_MALFORMED | line 1 | control character",
        "mt940/wolph-mt940__mBank__with_newline_in_tnr.sta | STATEMENT_MALFORMED"
            + " | line 1 | control character",
        "mt940/wolph-mt940__jejik__knab.sta | STATEMENT_MALFORMED | line 17 | no debit/credit mark and amount",
        "mt940/wolph-mt940__self-provided__raphaelm.sta | STATEMENT_MALFORMED"
            + " | line 27 | is not C|D YYMMDD currency amount",
        "mt940/wolph-mt940__jejik__ing.sta | STATEMENT_BALANCE_MISMATCH"
            + " | line 4 | the closing balance says 3.47",
        "mt940/wolph-mt940__jejik__abnamro.sta | STATEMENT_BALANCE_MISMATCH"
            + " | line 4 | the closing balance says 876.84",
        "mt940/wolph-mt940__jejik__postfinance.sta | STATEMENT_BALANCE_MISMATCH"
            + " | line 15 | the closing balance says 159.6",
        "mt940/wolph-mt940__jejik__rabobank.sta | STATEMENT_BALANCE_MISMATCH"
            + " | line 2 | the closing balance says 395.82",
        "mt940/wolph-mt940__jejik__triodos.sta | STATEMENT_BALANCE_MISMATCH"
            + " | line 1 | the closing balance says 4370.79",
        "mt940/wolph-mt940__self-provided__raiffeisen-cmi.sta | STATEMENT_BALANCE_MISMATCH"
            + " | line 1 | the closing balance says 25281687.60",
        // single-field snippets, not whole statements
        "mt940/wolph-mt940__cmxl__closing_balance.sta | STATEMENT_MALFORMED | line 1 | outside a statement",
        "mt940/wolph-mt940__cmxl__statement_line.sta | STATEMENT_MALFORMED | line 1 | outside a statement",
        "mt940/wolph-mt940__betterplace__amount_formats.sta | STATEMENT_MALFORMED | line 1 | outside a statement",
        "mt940/wolph-mt940__self-provided__sparkassen.sta | STATEMENT_MALFORMED | line 1 | outside a statement",
        "mt940/wolph-mt940__cmxl__reference.sta | STATEMENT_MALFORMED | line 1 | no :25: account",
      })
  void aBrokenSampleIsRefusedWithItsPlaceAndReason(
      String path, ErrorCode code, String where, String reason) {
    BusinessRuleViolation refused = assertThrows(BusinessRuleViolation.class, () -> read(path));
    assertEquals(code, refused.code(), refused.getMessage());
    String file = path.substring(path.indexOf('/') + 1);
    assertTrue(
        refused.detail().startsWith(file + ": " + where + ": "),
        "names file and place: " + refused.detail());
    assertTrue(refused.detail().contains(reason), "says why: " + refused.detail());
  }

  @Test
  void aCamtEntryCarriesItsReferencesAndCounterparty() throws IOException {
    // camt053.v2.minimal.xml, read by eye: one CRDT entry of 8.85 EUR booked 2014-12-31
    StatementData.Line line =
        read("camt053/genkgo-camt__camt053.v2.minimal.xml").statements().get(0).lines().get(0);
    assertEquals("EUR", line.currency());
    assertEquals(LocalDate.of(2014, 12, 31), line.bookingDate());
  }

  @Test
  void notXmlNorMt940IsAnUnsupportedFormat() {
    BusinessRuleViolation refused =
        assertThrows(
            BusinessRuleViolation.class,
            () -> StatementFormat.of(null, null, "date;amount\n".getBytes(StandardCharsets.UTF_8)));
    assertEquals(ErrorCode.STATEMENT_UNSUPPORTED_FORMAT, refused.code());
    assertEquals(
        ErrorCode.STATEMENT_UNSUPPORTED_FORMAT,
        assertThrows(
                BusinessRuleViolation.class, () -> StatementFormat.of("qif", null, new byte[1]))
            .code());
  }

  @Test
  void anotherIso20022MessageIsAnUnsupportedFormat() {
    String pain =
        "<?xml version=\"1.0\"?><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.001.001.03\">"
            + "<CstmrCdtTrfInitn/></Document>";
    BusinessRuleViolation refused =
        assertThrows(
            BusinessRuleViolation.class,
            () -> CamtReader.read("pain.xml", pain.getBytes(StandardCharsets.UTF_8)));
    assertEquals(ErrorCode.STATEMENT_UNSUPPORTED_FORMAT, refused.code());
  }

  @Test
  void xmlThatIsNotWellFormedIsRefusedWithLineAndColumn() {
    byte[] broken =
        "<?xml version=\"1.0\"?>\n<Document>\n<BkToCstmrStmt>\n</Document>"
            .getBytes(StandardCharsets.UTF_8);
    BusinessRuleViolation refused =
        assertThrows(BusinessRuleViolation.class, () -> CamtReader.read("broken.xml", broken));
    assertEquals(ErrorCode.STATEMENT_MALFORMED, refused.code());
    assertTrue(refused.detail().startsWith("broken.xml: line 4 column"), refused.detail());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "default | booking_date,value_date,amount,currency,reference,counterparty,description~"
            + "2024-05-02,2024-05-02,1234.56,GBP,PAY-00000001,Jane Buyer,invoice INV-1~"
            + "2024-05-03,,-12.30,GBP,,Card acquirer,fees~"
            + " | 2 | 1234.56 | -12.30",
        "de-semicolon | Buchungstag;Valuta;Betrag;Referenz;Auftraggeber/Empfaenger;Verwendungszweck~"
            + "02.05.2024;03.05.2024;1.234,56;R1;Max Muster;Rechnung 1~"
            + "03.05.2024;03.05.2024;-0,99;R2;Bank;Gebuehr~"
            + "04.05.2024;04.05.2024;7,00;R3;Erika;Rechnung 2~"
            + " | 3 | 1234.56 | -0.99",
      })
  void aCsvIsReadByItsMapping(String mapping, String csv, int lines, String first, String second) {
    StatementData data =
        CsvStatementReader.read(
            "export.csv",
            csv.strip().replace('~', '\n').getBytes(StandardCharsets.UTF_8),
            CsvMapping.named(mapping),
            "GB33BUKB20201555555555",
            null);
    StatementData.Statement statement = data.statements().get(0);
    assertEquals(lines, statement.lines().size());
    assertEquals(new BigDecimal(first), statement.lines().get(0).amount());
    assertEquals(new BigDecimal(second), statement.lines().get(1).amount());
    assertEquals("export.csv", statement.statementId());
    assertNull(statement.opening());
  }

  @Test
  void aCsvAmountWithTheOtherDecimalSeparatorIsRefusedWithItsLine() {
    byte[] csv =
        "booking_date,value_date,amount,currency,reference,counterparty,description\n"
            .concat("2024-05-02,2024-05-02,\"12,50\",GBP,,,\n")
            .getBytes(StandardCharsets.UTF_8);
    BusinessRuleViolation refused =
        assertThrows(
            BusinessRuleViolation.class,
            () -> CsvStatementReader.read("x.csv", csv, CsvMapping.named("default"), "ACC", "S1"));
    assertEquals(ErrorCode.STATEMENT_MALFORMED, refused.code());
    assertTrue(refused.detail().startsWith("x.csv: line 2: "), refused.detail());
  }

  @Test
  void aMappingWithoutAmountIsRefused() {
    assertEquals(
        ErrorCode.STATEMENT_UNSUPPORTED_FORMAT,
        assertThrows(
                BusinessRuleViolation.class,
                () -> CsvMapping.parse("x", "column.booking-date=date\ncurrency=EUR\n"))
            .code());
  }

  static StatementData read(String path) throws IOException {
    byte[] content;
    try (InputStream in =
        StatementReadersTest.class.getResourceAsStream("/bank-statements/" + path)) {
      content = in.readAllBytes();
    }
    String file = path.substring(path.indexOf('/') + 1);
    return path.endsWith(".xml") ? CamtReader.read(file, content) : Mt940Reader.read(file, content);
  }
}
