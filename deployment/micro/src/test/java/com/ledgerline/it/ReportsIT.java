package com.ledgerline.it;

import static com.ledgerline.it.support.ReportFiles.csv;
import static com.ledgerline.it.support.ReportFiles.pdfText;
import static com.ledgerline.it.support.ReportFiles.xlsx;
import static com.ledgerline.it.support.TestDatabase.count;
import static com.ledgerline.it.support.TestDatabase.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ledgerline.it.support.Api;
import com.ledgerline.it.support.Invariants;
import com.ledgerline.it.support.Replays;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.File;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Date;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The reports over REST on Payara Micro, the very WAR the build ships (JasperReports, its fonts and
 * Apache POI inside it). A slice of the Online Retail data no other test replays or posts on
 * (2011-01-24 .. 2011-01-26, Monday to Wednesday; the sample file ends 2011-06-30: sales, returns
 * as credit notes and refunds, card payments) is replayed through the channels; then every report
 * is fetched in every format it is offered in, and read back the way an accountant would check it:
 * the invoice, credit note and receipt PDFs name their document, the customer and the total the API
 * gives for it; the trial balance as CSV and XLSX has debits equal to credits, and every account
 * and total equal to {@code GET /api/ledger/trial-balance}; the AR aging totals equal {@code GET
 * /api/receivables/aging}; the sales journal lists every sale of the slice with the API's totals
 * and the margin report's revenue equals the journal's net; the general ledger's closing balance of
 * receivables equals the trial balance's. Bad parameters are refused with their codes; a cashier
 * prints an invoice but not the books. Every scenario ends with the invariant checks.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReportsIT {
  private static final LocalDate FROM = LocalDate.of(2011, 1, 24);
  private static final LocalDate TO = LocalDate.of(2011, 1, 26);
  private static final String CHANNEL = "online-retail";

  private static boolean replayed;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(
        WebArchive.class, new File(System.getProperty("ledgerline.war")));
  }

  @ArquillianResource private URL base;

  private Api as(String user) {
    return new Api(base).as(user);
  }

  /** The slice, replayed once for the class. */
  private static synchronized void slice() {
    if (!replayed) {
      System.out.print(Replays.replay(FROM, TO));
      replayed = true;
    }
  }

  // ------------------------------------------------------------------------------------------
  // documents

  @Test
  void invoiceCreditNoteAndReceiptNameTheirDocumentCustomerAndTotal() throws Exception {
    slice();
    String saleNumber =
        text(
            "select sale_number from sal_sale where status = 'POSTED' and channel = ?"
                + " and posting_date between ? and ? order by sale_number limit 1",
            CHANNEL,
            Date.valueOf(FROM),
            Date.valueOf(TO));
    JsonObject sale = ok(as("cashier").get("api/sales/" + saleNumber)).json();

    // a cashier prints the invoice
    Api.Download invoice = pdf(as("cashier"), "api/reports/invoices/" + saleNumber);
    assertEquals(
        "attachment; filename=\"invoice-" + saleNumber + ".pdf\"",
        invoice.header("Content-Disposition"));
    String invoiceText = pdfText(invoice);
    assertTrue(invoiceText.contains("INVOICE"), invoiceText);
    assertTrue(invoiceText.contains(saleNumber), invoiceText);
    assertTrue(invoiceText.contains(sale.getString("customerNumber")), invoiceText);
    assertTrue(invoiceText.contains(sale.getString("customerName")), invoiceText);
    assertTrue(invoiceText.contains(sale.getString("postingDate")), invoiceText);
    String currency = sale.getString("currency");
    for (String figure : List.of("subtotal", "taxTotal", "total")) {
      String printed = printed(sale.getJsonNumber(figure).bigDecimalValue(), currency);
      assertTrue(invoiceText.contains(printed), figure + " " + printed + " in\n" + invoiceText);
    }
    for (JsonValue line : sale.getJsonArray("lines")) {
      String sku = line.asJsonObject().getString("sku", null);
      if (sku != null) {
        assertTrue(invoiceText.contains(sku), sku + " in\n" + invoiceText);
      }
    }

    String creditNoteNumber =
        text(
            "select credit_note_number from sal_credit_note where posting_date between ? and ?"
                + " order by credit_note_number limit 1",
            Date.valueOf(FROM),
            Date.valueOf(TO));
    assertNotNull(creditNoteNumber, "the slice has a return");
    JsonObject note = ok(as("auditor").get("api/credit-notes/" + creditNoteNumber)).json();
    String noteText = pdfText(pdf(as("cashier"), "api/reports/credit-notes/" + creditNoteNumber));
    assertTrue(noteText.contains("CREDIT NOTE"), noteText);
    assertTrue(noteText.contains(creditNoteNumber), noteText);
    assertTrue(noteText.contains(note.getString("customerNumber")), noteText);
    assertTrue(
        noteText.contains(
            printed(note.getJsonNumber("total").bigDecimalValue(), note.getString("currency"))),
        noteText);

    String paymentNumber =
        text(
            "select payment_number from pay_payment where payment_date between ? and ?"
                + " order by payment_number limit 1",
            Date.valueOf(FROM),
            Date.valueOf(TO));
    assertNotNull(paymentNumber, "the slice has a card payment");
    JsonObject payment = ok(as("auditor").get("api/payments/" + paymentNumber)).json();
    String receiptText = pdfText(pdf(as("cashier"), "api/reports/receipts/" + paymentNumber));
    assertTrue(receiptText.contains(paymentNumber), receiptText);
    assertTrue(receiptText.contains(payment.getString("customerNumber")), receiptText);
    assertTrue(
        receiptText.contains(
            printed(
                payment.getJsonNumber("amount").bigDecimalValue(), payment.getString("currency"))),
        receiptText);

    Invariants.assertHold(as("auditor"));
  }

  // ------------------------------------------------------------------------------------------
  // books

  @Test
  void trialBalanceAsCsvAndXlsxBalancesAndEqualsTheLedger() throws Exception {
    slice();
    JsonObject rest = ok(as("finance").get("api/ledger/trial-balance?asOf=" + TO)).json();
    Map<String, BigDecimal[]> accounts = new HashMap<>();
    for (JsonValue v : rest.getJsonArray("accounts")) {
      JsonObject a = v.asJsonObject();
      accounts.put(
          a.getString("code") + " " + a.getString("currency"),
          new BigDecimal[] {amount(a, "debit"), amount(a, "credit"), amount(a, "balance")});
    }
    Map<String, BigDecimal[]> totals = new HashMap<>();
    for (JsonValue v : rest.getJsonArray("totals")) {
      JsonObject t = v.asJsonObject();
      totals.put(
          t.getString("currency"), new BigDecimal[] {amount(t, "debit"), amount(t, "credit")});
    }
    assertFalse(totals.isEmpty(), rest.toString());

    String path = "api/reports/trial-balance?asOf=" + TO + "&format=";
    List<Map<String, String>> csv = csv(as("auditor"), path + "csv", "trial-balance-" + TO);
    List<Map<String, String>> xlsx = xlsx(as("auditor"), path + "xlsx", "trial-balance-" + TO);
    for (List<Map<String, String>> rows : List.of(csv, xlsx)) {
      int details = 0;
      int totalRows = 0;
      for (Map<String, String> row : rows) {
        String currency = row.get("currency");
        switch (row.get("kind")) {
          case "DETAIL" -> {
            details++;
            BigDecimal[] expected = accounts.get(row.get("account") + " " + currency);
            assertNotNull(expected, row.toString());
            assertSame(expected[0], row.get("debit"), row);
            assertSame(expected[1], row.get("credit"), row);
            assertSame(expected[2], row.get("balance"), row);
          }
          case "TOTAL" -> {
            totalRows++;
            BigDecimal[] expected = totals.get(currency);
            assertNotNull(expected, row.toString());
            assertSame(expected[0], row.get("debit"), row);
            assertSame(expected[1], row.get("credit"), row);
            assertSame(new BigDecimal(row.get("debit")), row.get("credit"), row);
          }
          default -> throw new AssertionError("unexpected row " + row);
        }
      }
      assertEquals(accounts.size(), details, rows.toString());
      assertEquals(totals.size(), totalRows, rows.toString());
    }

    String pdf = pdfText(pdf(as("auditor"), path + "pdf"));
    assertTrue(pdf.contains("TRIAL BALANCE"), pdf);
    assertTrue(pdf.contains("As of " + TO), pdf);
    for (var total : totals.entrySet()) {
      String printed = printed(total.getValue()[0], total.getKey());
      assertTrue(pdf.contains(printed), "debits = credits " + printed + " in\n" + pdf);
    }
    Invariants.assertHold(as("auditor"));
  }

  @Test
  void agingTotalsEqualTheReceivablesAging() throws Exception {
    slice();
    JsonObject rest = ok(as("finance").get("api/receivables/aging?asOf=" + TO + "&limit=1")).json();
    Map<String, JsonObject> totals = new HashMap<>();
    for (JsonValue v : rest.getJsonArray("totals")) {
      totals.put(v.asJsonObject().getString("currency"), v.asJsonObject());
    }
    assertFalse(totals.isEmpty(), rest.toString());
    Map<String, String> columns =
        Map.of(
            "current", "current",
            "days_1_30", "days1To30",
            "days_31_60", "days31To60",
            "days_61_90", "days61To90",
            "over_90", "over90",
            "unapplied_credit", "unappliedCredit",
            "balance", "balance");
    String path = "api/reports/ar-aging?asOf=" + TO + "&format=";
    for (List<Map<String, String>> rows :
        List.of(
            csv(as("finance"), path + "csv", "ar-aging-" + TO),
            xlsx(as("finance"), path + "xlsx", "ar-aging-" + TO))) {
      Map<String, BigDecimal> detailBalances = new HashMap<>();
      int totalRows = 0;
      for (Map<String, String> row : rows) {
        String currency = row.get("currency");
        if (row.get("kind").equals("DETAIL")) {
          detailBalances.merge(currency, new BigDecimal(row.get("balance")), BigDecimal::add);
        } else if (row.get("kind").equals("TOTAL")) {
          totalRows++;
          JsonObject expected = totals.get(currency);
          assertNotNull(expected, row.toString());
          for (var column : columns.entrySet()) {
            assertSame(amount(expected, column.getValue()), row.get(column.getKey()), row);
          }
        }
      }
      assertEquals(totals.size(), totalRows, "one total per currency");
      for (var total : totals.entrySet()) {
        assertSame(
            amount(total.getValue(), "balance"),
            detailBalances.get(total.getKey()).toPlainString(),
            Map.of("customers of", total.getKey()));
      }
    }
    String pdf = pdfText(pdf(as("finance"), path + "pdf"));
    assertTrue(pdf.contains("AR AGING BY TERMS"), pdf);
    for (var total : totals.entrySet()) {
      String printed = printed(amount(total.getValue(), "balance"), total.getKey());
      assertTrue(pdf.contains(printed), "receivables " + printed + " in\n" + pdf);
    }
    Invariants.assertHold(as("auditor"));
  }

  @Test
  void salesJournalMarginGeneralLedgerAndStatementAgreeWithTheBooks() throws Exception {
    slice();
    String period = "from=" + FROM + "&to=" + TO;
    long sales =
        count(
            "select count(*) from sal_sale where status = 'POSTED' and channel = ?"
                + " and posting_date between ? and ?",
            CHANNEL,
            Date.valueOf(FROM),
            Date.valueOf(TO));
    assertTrue(sales > 0, "the slice has sales");
    String journalPath = "api/reports/sales-journal?" + period + "&channel=" + CHANNEL + "&format=";
    String journalName = "sales-journal-" + FROM + "-" + TO;
    Map<String, BigDecimal> journalNet = new HashMap<>();
    for (List<Map<String, String>> rows :
        List.of(
            csv(as("finance"), journalPath + "csv", journalName),
            xlsx(as("finance"), journalPath + "xlsx", journalName))) {
      Map<String, BigDecimal> gross = new HashMap<>();
      long listed = 0;
      for (Map<String, String> row : rows) {
        if (!row.get("channel").isEmpty()) {
          assertEquals(CHANNEL, row.get("channel"), row.toString());
        }
        if (row.get("kind").equals("DETAIL")) {
          listed++;
          gross.merge(row.get("currency"), new BigDecimal(row.get("gross")), BigDecimal::add);
          if (listed <= 3) {
            JsonObject sale = ok(as("auditor").get("api/sales/" + row.get("sale"))).json();
            assertSame(amount(sale, "subtotal"), row.get("net"), row);
            assertSame(amount(sale, "taxTotal"), row.get("tax"), row);
            assertSame(amount(sale, "total"), row.get("gross"), row);
            assertEquals(sale.getString("customerNumber"), row.get("customer"), row.toString());
          }
        } else if (row.get("kind").equals("TOTAL")) {
          assertSame(gross.get(row.get("currency")), row.get("gross"), row);
          assertEquals(sales, new BigDecimal(row.get("sales")).longValueExact(), "sales " + row);
          journalNet.put(row.get("currency"), new BigDecimal(row.get("net")));
        }
      }
      assertEquals(sales, listed, "every posted sale of the slice is listed");
    }
    String journalPdf = pdfText(pdf(as("finance"), journalPath + "pdf"));
    assertTrue(journalPdf.contains("SALES JOURNAL"), journalPdf);

    String marginPath = "api/reports/margin?" + period + "&channel=" + CHANNEL + "&format=";
    String marginName = "margin-" + FROM + "-" + TO;
    for (List<Map<String, String>> rows :
        List.of(
            csv(as("finance"), marginPath + "csv", marginName),
            xlsx(as("finance"), marginPath + "xlsx", marginName))) {
      int totalRows = 0;
      for (Map<String, String> row : rows) {
        if (row.get("kind").equals("TOTAL")) {
          totalRows++;
          assertSame(journalNet.get(row.get("currency")), row.get("revenue"), row);
          assertSame(
              new BigDecimal(row.get("revenue")).subtract(new BigDecimal(row.get("cost_of_sales"))),
              row.get("margin"),
              row);
        }
      }
      assertEquals(journalNet.size(), totalRows, "revenue of every currency");
    }
    String marginPdf = pdfText(pdf(as("finance"), marginPath + "pdf"));
    assertTrue(marginPdf.contains("MARGIN REPORT"), marginPdf);

    // receivables: the general ledger's closing balance is the trial balance's
    JsonObject trial = ok(as("finance").get("api/ledger/trial-balance?asOf=" + TO)).json();
    String glPath = "api/reports/general-ledger?" + period + "&account=1100&format=";
    String glName = "general-ledger-" + FROM + "-" + TO;
    for (List<Map<String, String>> rows :
        List.of(
            csv(as("auditor"), glPath + "csv", glName),
            xlsx(as("auditor"), glPath + "xlsx", glName))) {
      int closings = 0;
      BigDecimal running = null;
      for (Map<String, String> row : rows) {
        switch (row.get("kind")) {
          case "OPENING" -> running = new BigDecimal(row.get("balance"));
          case "DETAIL" -> {
            running = running.add(orZero(row.get("debit"))).subtract(orZero(row.get("credit")));
            assertSame(running, row.get("balance"), row);
          }
          case "CLOSING" -> {
            closings++;
            assertSame(running, row.get("balance"), row);
            JsonObject account = account(trial, "1100", row.get("currency"));
            assertSame(
                amount(account, "debit").subtract(amount(account, "credit")),
                row.get("balance"),
                row);
          }
          default -> throw new AssertionError("unexpected row " + row);
        }
      }
      assertTrue(closings > 0, "a closing balance for receivables");
    }
    String glPdf = pdfText(pdf(as("auditor"), glPath + "pdf"));
    assertTrue(glPdf.contains("GENERAL LEDGER DETAIL"), glPdf);
    assertTrue(glPdf.contains("Accounts receivable"), glPdf);

    // the statement of a customer who bought in the slice
    String customer =
        text(
            "select c.customer_number from sal_sale s join cus_customer c on c.id = s.customer_id"
                + " where s.status = 'POSTED' and s.channel = ? and s.posting_date between ? and ?"
                + " order by s.sale_number limit 1",
            CHANNEL,
            Date.valueOf(FROM),
            Date.valueOf(TO));
    String statement =
        pdfText(pdf(as("finance"), "api/reports/statement?" + period + "&customer=" + customer));
    assertTrue(statement.contains("STATEMENT"), statement);
    assertTrue(statement.contains(customer), statement);
    String firstSale =
        text(
            "select s.sale_number from sal_sale s join cus_customer c on c.id = s.customer_id"
                + " where c.customer_number = ? and s.status = 'POSTED'"
                + " and s.posting_date between ? and ? order by s.sale_number limit 1",
            customer,
            Date.valueOf(FROM),
            Date.valueOf(TO));
    assertTrue(statement.contains(firstSale), firstSale + " in\n" + statement);
    Invariants.assertHold(as("auditor"));
  }

  // ------------------------------------------------------------------------------------------
  // refusals and roles

  @Test
  void badParametersAreRefusedWithTheirCodesAndCashiersDoNotReadTheBooks() throws Exception {
    Api finance = as("finance");
    refused(404, "REPORT_UNKNOWN", finance.get("api/reports/balance-sheet"));
    refused(
        400, "REPORT_FORMAT_NOT_SUPPORTED", finance.get("api/reports/trial-balance?format=docx"));
    refused(
        400,
        "REPORT_FORMAT_NOT_SUPPORTED",
        finance.get("api/reports/statement?format=csv&from=" + FROM + "&to=" + TO + "&customer=X"));
    refused(
        400,
        "REPORT_PERIOD_INVALID",
        finance.get("api/reports/sales-journal?from=" + TO + "&to=" + FROM));
    refused(400, "REPORT_PERIOD_INVALID", finance.get("api/reports/general-ledger?from=" + FROM));
    refused(400, "REPORT_PERIOD_INVALID", finance.get("api/reports/ar-aging?asOf=19/01/2011"));
    refused(
        400,
        "REPORT_PARAMETER_MISSING",
        finance.get("api/reports/statement?from=" + FROM + "&to=" + TO));
    refused(
        404,
        "UNKNOWN_CUSTOMER",
        finance.get("api/reports/statement?from=" + FROM + "&to=" + TO + "&customer=NO-SUCH"));
    refused(404, "UNKNOWN_SALE", finance.get("api/reports/invoices/INV-NO-SUCH"));
    refused(404, "UNKNOWN_CREDIT_NOTE", finance.get("api/reports/credit-notes/CN-NO-SUCH"));
    refused(404, "UNKNOWN_PAYMENT", finance.get("api/reports/receipts/PAY-NO-SUCH"));

    Api cashier = as("cashier");
    assertEquals(403, cashier.get("api/reports/trial-balance?format=csv").status());
    assertEquals(403, cashier.get("api/reports/ar-aging?format=csv").status());
    assertEquals(401, new Api(base).get("api/reports/invoices/INV-NO-SUCH").status());
    Invariants.assertHold(as("auditor"));
  }

  // ------------------------------------------------------------------------------------------

  private static Api.Reply ok(Api.Reply reply) {
    assertEquals(200, reply.status(), reply.body());
    return reply;
  }

  private static void refused(int status, String code, Api.Reply reply) {
    assertEquals(status, reply.status(), reply.body());
    assertEquals(code, reply.json().getString("code"), reply.body());
  }

  private static Api.Download pdf(Api api, String path) throws Exception {
    Api.Download download = api.download(path);
    assertEquals(200, download.status(), download.text());
    assertEquals("application/pdf", download.contentType());
    assertTrue(
        download.header("Content-Disposition").startsWith("attachment; filename=\""),
        download.header("Content-Disposition"));
    assertTrue(download.header("Content-Disposition").endsWith(".pdf\""));
    return download;
  }

  private static BigDecimal amount(JsonObject object, String name) {
    return object.getJsonNumber(name).bigDecimalValue();
  }

  private static BigDecimal orZero(String value) {
    return value == null || value.isEmpty() ? BigDecimal.ZERO : new BigDecimal(value);
  }

  private static JsonObject account(JsonObject trial, String code, String currency) {
    for (JsonValue v : trial.getJsonArray("accounts")) {
      JsonObject a = v.asJsonObject();
      if (a.getString("code").equals(code) && a.getString("currency").equals(currency)) {
        return a;
      }
    }
    throw new AssertionError("no " + code + " " + currency + " in " + trial);
  }

  /** Equal amounts whatever their scale. */
  private static void assertSame(BigDecimal expected, String actual, Object row) {
    assertNotNull(actual, String.valueOf(row));
    assertFalse(actual.isEmpty(), "an amount expected in " + row);
    assertEquals(0, expected.compareTo(new BigDecimal(actual)), expected + " in " + row);
  }

  /** An amount as a document prints it: thousands separated, the currency's decimals (GBP 2). */
  private static String printed(BigDecimal amount, String currency) {
    int scale = java.util.Currency.getInstance(currency).getDefaultFractionDigits();
    DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.UK));
    BigDecimal value = amount.setScale(Math.max(scale, amount.stripTrailingZeros().scale()));
    format.setMinimumFractionDigits(value.scale());
    format.setMaximumFractionDigits(value.scale());
    return format.format(value);
  }
}
