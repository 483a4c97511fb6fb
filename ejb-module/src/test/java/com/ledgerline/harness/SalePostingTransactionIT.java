package com.ledgerline.harness;

import static com.ledgerline.harness.XaRecorder.ARTEMIS;
import static com.ledgerline.harness.XaRecorder.POSTGRESQL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ledgerline.catalog.entity.Variant;
import com.ledgerline.ledger.control.Accounts;
import com.ledgerline.sales.boundary.PostSale;
import com.ledgerline.sales.control.SalePosting;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.transaction.RollbackException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sale posting under a real XA transaction spanning PostgreSQL and Artemis (DESIGN.md 5 and 6:
 * the event leaves if and only if the posting commits), checked the way an accountant would: the
 * documents, the stock, the customer ledger, the balanced journal entry and the topic.
 *
 * <p>Each scenario sells 3 of 10 units received at 4.00 for 10.00 each, posted on 2011-03-15 (UK
 * VAT standard rate 20% since 2011-01-04): net 30.00, VAT 6.00, gross 36.00, cost 12.00.
 */
class SalePostingTransactionIT {
  private static final LocalDate POSTING_DATE = LocalDate.of(2011, 3, 15);
  private static final String USER = "harness";
  private static final String CHANNEL = "harness";
  private static final BigDecimal ON_HAND = new BigDecimal("10");
  private static final BigDecimal UNIT_COST = new BigDecimal("4.00");
  private static final BigDecimal PRICE = new BigDecimal("10.00");
  private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(10);

  private static LedgerHarness harness;

  @BeforeAll
  static void start() {
    harness = LedgerHarness.start();
  }

  @AfterAll
  static void stop() {
    if (harness != null) {
      harness.close();
    }
  }

  /** A customer and a variant with {@link #ON_HAND} units in stock, committed. */
  private record Scenario(String key, String customerNumber, String sku) {
    PostSale sale(String externalReference, String quantity) {
      return new PostSale(
          customerNumber,
          POSTING_DATE,
          "GB",
          CHANNEL,
          externalReference + "-" + key,
          null,
          null,
          List.of(new PostSale.Line(sku, new BigDecimal(quantity), null, null)));
    }
  }

  private static Scenario customerWithStock() throws Exception {
    String key = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    Scenario scenario = new Scenario(key, "HC-" + key, "HSKU-" + key);
    harness.inTransaction(
        em -> {
          ReferenceData data = new ReferenceData(em);
          data.customer(scenario.customerNumber(), 30);
          Variant variant = data.stockedVariant(scenario.sku(), PRICE, "STANDARD");
          return data.receive(variant, ON_HAND, UNIT_COST, POSTING_DATE.minusDays(14), USER);
        });
    return scenario;
  }

  private static String post(jakarta.persistence.EntityManager em, PostSale command) {
    return new SalePosting(em, harness.events()).post(command, USER).sale().saleNumber();
  }

  @Test
  void committedSaleIsInEveryBookAndOnTheTopic() throws Exception {
    Scenario scenario = customerWithStock();
    try (TopicSubscriber erp = harness.subscribe(scenario.customerNumber())) {
      harness.xa().clear();
      AtomicReference<List<String>> enlisted = new AtomicReference<>();
      AtomicReference<Object> isolation = new AtomicReference<>();

      String saleNumber =
          harness.inTransaction(
              em -> {
                String number = post(em, scenario.sale("COMMIT", "3"));
                enlisted.set(harness.enlistedResources());
                isolation.set(em.createNativeQuery("show transaction_isolation").getSingleResult());
                return number;
              });

      // the posting ran as in the application server: PostgreSQL's default isolation
      assertEquals("read committed", isolation.get());

      // both resources took part and went through both phases; PostgreSQL held the branch as
      // prepared until the second phase
      assertEquals(2, enlisted.get().size(), "participants " + enlisted.get());
      assertTrue(
          enlisted.get().containsAll(List.of(POSTGRESQL, ARTEMIS)), enlisted.get()::toString);
      assertEquals(
          List.of("prepare=XA_OK", "observed=in pg_prepared_xacts", "commit=ok"),
          harness.xa().phases(POSTGRESQL));
      assertEquals(List.of("prepare=XA_OK", "commit=ok"), harness.xa().phases(ARTEMIS));

      HarnessDatabase db = harness.database();
      List<Map<String, Object>> sales =
          db.rows(
              "select s.status, c.customer_number, s.subtotal, s.tax_total, s.total"
                  + " from sal_sale s join cus_customer c on c.id = s.customer_id"
                  + " where s.sale_number = ?",
              saleNumber);
      assertEquals(1, sales.size(), "sale " + saleNumber + " committed once");
      Map<String, Object> sale = sales.get(0);
      assertEquals("POSTED", sale.get("status"));
      assertEquals(scenario.customerNumber(), sale.get("customer_number"));
      assertAmount("30.00", sale.get("subtotal"));
      assertAmount("6.00", sale.get("tax_total"));
      assertAmount("36.00", sale.get("total"));

      List<Map<String, Object>> movements =
          db.rows(
              "select m.movement_type, m.quantity, m.value from inv_stock_movement m"
                  + " where m.document_type = ? and m.document_number = ?",
              SalePosting.DOCUMENT_TYPE,
              saleNumber);
      assertEquals(1, movements.size(), movements::toString);
      assertEquals("SALE", movements.get(0).get("movement_type"));
      assertAmount("-3", movements.get(0).get("quantity"));
      assertAmount("-12.00", movements.get(0).get("value"));
      assertAmount("7", onHand(scenario));
      assertAmount(
          "7",
          db.decimal(
              "select sum(m.quantity) from inv_stock_movement m join cat_variant v"
                  + " on v.id = m.variant_id where v.sku = ?",
              scenario.sku()));

      List<Map<String, Object>> ledger = customerLedger(scenario);
      assertEquals(1, ledger.size(), ledger::toString);
      assertEquals("invoice", ledger.get(0).get("entry_type"));
      assertEquals(saleNumber, ledger.get(0).get("document_number"));
      assertAmount("36.00", ledger.get(0).get("amount"));

      List<Map<String, Object>> lines = journalLines(saleNumber);
      assertEquals(1, journalEntries(saleNumber), "one journal entry per sale");
      assertAmount("48.00", sum(lines, "debit"));
      assertAmount("48.00", sum(lines, "credit"));
      assertAmount("36.00", amountOn(lines, Accounts.ACCOUNTS_RECEIVABLE, "debit"));
      assertAmount("30.00", amountOn(lines, Accounts.SALES_REVENUE, "credit"));
      assertAmount("6.00", amountOn(lines, Accounts.OUTPUT_TAX_PAYABLE, "credit"));
      assertAmount("12.00", amountOn(lines, Accounts.COST_OF_GOODS_SOLD, "debit"));
      assertAmount("12.00", amountOn(lines, Accounts.INVENTORY, "credit"));

      Message message =
          erp.next(DELIVERY_TIMEOUT)
              .orElseThrow(
                  () -> new AssertionError("no sale.posted for " + saleNumber + " on the topic"));
      assertEquals("sale.posted", message.getStringProperty("eventType"));
      JsonObject event = json(message);
      assertEquals(saleNumber, event.getString("saleNumber"));
      assertEquals(scenario.customerNumber(), event.getString("customerNumber"));
      assertAmount("36.00", event.getJsonNumber("total").bigDecimalValue());
    }
  }

  @Test
  void rolledBackSaleLeavesNoTraceAndSendsNothing() throws Exception {
    Scenario scenario = customerWithStock();
    long journalEntriesBefore = harness.database().count("select count(*) from gl_journal_entry");
    try (TopicSubscriber erp = harness.subscribe(scenario.customerNumber())) {
      harness.xa().clear();
      AtomicReference<String> rolledBackNumber = new AtomicReference<>();

      IllegalStateException failure =
          assertThrows(
              IllegalStateException.class,
              () ->
                  harness.inTransaction(
                      em -> {
                        rolledBackNumber.set(post(em, scenario.sale("ROLLBACK", "3")));
                        throw new IllegalStateException("failure after the event was published");
                      }));
      assertEquals("failure after the event was published", failure.getMessage());

      assertEquals(List.of("rollback=ok"), harness.xa().phases(POSTGRESQL));
      assertEquals(List.of("rollback=ok"), harness.xa().phases(ARTEMIS));
      assertNoTraceOf(scenario, rolledBackNumber.get(), journalEntriesBefore);

      String committedNumber = harness.inTransaction(em -> post(em, scenario.sale("AFTER", "2")));

      // gapless numbering: the rolled-back invoice number was released, not burnt
      assertEquals(rolledBackNumber.get(), committedNumber);
      assertFirstEventIsTheCommittedSale(erp, scenario, committedNumber);
    }
  }

  @Test
  void failureInPostgresqlPrepareWithdrawsTheEventAlreadySent() throws Exception {
    Scenario scenario = customerWithStock();
    long journalEntriesBefore = harness.database().count("select count(*) from gl_journal_entry");
    try (TopicSubscriber erp = harness.subscribe(scenario.customerNumber())) {
      harness.xa().clear();
      AtomicReference<String> refusedNumber = new AtomicReference<>();

      assertThrows(
          RollbackException.class,
          () ->
              harness.inTransaction(
                  em -> {
                    refusedNumber.set(post(em, scenario.sale("REFUSED", "3")));
                    em.flush();
                    // a posting defect only the store catches: one more debit on the sale's
                    // journal entry; the deferred trigger gl_journal_line_balanced raises in
                    // PREPARE TRANSACTION, after the event was sent on the XA session
                    int unbalancing =
                        em.createNativeQuery(
                                "insert into gl_journal_line"
                                    + " (journal_entry_id, line_number, account_code, debit, credit)"
                                    + " select id, 99, ?, 0.01, 0 from gl_journal_entry"
                                    + " where document_type = ? and document_number = ?")
                            .setParameter(1, "6900")
                            .setParameter(2, SalePosting.DOCUMENT_TYPE)
                            .setParameter(3, refusedNumber.get())
                            .executeUpdate();
                    assertEquals(1, unbalancing);
                    return null;
                  }));

      List<String> postgresql = harness.xa().phases(POSTGRESQL);
      assertFalse(postgresql.isEmpty(), "PostgreSQL was never asked to prepare");
      assertTrue(
          postgresql.get(0).startsWith("prepare=XAException")
              && postgresql.get(0).contains("DEBITS_MUST_EQUAL_CREDITS"),
          postgresql::toString);
      assertFalse(postgresql.stream().anyMatch(p -> p.startsWith("commit")), postgresql::toString);
      List<String> artemis = harness.xa().phases(ARTEMIS);
      assertTrue(artemis.contains("rollback=ok"), artemis::toString);
      assertFalse(artemis.stream().anyMatch(p -> p.startsWith("commit")), artemis::toString);
      assertNoTraceOf(scenario, refusedNumber.get(), journalEntriesBefore);

      String committedNumber = harness.inTransaction(em -> post(em, scenario.sale("AFTER", "2")));

      assertEquals(refusedNumber.get(), committedNumber);
      assertFirstEventIsTheCommittedSale(erp, scenario, committedNumber);
    }
  }

  /** Nothing of the sale numbered {@code saleNumber} reached any book. */
  private static void assertNoTraceOf(Scenario scenario, String saleNumber, long journalEntries) {
    HarnessDatabase db = harness.database();
    assertEquals(
        0,
        db.count(
            "select count(*) from sal_sale s join cus_customer c on c.id = s.customer_id"
                + " where c.customer_number = ? or s.sale_number = ?",
            scenario.customerNumber(),
            saleNumber));
    assertEquals(
        0,
        db.count(
            "select count(*) from inv_stock_movement m join cat_variant v on v.id = m.variant_id"
                + " where v.sku = ? and m.movement_type <> 'RECEIPT'",
            scenario.sku()));
    assertAmount(ON_HAND.toPlainString(), onHand(scenario));
    assertEquals(0, journalEntries(saleNumber));
    assertEquals(journalEntries, db.count("select count(*) from gl_journal_entry"));
    assertEquals(List.of(), customerLedger(scenario));
  }

  /**
   * The subscriber's first message is the later, committed sale: nothing of the failed attempt was
   * delivered before it (the topic keeps the order of commits).
   */
  private static void assertFirstEventIsTheCommittedSale(
      TopicSubscriber erp, Scenario scenario, String saleNumber) throws JMSException {
    Message first =
        erp.next(DELIVERY_TIMEOUT)
            .orElseThrow(() -> new AssertionError("the committed sale was not announced"));
    JsonObject event = json(first);
    assertEquals("AFTER-" + scenario.key(), event.getString("externalReference"));
    assertEquals(saleNumber, event.getString("saleNumber"));
    assertAmount(
        "2",
        event.getJsonArray("lines").getJsonObject(0).getJsonNumber("quantity").bigDecimalValue());
  }

  private static Object onHand(Scenario scenario) {
    return harness
        .database()
        .value(
            "select l.quantity_on_hand from inv_stock_level l join cat_variant v"
                + " on v.id = l.variant_id where v.sku = ?",
            scenario.sku());
  }

  private static List<Map<String, Object>> customerLedger(Scenario scenario) {
    return harness
        .database()
        .rows(
            "select e.entry_type, e.document_number, e.amount from ar_customer_ledger_entry e"
                + " join cus_customer c on c.id = e.customer_id where c.customer_number = ?"
                + " order by e.id",
            scenario.customerNumber());
  }

  private static long journalEntries(String saleNumber) {
    return harness
        .database()
        .count(
            "select count(*) from gl_journal_entry where document_type = ? and document_number = ?",
            SalePosting.DOCUMENT_TYPE,
            saleNumber);
  }

  private static List<Map<String, Object>> journalLines(String saleNumber) {
    return harness
        .database()
        .rows(
            "select l.account_code, l.debit, l.credit from gl_journal_line l"
                + " join gl_journal_entry e on e.id = l.journal_entry_id"
                + " where e.document_type = ? and e.document_number = ? order by l.line_number",
            SalePosting.DOCUMENT_TYPE,
            saleNumber);
  }

  private static BigDecimal sum(List<Map<String, Object>> lines, String side) {
    return lines.stream()
        .map(line -> (BigDecimal) line.get(side))
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private static BigDecimal amountOn(List<Map<String, Object>> lines, String account, String side) {
    return sum(lines.stream().filter(l -> account.equals(l.get("account_code"))).toList(), side);
  }

  private static JsonObject json(Message message) throws JMSException {
    try (JsonReader reader = Json.createReader(new StringReader(message.getBody(String.class)))) {
      return reader.readObject();
    }
  }

  /** Equal as amounts, whatever the scale ({@code 36.00} = {@code 36.0000}). */
  private static void assertAmount(String expected, Object actual) {
    assertTrue(
        actual instanceof BigDecimal amount && amount.compareTo(new BigDecimal(expected)) == 0,
        () -> "expected " + expected + ", was " + actual);
  }
}
