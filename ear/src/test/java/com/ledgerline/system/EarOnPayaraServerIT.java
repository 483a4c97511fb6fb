package com.ledgerline.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.time.Duration;
import java.util.UUID;
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

  private Reply post(String path, String json) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return new Reply(response.statusCode(), response.body());
  }

  private Reply get(String path) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(base.resolve(path)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
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
                "api/customers",
                "{\"customerNumber\":\""
                    + customer
                    + "\",\"name\":\"Server customer\","
                    + "\"currency\":\"GBP\",\"paymentTermsDays\":0}")
            .status());
    assertEquals(
        201,
        post(
                "api/variants",
                "{\"sku\":\""
                    + sku
                    + "\",\"name\":\"Lantern\",\"sellingPrice\":3.39,"
                    + "\"currency\":\"GBP\",\"stockTracked\":true}")
            .status());
    assertEquals(
        201,
        post(
                "api/stock/receipts",
                "{\"sku\":\""
                    + sku
                    + "\",\"quantity\":4,\"unitCost\":2.00,"
                    + "\"postingDate\":\"2010-11-30\"}")
            .status());

    Reply posted =
        post(
            "api/sales",
            "{\"customerNumber\":\""
                + customer
                + "\",\"postingDate\":\"2010-12-01\","
                + "\"lines\":[{\"sku\":\""
                + sku
                + "\",\"quantity\":2}]}");

    assertEquals(201, posted.status(), posted.body());
    JsonObject sale = posted.json();
    // 2 x 3.39 at the list price = 6.78 net; UK VAT on 2010-12-01 is 17.5 %: 1.1865 -> 1.19
    assertEquals(
        0, new BigDecimal("6.78").compareTo(sale.getJsonNumber("subtotal").bigDecimalValue()));
    assertEquals(
        0, new BigDecimal("1.19").compareTo(sale.getJsonNumber("taxTotal").bigDecimalValue()));
    assertEquals(
        0, new BigDecimal("7.97").compareTo(sale.getJsonNumber("total").bigDecimalValue()));
    BigDecimal debits = BigDecimal.ZERO;
    BigDecimal credits = BigDecimal.ZERO;
    for (JsonValue line :
        sale.getJsonArray("journalEntries").getJsonObject(0).getJsonArray("lines")) {
      debits = debits.add(line.asJsonObject().getJsonNumber("debit").bigDecimalValue());
      credits = credits.add(line.asJsonObject().getJsonNumber("credit").bigDecimalValue());
    }
    // 7.97 receivable + 4.00 cost of goods sold on each side
    assertEquals(0, new BigDecimal("11.97").compareTo(debits), "debits " + debits);
    assertEquals(0, debits.compareTo(credits), "debits " + debits + " credits " + credits);
    assertEquals(
        customer,
        get("api/sales/" + sale.getString("saleNumber")).json().getString("customerNumber"));

    Reply refused =
        post(
            "api/sales",
            "{\"customerNumber\":\""
                + customer
                + "\",\"lines\":[{\"sku\":\""
                + sku
                + "\",\"quantity\":3}]}");
    assertEquals(409, refused.status(), refused.body());
    assertEquals("INSUFFICIENT_STOCK", refused.json().getString("code"));

    for (JsonValue check : get("api/checks/invariants").structure().asJsonArray()) {
      assertEquals(0, check.asJsonObject().getInt("violations"), check.toString());
    }
    Reply ready = get("health/ready");
    assertEquals(200, ready.status(), ready.body());
    assertTrue(ready.body().contains("message-broker"), ready.body());
  }
}
