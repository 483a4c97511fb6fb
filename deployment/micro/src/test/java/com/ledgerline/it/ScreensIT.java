package com.ledgerline.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ledgerline.it.support.Api;
import com.ledgerline.it.support.Await;
import com.ledgerline.it.support.Browser;
import com.ledgerline.it.support.Fixtures;
import com.ledgerline.it.support.Invariants;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.File;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The screens in a real headless Chromium on Payara Micro (the shipped WAR, one deployment for
 * every browser test): signing in and out, what each role sees and may open. Screenshots of each
 * main screen go to {@code target/screenshots}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ScreensIT {
  @Deployment(testable = false)
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(
        WebArchive.class, new File(System.getProperty("ledgerline.war")));
  }

  @ArquillianResource private URL base;

  @Test
  void aCashierSignsInSeesTheirNameRoleAndNavigationAndSignsOut() throws Exception {
    try (Browser browser = new Browser(base)) {
      browser.open("index.xhtml");
      assertTrue(
          browser.driver().getCurrentUrl().contains("login.xhtml"),
          "a signed-out user is sent to the login form: " + browser.driver().getCurrentUrl());
      browser.screenshot("01-login");

      browser.login("cashier", "not the password");
      assertTrue(browser.text(By.id("login:messages")).contains("not right"));
      assertTrue(browser.all(By.id("signedInUser")).isEmpty());

      browser.login("cashier");
      assertEquals("cashier", browser.text(By.id("signedInUser")));
      assertTrue(browser.source().contains(">CASHIER<"), "the role is shown");
      assertFalse(browser.all(By.id("navNewSale")).isEmpty(), "a cashier may sell");
      assertTrue(browser.all(By.id("navApprovals")).isEmpty(), "a cashier decides nothing");
      browser.screenshot("02-home-cashier");

      browser.logout();
      browser.open("index.xhtml");
      assertTrue(browser.driver().getCurrentUrl().contains("login.xhtml"), "signed out for good");
    }
    Invariants.assertHold(new Api(base).as("auditor"));
  }

  @Test
  void aCashierOpeningTheApprovalsIsRefusedWithTheForbiddenPage() throws Exception {
    try (Browser browser = new Browser(base)) {
      browser.open("approvals/inbox.xhtml");
      String loginUrl = browser.driver().getCurrentUrl();
      assertTrue(loginUrl.contains("continue="), loginUrl + "\n" + browser.source());
      browser.login("cashier");
      // the login form returns to the page asked for, which the cashier may not open
      browser.screenshot("09-forbidden");
      assertTrue(
          browser.source().contains("errorText"),
          browser.driver().getCurrentUrl() + "\n" + browser.source());
      assertEquals(
          "Your roles do not allow this page. Ask an administrator if you need it.",
          browser.text(By.id("errorText")));
    }
    Invariants.assertHold(new Api(base).as("auditor"));
  }

  /** A customer whose name is markup, and a stock-tracked variant with 10 units at 5.00 GBP. */
  private String[] fixture(String markupName) throws Exception {
    String id = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    String customer = "SCR-" + id;
    String sku = "SCR-SKU-" + id;
    Api admin = new Api(base).as("admin");
    Api.Reply created =
        admin.post(
            "api/customers",
            "{\"customerNumber\":\""
                + customer
                + "\",\"name\":"
                + jakarta.json.Json.createValue(markupName)
                + ",\"currency\":\"GBP\",\"paymentTermsDays\":30}");
    assertEquals(201, created.status(), created.body());
    Fixtures.stockedVariant(admin, sku, "Enamel mug", "5.00", "10", "2.00", "2011-01-10");
    return new String[] {customer, sku};
  }

  /** Types into a PrimeFaces autocomplete and picks the suggestion showing {@code text}. */
  private static void pick(Browser browser, String inputId, String text) {
    browser.type(By.id(inputId), text);
    By item =
        By.xpath(
            "//*[contains(@class,'ui-autocomplete-item') and .//td[normalize-space()='"
                + text
                + "']]");
    browser.until(ExpectedConditions.elementToBeClickable(item)).click();
    browser.waitForAjax();
  }

  /** Chooses an option of the n-th (0-based) PrimeFaces select menu with this style class. */
  private static void choose(
      Browser browser, String styleClass, int index, String label, String value) {
    String id = browser.all(By.cssSelector("div." + styleClass)).get(index).getAttribute("id");
    browser.choose(id, label, value);
  }

  private static BigDecimal amount(String shown) {
    return new BigDecimal(shown.replace(",", "").trim());
  }

  @Test
  void aCashierSellsPaysSplitAndAsksForADeletionWhichAnotherApproverApproves() throws Exception {
    String markup = "<b>Bold & Co</b><script>window.ledgerlineInjected=1</script>";
    String[] fixture = fixture(markup);
    String customer = fixture[0];
    String sku = fixture[1];
    Api auditor = new Api(base).as("auditor");
    String saleNumber;
    String cardPayment;
    String cashPayment;
    String cashierRequest;

    try (Browser browser = new Browser(base)) {
      browser.login("cashier");
      browser.open("sales/new.xhtml");
      browser.waitForText(By.cssSelector("h1.ll-title"), "New sale");

      pick(browser, "sale:customer_input", customer);
      // the name is shown as text: the markup is neither bold nor run
      assertEquals(markup, browser.text(By.id("customerName")));
      assertTrue(browser.all(By.cssSelector("#customerName b")).isEmpty());
      assertEquals(null, browser.script("return window.ledgerlineInjected;"));
      assertEquals("ACTIVE", browser.text(By.id("customerStatus")));
      assertEquals(0, amount(browser.text(By.id("customerBalance")).replace("GBP", "")).signum());

      pick(browser, "sale:variant_input", sku);
      browser.type(By.id("sale:quantity"), "2");
      browser.clickAndWaitForAjax(By.id("sale:addLineButton"));
      // the server's figures: 2 × 5.00 net, tax at the GB standard rate the draft shows
      browser.waitForText(By.id("subtotal"), "10.00");
      BigDecimal rate =
          amount(browser.text(By.cssSelector("#sale\\:lines td:nth-child(8)")).replace("%", ""));
      BigDecimal tax =
          new BigDecimal("10.00").multiply(rate).movePointLeft(2).setScale(2, RoundingMode.HALF_UP);
      assertEquals(tax, amount(browser.text(By.id("taxTotal"))));
      BigDecimal total = new BigDecimal("10.00").add(tax);
      assertEquals(total, amount(browser.text(By.id("total"))));
      assertEquals("10.0000", browser.text(By.cssSelector("#sale\\:lines td:nth-child(4)")));
      browser.screenshot("03-sale-entry");

      browser.clickAndWaitForAjax(By.id("sale:save"));
      saleNumber =
          browser
              .until(ExpectedConditions.visibilityOfElementLocated(By.id("sale:saleNumber")))
              .getText();
      assertTrue(saleNumber.startsWith("INV-"), saleNumber);
      assertEquals("UNPAID", browser.text(By.id("paymentStatus")));
      // the customer now owes the sale's total
      assertEquals(total, amount(browser.text(By.id("customerBalance")).replace("GBP", "")));

      // the journal entry on the screen is the one the ledger holds
      JsonObject posted = auditor.get("api/sales/" + saleNumber).json();
      JsonObject entry = posted.getJsonArray("journalEntries").getJsonObject(0);
      assertEquals(entry.getString("entryNumber"), browser.text(By.cssSelector(".ll-je-number")));
      String page = browser.text(By.cssSelector(".ll-journal"));
      for (JsonObject line : entry.getJsonArray("lines").getValuesAs(JsonObject.class)) {
        assertTrue(page.contains(line.getString("accountCode")), page);
      }
      assertTrue(
          page.contains(total.toPlainString()), "the receivable debit " + total + ": " + page);
      assertTrue(
          browser.text(By.id("sale:after:stock")).contains("-2.0000"), "two mugs left stock");
      browser.screenshot("04-sale-posted");

      // Print: the button opens the invoice as a PDF under the cashier's session
      String invoice = printed(browser, By.cssSelector("[id='sale:print'] a"));
      assertTrue(invoice.contains(saleNumber), "the invoice names its sale: " + invoice);
      assertTrue(
          invoice.contains(total.toPlainString()), "the invoice's total " + total + ": " + invoice);

      // Payments: a split tender, card 5.00 and cash 3.00
      browser.clickAndWaitForAjax(By.linkText("Payments"));
      choose(browser, "ll-tender-method", 0, "Card", "card");
      WebElement first = browser.all(By.cssSelector("input.ll-tender-amount")).get(0);
      first.clear();
      first.sendKeys("5.00");
      browser.clickAndWaitForAjax(By.id("sale:after:addTender"));
      browser.until(d -> browser.all(By.cssSelector("input.ll-tender-amount")).size() == 2);
      choose(browser, "ll-tender-method", 1, "Cash", "cash");
      WebElement second = browser.all(By.cssSelector("input.ll-tender-amount")).get(1);
      second.clear();
      second.sendKeys("3.00");
      browser.clickAndWaitForAjax(By.id("sale:after:recordPayment"));
      assertEquals(
          "PARTIALLY_PAID", browser.text(By.id("paidStatus")), browser.text(By.id("messages")));
      assertEquals(new BigDecimal("8.00"), amount(browser.text(By.id("amountPaid"))));
      List<WebElement> numbers = browser.all(By.cssSelector(".ll-payment-number"));
      assertEquals(2, numbers.size());
      cardPayment = numbers.get(0).getText();
      cashPayment = numbers.get(1).getText();
      browser.screenshot("05-sale-payments");
      String receipt = printed(browser, By.cssSelector("[id$='0:receipt']"));
      assertTrue(receipt.contains(cardPayment), "the receipt names its payment: " + receipt);
      assertTrue(receipt.contains(saleNumber), "the receipt names the sale it paid: " + receipt);

      // ask for the card payment's deletion
      browser.clickAndWaitForAjax(By.cssSelector("[id$='0:askDeletion']"));
      browser.type(By.id("sale:after:deletionReason"), "card charged twice at the till");
      browser.clickAndWaitForAjax(By.id("sale:after:sendDeletion"));
      cashierRequest = browser.text(By.cssSelector(".ll-request-number"));
      assertTrue(cashierRequest.startsWith("APR-"), cashierRequest);
      browser.screenshot("06-deletion-requested");

      // a cashier decides nothing: the inbox is refused
      browser.open("approvals/inbox.xhtml");
      assertEquals(
          "Your roles do not allow this page. Ask an administrator if you need it.",
          browser.text(By.id("errorText")));
      browser.logout();
    }

    // an approver asks for the cash payment's deletion themselves (over REST)
    Api approver2 = new Api(base).as("approver2");
    Api.Reply own =
        approver2.post(
            "api/payments/" + cashPayment + "/deletion-requests",
            "{\"reason\":\"cash counted short\"}");
    assertEquals(201, own.status(), own.body());
    String ownRequest = own.json().getString("requestNumber");
    for (String payment : List.of(cardPayment, cashPayment)) {
      Await.until(
          "the deletion request of " + payment + " is routed",
          Duration.ofSeconds(30),
          () ->
              auditor
                  .get("api/payments/" + payment + "/deletion-requests")
                  .structure()
                  .asJsonArray(),
          (JsonArray requests) ->
              requests.getValuesAs(JsonObject.class).stream()
                  .anyMatch(r -> "AWAITING_APPROVAL".equals(r.getString("status"))));
    }

    try (Browser browser = new Browser(base)) {
      browser.login("approver2");
      browser.open("approvals/inbox.xhtml");
      browser.waitForText(By.cssSelector("h1.ll-title"), "Approvals");
      String inbox = browser.text(By.id("inbox:requests"));
      assertTrue(inbox.contains(cashierRequest) && inbox.contains(ownRequest), inbox);
      assertTrue(inbox.contains("card charged twice at the till"), "the requester's reason");
      assertTrue(inbox.contains(saleNumber), "the sale of the payment");
      browser.screenshot("07-approvals-inbox");

      // their own request: the boundary refuses, the screen says why
      decide(browser, ownRequest, "looks right to me");
      browser.clickAndWaitForAjax(By.id("inbox:approve"));
      assertTrue(
          browser.text(By.id("messages")).contains("Nobody may decide their own request"),
          browser.text(By.id("messages")));
      browser.screenshot("08-own-request-refused");

      decide(browser, cashierRequest, "duplicate card charge confirmed");
      browser.clickAndWaitForAjax(By.id("inbox:approve"));
      browser.waitForText(By.id("messages"), cashierRequest + " is now APPROVED");

      // the sale's page: one timeline of everything that happened to it
      browser.open("sales/sale.xhtml?number=" + saleNumber);
      String timeline =
          (String)
              browser.script("return document.querySelector(\"[id$='timeline']\").textContent;");
      for (String kind :
          List.of(
              "Revision",
              "Journal entry",
              "Stock movement",
              "Customer ledger",
              "Payment",
              "Payment reversal",
              "Approval request",
              "Approval decision")) {
        assertTrue(timeline.contains(kind), kind + " in " + timeline);
      }
      assertTrue(timeline.contains(cardPayment) && timeline.contains(cashierRequest), timeline);
      assertEquals(markup, browser.text(By.cssSelector("[id$='customerName']")));
      browser.screenshot("10-sale-page");
    }

    JsonObject card = auditor.get("api/payments/" + cardPayment).json();
    assertEquals("REVERSED", card.getString("status"));
    assertEquals("approver2", card.getJsonObject("reversal").getString("approvedBy"));
    JsonObject sale = auditor.get("api/sales/" + saleNumber).json();
    assertEquals(
        0, new BigDecimal("3.00").compareTo(sale.getJsonNumber("amountPaid").bigDecimalValue()));
    assertEquals("PARTIALLY_PAID", sale.getString("paymentStatus"));
    Invariants.assertHold(auditor);
  }

  /**
   * The text of the PDF a print link points at, fetched with the browser's own session cookie (a
   * headless browser would hand a PDF to its viewer, out of Selenium's reach).
   */
  private static String printed(Browser browser, By link) throws Exception {
    String href = browser.until(ExpectedConditions.elementToBeClickable(link)).getAttribute("href");
    String session = browser.driver().manage().getCookieNamed("JSESSIONID").getValue();
    HttpResponse<byte[]> pdf =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(href))
                    .header("Cookie", "JSESSIONID=" + session)
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, pdf.statusCode(), href);
    assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""), href);
    try (PDDocument document = Loader.loadPDF(pdf.body())) {
      return new PDFTextStripper().getText(document);
    }
  }

  private static void decide(Browser browser, String requestNumber, String reason) {
    browser.clickAndWaitForAjax(
        By.xpath(
            "//tr[.//span[contains(@class,'ll-request-number') and normalize-space()='"
                + requestNumber
                + "']]//button[contains(@id,'decide')]"));
    browser.type(By.id("inbox:reason"), reason);
  }
}
