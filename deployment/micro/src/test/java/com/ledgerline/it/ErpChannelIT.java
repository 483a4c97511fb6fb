package com.ledgerline.it;

import static com.ledgerline.it.support.TestDatabase.count;
import static com.ledgerline.it.support.TestDatabase.text;
import static com.ledgerline.it.support.TestDatabase.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ledgerline.it.support.Api;
import com.ledgerline.it.support.Broker;
import com.ledgerline.it.support.Invariants;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.File;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URL;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The ERP on the channels, on Payara Micro with the real PostgreSQL and Artemis: customer and
 * variant upserts, stock receipts at a unit cost and stock adjustments with a reason, each sent as
 * the ERP sends it (a JMS text message on its queue) and checked as the ERP user checks it: the
 * customer, variant and stock over REST, the journal lines of the documents, the message log, and
 * the rejections with their payloads. Every scenario makes its own customers and SKUs, waits on the
 * message log (never a fixed pause) and ends with the invariant checks.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ErpChannelIT {
  private static final long SETTLE_TIMEOUT_MILLIS = 30_000;
  private static final String CHANNEL = "erp";
  private static final String CUSTOMERS = "ledgerline.erp.customers";
  private static final String PRODUCTS = "ledgerline.erp.products";
  private static final String STOCK = "ledgerline.erp.stock";

  /** A month no other test closes. */
  private static final String DATE = "2011-05-10";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(
        WebArchive.class, new File(System.getProperty("ledgerline.war")));
  }

  @ArquillianResource private URL base;

  private Api as(String user) {
    return new Api(base).as(user);
  }

  private static String id() {
    return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
  }

  private static BigDecimal money(String amount) {
    return new BigDecimal(amount);
  }

  private static void assertAmount(BigDecimal expected, BigDecimal actual, String what) {
    assertEquals(
        0, expected.compareTo(actual), what + ": expected " + expected + ", was " + actual);
  }

  private static void assertAmount(String expected, JsonObject json, String field) {
    assertAmount(money(expected), json.getJsonNumber(field).bigDecimalValue(), field);
  }

  private void assertInvariantsHold() throws Exception {
    Invariants.assertHold(as("auditor"));
  }

  // ---- the ERP's side: messages ----

  /** Sends one ERP message as the ERP does, with the envelope of DESIGN.md 6. */
  private static void send(String queue, String type, String group, JsonObject body)
      throws Exception {
    sendRaw(queue, type, group, body.toString());
  }

  private static void sendRaw(String queue, String type, String group, String body)
      throws Exception {
    try (Broker broker = new Broker()) {
      broker.send(
          queue,
          body,
          Map.of(
              "messageType", type,
              "schemaVersion", "1",
              "channel", CHANNEL,
              "JMSXGroupID", group));
    }
  }

  /** A settled message as the log records it. */
  private record Settled(String outcome, String errorCode, String documentType, String number) {}

  /**
   * Waits until the message log holds {@code rows} rows for the key, then answers the newest. Polls
   * the log with a deadline.
   */
  private static Settled awaitSettled(String messageId, int rows) throws Exception {
    Instant deadline = Instant.now().plusMillis(SETTLE_TIMEOUT_MILLIS);
    String where = " from chn_message_log where channel = 'erp' and transaction_id = ?";
    while (count("select count(*)" + where, messageId) < rows) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(
            "message " + messageId + " was not settled " + rows + " time(s) by the deadline");
      }
      TimeUnit.MILLISECONDS.sleep(50);
    }
    String newest = where + " order by id desc limit 1";
    return new Settled(
        text("select outcome" + newest, messageId),
        text("select error_code" + newest, messageId),
        text("select document_type" + newest, messageId),
        text("select document_number" + newest, messageId));
  }

  private static Settled awaitPosted(String messageId) throws Exception {
    Settled settled = awaitSettled(messageId, 1);
    assertEquals("POSTED", settled.outcome(), messageId + " " + settled);
    return settled;
  }

  /** Waits for the rejection and answers it as REST lists it, payload and properties included. */
  private JsonObject awaitRejected(String messageId, int rows, String code) throws Exception {
    Settled settled = awaitSettled(messageId, rows);
    assertEquals("REJECTED", settled.outcome(), messageId + " " + settled);
    assertEquals(code, settled.errorCode(), messageId + " " + settled);
    Api.Reply list = as("auditor").get("api/channels/rejections?channel=erp&code=" + code);
    assertEquals(200, list.status(), list.body());
    JsonObject listed =
        list.structure().asJsonArray().stream()
            .map(JsonValue::asJsonObject)
            .filter(r -> messageId.equals(r.getString("transactionId", null)))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no rejection of " + messageId + ": " + list));
    Api.Reply one = as("auditor").get("api/channels/rejections/" + listed.getJsonNumber("id"));
    assertEquals(200, one.status(), one.body());
    return one.json();
  }

  private static JsonObject parse(String json) {
    return Json.createReader(new StringReader(json)).readObject();
  }

  private static JsonObjectBuilder customerMessage(String messageId, String number) {
    return Json.createObjectBuilder()
        .add("messageId", messageId)
        .add("capturedAt", Instant.now().toString())
        .add("customerNumber", number)
        .add("name", "ERP customer " + number)
        .add("legalEntity", "ERP Customer " + number + " Ltd")
        .add("taxId", "GB" + Math.abs(number.hashCode()))
        .add("currency", "GBP")
        .add("country", "United Kingdom")
        .add("paymentTerms", "NET_30")
        .add("creditLimit", "5000.00")
        .add(
            "billingContact",
            Json.createObjectBuilder()
                .add("name", "Bea Billing")
                .add("email", "billing@" + number.toLowerCase() + ".example")
                .add("phone", "+44 20 7946 0001"))
        .add(
            "billingAddress",
            Json.createObjectBuilder()
                .add("lines", Json.createArrayBuilder().add("1 Ledger Lane").add("Floor 2"))
                .add("city", "London")
                .add("postalCode", "EC1A 1BB")
                .add("countryCode", "GB"));
  }

  private static JsonObjectBuilder variantMessage(
      String messageId, String sku, String price, String unitCost) {
    JsonObjectBuilder message =
        Json.createObjectBuilder()
            .add("messageId", messageId)
            .add("sku", sku)
            .add("productCode", sku)
            .add("productName", "ERP product " + sku)
            .add("taxCategory", "STANDARD")
            .add("sellingPrice", price)
            .add("currency", "GBP")
            .add("stockTracked", true)
            .add("backorderAllowed", false);
    if (unitCost != null) {
      message.add("unitCost", unitCost);
    }
    return message;
  }

  private static JsonObjectBuilder receiptMessage(
      String messageId, String sku, String quantity, String unitCost) {
    return Json.createObjectBuilder()
        .add("messageId", messageId)
        .add("sku", sku)
        .add("quantity", quantity)
        .add("unitCost", unitCost)
        .add("currency", "GBP")
        .add("postingDate", DATE);
  }

  private static JsonObjectBuilder adjustmentMessage(
      String messageId, String sku, String quantity, String reason) {
    return Json.createObjectBuilder()
        .add("messageId", messageId)
        .add("sku", sku)
        .add("quantity", quantity)
        .add("reason", reason)
        .add("postingDate", DATE)
        .add("note", "counted by the ERP");
  }

  // ---- fixtures through the ERP ----

  private static String erpCustomer() throws Exception {
    String number = "ERP-" + id();
    String messageId = "CUS-" + id();
    send(CUSTOMERS, "erp.customer", number, customerMessage(messageId, number).build());
    awaitPosted(messageId);
    return number;
  }

  private static String erpVariant(String price) throws Exception {
    String sku = "ERP-" + id();
    String messageId = "VAR-" + id();
    send(PRODUCTS, "erp.variant", sku, variantMessage(messageId, sku, price, null).build());
    awaitPosted(messageId);
    return sku;
  }

  private static String erpReceipt(String sku, String quantity, String unitCost) throws Exception {
    String messageId = "GRN-" + id();
    send(
        STOCK,
        "erp.stock-receipt",
        sku,
        receiptMessage(messageId, sku, quantity, unitCost).build());
    return awaitPosted(messageId).number();
  }

  // ---- the ERP user's side: REST and the books ----

  private JsonObject customer(String number) throws Exception {
    Api.Reply reply = as("admin").get("api/customers/" + number);
    assertEquals(200, reply.status(), reply.body());
    return reply.json();
  }

  private JsonObject variant(String sku) throws Exception {
    Api.Reply reply = as("admin").get("api/variants/" + sku);
    assertEquals(200, reply.status(), reply.body());
    return reply.json();
  }

  private JsonObject stock(String sku) throws Exception {
    Api.Reply reply = as("auditor").get("api/stock/" + sku);
    assertEquals(200, reply.status(), reply.body());
    return reply.json();
  }

  private JsonObject sell(String customer, String sku, int quantity) throws Exception {
    Api.Reply reply =
        as("cashier")
            .post(
                "api/sales",
                Json.createObjectBuilder()
                    .add("customerNumber", customer)
                    .add("postingDate", DATE)
                    .add("taxJurisdiction", "GB")
                    .add(
                        "lines",
                        Json.createArrayBuilder()
                            .add(
                                Json.createObjectBuilder()
                                    .add("sku", sku)
                                    .add("quantity", quantity)))
                    .build()
                    .toString());
    assertEquals(201, reply.status(), reply.body());
    return reply.json();
  }

  /** The journal amount of an account in the entry of a document (debit − credit). */
  private static BigDecimal journal(String documentNumber, String account) throws Exception {
    return value(
        "select coalesce(sum(l.debit - l.credit), 0) from gl_journal_line l join gl_journal_entry e"
            + " on e.id = l.journal_entry_id where e.document_number = ? and l.account_code = ?",
        documentNumber,
        account);
  }

  private static long audited(String action, String documentNumber) throws Exception {
    return count(
        "select count(*) from aud_record where action = ? and document_number = ? and actor ="
            + " 'system'",
        action,
        documentNumber);
  }

  // ---- scenarios ----

  @Test
  void aCustomerUpsertRegistersThenReplacesMasterDataAndHolds() throws Exception {
    String number = "ERP-" + id();
    String first = "CUS-" + id();
    send(CUSTOMERS, "erp.customer", number, customerMessage(first, number).build());

    Settled registered = awaitPosted(first);
    assertEquals("CUSTOMER", registered.documentType());
    assertEquals(number, registered.number());
    JsonObject read = customer(number);
    assertEquals("ERP customer " + number, read.getString("name"));
    assertEquals("GBP", read.getString("currency"));
    assertEquals("NET_30", read.getString("paymentTerms"));
    assertEquals("ACTIVE", read.getString("status"));
    assertAmount("5000", read, "creditLimit");
    assertEquals("Bea Billing", read.getJsonObject("billingContact").getString("name"));
    assertEquals(
        List.of("1 Ledger Lane", "Floor 2"),
        read.getJsonObject("billingAddress")
            .getJsonArray("lines")
            .getValuesAs(JsonString::getString));
    assertEquals(1, audited("customer.registered", number));

    // the second message is the whole record: new name, terms, limit, contact, status on hold,
    // the billing address left out (cleared)
    String second = "CUS-" + id();
    send(
        CUSTOMERS,
        "erp.customer",
        number,
        customerMessage(second, number)
            .add("name", "Renamed " + number)
            .add("paymentTermsDays", 60)
            .remove("paymentTerms")
            .add("creditLimit", "750.50")
            .add(
                "technicalContact",
                Json.createObjectBuilder().add("name", "Tia Tech").add("email", "tia@x.example"))
            .remove("billingAddress")
            .add("status", "ON_HOLD")
            .add("statusReason", "overdue invoices in the ERP")
            .build());

    awaitPosted(second);
    JsonObject updated = customer(number);
    assertEquals("Renamed " + number, updated.getString("name"));
    assertEquals("NET_60", updated.getString("paymentTerms"));
    assertEquals(60, updated.getInt("paymentTermsDays"));
    assertAmount("750.50", updated, "creditLimit");
    assertEquals("Tia Tech", updated.getJsonObject("technicalContact").getString("name"));
    assertTrue(
        !updated.containsKey("billingAddress") || updated.isNull("billingAddress"),
        updated.toString());
    assertEquals("ON_HOLD", updated.getString("status"));
    assertEquals(1, audited("customer.updated", number));
    assertEquals(
        "overdue invoices in the ERP",
        text(
            "select reason from aud_record where action = 'customer.status_changed' and"
                + " document_number = ?",
            number));
    // a customer on hold may not buy
    String sku = erpVariant("3.00");
    erpReceipt(sku, "5", "1.00");
    Api.Reply refused =
        as("cashier")
            .post(
                "api/sales",
                "{\"customerNumber\":\""
                    + number
                    + "\",\"postingDate\":\""
                    + DATE
                    + "\",\"taxJurisdiction\":\"GB\",\"lines\":[{\"sku\":\""
                    + sku
                    + "\",\"quantity\":1}]}");
    assertEquals("CUSTOMER_NOT_ACTIVE", refused.json().getString("code"), refused.body());
    assertInvariantsHold();
  }

  @Test
  void aCurrencyChangeIsTakenOnlyWhileTheBalanceIsZero() throws Exception {
    // never traded: the currency may change
    String idle = erpCustomer();
    String toEuro = "CUS-" + id();
    send(
        CUSTOMERS,
        "erp.customer",
        idle,
        customerMessage(toEuro, idle).add("currency", "EUR").add("creditLimit", "100").build());
    awaitPosted(toEuro);
    assertEquals("EUR", customer(idle).getString("currency"));

    // owes a sale: refused with the customer boundary's code, nothing changes
    String owing = erpCustomer();
    String sku = erpVariant("10.00");
    erpReceipt(sku, "4", "6.00");
    JsonObject sale = sell(owing, sku, 1);
    String refusedId = "CUS-" + id();
    JsonObject body =
        customerMessage(refusedId, owing)
            .add("name", "Should not be renamed")
            .add("currency", "EUR")
            .build();
    send(CUSTOMERS, "erp.customer", owing, body);

    JsonObject rejection = awaitRejected(refusedId, 1, "CUSTOMER_HAS_OPEN_BALANCE");
    assertEquals(body, parse(rejection.getString("payload")));
    assertEquals("erp.customer", rejection.getString("messageType"));
    assertEquals("erp.customer", rejection.getJsonObject("properties").getString("messageType"));
    JsonObject unchanged = customer(owing);
    assertEquals("GBP", unchanged.getString("currency"));
    assertEquals("ERP customer " + owing, unchanged.getString("name"));
    assertEquals(0, audited("customer.updated", owing));
    assertEquals(
        0, count("select count(*) from chn_inbound_key where transaction_id = ?", refusedId));
    assertEquals(
        "GBP",
        as("auditor")
            .get("api/sales/" + sale.getString("saleNumber"))
            .json()
            .getString("currency"));
    assertInvariantsHold();
  }

  @Test
  void aVariantUpsertDefinesThenChangesForFutureSalesOnly() throws Exception {
    String sku = "ERP-" + id();
    String defined = "VAR-" + id();
    send(
        PRODUCTS,
        "erp.variant",
        sku,
        variantMessage(defined, sku, "12.50", "4.25").add("variantName", "Red, large").build());

    Settled posted = awaitPosted(defined);
    assertEquals("VARIANT", posted.documentType());
    assertEquals(sku, posted.number());
    JsonObject read = variant(sku);
    assertEquals(sku, read.getString("productCode"));
    assertEquals("Red, large", read.getString("name"));
    assertEquals("STANDARD", read.getString("taxCategory"));
    assertAmount("12.50", read, "sellingPrice");
    assertEquals("GBP", read.getString("currency"));
    assertTrue(read.getBoolean("stockTracked"));
    assertFalse(read.getBoolean("backorderAllowed"));
    // the standard cost of a variant that never moved stock is its moving-average cost
    JsonObject level = stock(sku);
    assertAmount("0", level, "quantityOnHand");
    assertAmount("4.25", level, "averageUnitCost");
    assertEquals(1, audited("stock.standard_cost_applied", sku));

    // the same record under a new message id posts and changes nothing
    String again = "VAR-" + id();
    send(
        PRODUCTS,
        "erp.variant",
        sku,
        variantMessage(again, sku, "12.50", "4.25").add("variantName", "Red, large").build());
    awaitPosted(again);
    assertEquals(1, audited("stock.standard_cost_applied", sku));
    assertEquals(0, audited("variant.updated", sku));
    assertEquals(0, audited("product.updated", sku));

    // a second SKU of the same product is added to it
    String second = sku + "-B";
    String added = "VAR-" + id();
    send(
        PRODUCTS,
        "erp.variant",
        sku,
        variantMessage(added, second, "13.00", null)
            .add("productCode", sku)
            .add("productName", "ERP product " + sku)
            .build());
    awaitPosted(added);
    assertEquals(sku, variant(second).getString("productCode"));
    assertEquals(2, as("admin").get("api/products/" + sku).json().getJsonArray("variants").size());

    // sold at the first price; found stock before any receipt comes in at the standard cost
    String customer = erpCustomer();
    String found = "ADJ-" + id();
    send(
        STOCK,
        "erp.stock-adjustment",
        sku,
        adjustmentMessage(found, sku, "3", "FOUND_STOCK").build());
    String adjustment = awaitPosted(found).number();
    assertAmount(money("12.75"), journal(adjustment, "1200"), "inventory of 3 found at 4.25");
    JsonObject before = sell(customer, sku, 1);

    // new price, tax category and backorder policy; the standard cost no longer moves the average
    String changed = "VAR-" + id();
    send(
        PRODUCTS,
        "erp.variant",
        sku,
        variantMessage(changed, sku, "15.00", "9.99")
            .add("variantName", "Red, large")
            .add("taxCategory", "ZERO")
            .add("backorderAllowed", true)
            .build());
    awaitPosted(changed);
    JsonObject now = variant(sku);
    assertAmount("15.00", now, "sellingPrice");
    assertEquals("ZERO", now.getString("taxCategory"));
    assertTrue(now.getBoolean("backorderAllowed"));
    assertAmount("4.25", stock(sku), "averageUnitCost");
    assertEquals(1, audited("stock.standard_cost_applied", sku));
    assertEquals(1, audited("variant.updated", sku));

    JsonObject after = sell(customer, sku, 1);
    JsonObject oldLine =
        as("auditor")
            .get("api/sales/" + before.getString("saleNumber"))
            .json()
            .getJsonArray("lines")
            .getJsonObject(0);
    JsonObject newLine = after.getJsonArray("lines").getJsonObject(0);
    assertAmount("12.50", oldLine, "unitPrice");
    assertAmount("20", oldLine, "taxRatePercent");
    assertAmount("15.00", newLine, "unitPrice");
    assertAmount("0", newLine, "taxRatePercent");
    assertInvariantsHold();
  }

  @Test
  void aVariantKeepsItsProductCurrencyAndStockTracking() throws Exception {
    String sku = erpVariant("5.00");

    String euro = "VAR-" + id();
    send(
        PRODUCTS,
        "erp.variant",
        sku,
        variantMessage(euro, sku, "6.00", null).add("currency", "EUR").build());
    assertTrue(awaitRejected(euro, 1, "CURRENCY_MISMATCH").getString("detail").contains("GBP"));

    String tracking = "VAR-" + id();
    send(
        PRODUCTS,
        "erp.variant",
        sku,
        variantMessage(tracking, sku, "6.00", null).add("stockTracked", false).build());
    awaitRejected(tracking, 1, "STOCK_TRACKING_NEVER_CHANGES");

    String moved = "VAR-" + id();
    send(
        PRODUCTS,
        "erp.variant",
        sku,
        variantMessage(moved, sku, "6.00", null).add("productCode", "OTHER-" + id()).build());
    awaitRejected(moved, 1, "VARIANT_BELONGS_TO_ANOTHER_PRODUCT");

    String unknownCategory = "VAR-" + id();
    send(
        PRODUCTS,
        "erp.variant",
        sku,
        variantMessage(unknownCategory, sku, "6.00", null).add("taxCategory", "NO_SUCH").build());
    awaitRejected(unknownCategory, 1, "UNKNOWN_TAX_CATEGORY");

    // a service holds no stock and takes no standard cost; nothing of it is defined
    String service = "SVC-" + id();
    String costedService = "VAR-" + id();
    send(
        PRODUCTS,
        "erp.variant",
        service,
        variantMessage(costedService, service, "1.00", "0.50").add("stockTracked", false).build());
    awaitRejected(costedService, 1, "INVALID_REQUEST");
    assertEquals(404, as("admin").get("api/variants/" + service).status());

    JsonObject unchanged = variant(sku);
    assertAmount("5.00", unchanged, "sellingPrice");
    assertEquals("GBP", unchanged.getString("currency"));
    assertTrue(unchanged.getBoolean("stockTracked"));
    assertEquals("STANDARD", unchanged.getString("taxCategory"));
    assertEquals(0, audited("variant.updated", sku));
    assertInvariantsHold();
  }

  @Test
  void stockReceiptsPostAtTheirCostAndMoveTheAverage() throws Exception {
    String sku = erpVariant("9.00");

    String first = erpReceipt(sku, "10", "4.00");
    String secondId = "GRN-" + id();
    send(
        STOCK,
        "erp.stock-receipt",
        sku,
        receiptMessage(secondId, sku, "10", "5.00").add("kind", "OPENING_BALANCE").build());
    Settled second = awaitPosted(secondId);

    assertEquals("STOCK_RECEIPT", second.documentType());
    assertTrue(first.startsWith("GRN-"), first);
    JsonObject level = stock(sku);
    assertAmount("20", level, "quantityOnHand");
    assertAmount("90.00", level, "inventoryValue");
    assertAmount("4.5", level, "averageUnitCost");
    assertAmount(money("40.00"), journal(first, "1200"), "Dr Inventory");
    assertAmount(money("-40.00"), journal(first, "2000"), "Cr Goods received not invoiced");
    assertAmount(money("50.00"), journal(second.number(), "1200"), "Dr Inventory");
    assertAmount(money("-50.00"), journal(second.number(), "3000"), "Cr Opening balance equity");
    assertEquals(
        2,
        count(
            "select count(*) from inv_stock_movement m join cat_variant v on v.id = m.variant_id"
                + " where v.sku = ? and m.document_type = 'STOCK_RECEIPT'",
            sku));
    assertInvariantsHold();
  }

  @Test
  void stockReceiptsForUnknownSkusOtherCurrenciesOrServicesAreRejected() throws Exception {
    String unknown = "GRN-" + id();
    String missingSku = "NOPE-" + id();
    send(
        STOCK,
        "erp.stock-receipt",
        missingSku,
        receiptMessage(unknown, missingSku, "1", "1.00").build());
    assertTrue(
        awaitRejected(unknown, 1, "UNKNOWN_VARIANT").getString("detail").contains(missingSku));

    String sku = erpVariant("2.00");
    String euro = "GRN-" + id();
    send(
        STOCK,
        "erp.stock-receipt",
        sku,
        receiptMessage(euro, sku, "1", "1.00").add("currency", "EUR").build());
    awaitRejected(euro, 1, "CURRENCY_MISMATCH");

    String service = "SVC-" + id();
    String serviceMessage = "VAR-" + id();
    send(
        PRODUCTS,
        "erp.variant",
        service,
        variantMessage(serviceMessage, service, "2.00", null).add("stockTracked", false).build());
    awaitPosted(serviceMessage);
    assertEquals("4010", variant(service).getString("revenueAccount"));
    String serviceReceipt = "GRN-" + id();
    send(
        STOCK,
        "erp.stock-receipt",
        service,
        receiptMessage(serviceReceipt, service, "1", "1.00").build());
    awaitRejected(serviceReceipt, 1, "SERVICE_HOLDS_NO_STOCK");

    assertEquals(
        0,
        count(
            "select count(*) from inv_stock_movement m join cat_variant v on v.id = m.variant_id"
                + " where v.sku in (?, ?)",
            sku,
            service));
    assertInvariantsHold();
  }

  @Test
  void stockAdjustmentsWriteOffAtTheAverageCostAndAreNeverClamped() throws Exception {
    String sku = erpVariant("8.00");
    erpReceipt(sku, "5", "2.00");
    erpReceipt(sku, "5", "3.00");

    String damaged = "ADJ-" + id();
    send(
        STOCK,
        "erp.stock-adjustment",
        sku,
        adjustmentMessage(damaged, sku, "-2", "DAMAGE").build());
    Settled posted = awaitPosted(damaged);

    assertEquals("STOCK_ADJUSTMENT", posted.documentType());
    JsonObject adjustment = as("auditor").get("api/stock/adjustments/" + posted.number()).json();
    assertEquals("DAMAGE", adjustment.getString("reason"));
    assertEquals(sku, adjustment.getString("sku"));
    assertEquals("system", adjustment.getString("createdBy"));
    assertAmount("-2", adjustment, "quantity");
    assertAmount("2.50", adjustment, "unitCost");
    // two units at the moving average (5 × 2.00 + 5 × 3.00) / 10 = 2.50
    assertAmount(money("-5.00"), journal(posted.number(), "1200"), "Cr Inventory");
    assertAmount(money("5.00"), journal(posted.number(), "5100"), "Dr Inventory adjustments");
    assertAmount("8", stock(sku), "quantityOnHand");
    assertEquals(1, audited("stock.adjusted", posted.number()));

    // more than is on hand: refused, stock stays at 8 (never clamped to zero)
    String shrinkage = "ADJ-" + id();
    send(
        STOCK,
        "erp.stock-adjustment",
        sku,
        adjustmentMessage(shrinkage, sku, "-9", "SHRINKAGE").build());
    JsonObject rejection = awaitRejected(shrinkage, 1, "INSUFFICIENT_STOCK");
    assertTrue(rejection.getString("detail").contains(sku), rejection.toString());
    JsonObject level = stock(sku);
    assertAmount("8", level, "quantityOnHand");
    assertAmount("20.00", level, "inventoryValue");

    // a reason against the sign, and a decrease with a cost of its own
    String against = "ADJ-" + id();
    send(
        STOCK, "erp.stock-adjustment", sku, adjustmentMessage(against, sku, "1", "DAMAGE").build());
    awaitRejected(against, 1, "INVALID_REQUEST");
    String costed = "ADJ-" + id();
    send(
        STOCK,
        "erp.stock-adjustment",
        sku,
        adjustmentMessage(costed, sku, "-1", "EXPIRY")
            .add("unitCost", "1.00")
            .add("currency", "GBP")
            .build());
    awaitRejected(costed, 1, "INVALID_REQUEST");
    assertAmount("8", stock(sku), "quantityOnHand");
    assertInvariantsHold();
  }

  @Test
  void aContractViolationIsRejectedNamingTheFieldWithItsPayload() throws Exception {
    String sku = erpVariant("1.00");
    String messageId = "GRN-" + id();
    String body =
        receiptMessage(messageId, sku, "2", "1.00")
            .remove("unitCost")
            .add("quantity", "2.123456")
            .build()
            .toString();
    sendRaw(STOCK, "erp.stock-receipt", sku, body);

    JsonObject rejection = awaitRejected(messageId, 1, "SCHEMA_VIOLATION");
    String detail = rejection.getString("detail");
    assertTrue(detail.contains("unitCost"), detail);
    assertTrue(detail.contains("quantity"), detail);
    assertEquals(body, rejection.getString("payload"));
    assertEquals(
        "erp.stock-receipt", rejection.getJsonObject("properties").getString("messageType"));
    assertEquals(
        0,
        count(
            "select count(*) from inv_stock_movement m join cat_variant v on v.id = m.variant_id"
                + " where v.sku = ?",
            sku));

    String customerId = "CUS-" + id();
    String customerBody =
        customerMessage(customerId, "ERP-" + id()).remove("paymentTerms").build().toString();
    sendRaw(CUSTOMERS, "erp.customer", "x", customerBody);
    awaitRejected(customerId, 1, "SCHEMA_VIOLATION");
    assertInvariantsHold();
  }

  @Test
  void eachMessageSentTwicePostsOnceAndTheSecondIsADuplicate() throws Exception {
    String number = "ERP-" + id();
    String sku = "ERP-" + id();
    List<Object[]> messages =
        List.of(
            new Object[] {
              CUSTOMERS, "erp.customer", customerMessage("CUS-" + id(), number).build()
            },
            new Object[] {
              PRODUCTS, "erp.variant", variantMessage("VAR-" + id(), sku, "4.00", "1.50").build()
            },
            new Object[] {
              STOCK, "erp.stock-receipt", receiptMessage("GRN-" + id(), sku, "6", "2.00").build()
            },
            new Object[] {
              STOCK,
              "erp.stock-adjustment",
              adjustmentMessage("ADJ-" + id(), sku, "-1", "SHRINKAGE").build()
            });
    for (Object[] m : messages) {
      JsonObject body = (JsonObject) m[2];
      String messageId = body.getString("messageId");
      send((String) m[0], (String) m[1], sku, body);
      Settled first = awaitPosted(messageId);
      // the same message again, its members in another order: the same content
      JsonObjectBuilder reordered = Json.createObjectBuilder();
      body.keySet().stream()
          .sorted((a, b) -> b.compareTo(a))
          .forEach(k -> reordered.add(k, body.get(k)));
      send((String) m[0], (String) m[1], sku, reordered.build());
      Settled second = awaitSettled(messageId, 2);
      assertEquals("DUPLICATE", second.outcome(), m[1] + " " + second);
      assertEquals(first.documentType(), second.documentType(), (String) m[1]);
      assertEquals(first.number(), second.number(), (String) m[1]);
    }
    assertEquals(1, audited("customer.registered", number));
    assertEquals(1, audited("product.created", sku));
    assertEquals(
        2,
        count(
            "select count(*) from inv_stock_movement m join cat_variant v on v.id = m.variant_id"
                + " where v.sku = ?",
            sku));
    JsonObject level = stock(sku);
    assertAmount("5", level, "quantityOnHand");
    assertAmount("10.00", level, "inventoryValue");
    assertInvariantsHold();
  }

  @Test
  void aKeyReusedWithOtherContentIsRejectedWithItsPayload() throws Exception {
    String sku = erpVariant("7.00");
    String messageId = "GRN-" + id();
    String receipt = erpReceiptWithId(messageId, sku, "3", "2.00");

    JsonObject other = receiptMessage(messageId, sku, "30", "2.00").build();
    send(STOCK, "erp.stock-receipt", sku, other);

    JsonObject rejection = awaitRejected(messageId, 2, "IDEMPOTENCY_KEY_REUSED");
    assertEquals(other, parse(rejection.getString("payload")));
    assertTrue(rejection.getString("detail").contains(receipt), rejection.getString("detail"));
    assertAmount("3", stock(sku), "quantityOnHand");

    // the key of a master-data message, too
    String number = erpCustomer();
    String customerKey = "CUS-" + id();
    send(CUSTOMERS, "erp.customer", number, customerMessage(customerKey, number).build());
    awaitPosted(customerKey);
    JsonObject renamed = customerMessage(customerKey, number).add("name", "Another name").build();
    send(CUSTOMERS, "erp.customer", number, renamed);
    JsonObject refused = awaitRejected(customerKey, 2, "IDEMPOTENCY_KEY_REUSED");
    assertEquals(renamed, parse(refused.getString("payload")));
    assertEquals("ERP customer " + number, customer(number).getString("name"));
    assertInvariantsHold();
  }

  private static String erpReceiptWithId(
      String messageId, String sku, String quantity, String unitCost) throws Exception {
    send(
        STOCK,
        "erp.stock-receipt",
        sku,
        receiptMessage(messageId, sku, quantity, unitCost).build());
    return awaitPosted(messageId).number();
  }
}
