package com.ledgerline.it;

import static com.ledgerline.it.support.TestDatabase.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ledgerline.it.support.Api;
import com.ledgerline.it.support.Broker;
import com.ledgerline.it.support.Invariants;
import com.ledgerline.it.support.TestDatabase;
import jakarta.jms.MessageConsumer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.File;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URL;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The POS channel through the real broker, the shipped WAR and its MDBs (DESIGN.md 6): a pos.sale
 * message posts once with its tenders, a redelivery is absorbed, a reused key and bad data are
 * rejected with their codes and recorded with the payload, a poison message is dead-lettered with
 * nothing written, and rejections and dead letters are replayed over REST. Each scenario ends with
 * the invariant check.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ChannelsIT {
  private static final long SETTLE_TIMEOUT_MILLIS = 60_000;
  private static final String CHANNEL = "pos-store";
  private static final String QUEUE = "ledgerline.pos.sales";

  /** UK VAT on a posting date from 2011-01-04. */
  private static final BigDecimal VAT = new BigDecimal("0.20");

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(
        WebArchive.class, new File(System.getProperty("ledgerline.war")));
  }

  @ArquillianResource private URL base;

  private Api as(String user) {
    return new Api(base).as(user);
  }

  private static String unique() {
    return UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
  }

  /** A GBP customer and a stock-tracked variant priced {@code price} with {@code onHand} units. */
  private record Fixture(String customer, String sku, BigDecimal price) {}

  private Fixture fixture(String price, int onHand) throws Exception {
    String id = unique();
    Fixture f = new Fixture("CH-" + id, "CH-SKU-" + id, new BigDecimal(price));
    Api admin = as("admin");
    Api.Reply customer =
        admin.post(
            "api/customers",
            Json.createObjectBuilder()
                .add("customerNumber", f.customer())
                .add("name", "Channel customer " + id)
                .add("currency", "GBP")
                .add("paymentTermsDays", 30)
                .build()
                .toString());
    assertEquals(201, customer.status(), customer.body());
    Api.Reply variant =
        admin.post(
            "api/variants",
            Json.createObjectBuilder()
                .add("sku", f.sku())
                .add("name", "Kettle " + id)
                .add("taxCategory", "STANDARD")
                .add("sellingPrice", f.price())
                .add("currency", "GBP")
                .add("stockTracked", true)
                .build()
                .toString());
    assertEquals(201, variant.status(), variant.body());
    Api.Reply receipt =
        admin.post(
            "api/stock/receipts",
            Json.createObjectBuilder()
                .add("sku", f.sku())
                .add("quantity", onHand)
                .add("unitCost", new BigDecimal("3.00"))
                .add("postingDate", "2011-02-01")
                .build()
                .toString());
    assertEquals(201, receipt.status(), receipt.body());
    return f;
  }

  /** Gross of {@code quantity} units at the net price under 20 % VAT, per line, half up. */
  private static BigDecimal gross(BigDecimal price, int quantity) {
    BigDecimal net = price.multiply(BigDecimal.valueOf(quantity)).setScale(2, RoundingMode.HALF_UP);
    return net.add(net.multiply(VAT).setScale(2, RoundingMode.HALF_UP));
  }

  private static JsonObjectBuilder sale(
      String transactionId, Fixture f, int quantity, BigDecimal amount, JsonArrayBuilder tenders) {
    return Json.createObjectBuilder()
        .add("transactionId", transactionId)
        .add("capturedAt", "2011-03-01T09:30:00Z")
        .add("customerNumber", f.customer())
        .add("currency", "GBP")
        .add("taxJurisdiction", "GB")
        .add("amount", amount.toPlainString())
        .add(
            "lines",
            Json.createArrayBuilder()
                .add(
                    Json.createObjectBuilder()
                        .add("sku", f.sku())
                        .add("quantity", String.valueOf(quantity))
                        .add("unitPrice", f.price().toPlainString())))
        .add("payments", tenders);
  }

  private static JsonArrayBuilder tender(String method, BigDecimal amount, String status) {
    return Json.createArrayBuilder().add(tenderOf(method, amount, status));
  }

  private static JsonObjectBuilder tenderOf(String method, BigDecimal amount, String status) {
    return Json.createObjectBuilder()
        .add("method", method)
        .add("amount", amount.toPlainString())
        .add("status", status);
  }

  private static Map<String, String> envelope(String channel, String group) {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("messageType", "pos.sale");
    properties.put("schemaVersion", "1");
    properties.put("channel", channel);
    properties.put("JMSXGroupID", group);
    return properties;
  }

  /** Waits until the message log holds {@code n} settlements of the key; returns the last one. */
  private static JsonObject awaitSettled(String channel, String transactionId, int n)
      throws Exception {
    long deadline = System.currentTimeMillis() + SETTLE_TIMEOUT_MILLIS;
    String sql = "select count(*) from chn_message_log where channel = ? and transaction_id = ?";
    while (count(sql, channel, transactionId) < n) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError(
            "message " + channel + "/" + transactionId + " not settled " + n + " times");
      }
      TestDatabase.text("select pg_sleep(0.05)");
    }
    String row =
        TestDatabase.text(
            "select json_build_object('outcome', outcome, 'code', error_code, 'document',"
                + " document_number, 'latency', sync_latency_ms)::text from chn_message_log where"
                + " channel = ? and transaction_id = ? order by id desc limit 1",
            channel,
            transactionId);
    return Json.createReader(new StringReader(row)).readObject();
  }

  /** Waits until the query counts at least one row. */
  private static void awaitRow(String countSql, Object... parameters) throws Exception {
    long deadline = System.currentTimeMillis() + SETTLE_TIMEOUT_MILLIS;
    while (count(countSql, parameters) < 1) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("no row within the timeout for " + countSql);
      }
      TestDatabase.text("select pg_sleep(0.05)");
    }
  }

  private static long salesWith(String channel, String transactionId) throws SQLException {
    return count(
        "select count(*) from sal_sale where channel = ? and external_reference = ?",
        channel,
        transactionId);
  }

  private static BigDecimal onHand(String sku) throws SQLException {
    return TestDatabase.value(
        "select coalesce(sum(m.quantity), 0) from inv_stock_movement m join cat_variant v on"
            + " v.id = m.variant_id where v.sku = ?",
        sku);
  }

  @Test
  void aSplitTenderSalePostsOnceWithItsPaymentsAndARedeliveryIsAbsorbed() throws Exception {
    Fixture f = fixture("12.50", 10);
    BigDecimal amount = gross(f.price(), 3);
    BigDecimal card = amount.subtract(new BigDecimal("10.00"));
    String transactionId = "T-" + unique();
    String body =
        sale(
                transactionId,
                f,
                3,
                amount,
                Json.createArrayBuilder()
                    .add(tenderOf("card", card, "settled").add("reference", "AUTH-1"))
                    .add(tenderOf("cash", new BigDecimal("10.00"), "settled")))
            .build()
            .toString();
    try (Broker broker = new Broker()) {
      broker.send(QUEUE, body, envelope(CHANNEL, f.customer()));
      JsonObject first = awaitSettled(CHANNEL, transactionId, 1);
      assertEquals("POSTED", first.getString("outcome"), first.toString());
      String saleNumber = first.getString("document");
      assertTrue(first.getJsonNumber("latency").longValue() >= 0, first.toString());

      JsonObject sale = as("cashier").get("api/sales/" + saleNumber).json();
      assertEquals(
          0, amount.compareTo(sale.getJsonNumber("total").bigDecimalValue()), sale.toString());
      assertEquals(0, amount.compareTo(sale.getJsonNumber("amountPaid").bigDecimalValue()));
      assertEquals("PAID", sale.getString("paymentStatus"));
      assertEquals(CHANNEL, sale.getString("channel"));
      JsonArray payments =
          as("cashier")
              .get("api/sales/" + saleNumber + "/payments")
              .json()
              .getJsonArray("payments");
      assertEquals(2, payments.size(), payments.toString());
      assertEquals("card", payments.getJsonObject(0).getString("method"));
      assertEquals(
          0, card.compareTo(payments.getJsonObject(0).getJsonNumber("amount").bigDecimalValue()));
      assertEquals("cash", payments.getJsonObject(1).getString("method"));
      assertEquals(0, new BigDecimal("7").compareTo(onHand(f.sku())));

      // the same sale sent again, its members in another order: absorbed, answered with the first
      JsonObject reordered = Json.createReader(new StringReader(body)).readObject();
      JsonObjectBuilder again = Json.createObjectBuilder();
      reordered.keySet().stream()
          .sorted(java.util.Comparator.reverseOrder())
          .forEach(k -> again.add(k, reordered.get(k)));
      broker.send(QUEUE, again.build().toString(), envelope(CHANNEL, f.customer()));
      JsonObject second = awaitSettled(CHANNEL, transactionId, 2);
      assertEquals("DUPLICATE", second.getString("outcome"));
      assertEquals(saleNumber, second.getString("document"));
      assertEquals(1, salesWith(CHANNEL, transactionId));
      assertEquals(
          2,
          count(
              "select count(*) from pay_payment p join sal_sale s on s.id = p.sale_id where s.sale_number = ?",
              saleNumber));
      assertEquals(0, new BigDecimal("7").compareTo(onHand(f.sku())));
    }
    assertInvariantsHold();
  }

  @Test
  void aReusedKeyIsRejectedRecordedAndAnnounced() throws Exception {
    Fixture f = fixture("4.00", 10);
    String transactionId = "T-" + unique();
    BigDecimal one = gross(f.price(), 1);
    BigDecimal two = gross(f.price(), 2);
    try (Broker broker = new Broker()) {
      MessageConsumer events = broker.subscribeToEvents();
      broker.send(
          QUEUE,
          sale(transactionId, f, 1, one, tender("card", one, "pending")).build().toString(),
          envelope(CHANNEL, f.customer()));
      JsonObject first = awaitSettled(CHANNEL, transactionId, 1);
      assertEquals("POSTED", first.getString("outcome"), first.toString());
      JsonObject posted = as("cashier").get("api/sales/" + first.getString("document")).json();
      assertEquals("UNPAID", posted.getString("paymentStatus"), "a pending tender pays nothing");

      String reused =
          sale(transactionId, f, 2, two, tender("card", two, "settled")).build().toString();
      broker.send(QUEUE, reused, envelope(CHANNEL, f.customer()));
      JsonObject second = awaitSettled(CHANNEL, transactionId, 2);
      assertEquals("REJECTED", second.getString("outcome"));
      assertEquals("IDEMPOTENCY_KEY_REUSED", second.getString("code"));
      assertEquals(1, salesWith(CHANNEL, transactionId));
      assertEquals(0, new BigDecimal("9").compareTo(onHand(f.sku())));

      JsonObject announced = null;
      long deadline = System.currentTimeMillis() + SETTLE_TIMEOUT_MILLIS;
      while (announced == null && System.currentTimeMillis() < deadline) {
        JsonObject event =
            Json.createReader(
                    new StringReader(Broker.next(events, SETTLE_TIMEOUT_MILLIS).getText()))
                .readObject();
        if ("message.rejected".equals(event.getString("eventType", ""))
            && transactionId.equals(event.getString("transactionId", ""))) {
          announced = event;
        }
      }
      assertNotNull(announced, "the rejection was announced");
      assertEquals("IDEMPOTENCY_KEY_REUSED", announced.getString("code"));

      JsonObject rejection =
          as("finance")
              .get("api/channels/rejections/" + announced.getJsonNumber("rejectionId").longValue())
              .json();
      assertEquals(reused, rejection.getString("payload"), "the payload is kept as received");
      assertEquals("pos.sale", rejection.getJsonObject("properties").getString("messageType"));
      assertEquals(QUEUE, rejection.getString("queue"));
    }
    assertInvariantsHold();
  }

  @Test
  void badMessagesAreRejectedWithTheirCodeWriteNothingAndCanBeReplayed() throws Exception {
    Fixture f = fixture("6.00", 5);
    BigDecimal amount = gross(f.price(), 1);
    String noCurrency = "T-" + unique();
    String unknownSku = "T-" + unique();
    String wrongTotal = "T-" + unique();
    String wrongTenders = "T-" + unique();
    String wrongCurrency = "T-" + unique();
    String tooMany = "T-" + unique();
    String malformed = "T-" + unique();
    String otherChannel = "T-" + unique();
    Map<String, String> expected = new LinkedHashMap<>();
    try (Broker broker = new Broker()) {
      JsonObjectBuilder missing = sale(noCurrency, f, 1, amount, tender("cash", amount, "settled"));
      missing.remove("currency");
      broker.send(QUEUE, missing.build().toString(), envelope(CHANNEL, f.customer()));
      expected.put(noCurrency, "SCHEMA_VIOLATION");

      String laterSku = f.sku() + "-NEW";
      JsonObject withUnknownSku =
          Json.createObjectBuilder(
                  sale(unknownSku, f, 1, amount, tender("cash", amount, "settled")).build())
              .add(
                  "lines",
                  Json.createArrayBuilder()
                      .add(
                          Json.createObjectBuilder()
                              .add("sku", laterSku)
                              .add("quantity", "1")
                              .add("unitPrice", f.price().toPlainString())))
              .build();
      broker.send(QUEUE, withUnknownSku.toString(), envelope(CHANNEL, f.customer()));
      expected.put(unknownSku, "UNKNOWN_VARIANT");

      BigDecimal off = amount.add(new BigDecimal("0.01"));
      broker.send(
          QUEUE,
          sale(wrongTotal, f, 1, off, tender("cash", off, "settled")).build().toString(),
          envelope(CHANNEL, f.customer()));
      expected.put(wrongTotal, "TOTALS_MISMATCH");

      broker.send(
          QUEUE,
          sale(
                  wrongTenders,
                  f,
                  1,
                  amount,
                  tender("cash", amount.subtract(BigDecimal.ONE), "settled"))
              .build()
              .toString(),
          envelope(CHANNEL, f.customer()));
      expected.put(wrongTenders, "PAYMENTS_MISMATCH");

      broker.send(
          QUEUE,
          sale(wrongCurrency, f, 1, amount, tender("cash", amount, "settled"))
              .add("currency", "EUR")
              .build()
              .toString(),
          envelope(CHANNEL, f.customer()));
      expected.put(wrongCurrency, "CURRENCY_MISMATCH");

      broker.send(
          QUEUE,
          sale(tooMany, f, 6, gross(f.price(), 6), tender("cash", gross(f.price(), 6), "settled"))
              .build()
              .toString(),
          envelope(CHANNEL, f.customer()));
      expected.put(tooMany, "INSUFFICIENT_STOCK");

      broker.send(
          QUEUE,
          "{\"transactionId\": \"" + malformed + "\", \"amount\": ",
          envelope(CHANNEL, f.customer()));
      expected.put(malformed, "MALFORMED_MESSAGE");

      broker.send(
          QUEUE,
          sale(otherChannel, f, 1, amount, tender("cash", amount, "settled")).build().toString(),
          envelope("till-nobody-configured", f.customer()));

      for (Map.Entry<String, String> e : expected.entrySet()) {
        String channel = CHANNEL;
        if (e.getKey().equals(malformed)) {
          // an unreadable body names no key: its rejection is found by its payload
          awaitRow(
              "select count(*) from chn_rejection where payload like ?", "%" + malformed + "%");
          assertEquals(
              "MALFORMED_MESSAGE",
              TestDatabase.text(
                  "select error_code from chn_rejection where payload like ?",
                  "%" + malformed + "%"));
          continue;
        }
        JsonObject settled = awaitSettled(channel, e.getKey(), 1);
        assertEquals("REJECTED", settled.getString("outcome"), e.getKey());
        assertEquals(e.getValue(), settled.getString("code"), e.getKey());
        assertEquals(0, salesWith(CHANNEL, e.getKey()), "nothing posted for " + e.getValue());
        assertEquals(
            0, count("select count(*) from chn_inbound_key where transaction_id = ?", e.getKey()));
      }
      awaitRow("select count(*) from chn_rejection where transaction_id = ?", otherChannel);
      assertEquals(
          "UNKNOWN_CHANNEL",
          TestDatabase.text(
              "select error_code from chn_rejection where transaction_id = ?", otherChannel));
      String detail =
          TestDatabase.text(
              "select detail from chn_rejection where transaction_id = ?", noCurrency);
      assertTrue(detail.contains("currency"), "the detail names the missing field: " + detail);
      assertEquals(0, new BigDecimal("5").compareTo(onHand(f.sku())), "stock untouched");

      // the SKU arrives; finance replays the rejected sale and it posts
      Api.Reply variant =
          as("admin")
              .post(
                  "api/variants",
                  Json.createObjectBuilder()
                      .add("sku", laterSku)
                      .add("name", "Kettle, new model")
                      .add("taxCategory", "STANDARD")
                      .add("sellingPrice", f.price())
                      .add("currency", "GBP")
                      .add("stockTracked", false)
                      .build()
                      .toString());
      assertEquals(201, variant.status(), variant.body());
      long rejectionId = count("select id from chn_rejection where transaction_id = ?", unknownSku);
      Api.Reply cashierTries =
          as("cashier").post("api/channels/rejections/" + rejectionId + "/replay", "{}");
      assertEquals(403, cashierTries.status(), "a cashier may not replay");
      Api.Reply replayed =
          as("finance")
              .post(
                  "api/channels/rejections/" + rejectionId + "/replay",
                  "{\"reason\":\"SKU created in the ERP\"}");
      assertEquals(200, replayed.status(), replayed.body());
      assertEquals(1, replayed.json().getJsonArray("replays").size());
      JsonObject after = awaitSettled(CHANNEL, unknownSku, 2);
      assertEquals("POSTED", after.getString("outcome"), after.toString());
      assertEquals(1, salesWith(CHANNEL, unknownSku));
      assertEquals(
          "finance",
          TestDatabase.text(
              "select actor from aud_record where action = 'MESSAGE_REPLAYED' and document_number"
                  + " = ?",
              String.valueOf(rejectionId)));

      JsonArray listed =
          as("auditor")
              .get("api/channels/rejections?channel=" + CHANNEL + "&code=TOTALS_MISMATCH&limit=500")
              .structure()
              .asJsonArray();
      assertTrue(
          listed.stream()
              .anyMatch(r -> wrongTotal.equals(r.asJsonObject().getString("transactionId", ""))),
          "the rejection list filters by code");
    }
    assertInvariantsHold();
  }

  @Test
  void aPoisonMessageIsDeadLetteredWithNothingWrittenAndCanBeReplayed() throws Exception {
    Fixture f = fixture("2.00", 5);
    String transactionId = "POISON-" + unique();
    BigDecimal amount = gross(f.price(), 1);
    // a technical failure at commit, every time, for this key only
    TestDatabase.execute(
        "CREATE OR REPLACE FUNCTION it_poison() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
            + " RAISE EXCEPTION 'poisoned for the test'; END; $$");
    TestDatabase.execute(
        "CREATE CONSTRAINT TRIGGER it_poison AFTER INSERT ON chn_inbound_key DEFERRABLE"
            + " INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.transaction_id = '"
            + transactionId
            + "') EXECUTE FUNCTION it_poison()");
    String messageId;
    try (Broker broker = new Broker()) {
      messageId =
          broker.send(
              QUEUE,
              sale(transactionId, f, 1, amount, tender("cash", amount, "settled"))
                  .build()
                  .toString(),
              envelope(CHANNEL, f.customer()));
      JsonObject letter = null;
      long deadline = System.currentTimeMillis() + SETTLE_TIMEOUT_MILLIS;
      while (letter == null) {
        assertTrue(
            System.currentTimeMillis() < deadline, "the poison message was not dead-lettered");
        for (JsonValue v :
            as("finance").get("api/channels/dead-letters?limit=500").structure().asJsonArray()) {
          if (messageId.equals(v.asJsonObject().getString("messageId"))) {
            letter = v.asJsonObject();
          }
        }
        if (letter == null) {
          TestDatabase.text("select pg_sleep(0.1)");
        }
      }
      assertEquals(QUEUE, letter.getString("originalQueue"));
      assertEquals(0, salesWith(CHANNEL, transactionId), "nothing of it is written");
      assertEquals(
          0, count("select count(*) from chn_message_log where transaction_id = ?", transactionId));
      assertEquals(
          0, count("select count(*) from chn_rejection where transaction_id = ?", transactionId));
      assertEquals(0, new BigDecimal("5").compareTo(onHand(f.sku())));
    } finally {
      TestDatabase.execute("DROP TRIGGER IF EXISTS it_poison ON chn_inbound_key");
    }
    Api.Reply replayed =
        as("finance")
            .post("api/channels/dead-letters/" + messageId + "/replay", "{\"reason\":\"fixed\"}");
    assertEquals(200, replayed.status(), replayed.body());
    JsonObject settled = awaitSettled(CHANNEL, transactionId, 1);
    assertEquals("POSTED", settled.getString("outcome"), settled.toString());
    assertEquals(1, salesWith(CHANNEL, transactionId));
    Api.Reply gone =
        as("finance")
            .post("api/channels/dead-letters/" + messageId + "/replay", "{\"reason\":\"again\"}");
    assertEquals(404, gone.status(), gone.body());
    assertEquals("UNKNOWN_MESSAGE", gone.json().getString("code"));
    assertInvariantsHold();
  }

  @Test
  void aVoidReversesAnUnpaidSaleButNotAPaidOne() throws Exception {
    Fixture f = fixture("8.00", 10);
    BigDecimal amount = gross(f.price(), 2);
    String unpaid = "T-" + unique();
    String paid = "T-" + unique();
    String voidUnpaid = "V-" + unique();
    String voidPaid = "V-" + unique();
    String voidUnknown = "V-" + unique();
    try (Broker broker = new Broker()) {
      broker.send(
          QUEUE,
          sale(unpaid, f, 2, amount, tender("card", amount, "pending")).build().toString(),
          envelope(CHANNEL, f.customer()));
      broker.send(
          QUEUE,
          sale(paid, f, 2, amount, tender("card", amount, "settled")).build().toString(),
          envelope(CHANNEL, f.customer()));
      String unpaidNumber = awaitSettled(CHANNEL, unpaid, 1).getString("document");
      awaitSettled(CHANNEL, paid, 1);
      assertEquals(0, new BigDecimal("6").compareTo(onHand(f.sku())));

      Map<String, String> voidEnvelope = envelope(CHANNEL, f.customer());
      voidEnvelope.put("messageType", "pos.void");
      for (String[] v :
          new String[][] {
            {voidUnpaid, unpaid}, {voidPaid, paid}, {voidUnknown, "NO-SUCH-" + unique()}
          }) {
        broker.send(
            "ledgerline.pos.voids",
            Json.createObjectBuilder()
                .add("transactionId", v[0])
                .add("capturedAt", "2011-03-01T09:45:00Z")
                .add("originalTransactionId", v[1])
                .add("reason", "cancelled at the till")
                .build()
                .toString(),
            voidEnvelope);
      }
      JsonObject voided = awaitSettled(CHANNEL, voidUnpaid, 1);
      assertEquals("POSTED", voided.getString("outcome"), voided.toString());
      assertEquals(unpaidNumber, voided.getString("document"));
      JsonObject sale = as("cashier").get("api/sales/" + unpaidNumber).json();
      assertEquals("VOIDED", sale.getString("status"));
      assertEquals(0, new BigDecimal("8").compareTo(onHand(f.sku())), "the voided units are back");
      assertEquals(
          0,
          TestDatabase.value(
                  "select coalesce(sum(amount), 0) from ar_customer_ledger_entry where"
                      + " applies_to_number = ?",
                  unpaidNumber)
              .signum(),
          "nothing is owed on a voided sale");

      JsonObject refused = awaitSettled(CHANNEL, voidPaid, 1);
      assertEquals("REJECTED", refused.getString("outcome"));
      assertEquals("SALE_HAS_PAYMENTS", refused.getString("code"));
      assertEquals("UNKNOWN_SALE", awaitSettled(CHANNEL, voidUnknown, 1).getString("code"));
      assertEquals(0, new BigDecimal("8").compareTo(onHand(f.sku())));
    }
    assertInvariantsHold();
  }

  @Test
  void aStuckCustomerGroupDoesNotHoldUpTheOthers() throws Exception {
    Fixture stuck = fixture("5.00", 10);
    Fixture other = fixture("5.00", 10);
    String blocked = "T-" + unique();
    String free = "T-" + unique();
    BigDecimal amount = gross(stuck.price(), 1);
    // the stuck customer's posting waits on a lock this test holds on its stock row
    try (java.sql.Connection lock = TestDatabase.connect()) {
      lock.setAutoCommit(false);
      try (java.sql.PreparedStatement s =
          lock.prepareStatement(
              "select quantity_on_hand from inv_stock_level where variant_id = (select id from"
                  + " cat_variant where sku = ?) for update")) {
        s.setString(1, stuck.sku());
        s.executeQuery().close();
      }
      try (Broker broker = new Broker()) {
        broker.send(
            QUEUE,
            sale(blocked, stuck, 1, amount, tender("cash", amount, "settled")).build().toString(),
            envelope(CHANNEL, stuck.customer()));
        // the stuck message has been taken (it waits on the lock) before the other is sent
        awaitRow(
            "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and datname ="
                + " current_database()");
        broker.send(
            QUEUE,
            sale(free, other, 1, amount, tender("cash", amount, "settled")).build().toString(),
            envelope(CHANNEL, other.customer()));
        JsonObject settled = awaitSettled(CHANNEL, free, 1);
        assertEquals("POSTED", settled.getString("outcome"), settled.toString());
        assertEquals(
            0,
            count("select count(*) from chn_message_log where transaction_id = ?", blocked),
            "the other customer's sale posted while the stuck one still waited");
      }
      lock.rollback();
    }
    JsonObject released = awaitSettled(CHANNEL, blocked, 1);
    assertEquals("POSTED", released.getString("outcome"), released.toString());
    assertEquals(0, new BigDecimal("9").compareTo(onHand(stuck.sku())));
    assertInvariantsHold();
  }

  @Test
  void theChannelFiguresCountWhatSettled() throws Exception {
    Fixture f = fixture("3.00", 5);
    String posted = "T-" + unique();
    String rejected = "T-" + unique();
    BigDecimal amount = gross(f.price(), 1);
    JsonObject before = pos(as("auditor").get("api/channels/metrics").json());
    try (Broker broker = new Broker()) {
      String body =
          sale(posted, f, 1, amount, tender("card", amount, "settled")).build().toString();
      broker.send(QUEUE, body, envelope(CHANNEL, f.customer()));
      broker.send(QUEUE, body, envelope(CHANNEL, f.customer()));
      BigDecimal off = amount.add(BigDecimal.ONE);
      broker.send(
          QUEUE,
          sale(rejected, f, 1, off, tender("card", off, "settled")).build().toString(),
          envelope(CHANNEL, f.customer()));
      awaitSettled(CHANNEL, posted, 2);
      awaitSettled(CHANNEL, rejected, 1);
    }
    JsonObject figures = as("auditor").get("api/channels/metrics").json();
    JsonObject after = pos(figures);
    assertEquals(
        1, after.getJsonNumber("posted").longValue() - before.getJsonNumber("posted").longValue());
    assertEquals(
        1,
        after.getJsonNumber("duplicates").longValue()
            - before.getJsonNumber("duplicates").longValue());
    assertEquals(
        1,
        after.getJsonObject("rejectionsByCode").getJsonNumber("TOTALS_MISMATCH").longValue()
            - before.getJsonObject("rejectionsByCode").getInt("TOTALS_MISMATCH", 0));
    assertNotNull(after.get("syncLatencyP50Ms"));
    assertTrue(
        after.getJsonNumber("syncLatencyP50Ms").longValue()
            <= after.getJsonNumber("syncLatencyP99Ms").longValue());
    assertTrue(figures.getInt("channelsSeenLast24h") >= 1);
    assertEquals(
        0,
        BigDecimal.valueOf(figures.getInt("channelsSeenLast24h"))
            .divide(
                BigDecimal.valueOf(figures.getInt("configuredChannels")), 4, RoundingMode.HALF_UP)
            .compareTo(figures.getJsonNumber("channelCoverage").bigDecimalValue()));
    String metrics = as("auditor").getFromRoot("metrics?scope=application").body();
    assertTrue(
        metrics.contains("ledgerline_channel_messages_total"),
        "MicroProfile Metrics exposes the channel counters");
    assertInvariantsHold();
  }

  // pos.refund (issue 4): returns credited on the sale they came from, or on their own

  private static final String REFUNDS = "ledgerline.pos.refunds";

  private static Map<String, String> refundEnvelope(String group) {
    Map<String, String> properties = envelope(CHANNEL, group);
    properties.put("messageType", "pos.refund");
    return properties;
  }

  private static JsonObjectBuilder returned(Fixture f, int quantity, boolean restock) {
    return Json.createObjectBuilder()
        .add("sku", f.sku())
        .add("quantity", String.valueOf(quantity))
        .add("unitPrice", f.price().toPlainString())
        .add("restock", restock);
  }

  private static JsonObjectBuilder refund(
      String transactionId,
      String original,
      Fixture f,
      BigDecimal amount,
      JsonArrayBuilder lines,
      JsonArrayBuilder refunds) {
    JsonObjectBuilder body =
        Json.createObjectBuilder()
            .add("transactionId", transactionId)
            .add("capturedAt", "2011-03-02T10:00:00Z")
            .add("customerNumber", f.customer())
            .add("currency", "GBP")
            .add("taxJurisdiction", "GB")
            .add("amount", amount.toPlainString())
            .add("lines", lines)
            .add("refunds", refunds);
    if (original != null) {
      body.add("originalTransactionId", original);
    }
    return body;
  }

  private static long creditNotesOf(String saleNumber) throws SQLException {
    return count(
        "select count(*) from sal_credit_note c join sal_sale s on s.id = c.sale_id where"
            + " s.sale_number = ?",
        saleNumber);
  }

  private static long refundsOf(String saleNumber) throws SQLException {
    return count(
        "select count(*) from pay_refund r join sal_sale s on s.id = r.sale_id where"
            + " s.sale_number = ?",
        saleNumber);
  }

  private static BigDecimal customerBalance(String customer) throws SQLException {
    return TestDatabase.value(
        "select coalesce(sum(e.amount), 0) from ar_customer_ledger_entry e join cus_customer c on"
            + " c.id = e.customer_id where c.customer_number = ?",
        customer);
  }

  @Test
  void aPartialRefundOfAPaidSaleIsACreditNoteAndARefundAndNeverMoreThanWasSold() throws Exception {
    Fixture f = fixture("12.50", 10);
    BigDecimal amount = gross(f.price(), 3);
    String sold = "T-" + unique();
    String partial = "R-" + unique();
    String tooMuch = "R-" + unique();
    String unknown = "R-" + unique();
    BigDecimal back = gross(f.price(), 1);
    String body =
        refund(
                partial,
                sold,
                f,
                back,
                Json.createArrayBuilder().add(returned(f, 1, true)),
                tender("cash", back, "settled"))
            .build()
            .toString();
    try (Broker broker = new Broker()) {
      broker.send(
          QUEUE,
          sale(sold, f, 3, amount, tender("card", amount, "settled")).build().toString(),
          envelope(CHANNEL, f.customer()));
      String saleNumber = awaitSettled(CHANNEL, sold, 1).getString("document");
      broker.send(REFUNDS, body, refundEnvelope(f.customer()));
      JsonObject posted = awaitSettled(CHANNEL, partial, 1);
      assertEquals("POSTED", posted.getString("outcome"), posted.toString());
      String creditNote = posted.getString("document");
      assertTrue(creditNote.startsWith("CN-"), creditNote);

      JsonObject note = as("auditor").get("api/credit-notes/" + creditNote).json();
      assertEquals(saleNumber, note.getString("saleNumber"), note.toString());
      assertEquals(0, back.compareTo(note.getJsonNumber("total").bigDecimalValue()));
      assertEquals(0, back.compareTo(note.getJsonNumber("amountRefunded").bigDecimalValue()));
      assertEquals(0, note.getJsonNumber("amountRemaining").bigDecimalValue().signum());
      assertTrue(note.getBoolean("restock"));
      assertEquals(0, new BigDecimal("8").compareTo(onHand(f.sku())), "7 left, 1 restocked");
      JsonObject sale = as("cashier").get("api/sales/" + saleNumber).json();
      assertEquals(
          0,
          amount.subtract(back).compareTo(sale.getJsonNumber("amountPaid").bigDecimalValue()),
          sale.toString());
      assertEquals("PAID", sale.getString("paymentStatus"));
      assertEquals(0, customerBalance(f.customer()).signum(), "the customer owes nothing");

      // sent again: absorbed, answered with the first credit note
      broker.send(REFUNDS, body, refundEnvelope(f.customer()));
      JsonObject again = awaitSettled(CHANNEL, partial, 2);
      assertEquals("DUPLICATE", again.getString("outcome"));
      assertEquals(creditNote, again.getString("document"));

      // 3 more units of a sale of 3 with 1 credited: more than was sold, nothing written
      BigDecimal three = gross(f.price(), 3);
      broker.send(
          REFUNDS,
          refund(
                  tooMuch,
                  sold,
                  f,
                  three,
                  Json.createArrayBuilder().add(returned(f, 3, true)),
                  tender("cash", three, "settled"))
              .build()
              .toString(),
          refundEnvelope(f.customer()));
      JsonObject refused = awaitSettled(CHANNEL, tooMuch, 1);
      assertEquals("REJECTED", refused.getString("outcome"));
      assertEquals("CREDIT_EXCEEDS_INVOICED", refused.getString("code"));
      broker.send(
          REFUNDS,
          refund(
                  unknown,
                  "NO-SUCH-" + unique(),
                  f,
                  back,
                  Json.createArrayBuilder().add(returned(f, 1, true)),
                  tender("cash", back, "settled"))
              .build()
              .toString(),
          refundEnvelope(f.customer()));
      assertEquals("UNKNOWN_SALE", awaitSettled(CHANNEL, unknown, 1).getString("code"));
      assertEquals(1, creditNotesOf(saleNumber));
      assertEquals(1, refundsOf(saleNumber));
      assertEquals(0, new BigDecimal("8").compareTo(onHand(f.sku())));
      assertEquals(0, customerBalance(f.customer()).signum());
    }
    assertInvariantsHold();
  }

  @Test
  void aSettledRefundOfAnUnpaidSaleIsRefusedAndAPendingOneLowersWhatIsOwed() throws Exception {
    Fixture f = fixture("8.00", 10);
    BigDecimal amount = gross(f.price(), 2);
    String sold = "T-" + unique();
    String settled = "R-" + unique();
    String pending = "R-" + unique();
    BigDecimal back = gross(f.price(), 1);
    try (Broker broker = new Broker()) {
      broker.send(
          QUEUE,
          sale(sold, f, 2, amount, tender("card", amount, "pending")).build().toString(),
          envelope(CHANNEL, f.customer()));
      String saleNumber = awaitSettled(CHANNEL, sold, 1).getString("document");
      broker.send(
          REFUNDS,
          refund(
                  settled,
                  sold,
                  f,
                  back,
                  Json.createArrayBuilder().add(returned(f, 1, false)),
                  tender("cash", back, "settled"))
              .build()
              .toString(),
          refundEnvelope(f.customer()));
      JsonObject refused = awaitSettled(CHANNEL, settled, 1);
      assertEquals("REFUND_EXCEEDS_CUSTOMER_CREDIT", refused.getString("code"), refused.toString());
      assertEquals(0, creditNotesOf(saleNumber), "the credit note went with the refused refund");
      assertEquals(0, amount.compareTo(customerBalance(f.customer())));

      broker.send(
          REFUNDS,
          refund(
                  pending,
                  sold,
                  f,
                  back,
                  Json.createArrayBuilder().add(returned(f, 1, false)),
                  tender("card", back, "pending"))
              .build()
              .toString(),
          refundEnvelope(f.customer()));
      assertEquals("POSTED", awaitSettled(CHANNEL, pending, 1).getString("outcome"));
      assertEquals(1, creditNotesOf(saleNumber));
      assertEquals(0, refundsOf(saleNumber));
      assertEquals(0, amount.subtract(back).compareTo(customerBalance(f.customer())));
      assertEquals(0, new BigDecimal("8").compareTo(onHand(f.sku())), "not restocked");
    }
    assertInvariantsHold();
  }

  @Test
  void aReturnLinkedToNoSaleIsRestockedAndRefundedInCashAndTheCustomerNetsToZero()
      throws Exception {
    Fixture f = fixture("6.25", 10);
    String walkIn = "R-" + unique();
    // two units back on the shelf, one thrown away: a restocked note and one without restock
    BigDecimal restocked = gross(f.price(), 2);
    BigDecimal discarded = gross(f.price(), 1);
    BigDecimal amount = restocked.add(discarded);
    String body =
        refund(
                walkIn,
                null,
                f,
                amount,
                Json.createArrayBuilder().add(returned(f, 2, true)).add(returned(f, 1, false)),
                tender("cash", amount, "settled"))
            .build()
            .toString();
    BigDecimal inventoryBefore =
        TestDatabase.value(
            "select coalesce(sum(m.value), 0) from inv_stock_movement m join cat_variant v on"
                + " v.id = m.variant_id where v.sku = ?",
            f.sku());
    try (Broker broker = new Broker()) {
      broker.send(REFUNDS, body, refundEnvelope(f.customer()));
      JsonObject posted = awaitSettled(CHANNEL, walkIn, 1);
      assertEquals("POSTED", posted.getString("outcome"), posted.toString());
      JsonObject first =
          as("auditor").get("api/credit-notes/" + posted.getString("document")).json();
      assertEquals(
          JsonValue.NULL, first.getOrDefault("saleNumber", JsonValue.NULL), first.toString());
      assertTrue(first.getBoolean("restock"));
      assertEquals(0, restocked.compareTo(first.getJsonNumber("total").bigDecimalValue()));
      assertEquals(0, restocked.compareTo(first.getJsonNumber("amountRefunded").bigDecimalValue()));
      assertEquals(
          2,
          count(
              "select count(*) from sal_credit_note c join cus_customer u on u.id = c.customer_id"
                  + " where u.customer_number = ? and c.sale_id is null",
              f.customer()));
      assertEquals(
          0,
          amount.compareTo(
              TestDatabase.value(
                  "select coalesce(sum(r.amount), 0) from pay_refund r join cus_customer u on"
                      + " u.id = r.customer_id where u.customer_number = ? and r.sale_id is null"
                      + " and r.tender_code = 'cash'",
                  f.customer())));
      assertEquals(0, customerBalance(f.customer()).signum(), "credited and paid back");
      assertEquals(0, new BigDecimal("12").compareTo(onHand(f.sku())), "two back on the shelf");
      // back at the moving-average cost: the only receipt was at 3.00 a unit
      assertEquals(
          0,
          inventoryBefore
              .add(new BigDecimal("6.00"))
              .compareTo(
                  TestDatabase.value(
                      "select coalesce(sum(m.value), 0) from inv_stock_movement m join"
                          + " cat_variant v on v.id = m.variant_id where v.sku = ?",
                      f.sku())));

      broker.send(REFUNDS, body, refundEnvelope(f.customer()));
      JsonObject again = awaitSettled(CHANNEL, walkIn, 2);
      assertEquals("DUPLICATE", again.getString("outcome"));
      assertEquals(posted.getString("document"), again.getString("document"));
      assertEquals(0, customerBalance(f.customer()).signum());
      assertEquals(0, new BigDecimal("12").compareTo(onHand(f.sku())));
    }
    assertInvariantsHold();
  }

  private static JsonObject pos(JsonObject figures) {
    return figures.getJsonArray("channels").stream()
        .map(JsonValue::asJsonObject)
        .filter(c -> CHANNEL.equals(c.getString("channel")))
        .findFirst()
        .orElseThrow();
  }

  private void assertInvariantsHold() throws Exception {
    Invariants.assertHold(as("auditor"));
  }
}
