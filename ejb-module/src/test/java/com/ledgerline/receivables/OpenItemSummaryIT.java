package com.ledgerline.receivables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ledgerline.catalog.entity.Variant;
import com.ledgerline.customers.entity.Customer;
import com.ledgerline.harness.HarnessDatabase;
import com.ledgerline.harness.LedgerHarness;
import com.ledgerline.harness.ReferenceData;
import com.ledgerline.ledger.boundary.InvariantChecks;
import com.ledgerline.ledger.control.Accounts;
import com.ledgerline.ledger.control.Journal;
import com.ledgerline.ledger.entity.CustomerLedgerEntry;
import com.ledgerline.ledger.entity.JournalEntry;
import com.ledgerline.receivables.control.AgingReports;
import com.ledgerline.receivables.control.OpenItemsAsOf;
import com.ledgerline.receivables.control.OpenItemsAsOf.Basis;
import com.ledgerline.receivables.control.OpenItemsAsOf.Customers;
import com.ledgerline.receivables.control.PaymentHistory;
import com.ledgerline.receivables.control.WorkQueueQueries;
import com.ledgerline.receivables.entity.Aging;
import com.ledgerline.receivables.entity.InvoiceSettlement;
import com.ledgerline.sales.boundary.PostSale;
import com.ledgerline.sales.control.SalePosting;
import com.ledgerline.shared.DocumentNumbers;
import jakarta.persistence.EntityManager;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The open-item summary and the receivables queries against a real PostgreSQL, in the harness's own
 * database: every customer ledger entry (from the real sale posting, and payments, credit notes,
 * reversals, amendments and write-offs written the way their workflows write them: a balanced
 * journal entry and the ledger entry) keeps {@code ar_open_item} equal to the sum of the entries in
 * the same transaction; every way of computing the open items as of a date gives what a plain Java
 * reading of the entries gives.
 */
class OpenItemSummaryIT {
  private static final String USER = "harness";
  private static final LocalDate BASE = LocalDate.of(2024, 1, 1);

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

  private static String key() {
    return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
  }

  private static long customer(String number, int termsDays) throws Exception {
    return harness.inTransaction(em -> new ReferenceData(em).customer(number, termsDays).id());
  }

  /**
   * Posts one customer ledger entry the way a workflow does: a journal entry moving Accounts
   * receivable by the amount against Bank, then the entry; records it in the reference.
   */
  private static void post(
      ReferenceLedger reference,
      long customerId,
      CustomerLedgerEntry.Type type,
      String documentNumber,
      BigDecimal amount,
      LocalDate postingDate,
      LocalDate dueDate,
      String appliesTo)
      throws Exception {
    harness.inTransaction(
        em -> {
          postIn(em, customerId, type, documentNumber, amount, postingDate, dueDate, appliesTo);
          return null;
        });
    reference.add(
        new ReferenceLedger.Entry(
            customerId,
            type.name(),
            documentNumber,
            amount,
            postingDate,
            dueDate,
            appliesTo,
            reference.nextSequence()));
  }

  private static void postIn(
      EntityManager em,
      long customerId,
      CustomerLedgerEntry.Type type,
      String documentNumber,
      BigDecimal amount,
      LocalDate postingDate,
      LocalDate dueDate,
      String appliesTo) {
    Customer customer = em.find(Customer.class, customerId);
    JournalEntry journal =
        new Journal(em, new DocumentNumbers(em))
            .post(
                new Journal.Draft()
                    .debit(Accounts.ACCOUNTS_RECEIVABLE, amount)
                    .credit(Accounts.BANK, amount),
                postingDate,
                "GBP",
                type.name().toUpperCase(),
                documentNumber,
                type + " " + documentNumber,
                USER);
    em.persist(
        new CustomerLedgerEntry(
            customer,
            type,
            type.name().toUpperCase(),
            documentNumber,
            amount,
            "GBP",
            postingDate,
            dueDate,
            journal,
            appliesTo));
    em.flush();
  }

  private static List<InvariantChecks.Result> invariants() throws Exception {
    return harness.inTransaction(
        em -> {
          InvariantChecks checks = new InvariantChecks();
          Field field = InvariantChecks.class.getDeclaredField("em");
          field.setAccessible(true);
          field.set(checks, em);
          return checks.run();
        });
  }

  private static void assertInvariantsHold() throws Exception {
    List<InvariantChecks.Result> results = invariants();
    assertTrue(
        results.stream().anyMatch(r -> r.name().equals("open_items_equal_sum_of_customer_ledger")),
        results::toString);
    for (InvariantChecks.Result result : results) {
      assertEquals(0, result.violations(), result.toString());
    }
  }

  private static Map<String, Object> openItemRow(String itemNumber) {
    List<Map<String, Object>> rows =
        harness
            .database()
            .rows(
                "select customer_id, currency, invoice_posting_date, due_date, invoiced_amount,"
                    + " open_amount from ar_open_item where item_number = ?",
                itemNumber);
    assertEquals(1, rows.size(), "one open-item row for " + itemNumber);
    return rows.get(0);
  }

  private static void assertAmount(String expected, Object actual) {
    assertEquals(
        0,
        new BigDecimal(expected).compareTo((BigDecimal) actual),
        "expected " + expected + ", was " + actual);
  }

  private static BigDecimal money(String amount) {
    return new BigDecimal(amount);
  }

  /** Items of these customers as of a date by one basis, normalised like the reference's. */
  private static Map<String, ReferenceLedger.Item> itemsBy(
      Basis basis, LocalDate asOf, List<Long> customerIds) throws Exception {
    return harness.inTransaction(
        em -> {
          List<?> rows =
              em.createNativeQuery(
                      "select customer_id, item_number, invoice_posting_date, due_date,"
                          + " invoiced_amount, open_amount from "
                          + OpenItemsAsOf.items(basis, asOf, Customers.ids(customerIds))
                          + " i")
                  .getResultList();
          Map<String, ReferenceLedger.Item> items = new TreeMap<>();
          for (Object row : rows) {
            Object[] r = (Object[]) row;
            ReferenceLedger.Item item =
                new ReferenceLedger.Item(
                    ((Number) r[0]).longValue(),
                    (String) r[1],
                    r[2] == null ? null : ((java.sql.Date) r[2]).toLocalDate(),
                    ((java.sql.Date) r[3]).toLocalDate(),
                    (BigDecimal) r[4],
                    (BigDecimal) r[5]);
            assertNull(items.put(item.itemNumber(), item.normalised()), "one row per item");
          }
          return items;
        });
  }

  @Test
  void everyPostingKeepsItsOpenItemEqualToTheSumOfItsEntriesInTheSameTransaction()
      throws Exception {
    String key = key();
    String customerNumber = "RC-" + key;
    String sku = "RSKU-" + key;
    LocalDate saleDate = LocalDate.of(2024, 3, 1);
    long customerId =
        harness.inTransaction(
            em -> {
              ReferenceData data = new ReferenceData(em);
              long id = data.customer(customerNumber, 30).id();
              Variant variant = data.stockedVariant(sku, new BigDecimal("10.00"), "STANDARD");
              data.receive(variant, money("10"), money("4.00"), saleDate.minusDays(7), USER);
              return id;
            });
    // 3 x 10.00 + 20 % VAT = 36.00, due after the customer's 30 days
    String saleNumber =
        harness.inTransaction(
            em ->
                new SalePosting(em, harness.events())
                    .post(
                        new PostSale(
                            customerNumber,
                            saleDate,
                            "GB",
                            "receivables-it",
                            "R-" + key,
                            null,
                            null,
                            List.of(new PostSale.Line(sku, money("3"), null, null))),
                        USER)
                    .sale()
                    .saleNumber());
    String invoice = saleNumber;
    Map<String, Object> posted = openItemRow(invoice);
    assertEquals(customerId, ((Number) posted.get("customer_id")).longValue());
    assertEquals(java.sql.Date.valueOf(saleDate), posted.get("invoice_posting_date"));
    assertEquals(java.sql.Date.valueOf(saleDate.plusDays(30)), posted.get("due_date"));
    assertAmount("36.00", posted.get("invoiced_amount"));
    assertAmount("36.00", posted.get("open_amount"));
    assertInvariantsHold();

    // the other entry types on an invoice of their own (the sale's payments, amendments and
    // credit notes belong to their workflows, whose invariants check the sale against them)
    ReferenceLedger none = new ReferenceLedger();
    String other = invoice;
    invoice = "INV-RC-" + key;
    post(
        none,
        customerId,
        CustomerLedgerEntry.Type.invoice,
        invoice,
        money("36.00"),
        saleDate,
        saleDate.plusDays(30),
        invoice);
    assertEquals(openItemRow(other).get("due_date"), openItemRow(invoice).get("due_date"));
    post(
        none,
        customerId,
        CustomerLedgerEntry.Type.payment,
        "PAY-R1-" + key,
        money("-20.00"),
        saleDate.plusDays(10),
        null,
        invoice);
    assertAmount("16.00", openItemRow(invoice).get("open_amount"));
    post(
        none,
        customerId,
        CustomerLedgerEntry.Type.invoice_update,
        "AMD-R1-" + key,
        money("6.00"),
        saleDate.plusDays(12),
        null,
        invoice);
    post(
        none,
        customerId,
        CustomerLedgerEntry.Type.credit_note,
        "CN-R1-" + key,
        money("-12.00"),
        saleDate.plusDays(14),
        null,
        invoice);
    Map<String, Object> amended = openItemRow(invoice);
    assertAmount("42.00", amended.get("invoiced_amount"));
    assertAmount("10.00", amended.get("open_amount"));
    // the invoice's due date stays, whatever later entries say
    assertEquals(java.sql.Date.valueOf(saleDate.plusDays(30)), amended.get("due_date"));
    post(
        none,
        customerId,
        CustomerLedgerEntry.Type.payment,
        "PAY-R2-" + key,
        money("-15.00"),
        saleDate.plusDays(20),
        null,
        invoice);
    assertAmount("-5.00", openItemRow(invoice).get("open_amount"));
    post(
        none,
        customerId,
        CustomerLedgerEntry.Type.payment_reversal,
        "REV-R2-" + key,
        money("15.00"),
        saleDate.plusDays(21),
        null,
        invoice);
    post(
        none,
        customerId,
        CustomerLedgerEntry.Type.write_off,
        "WO-R1-" + key,
        money("-10.00"),
        saleDate.plusDays(200),
        null,
        invoice);
    assertAmount("0.00", openItemRow(invoice).get("open_amount"));
    // a payment on account names no invoice: an item of its own, a credit
    post(
        none,
        customerId,
        CustomerLedgerEntry.Type.payment,
        "PAY-R3-" + key,
        money("-7.50"),
        saleDate.plusDays(30),
        null,
        null);
    Map<String, Object> onAccount = openItemRow("PAY-R3-" + key);
    assertAmount("-7.50", onAccount.get("open_amount"));
    assertNull(onAccount.get("invoice_posting_date"));
    assertEquals(java.sql.Date.valueOf(saleDate.plusDays(30)), onAccount.get("due_date"));
    // the sale's 36.00, the other invoice settled, 7.50 on account
    assertAmount(
        "28.50",
        harness
            .database()
            .decimal(
                "select sum(amount) from ar_customer_ledger_entry where customer_id = ?",
                customerId));
    assertInvariantsHold();
  }

  @Test
  void anEntryNamingAnotherCustomersInvoiceOrAnotherCurrencyIsRefusedAndWritesNothing()
      throws Exception {
    String key = key();
    long owner = customer("RO-" + key, 30);
    long other = customer("RX-" + key, 30);
    ReferenceLedger reference = new ReferenceLedger();
    String invoice = "INV-RO-" + key;
    post(
        reference,
        owner,
        CustomerLedgerEntry.Type.invoice,
        invoice,
        money("50.00"),
        BASE,
        BASE.plusDays(30),
        invoice);

    Exception wrongCustomer =
        assertThrows(
            Exception.class,
            () ->
                post(
                    reference,
                    other,
                    CustomerLedgerEntry.Type.payment,
                    "PAY-RX-" + key,
                    money("-50.00"),
                    BASE.plusDays(5),
                    null,
                    invoice));
    assertTrue(
        rootMessage(wrongCustomer).contains("OPEN_ITEM_CUSTOMER_MISMATCH"),
        rootMessage(wrongCustomer));
    Exception wrongCurrency =
        assertThrows(
            Exception.class,
            () ->
                harness.inTransaction(
                    em -> {
                      em.createNativeQuery(
                              "insert into ar_customer_ledger_entry (customer_id, entry_type,"
                                  + " document_type, document_number, amount, currency,"
                                  + " posting_date, applies_to_number) values (?1, 'payment',"
                                  + " 'PAYMENT', ?2, -50, 'EUR', ?3, ?4)")
                          .setParameter(1, owner)
                          .setParameter(2, "PAY-EUR-" + key)
                          .setParameter(3, BASE.plusDays(5))
                          .setParameter(4, invoice)
                          .executeUpdate();
                      return null;
                    }));
    assertTrue(
        rootMessage(wrongCurrency).contains("OPEN_ITEM_CURRENCY_MISMATCH"),
        rootMessage(wrongCurrency));

    HarnessDatabase db = harness.database();
    assertEquals(
        0,
        db.count(
            "select count(*) from ar_customer_ledger_entry where document_number in (?, ?)",
            "PAY-RX-" + key,
            "PAY-EUR-" + key));
    assertEquals(
        0,
        db.count(
            "select count(*) from gl_journal_entry where document_number = ?", "PAY-RX-" + key));
    assertAmount("50.00", openItemRow(invoice).get("open_amount"));
    assertInvariantsHold();
  }

  @Test
  void theSummaryRefusesDirectWritesAndTheInvariantCheckFindsOneThatDiffers() throws Exception {
    String key = key();
    long customerId = customer("RW-" + key, 14);
    String invoice = "INV-RW-" + key;
    post(
        new ReferenceLedger(),
        customerId,
        CustomerLedgerEntry.Type.invoice,
        invoice,
        money("80.00"),
        BASE,
        BASE.plusDays(14),
        invoice);

    SQLException refused =
        assertThrows(
            SQLException.class,
            () ->
                execute(
                    "update ar_open_item set open_amount = 1 where item_number = '"
                        + invoice
                        + "'"));
    assertTrue(refused.getMessage().contains("OPEN_ITEMS_ARE_DERIVED"), refused.getMessage());
    assertAmount("80.00", openItemRow(invoice).get("open_amount"));

    // what a broken trigger or a restore from a bad backup would leave: the check must see it
    execute("alter table ar_open_item disable trigger ar_open_item_derived_only");
    try {
      execute("update ar_open_item set open_amount = 79.99 where item_number = '" + invoice + "'");
      InvariantChecks.Result check =
          invariants().stream()
              .filter(r -> r.name().equals("open_items_equal_sum_of_customer_ledger"))
              .findFirst()
              .orElseThrow();
      assertEquals(1, check.violations(), check.toString());
      assertTrue(check.detail().contains(invoice), check.detail());
    } finally {
      execute("update ar_open_item set open_amount = 80.00 where item_number = '" + invoice + "'");
      execute("alter table ar_open_item enable trigger ar_open_item_derived_only");
    }
    assertInvariantsHold();
  }

  @Test
  void everyBasisGivesTheOpenItemsAgingSettlementsAndQueueOfAPlainReadingOfTheEntries()
      throws Exception {
    Random random = new Random(20240101);
    String key = key();
    ReferenceLedger reference = new ReferenceLedger();
    List<Long> customers = new ArrayList<>();
    int[] terms = {0, 14, 30, 60};
    for (int c = 0; c < 6; c++) {
      customers.add(customer("RP" + c + "-" + key, terms[c % terms.length]));
    }
    int serial = 0;
    for (int c = 0; c < customers.size(); c++) {
      long customerId = customers.get(c);
      int termsDays = terms[c % terms.length];
      for (int i = 0; i < 14; i++) {
        String invoice = "INV-RP" + c + "-" + i + "-" + key;
        LocalDate date = BASE.plusDays(random.nextInt(300));
        BigDecimal amount = BigDecimal.valueOf(1000 + random.nextInt(50_000), 2);
        post(
            reference,
            customerId,
            CustomerLedgerEntry.Type.invoice,
            invoice,
            amount,
            date,
            date.plusDays(termsDays),
            invoice);
        LocalDate next = date.plusDays(random.nextInt(20));
        BigDecimal open = amount;
        int story = random.nextInt(8);
        if (story == 1 || story == 5) {
          BigDecimal update = BigDecimal.valueOf(random.nextInt(4000) - 2000, 2);
          post(
              reference,
              customerId,
              CustomerLedgerEntry.Type.invoice_update,
              "AMD-" + (++serial) + "-" + key,
              update,
              next,
              null,
              invoice);
          open = open.add(update);
          next = next.plusDays(random.nextInt(10));
        }
        if (story == 2) {
          BigDecimal credit = open.divide(BigDecimal.valueOf(4), 2, java.math.RoundingMode.DOWN);
          post(
              reference,
              customerId,
              CustomerLedgerEntry.Type.credit_note,
              "CN-" + (++serial) + "-" + key,
              credit.negate(),
              next,
              null,
              invoice);
          open = open.subtract(credit);
          next = next.plusDays(random.nextInt(30));
        }
        if (story == 3 || story == 5) {
          BigDecimal part = open.divide(BigDecimal.valueOf(2), 2, java.math.RoundingMode.DOWN);
          post(
              reference,
              customerId,
              CustomerLedgerEntry.Type.payment,
              "PAY-" + (++serial) + "-" + key,
              part.negate(),
              next,
              null,
              invoice);
          open = open.subtract(part);
          next = next.plusDays(random.nextInt(90));
        }
        if (story == 4) {
          // paid, reversed, paid again later
          String payment = "PAY-" + (++serial) + "-" + key;
          post(
              reference,
              customerId,
              CustomerLedgerEntry.Type.payment,
              payment,
              open.negate(),
              next,
              null,
              invoice);
          post(
              reference,
              customerId,
              CustomerLedgerEntry.Type.payment_reversal,
              "REV-" + payment,
              open,
              next.plusDays(random.nextInt(3)),
              null,
              invoice);
          next = next.plusDays(3 + random.nextInt(60));
        }
        if (story != 6) {
          // settle (story 7 overpays by 5.00: a credit); story 6 stays unpaid
          BigDecimal pay = story == 7 ? open.add(new BigDecimal("5.00")) : open;
          if (random.nextInt(5) > 0) {
            post(
                reference,
                customerId,
                CustomerLedgerEntry.Type.payment,
                "PAY-" + (++serial) + "-" + key,
                pay.negate(),
                next.plusDays(random.nextInt(120)),
                null,
                invoice);
          }
        }
      }
      // money received on account, naming no invoice
      post(
          reference,
          customerId,
          CustomerLedgerEntry.Type.payment,
          "PAY-ACC-" + c + "-" + key,
          new BigDecimal("-25.00"),
          BASE.plusDays(random.nextInt(400)),
          null,
          null);
    }
    assertInvariantsHold();

    LocalDate last =
        reference.entries().stream()
            .map(ReferenceLedger.Entry::postingDate)
            .max(Comparator.naturalOrder())
            .orElseThrow();
    LocalDate latestInDatabase =
        ((java.sql.Date)
                harness.database().value("select max(posting_date) from ar_customer_ledger_entry"))
            .toLocalDate();
    List<LocalDate> dates = new ArrayList<>(List.of(BASE.minusDays(1), BASE, last));
    int span = (int) (last.toEpochDay() - BASE.toEpochDay()) + 1;
    for (int i = 0; i < 18; i++) {
      dates.add(BASE.plusDays(random.nextInt(span)));
    }
    dates.add(latestInDatabase);
    dates.add(latestInDatabase.plusDays(1));

    for (LocalDate asOf : dates) {
      Map<String, ReferenceLedger.Item> expected = reference.openItems(asOf);
      List<Basis> bases =
          new ArrayList<>(List.of(Basis.SUMMARY_LESS_LATER_ENTRIES, Basis.ENTRIES_UP_TO_DATE));
      if (!asOf.isBefore(latestInDatabase)) {
        bases.add(Basis.SUMMARY);
      }
      for (Basis basis : bases) {
        assertEquals(expected, itemsBy(basis, asOf, customers), basis + " as of " + asOf);
      }
      Map<Long, List<Aging>> expectedAging = expectedAging(expected, asOf);
      List<Aging> totals = null;
      List<WorkQueueQueries.Row> queue = null;
      for (Basis basis : bases) {
        Map<Long, List<Aging>> aging =
            harness.inTransaction(em -> new AgingReports(em).agingOf(basis, asOf, customers));
        assertEquals(expectedAging, aging, basis + " aging as of " + asOf);
        java.util.Set<Long> listed =
            harness.inTransaction(
                em ->
                    new AgingReports(em)
                        .customersWithOpenItems(basis, asOf, "RP", 10_000).stream()
                            .map(AgingReports.CustomerRow::id)
                            .filter(customers::contains)
                            .collect(java.util.stream.Collectors.toSet()));
        assertEquals(
            expectedAging.keySet(), listed, basis + " customers with open items as of " + asOf);
        // over all customers of the database, every basis agrees with the others
        List<Aging> allTotals =
            harness.inTransaction(em -> new AgingReports(em).totals(basis, asOf));
        List<WorkQueueQueries.Row> allQueue =
            harness.inTransaction(em -> new WorkQueueQueries(em).page(basis, asOf, null, 0, 500));
        if (totals != null) {
          assertEquals(totals, allTotals, basis + " totals as of " + asOf);
          assertEquals(queue, allQueue, basis + " queue as of " + asOf);
        }
        totals = allTotals;
        queue = allQueue;
      }
      assertQueueOrder(queue, asOf);

      Map<Long, List<InvoiceSettlement>> settlements =
          harness.inTransaction(em -> new PaymentHistory(em).settlements(customers, asOf));
      for (long customerId : customers) {
        List<InvoiceSettlement> expectedSettlements =
            reference.settlements(customerId, asOf).stream()
                .filter(
                    s -> !s.dueDate().isBefore(asOf.minusMonths(12)) && s.dueDate().isBefore(asOf))
                .sorted(
                    Comparator.comparing(InvoiceSettlement::dueDate)
                        .thenComparing(InvoiceSettlement::invoiceNumber))
                .toList();
        assertEquals(
            expectedSettlements,
            settlements.getOrDefault(customerId, List.of()).stream()
                .sorted(
                    Comparator.comparing(InvoiceSettlement::dueDate)
                        .thenComparing(InvoiceSettlement::invoiceNumber))
                .toList(),
            "settlements of " + customerId + " as of " + asOf);
      }
    }

    // the basis a report would choose
    harness.inTransaction(
        em -> {
          OpenItemsAsOf asOf = new OpenItemsAsOf(em);
          assertEquals(Basis.SUMMARY, asOf.choose(latestInDatabase, Customers.all()));
          assertEquals(
              Basis.SUMMARY, asOf.choose(latestInDatabase.plusDays(9), Customers.ids(customers)));
          assertEquals(
              Basis.SUMMARY_LESS_LATER_ENTRIES, asOf.choose(BASE.plusDays(100), Customers.all()));
          assertEquals(
              Basis.ENTRIES_UP_TO_DATE, asOf.choose(BASE.plusDays(100), Customers.ids(customers)));
          return null;
        });
  }

  private static Map<Long, List<Aging>> expectedAging(
      Map<String, ReferenceLedger.Item> items, LocalDate asOf) {
    Map<Long, Aging.Accumulator> byCustomer = new TreeMap<>();
    for (ReferenceLedger.Item item : items.values()) {
      byCustomer
          .computeIfAbsent(item.customerId(), id -> new Aging.Accumulator("GBP", asOf))
          .add(item.dueDate(), item.openAmount(), 1);
    }
    Map<Long, List<Aging>> result = new LinkedHashMap<>();
    byCustomer.forEach((id, accumulator) -> result.put(id, List.of(accumulator.result())));
    return new TreeMap<>(result);
  }

  private static void assertQueueOrder(List<WorkQueueQueries.Row> queue, LocalDate asOf) {
    for (int i = 0; i < queue.size(); i++) {
      WorkQueueQueries.Row row = queue.get(i);
      assertTrue(row.overdueAmount().signum() > 0, row.toString());
      assertTrue(row.oldestDueDate().isBefore(asOf), row.toString());
      if (i > 0) {
        WorkQueueQueries.Row before = queue.get(i - 1);
        int byAmount = before.overdueAmount().compareTo(row.overdueAmount());
        assertTrue(
            byAmount > 0
                || byAmount == 0
                    && (before.oldestDueDate().isBefore(row.oldestDueDate())
                        || before.oldestDueDate().equals(row.oldestDueDate())
                            && before.customerId() < row.customerId()),
            "queue order at " + i + ": " + before + " then " + row);
      }
    }
  }

  private static void execute(String sql) throws SQLException {
    try (Connection c = harness.database().open();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static String rootMessage(Throwable t) {
    StringBuilder messages = new StringBuilder();
    for (Throwable cause = t; cause != null; cause = cause.getCause()) {
      messages.append(cause.getMessage()).append(" | ");
    }
    return messages.toString();
  }
}
