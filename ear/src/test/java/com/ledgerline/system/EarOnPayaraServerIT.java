package com.ledgerline.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;

/**
 * The EAR (EJB module, JMS consumers, web module and the Artemis adapter as a connector module) on
 * Payara Server Full 6, started by {@code deployment/ledgerline start --runtime server} before this
 * test and stopped after it: a sale posted through REST with its balanced journal entry, and a
 * refused one.
 */
class EarOnPayaraServerIT {
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final URI base = URI.create(System.getProperty("ledgerline.server.url"));

  private record Reply(int status, String body) {
    JsonObject json() {
      return (JsonObject) structure();
    }

    JsonStructure structure() {
      return Json.createReader(new StringReader(body)).read();
    }
  }

  /** HTTP Basic for a test user (the test command creates them all with one password). */
  private static String basic(String user) {
    String password = System.getProperty("ledgerline.test.password", "ledgerline-test");
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private Reply post(String user, String path, String json) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .header("Authorization", basic(user))
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return new Reply(response.statusCode(), response.body());
  }

  private Reply get(String user, String path) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).GET();
    if (user != null) {
      request.header("Authorization", basic(user));
    }
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Reply(response.statusCode(), response.body());
  }

  @Test
  void aSalePostsThroughRestOnTheFullServerAndTheBooksBalance() throws Exception {
    String id = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    String customer = "SRV-" + id;
    String sku = "SRV-SKU-" + id;
    assertEquals(
        201,
        post(
                "admin",
                "api/customers",
                "{\"customerNumber\":\""
                    + customer
                    + "\",\"name\":\"Server customer\","
                    + "\"currency\":\"GBP\",\"paymentTermsDays\":0}")
            .status());
    assertEquals(
        201,
        post(
                "admin",
                "api/variants",
                "{\"sku\":\""
                    + sku
                    + "\",\"name\":\"Lantern\",\"sellingPrice\":3.39,"
                    + "\"currency\":\"GBP\",\"stockTracked\":true}")
            .status());
    assertEquals(
        201,
        post(
                "admin",
                "api/stock/receipts",
                "{\"sku\":\""
                    + sku
                    + "\",\"quantity\":4,\"unitCost\":2.00,"
                    + "\"postingDate\":\"2010-11-30\"}")
            .status());

    String sale =
        "{\"customerNumber\":\""
            + customer
            + "\",\"postingDate\":\"2010-12-01\","
            + "\"lines\":[{\"sku\":\""
            + sku
            + "\",\"quantity\":2}]}";
    // roles hold in the EAR too: no credentials 401, an auditor may not sell (403), a cashier may
    Reply anonymous = get(null, "api/sales?limit=1");
    assertEquals(401, anonymous.status(), anonymous.body());
    Reply auditor = post("auditor", "api/sales", sale);
    assertEquals(403, auditor.status(), auditor.body());
    assertEquals("NOT_ALLOWED", auditor.json().getString("code"));

    Reply posted = post("cashier", "api/sales", sale);

    assertEquals(201, posted.status(), posted.body());
    JsonObject postedSale = posted.json();
    // 2 x 3.39 at the list price = 6.78 net; UK VAT on 2010-12-01 is 17.5 %: 1.1865 -> 1.19
    assertEquals(
        0,
        new BigDecimal("6.78").compareTo(postedSale.getJsonNumber("subtotal").bigDecimalValue()));
    assertEquals(
        0,
        new BigDecimal("1.19").compareTo(postedSale.getJsonNumber("taxTotal").bigDecimalValue()));
    assertEquals(
        0, new BigDecimal("7.97").compareTo(postedSale.getJsonNumber("total").bigDecimalValue()));
    BigDecimal debits = BigDecimal.ZERO;
    BigDecimal credits = BigDecimal.ZERO;
    for (JsonValue line :
        postedSale.getJsonArray("journalEntries").getJsonObject(0).getJsonArray("lines")) {
      debits = debits.add(line.asJsonObject().getJsonNumber("debit").bigDecimalValue());
      credits = credits.add(line.asJsonObject().getJsonNumber("credit").bigDecimalValue());
    }
    // 7.97 receivable + 4.00 cost of goods sold on each side
    assertEquals(0, new BigDecimal("11.97").compareTo(debits), "debits " + debits);
    assertEquals(0, debits.compareTo(credits), "debits " + debits + " credits " + credits);
    assertEquals(
        customer,
        get("auditor", "api/sales/" + posted.json().getString("saleNumber"))
            .json()
            .getString("customerNumber"));

    Reply refused =
        post(
            "cashier",
            "api/sales",
            "{\"customerNumber\":\""
                + customer
                + "\",\"lines\":[{\"sku\":\""
                + sku
                + "\",\"quantity\":3}]}");
    assertEquals(409, refused.status(), refused.body());
    assertEquals("INSUFFICIENT_STOCK", refused.json().getString("code"));

    for (JsonValue check : get("auditor", "api/checks/invariants").structure().asJsonArray()) {
      assertEquals(0, check.asJsonObject().getInt("violations"), check.toString());
    }
    Reply ready = get(null, "health/ready");
    assertEquals(200, ready.status(), ready.body());
    assertTrue(ready.body().contains("message-broker"), ready.body());
    Reply openApi = get(null, "openapi?format=JSON");
    assertEquals(200, openApi.status(), openApi.body());
    assertTrue(
        openApi.json().getJsonObject("paths").keySet().stream()
            .anyMatch(p -> p.endsWith("/api/sales")),
        openApi.body());
  }

  /**
   * The POS message-driven bean (JMS consumers module) posts through the sales boundary (EJB
   * module) as the system: {@code @RunAs(SYSTEM)} mapped by the EAR's glassfish-application.xml.
   */
  @Test
  void thePosFeedPostsAsTheSystemOnTheFullServer() throws Exception {
    String id = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    String customer = "SRV-POS-" + id;
    String sku = "SRV-POS-SKU-" + id;
    assertEquals(
        201,
        post(
                "admin",
                "api/customers",
                "{\"customerNumber\":\""
                    + customer
                    + "\",\"name\":\"POS customer\",\"currency\":\"GBP\",\"paymentTermsDays\":0}")
            .status());
    assertEquals(
        201,
        post(
                "admin",
                "api/variants",
                "{\"sku\":\""
                    + sku
                    + "\",\"name\":\"Torch\",\"sellingPrice\":4.00,\"currency\":\"GBP\",\"stockTracked\":false}")
            .status());
    ActiveMQConnectionFactory factory =
        new ActiveMQConnectionFactory(
            "tcp://127.0.0.1:" + System.getProperty("ledgerline.server.jms.port", "61627"));
    String number = null;
    try (Connection connection = factory.createConnection("ledgerline", "ledgerline-dev")) {
      Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
      MessageConsumer events = session.createConsumer(session.createTopic("ledgerline.events"));
      connection.start();
      // 1 × 4.00 net on 2010-12-01, UK VAT 17.5 % then
      String gross =
          new java.math.BigDecimal("4.00")
              .multiply(new java.math.BigDecimal("1.175"))
              .setScale(2, java.math.RoundingMode.HALF_UP)
              .toPlainString();
      TextMessage sale =
          session.createTextMessage(
              Json.createObjectBuilder()
                  .add("transactionId", "POS-" + id)
                  .add("capturedAt", "2010-12-01T10:00:00Z")
                  .add("customerNumber", customer)
                  .add("currency", "GBP")
                  .add("taxJurisdiction", "GB")
                  .add("amount", gross)
                  .add(
                      "lines",
                      Json.createArrayBuilder()
                          .add(Json.createObjectBuilder().add("sku", sku).add("quantity", "1")))
                  .add(
                      "payments",
                      Json.createArrayBuilder()
                          .add(
                              Json.createObjectBuilder()
                                  .add("method", "cash")
                                  .add("amount", gross)
                                  .add("status", "settled")))
                  .build()
                  .toString());
      sale.setStringProperty("messageType", "pos.sale");
      sale.setStringProperty("schemaVersion", "1");
      sale.setStringProperty("channel", "pos-store");
      sale.setStringProperty("JMSXGroupID", customer);
      session.createProducer(session.createQueue("ledgerline.pos.sales")).send(sale);
      long deadline = System.currentTimeMillis() + 60_000;
      while (number == null && System.currentTimeMillis() < deadline) {
        TextMessage event = (TextMessage) events.receive(60_000);
        assertTrue(event != null, "no sale.posted event within 60 s");
        JsonObject announced = Json.createReader(new StringReader(event.getText())).readObject();
        if (customer.equals(announced.getString("customerNumber", ""))) {
          number = announced.getString("saleNumber");
        }
      }
    }
    assertTrue(number != null, "the POS sale was announced");
    Reply trail = get("auditor", "api/audit?documentType=SALE_INVOICE&documentNumber=" + number);
    assertEquals(200, trail.status(), trail.body());
    JsonObject record = trail.structure().asJsonArray().getJsonObject(0);
    assertEquals("sale.posted", record.getString("action"));
    assertEquals("system", record.getString("actor"));
  }
}
