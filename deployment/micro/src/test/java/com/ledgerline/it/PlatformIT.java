package com.ledgerline.it;

import static com.ledgerline.it.support.TestDatabase.count;
import static com.ledgerline.it.support.TestDatabase.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ledgerline.it.probe.ProbeListener;
import com.ledgerline.it.support.Api;
import com.ledgerline.it.support.Broker;
import com.ledgerline.it.support.Invariants;
import com.ledgerline.it.support.TestDatabase;
import jakarta.jms.MessageConsumer;
import jakarta.jms.TextMessage;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The platform on Payara Micro with the real PostgreSQL and the real Artemis broker: the atomic
 * sale over REST, both sides of the XA transaction rolling back together, a refused sale, an MDB
 * redelivering and dead-lettering, and readiness. The deployment is the very WAR the build ships,
 * plus a test MDB.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PlatformIT {
  private static final long MESSAGE_TIMEOUT_MILLIS = 20_000;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(
            WebArchive.class, new File(System.getProperty("ledgerline.war")))
        .addPackage(ProbeListener.class.getPackage());
  }

  @ArquillianResource private URL base;

  private Api api() {
    return new Api(base);
  }

  /**
   * Master data is kept by administrators, sales are posted by cashiers, the books read by
   * auditors.
   */
  private Api admin() {
    return api().as("admin");
  }

  private Api cashier() {
    return api().as("cashier");
  }

  private Api auditor() {
    return api().as("auditor");
  }

  /** A customer and a stock-tracked variant with {@code onHand} units at {@code unitCost}. */
  private record Fixture(String customer, String sku) {}

  private Fixture fixture(int onHand, String unitCost, String price) throws Exception {
    String id = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    Fixture f = new Fixture("C-" + id, "SKU-" + id);
    Api api = admin();
    assertEquals(
        201,
        api.post(
                "api/customers",
                "{\"customerNumber\":\""
                    + f.customer()
                    + "\",\"name\":\"Customer "
                    + id
                    + "\",\"country\":\"United Kingdom\",\"currency\":\"GBP\",\"paymentTermsDays\":30}")
            .status());
    assertEquals(
        201,
        api.post(
                "api/variants",
                "{\"sku\":\""
                    + f.sku()
                    + "\",\"name\":\"Mug "
                    + id
                    + "\",\"taxCategory\":\"STANDARD\",\"sellingPrice\":"
                    + price
                    + ",\"currency\":\"GBP\",\"stockTracked\":true}")
            .status());
    assertEquals(
        201,
        api.post(
                "api/stock/receipts",
                "{\"sku\":\""
                    + f.sku()
                    + "\",\"quantity\":"
                    + onHand
                    + ",\"unitCost\":"
                    + unitCost
                    + ",\"postingDate\":\"2011-01-10\"}")
            .status());
    return f;
  }

  private static String sale(Fixture f, int quantity, String unitPrice) {
    return "{\"customerNumber\":\""
        + f.customer()
        + "\",\"postingDate\":\"2011-02-01\",\"lines\":[{\"sku\":\""
        + f.sku()
        + "\",\"quantity\":"
        + quantity
        + ",\"unitPrice\":"
        + unitPrice
        + "}]}";
  }

  private static BigDecimal money(String amount) {
    return new BigDecimal(amount);
  }

  private static void assertMoney(String expected, BigDecimal actual, String what) {
    assertEquals(
        0, money(expected).compareTo(actual), what + ": expected " + expected + ", was " + actual);
  }

  private static void assertMoney(String expected, JsonObject json, String field) {
    assertMoney(expected, json.getJsonNumber(field).bigDecimalValue(), field);
  }

  private void assertInvariantsHold() throws Exception {
    Invariants.assertHold(auditor());
  }

  private static long lastSaleSerial() throws Exception {
    return count("select coalesce(max(substring(sale_number from 5)::bigint), 0) from sal_sale");
  }

  @Test
  void aPostedSaleWritesEveryEffectInOneTransactionAndAnnouncesIt() throws Exception {
    Fixture f = fixture(10, "1.20", "2.55");
    try (Broker broker = new Broker()) {
      MessageConsumer events = broker.subscribeToEvents();

      Api.Reply reply = cashier().post("api/sales", sale(f, 3, "2.55"));

      assertEquals(201, reply.status(), reply.body());
      JsonObject posted = reply.json();
      String number = posted.getString("saleNumber");
      assertTrue(number.matches("INV-\\d{8}"), number);
      // 3 x 2.55 = 7.65 net; UK VAT on 2011-02-01 is 20 %: 1.53; gross 9.18
      assertMoney("7.65", posted, "subtotal");
      assertMoney("1.53", posted, "taxTotal");
      assertMoney("9.18", posted, "total");
      assertMoney("20", posted.getJsonArray("lines").getJsonObject(0), "taxRatePercent");

      assertEquals(1, count("select count(*) from sal_sale where sale_number = ?", number));
      assertEquals(
          1,
          count(
              "select count(*) from sal_sale_line l join sal_sale s on s.id = l.sale_id where"
                  + " s.sale_number = ?",
              number));
      // stock: 3 out at the moving-average cost 1.20, so 3.60 leaves Inventory
      assertMoney(
          "-3",
          value("select sum(quantity) from inv_stock_movement where document_number = ?", number),
          "stock movement");
      assertMoney(
          "7",
          value(
              "select quantity_on_hand from inv_stock_level l join cat_variant v on v.id ="
                  + " l.variant_id where v.sku = ?",
              f.sku()),
          "stock on hand");
      assertMoney(
          "9.18",
          value(
              "select sum(amount) from ar_customer_ledger_entry where document_number = ? and"
                  + " entry_type = 'invoice'",
              number),
          "customer ledger invoice");
      String lines =
          " from gl_journal_line l join gl_journal_entry e on e.id = l.journal_entry_id where"
              + " e.document_number = ? and l.account_code = ?";
      assertMoney("9.18", value("select sum(debit)" + lines, number, "1100"), "AR debit");
      assertMoney("7.65", value("select sum(credit)" + lines, number, "4000"), "revenue credit");
      assertMoney("1.53", value("select sum(credit)" + lines, number, "2100"), "output tax");
      assertMoney("3.60", value("select sum(debit)" + lines, number, "5000"), "COGS debit");
      assertMoney("3.60", value("select sum(credit)" + lines, number, "1200"), "inventory credit");
      assertMoney(
          "0",
          value(
              "select sum(l.debit) - sum(l.credit) from gl_journal_line l join gl_journal_entry e"
                  + " on e.id = l.journal_entry_id where e.document_number = ?",
              number),
          "journal entry balance");

      TextMessage event = Broker.next(events, MESSAGE_TIMEOUT_MILLIS);
      JsonObject announced = Json.createReader(new StringReader(event.getText())).readObject();
      assertEquals("sale.posted", announced.getString("eventType"));
      assertEquals("sale.posted", event.getStringProperty("eventType"));
      assertEquals(number, announced.getString("saleNumber"));
      assertEquals(f.customer(), event.getStringProperty("JMSXGroupID"));
      assertMoney("9.18", announced, "total");

      JsonObject read = auditor().get("api/sales/" + number).json();
      assertEquals(f.customer(), read.getString("customerNumber"));
      assertEquals(
          5, read.getJsonArray("journalEntries").getJsonObject(0).getJsonArray("lines").size());
      assertTrue(auditor().get("api/sales?limit=5").body().contains(number));
    }
    assertInvariantsHold();
  }

  @Test
  void aFailureAfterTheMessageWasSentRollsBackTheDatabaseAndTheMessage() throws Exception {
    Fixture doomed = fixture(10, "1.20", "2.55");
    Fixture good = fixture(10, "1.20", "2.55");
    long serialBefore = lastSaleSerial();
    // A deferred constraint trigger fails the database's prepare, after the sale.posted event was
    // sent: the two-phase commit must take the message back too.
    TestDatabase.execute(
        "create or replace function it_refuse_at_commit() returns trigger language plpgsql as $$"
            + " begin if NEW.customer_id = (select id from cus_customer where customer_number = '"
            + doomed.customer()
            + "') then raise exception 'IT_REFUSED_AT_COMMIT'; end if; return null; end $$");
    TestDatabase.execute(
        "create constraint trigger it_refuse_customer after insert on ar_customer_ledger_entry"
            + " deferrable initially deferred for each row execute function it_refuse_at_commit()");
    try (Broker broker = new Broker()) {
      MessageConsumer events = broker.subscribeToEvents();

      Api.Reply refused = cashier().post("api/sales", sale(doomed, 3, "2.55"));

      assertEquals(500, refused.status(), refused.body());
      assertEquals(
          0,
          count(
              "select count(*) from sal_sale s join cus_customer c on c.id = s.customer_id where"
                  + " c.customer_number = ?",
              doomed.customer()));
      assertEquals(
          0,
          count(
              "select count(*) from ar_customer_ledger_entry e join cus_customer c on c.id ="
                  + " e.customer_id where c.customer_number = ?",
              doomed.customer()));
      assertEquals(
          0,
          count(
              "select count(*) from inv_stock_movement m join cat_variant v on v.id = m.variant_id"
                  + " where v.sku = ? and m.movement_type = 'SALE'",
              doomed.sku()));
      assertEquals(
          0,
          count(
              "select count(*) from gl_journal_entry where description like ?",
              "%" + doomed.customer()));
      assertMoney(
          "10",
          value(
              "select quantity_on_hand from inv_stock_level l join cat_variant v on v.id ="
                  + " l.variant_id where v.sku = ?",
              doomed.sku()),
          "stock on hand after the rolled-back sale");
      assertEquals(
          0,
          count("select count(*) from pg_prepared_xacts where database = current_database()"),
          "no in-doubt transaction");

      Api.Reply posted = cashier().post("api/sales", sale(good, 1, "2.55"));
      assertEquals(201, posted.status(), posted.body());
      String goodNumber = posted.json().getString("saleNumber");
      // the rolled-back sale's number went back to the series: no gap
      assertEquals(String.format("INV-%08d", serialBefore + 1), goodNumber);
      // the first event after the failed one is the good sale's: the failed one never left
      JsonObject first =
          Json.createReader(new StringReader(Broker.next(events, MESSAGE_TIMEOUT_MILLIS).getText()))
              .readObject();
      assertEquals(goodNumber, first.getString("saleNumber"));
    } finally {
      TestDatabase.execute("drop trigger if exists it_refuse_customer on ar_customer_ledger_entry");
    }
    assertInvariantsHold();
  }

  @Test
  void aSaleBeyondStockOnHandIsRefusedWithItsCodeAndWritesNothing() throws Exception {
    Fixture short2 = fixture(2, "1.00", "4.00");
    Fixture good = fixture(5, "1.00", "4.00");
    long serialBefore = lastSaleSerial();
    try (Broker broker = new Broker()) {
      MessageConsumer events = broker.subscribeToEvents();

      Api.Reply refused = cashier().post("api/sales", sale(short2, 3, "4.00"));

      assertEquals(409, refused.status(), refused.body());
      assertTrue(
          refused.contentType().startsWith("application/problem+json"), refused.contentType());
      JsonObject problem = refused.json();
      assertEquals("INSUFFICIENT_STOCK", problem.getString("code"));
      assertTrue(problem.getString("detail").contains(short2.sku()), problem.getString("detail"));
      assertEquals(409, problem.getInt("status"));
      assertEquals(
          0,
          count(
              "select count(*) from sal_sale s join cus_customer c on c.id = s.customer_id where"
                  + " c.customer_number = ?",
              short2.customer()));
      assertEquals(
          0,
          count(
              "select count(*) from ar_customer_ledger_entry e join cus_customer c on c.id ="
                  + " e.customer_id where c.customer_number = ?",
              short2.customer()));
      assertMoney(
          "2",
          value(
              "select quantity_on_hand from inv_stock_level l join cat_variant v on v.id ="
                  + " l.variant_id where v.sku = ?",
              short2.sku()),
          "stock is neither taken nor clamped");

      Api.Reply posted = cashier().post("api/sales", sale(good, 1, "4.00"));
      assertEquals(201, posted.status(), posted.body());
      assertEquals(
          String.format("INV-%08d", serialBefore + 1), posted.json().getString("saleNumber"));
      JsonObject first =
          Json.createReader(new StringReader(Broker.next(events, MESSAGE_TIMEOUT_MILLIS).getText()))
              .readObject();
      assertEquals(posted.json().getString("saleNumber"), first.getString("saleNumber"));
    }
    assertInvariantsHold();
  }

  @Test
  void aFailingMessageIsRedeliveredThenDeadLetteredAndLeavesNoEffect() throws Exception {
    TestDatabase.execute(
        "create table if not exists it_probe_attempt (probe varchar(80) not null, delivery_count"
            + " int not null)");
    TestDatabase.execute("create table if not exists it_probe_effect (probe varchar(80) not null)");
    String failing = "fail-" + UUID.randomUUID();
    String passing = "pass-" + UUID.randomUUID();
    try (Broker broker = new Broker()) {
      MessageConsumer deadLetters = broker.consumer("DLQ", "probe = '" + failing + "'");
      MessageConsumer done =
          broker.consumer("ledgerline.test.mdb.done", "probe = '" + passing + "'");

      broker.send("ledgerline.test.mdb", "fail", "probe", failing);
      broker.send("ledgerline.test.mdb", "ok", "probe", passing);

      TextMessage dead = Broker.next(deadLetters, 60_000);
      assertEquals("fail", dead.getText());
      // ledgerline.test.# allows 3 delivery attempts (deployment/artemis/broker.xml)
      assertEquals(3, count("select count(*) from it_probe_attempt where probe = ?", failing));
      assertEquals(
          3, count("select max(delivery_count) from it_probe_attempt where probe = ?", failing));
      assertEquals(
          0,
          count("select count(*) from it_probe_effect where probe = ?", failing),
          "the effect of every failed attempt rolled back");

      Broker.next(done, MESSAGE_TIMEOUT_MILLIS);
      assertEquals(1, count("select count(*) from it_probe_attempt where probe = ?", passing));
      assertEquals(1, count("select count(*) from it_probe_effect where probe = ?", passing));
    }
  }

  @Test
  void theFirstDayOfRealInvoicesPostsThroughTheSalePathAndARerunPostsNothing() throws Exception {
    byte[] file = Files.readAllBytes(Path.of(System.getProperty("ledgerline.sample.data")));
    // what the file itself says about 2010-12-01: its invoices and its cancellations (C...)
    Set<String> invoices = new HashSet<>();
    Set<String> cancellations = new HashSet<>();
    try (BufferedReader rows =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(new ByteArrayInputStream(file)), StandardCharsets.UTF_8))) {
      rows.lines()
          .filter(row -> row.contains(",2010-12-01 "))
          .map(row -> row.substring(0, row.indexOf(',')))
          .forEach(
              invoice -> {
                invoices.add(invoice);
                if (invoice.startsWith("C")) {
                  cancellations.add(invoice);
                }
              });
    }
    assertEquals(143, invoices.size(), "the data set's README: 143 invoices on the first day");
    String path = "api/imports/online-retail?from=2010-12-01&to=2010-12-01";

    JsonObject first = admin().postBytes(path, "application/gzip", file).json();

    assertEquals(invoices.size(), first.getInt("invoicesRead"));
    assertEquals(
        first.getInt("invoicesRead"),
        first.getInt("salesPosted")
            + first.getInt("duplicates")
            + first.getInt("invoicesNotPosted"),
        "every invoice is posted, a duplicate, or recorded as not posted");
    assertEquals(
        first.getInt("linesRead"),
        first.getInt("linesPosted")
            + first.getInt("duplicateLines")
            + first.getInt("linesNotPosted"),
        "every line is accounted for");
    assertEquals(
        cancellations.size(),
        first.getJsonObject("notPostedByCode").getInt("CANCELLATION_NOT_SUPPORTED_YET"));
    assertTrue(first.getInt("salesPosted") > 0, first.toString());
    assertEquals(
        first.getInt("salesPosted"),
        count(
            "select count(*) from sal_sale where channel = 'online-retail' and posting_date = date"
                + " '2010-12-01'"));
    assertEquals(
        first.getInt("linesNotPosted"),
        count(
            "select coalesce(sum(line_count), 0) from imp_import_issue where import_run_id = ?",
            first.getJsonNumber("runId").longValue()),
        "each line not posted has its recorded reason");
    assertInvariantsHold();

    JsonObject again = admin().postBytes(path, "application/gzip", file).json();

    assertEquals(0, again.getInt("salesPosted"), again.toString());
    assertEquals(first.getInt("salesPosted"), again.getInt("duplicates"));
    assertEquals(
        first.getInt("salesPosted"),
        count(
            "select count(*) from sal_sale where channel = 'online-retail' and posting_date = date"
                + " '2010-12-01'"));
    assertInvariantsHold();
  }

  @Test
  void readinessReportsTheDatabaseAndTheBroker() throws Exception {
    Api.Reply ready = api().getFromRoot("health/ready");
    assertEquals(200, ready.status(), ready.body());
    JsonObject health = ready.json();
    assertEquals("UP", health.getString("status"));
    String checks = health.getJsonArray("checks").toString();
    assertTrue(checks.contains("ledger-database"), checks);
    assertTrue(checks.contains("message-broker"), checks);
  }
}
