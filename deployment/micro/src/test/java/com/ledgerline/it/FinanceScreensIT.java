package com.ledgerline.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ledgerline.it.support.Api;
import com.ledgerline.it.support.Broker;
import com.ledgerline.it.support.Browser;
import com.ledgerline.it.support.Fixtures;
import com.ledgerline.it.support.Invariants;
import com.ledgerline.it.support.TestDatabase;
import jakarta.json.Json;
import java.io.File;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The finance screens in a real headless Chromium on Payara Micro (the shipped WAR): the
 * receivables work queue sorted and paged by the server and a customer's page; the channel monitor
 * showing a rejection planted through the broker, with its code and its payload as text; the
 * dashboard's charts; a cashier refused the channel monitor. Screenshots go to {@code
 * target/screenshots}; each scenario ends with the invariant check.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
// the work queue posts the sales the dashboard then shows (each scenario stands on its own)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FinanceScreensIT {
  @Deployment(testable = false)
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(
        WebArchive.class, new File(System.getProperty("ledgerline.war")));
  }

  @ArquillianResource private URL base;

  private final String key = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
  private final LocalDate today = LocalDate.now();

  private Api as(String user) {
    return new Api(base).as(user);
  }

  /** A GBP customer on 30-day terms with a billing and a technical contact. */
  private String customer(int index) throws Exception {
    String number = "FS-" + key + "-" + index;
    Api.Reply reply =
        as("admin")
            .post(
                "api/customers",
                Json.createObjectBuilder()
                    .add("customerNumber", number)
                    .add("name", "Finance screens " + key + " " + index)
                    .add("currency", "GBP")
                    .add("country", "United Kingdom")
                    .add("paymentTermsDays", 30)
                    .add(
                        "billingContact",
                        Json.createObjectBuilder()
                            .add("name", "Bea Billing")
                            .add("email", "billing@" + key.toLowerCase(Locale.ROOT) + ".example"))
                    .add(
                        "technicalContact",
                        Json.createObjectBuilder()
                            .add("name", "Tom Tech")
                            .add("email", "tech@" + key.toLowerCase(Locale.ROOT) + ".example"))
                    .build()
                    .toString());
    assertEquals(201, reply.status(), reply.body());
    return number;
  }

  private String stock() throws Exception {
    String sku = "FS-SKU-" + key;
    Fixtures.stockedVariant(
        as("admin"),
        sku,
        "Ledger binder " + key,
        "10",
        "1000",
        "2.50",
        today.minusDays(400).toString());
    return sku;
  }

  /** Posts a one-unit sale {@code daysAgo} days back: overdue after 30 days. */
  private void sell(String customer, String sku, int daysAgo, int price) throws Exception {
    Api.Reply reply =
        as("cashier")
            .post(
                "api/sales",
                "{\"customerNumber\":\""
                    + customer
                    + "\",\"postingDate\":\""
                    + today.minusDays(daysAgo)
                    + "\",\"lines\":[{\"sku\":\""
                    + sku
                    + "\",\"quantity\":1,\"unitPrice\":"
                    + price
                    + "}]}");
    assertEquals(201, reply.status(), reply.body());
  }

  private static long queueRows() throws Exception {
    return TestDatabase.value(
            "select count(*) from (select 1 from ar_open_item where open_amount <> 0 group by"
                + " customer_id, currency having sum(open_amount) filter (where open_amount > 0"
                + " and due_date < current_date) > 0) q")
        .longValue();
  }

  /** The amounts of a column of the work queue's page (the figure before the currency). */
  private static List<BigDecimal> column(Browser browser, int column) {
    return browser
        .all(By.cssSelector("#queue\\:table_data tr td:nth-child(" + column + ")"))
        .stream()
        .map(cell -> new BigDecimal(cell.getText().strip().split("\\s+")[0].replace(",", "")))
        .toList();
  }

  @Test
  @Order(1)
  void financeSortsAndPagesTheWorkQueueAndOpensACustomer() throws Exception {
    String sku = stock();
    // enough overdue customers for a second page of 20, whatever else the database holds
    String first = customer(0);
    sell(first, sku, 95, 700);
    sell(first, sku, 40, 100);
    for (int i = 1; queueRows() < 25; i++) {
      sell(customer(i), sku, 45 + i, 20 + i);
    }
    try (Browser browser = new Browser(base)) {
      browser.login("finance");
      browser.open("customers/queue.xhtml");
      browser.waitForText(By.cssSelector("#queue\\:table .ui-paginator-current"), "customers");
      assertFalse(browser.all(By.id("navWorkQueue")).isEmpty(), "finance sees the work queue");
      String report = browser.text(By.cssSelector("#queue\\:table .ui-paginator-current"));
      assertTrue(report.startsWith("1–20 of "), report);

      // the queue's own order is most overdue first
      List<BigDecimal> overdue = column(browser, 5);
      assertEquals(20, overdue.size());
      for (int i = 1; i < overdue.size(); i++) {
        assertTrue(
            overdue.get(i - 1).compareTo(overdue.get(i)) >= 0, "most overdue first: " + overdue);
      }
      browser.screenshot("20-work-queue");

      // sort by balance, smallest first (one click on the header): sorted by the server
      browser.clickAndWaitForAjax(By.xpath("//th[.//span[text()='Balance']]"));
      browser.until(
          ExpectedConditions.attributeContains(
              By.xpath("//th[.//span[text()='Balance']]"), "aria-sort", "ascending"));
      List<BigDecimal> balances = column(browser, 4);
      assertEquals(20, balances.size());
      for (int i = 1; i < balances.size(); i++) {
        assertTrue(balances.get(i - 1).compareTo(balances.get(i)) <= 0, "by balance: " + balances);
      }

      // the next page: rows 21..40 of the same order
      browser.clickAndWaitForAjax(By.cssSelector("#queue\\:table .ui-paginator-next"));
      browser.waitForText(By.cssSelector("#queue\\:table .ui-paginator-current"), "21–");
      List<BigDecimal> secondPage = column(browser, 4);
      assertFalse(secondPage.isEmpty());
      assertTrue(
          balances.get(balances.size() - 1).compareTo(secondPage.get(0)) <= 0,
          "page 2 continues page 1: " + balances + " / " + secondPage);

      // open a customer: ours, through the page reached by its number
      browser.open("customers/customer.xhtml?number=" + first);
      assertEquals(first, browser.text(By.id("customerNumber")));
      assertTrue(browser.text(By.id("billingContact")).contains("Bea Billing"));
      assertTrue(browser.text(By.id("technicalContact")).contains("Tom Tech"));
      assertTrue(
          browser.text(By.id("customerBalance")).startsWith("960.00 GBP"),
          "700 + 100 pounds plus 20 % VAT: " + browser.text(By.id("customerBalance")));
      // two open items, both overdue, the oldest first
      List<WebElement> items = browser.all(By.cssSelector("[id$='openItems_data'] tr"));
      assertEquals(2, items.size());
      assertTrue(items.get(0).getText().contains("840.00"), items.get(0).getText());
      browser.screenshot("21-customer");

      // the sales list filtered by the customer: its two sales, each linking to the sale's page
      browser.open("sales/list.xhtml");
      browser.type(By.id("sales:customer"), first);
      browser.clickAndWaitForAjax(By.id("sales:search"));
      browser.waitForText(By.cssSelector("#sales\\:list .ui-paginator-current"), "1–2 of 2 sales");
      List<WebElement> links = browser.all(By.cssSelector("#sales\\:list_data a.ll-sale-link"));
      assertEquals(2, links.size());
      assertTrue(links.get(0).getAttribute("href").contains("sales/sale.xhtml?number="));
      // sorted by total, smallest first: the 120.00 sale before the 840.00 one
      browser.clickAndWaitForAjax(By.xpath("//th[.//span[text()='Total']]"));
      browser.until(
          ExpectedConditions.attributeContains(
              By.xpath("//th[.//span[text()='Total']]"), "aria-sort", "ascending"));
      browser.waitForText(
          By.cssSelector("#sales\\:list_data tr:first-child td:last-child"), "120.00 GBP");
      browser.screenshot("26-sales-list");

      // and a customer opened from the queue's link
      browser.open("customers/queue.xhtml");
      String number =
          browser
              .driver()
              .findElement(
                  By.cssSelector("#queue\\:table_data tr:first-child td:nth-child(2) .ll-muted"))
              .getText();
      browser.clickAndWaitForPage(
          By.cssSelector("#queue\\:table_data tr:first-child a.ll-customer-link"));
      assertEquals(number, browser.text(By.id("customerNumber")));
    }
    Invariants.assertHold(as("auditor"));
  }

  @Test
  @Order(2)
  void theChannelMonitorShowsAPlantedRejectionWithItsCodeAndThePayloadAsText() throws Exception {
    String payload = "not json " + key + " <b>Bold & Co</b><script>window.planted=1</script>";
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("messageType", "pos.sale");
    properties.put("schemaVersion", "1");
    properties.put("channel", "pos-store");
    properties.put("JMSXGroupID", "FS-" + key);
    try (Broker broker = new Broker()) {
      broker.send("ledgerline.pos.sales", payload, properties);
    }
    long deadline = System.currentTimeMillis() + 60_000;
    while (TestDatabase.value("select count(*) from chn_rejection where payload = ?", payload)
            .longValue()
        < 1) {
      assertTrue(System.currentTimeMillis() < deadline, "the rejection is recorded");
      TestDatabase.text("select pg_sleep(0.05)");
    }
    long id =
        TestDatabase.value("select id from chn_rejection where payload = ?", payload).longValue();
    try (Browser browser = new Browser(base)) {
      browser.login("finance");
      browser.open("channels/monitor.xhtml");
      browser.waitForText(By.id("monitor:rejections_data"), "MALFORMED_MESSAGE");
      // the newest rejection first: ours
      WebElement row =
          browser.driver().findElement(By.cssSelector("#monitor\\:rejections_data tr:first-child"));
      assertTrue(row.getText().startsWith(String.valueOf(id)), row.getText());
      assertTrue(row.getText().contains("MALFORMED_MESSAGE"), row.getText());
      assertTrue(browser.text(By.id("monitor:channels")).contains("pos-store"));
      browser.screenshot("22-channel-monitor");

      browser.clickAndWaitForAjax(
          By.cssSelector("#monitor\\:rejections_data tr:first-child button"));
      browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("payloadText")));
      assertEquals("MALFORMED_MESSAGE", browser.text(By.id("payloadCode")));
      assertEquals(payload, browser.text(By.id("payloadText")), "the payload reads as text");
      assertEquals(null, browser.script("return window.planted;"), "no markup of it ran");
      assertTrue(
          browser.all(By.cssSelector("#payloadText b")).isEmpty(), "no markup of it rendered");
      browser.screenshot("23-rejection-payload");
    }
    Invariants.assertHold(as("auditor"));
  }

  @Test
  @Order(3)
  void theDashboardDrawsItsChartsWithoutScriptErrors() throws Exception {
    try (Browser browser = new Browser(base)) {
      browser.login("finance");
      browser.open("dashboard/index.xhtml");
      for (String chart :
          List.of("revenueChart", "agingChart", "latencyChart", "rejectionsChart")) {
        browser.until(
            ExpectedConditions.presenceOfElementLocated(By.cssSelector("#" + chart + " canvas")));
        browser.until(
            d ->
                Boolean.TRUE.equals(
                    browser.script(
                        "var c = document.querySelector('#"
                            + chart
                            + " canvas');"
                            + " return !!(window.Chart && Chart.getChart(c));")));
      }
      browser.screenshot("24-dashboard");
      List<LogEntry> severe =
          browser.driver().manage().logs().get(LogType.BROWSER).getAll().stream()
              .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
              // the browser asks for /favicon.ico on its own; the application serves none
              .filter(entry -> !entry.getMessage().contains("/favicon.ico"))
              .toList();
      assertEquals(
          List.of(),
          severe.stream().map(LogEntry::getMessage).toList(),
          "no errors in the browser");
    }
    Invariants.assertHold(as("auditor"));
  }

  @Test
  @Order(4)
  void aCashierCannotOpenTheChannelMonitor() throws Exception {
    try (Browser browser = new Browser(base)) {
      browser.login("cashier");
      browser.open("channels/monitor.xhtml");
      assertEquals(
          "Your roles do not allow this page. Ask an administrator if you need it.",
          browser.text(By.id("errorText")));
      assertTrue(browser.all(By.id("navChannels")).isEmpty(), "a cashier is not shown the monitor");
      assertFalse(browser.all(By.id("navSales")).isEmpty(), "a cashier sees the sales list");
      browser.open("sales/list.xhtml");
      browser.waitForText(By.cssSelector("#sales\\:list .ui-paginator-current"), "sales");
      browser.screenshot("25-sales-list-cashier");
    }
    Invariants.assertHold(as("auditor"));
  }

  @Test
  @Order(5)
  void financeDownloadsTheTrialBalanceFromTheReportsScreenAndIsToldWhatAPeriodReportLacks()
      throws Exception {
    try (Browser browser = new Browser(base)) {
      browser.login("finance");
      browser.clickAndWaitForPage(By.id("navReports"));

      // a period report without its period stays on the page with the rule that was broken
      browser.choose("reports:report", "Sales journal", "sales-journal");
      browser.clickAndWaitForPage(By.id("reports:download"));
      String refusal = browser.text(By.id("messages"));
      assertTrue(
          refusal.contains("This report needs a period") && refusal.contains("from= and to="),
          refusal);
      browser.screenshot("27-reports-refused");

      // the trial balance as CSV: the same book the API gives for the same day
      LocalDate today = LocalDate.now();
      browser.choose("reports:report", "Trial balance", "trial-balance");
      browser.choose("reports:format", "CSV", "csv");
      // a download leaves the page as it is: wait for the file, not for a new page
      browser.until(ExpectedConditions.elementToBeClickable(By.id("reports:download"))).click();
      String downloaded =
          java.nio.file.Files.readString(browser.awaitDownload(".csv"), StandardCharsets.UTF_8);
      Api.Download api =
          as("finance").download("api/reports/trial-balance?format=csv&asOf=" + today);
      assertEquals(200, api.status());
      assertEquals(api.text(), downloaded, "the screen's trial balance is the API's");
      assertTrue(downloaded.lines().count() > 2, "a header, accounts and the total: " + downloaded);
    }
    Invariants.assertHold(as("auditor"));
  }
}
