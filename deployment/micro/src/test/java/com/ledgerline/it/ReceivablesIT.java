package com.ledgerline.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ledgerline.it.support.Api;
import com.ledgerline.it.support.Fixtures;
import com.ledgerline.it.support.Invariants;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.File;
import java.math.BigDecimal;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
 * The customer view of receivables on Payara Micro with the real PostgreSQL, through REST: sales
 * posted in the past for customers with different payment terms become open items whose balance,
 * aging buckets, late-payer indicator and place in the work queue follow from the posting dates,
 * the terms and the amounts, as of today and as of a past date.
 *
 * <p>Expected figures are computed here from the inputs: every price is a whole number of pounds,
 * so the UK standard rate of 20 % gives an exact gross of 1.2 × net; the buckets are restated from
 * their definition (days past due = as-of date - posting date - terms days).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReceivablesIT {
  private static final BigDecimal VAT = new BigDecimal("1.2");

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(
        WebArchive.class, new File(System.getProperty("ledgerline.war")));
  }

  @ArquillianResource private URL base;

  private Api as(String user) {
    return new Api(base).as(user);
  }

  /** One invoice as this test posts it and expects to see it. */
  private record Invoice(
      String customerNumber, LocalDate postingDate, int termsDays, BigDecimal gross) {
    LocalDate dueDate() {
      return postingDate.plusDays(termsDays);
    }
  }

  /** The bucket names of the API, restated from their definition. */
  private static String bucket(LocalDate dueDate, LocalDate asOf) {
    long days = ChronoUnit.DAYS.between(dueDate, asOf);
    if (days <= 0) {
      return "CURRENT";
    }
    if (days <= 30) {
      return "DAYS_1_30";
    }
    if (days <= 60) {
      return "DAYS_31_60";
    }
    return days <= 90 ? "DAYS_61_90" : "OVER_90";
  }

  private static final Map<String, String> BUCKET_FIELDS =
      Map.of(
          "CURRENT", "current",
          "DAYS_1_30", "days1To30",
          "DAYS_31_60", "days31To60",
          "DAYS_61_90", "days61To90",
          "OVER_90", "over90");

  private final String key = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
  private final String sku = "RSKU-" + key;
  private final LocalDate today = LocalDate.now();

  private String customer(String suffix, int termsDays) throws Exception {
    String number = "RV-" + key + "-" + suffix;
    Api.Reply reply =
        as("admin")
            .post(
                "api/customers",
                "{\"customerNumber\":\""
                    + number
                    + "\",\"name\":\"Receivables "
                    + suffix
                    + "\",\"country\":\"United Kingdom\",\"currency\":\"GBP\","
                    + "\"paymentTermsDays\":"
                    + termsDays
                    + "}");
    assertEquals(201, reply.status(), reply.body());
    return number;
  }

  private void stock() throws Exception {
    Fixtures.stockedVariant(
        as("admin"),
        sku,
        "Ledger binder " + key,
        "10",
        "1000",
        "2.50",
        today.minusDays(400).toString());
  }

  /** Posts a sale of one unit at {@code price} pounds, {@code daysAgo} days before today. */
  private Invoice sell(String customerNumber, int termsDays, int daysAgo, int price)
      throws Exception {
    LocalDate postingDate = today.minusDays(daysAgo);
    Api.Reply reply =
        as("cashier")
            .post(
                "api/sales",
                "{\"customerNumber\":\""
                    + customerNumber
                    + "\",\"postingDate\":\""
                    + postingDate
                    + "\",\"lines\":[{\"sku\":\""
                    + sku
                    + "\",\"quantity\":1,\"unitPrice\":"
                    + price
                    + "}]}");
    assertEquals(201, reply.status(), reply.body());
    BigDecimal gross = new BigDecimal(price).multiply(VAT);
    assertMoney(gross, reply.json(), "total");
    assertEquals(postingDate.plusDays(termsDays).toString(), reply.json().getString("dueDate"));
    return new Invoice(customerNumber, postingDate, termsDays, gross);
  }

  private static void assertMoney(BigDecimal expected, JsonObject json, String field) {
    BigDecimal actual = json.getJsonNumber(field).bigDecimalValue();
    assertEquals(0, expected.compareTo(actual), field + ": expected " + expected + ", was " + json);
  }

  private static BigDecimal sum(List<Invoice> invoices) {
    return invoices.stream().map(Invoice::gross).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private static List<Invoice> postedBy(List<Invoice> invoices, LocalDate asOf) {
    return invoices.stream().filter(i -> !i.postingDate().isAfter(asOf)).toList();
  }

  private JsonObject account(String customerNumber, LocalDate asOf) throws Exception {
    Api.Reply reply =
        as("finance").get("api/customers/" + customerNumber + "/account?asOf=" + asOf);
    assertEquals(200, reply.status(), reply.body());
    return reply.json();
  }

  /** The expected amount per bucket name as of a date (zero for an empty bucket). */
  private static Map<String, BigDecimal> buckets(List<Invoice> invoices, LocalDate asOf) {
    Map<String, BigDecimal> buckets = new LinkedHashMap<>();
    BUCKET_FIELDS.keySet().forEach(b -> buckets.put(b, BigDecimal.ZERO));
    for (Invoice invoice : invoices) {
      buckets.merge(bucket(invoice.dueDate(), asOf), invoice.gross(), BigDecimal::add);
    }
    return buckets;
  }

  /**
   * Balance, aging buckets and open items (oldest due first) as a customer's account shows them.
   */
  private static void assertAccount(JsonObject account, List<Invoice> posted, LocalDate asOf) {
    assertEquals(asOf.toString(), account.getString("asOf"));
    assertMoney(sum(posted), account, "balance");
    Map<String, BigDecimal> buckets = buckets(posted, asOf);
    JsonArray aging = account.getJsonArray("aging");
    assertEquals(posted.isEmpty() ? 0 : 1, aging.size(), account.toString());
    if (!posted.isEmpty()) {
      JsonObject gbp = aging.getJsonObject(0);
      assertEquals("GBP", gbp.getString("currency"));
      buckets.forEach((name, amount) -> assertMoney(amount, gbp, BUCKET_FIELDS.get(name)));
      assertMoney(sum(posted).subtract(buckets.get("CURRENT")), gbp, "overdue");
      assertMoney(BigDecimal.ZERO, gbp, "unappliedCredit");
      assertMoney(sum(posted), gbp, "balance");
    }
    assertEquals(posted.size(), account.getInt("openItemCount"));
    JsonArray items = account.getJsonArray("openItems");
    assertEquals(posted.size(), items.size());
    List<Invoice> byDue = new ArrayList<>(posted);
    byDue.sort((a, b) -> a.dueDate().compareTo(b.dueDate()));
    for (int i = 0; i < byDue.size(); i++) {
      Invoice invoice = byDue.get(i);
      JsonObject item = items.getJsonObject(i);
      assertEquals(invoice.dueDate().toString(), item.getString("dueDate"), item.toString());
      assertEquals(invoice.postingDate().toString(), item.getString("invoiceDate"));
      assertMoney(invoice.gross(), item, "openAmount");
      assertMoney(invoice.gross(), item, "invoicedAmount");
      assertEquals(
          ChronoUnit.DAYS.between(invoice.dueDate(), asOf),
          item.getJsonNumber("daysPastDue").longValue());
      assertEquals(bucket(invoice.dueDate(), asOf), item.getString("bucket"));
      assertFalse(item.getBoolean("unappliedCredit"));
    }
  }

  private void assertInvariantsHold() throws Exception {
    Invariants.assertHold(as("auditor"), "open_items_equal_sum_of_customer_ledger");
  }

  @Test
  void balanceAgingOpenItemsAndLatePayersFollowTheInvoicesTheirDatesAndTheCustomersTerms()
      throws Exception {
    stock();
    String net30 = customer("NET30", 30);
    String onReceipt = customer("COD", 0);
    String net60 = customer("NET60", 60);
    // Net 30: days past due today = days ago - 30 (the edges of every bucket)
    List<Invoice> net30Invoices = new ArrayList<>();
    int price = 10;
    for (int daysAgo : new int[] {20, 30, 31, 60, 61, 90, 91, 120, 121, 200}) {
      net30Invoices.add(sell(net30, 30, daysAgo, price));
      price += 5;
    }
    // due on receipt: due yesterday is 1 day past due, due today is current
    List<Invoice> codInvoices = List.of(sell(onReceipt, 0, 1, 40), sell(onReceipt, 0, 0, 45));
    // Net 60: posted 100 days ago, 40 days past due
    List<Invoice> net60Invoices = List.of(sell(net60, 60, 100, 50));

    assertAccount(account(net30, today), net30Invoices, today);
    assertAccount(account(onReceipt, today), codInvoices, today);
    assertAccount(account(net60, today), net60Invoices, today);
    // as of 45 days ago: only what was posted by then, aged to that date, from the entries
    LocalDate past = today.minusDays(45);
    JsonObject net30Past = account(net30, past);
    assertAccount(net30Past, postedBy(net30Invoices, past), past);
    assertAccount(account(onReceipt, past), List.of(), past);
    assertEquals(
        "ENTRIES_UP_TO_DATE", net30Past.getString("basis"), "a past date reads the entries");

    // late payers (12 months, at least 3 invoices due, half of them late or 30 days on average):
    // nothing is paid, so every invoice due before today is late by its days past due
    JsonObject behaviour = account(net30, today).getJsonObject("paymentBehaviour");
    List<Invoice> due = net30Invoices.stream().filter(i -> i.dueDate().isBefore(today)).toList();
    assertEquals(due.size(), behaviour.getInt("invoicesDue"));
    assertEquals(due.size(), behaviour.getInt("invoicesLate"));
    assertEquals(due.size(), behaviour.getInt("invoicesOpenPastDue"));
    assertTrue(behaviour.getBoolean("latePayer"), behaviour.toString());
    long daysLate = due.stream().mapToLong(i -> ChronoUnit.DAYS.between(i.dueDate(), today)).sum();
    assertMoney(
        BigDecimal.valueOf(daysLate)
            .divide(BigDecimal.valueOf(due.size()), 1, java.math.RoundingMode.HALF_UP),
        behaviour,
        "averageDaysLate");
    JsonObject codBehaviour = account(onReceipt, today).getJsonObject("paymentBehaviour");
    assertEquals(1, codBehaviour.getInt("invoicesDue"));
    assertFalse(codBehaviour.getBoolean("latePayer"), "one invoice due is too little history");

    assertAgingReportAgreesWithTheAccounts(
        Map.of(net30, net30Invoices, onReceipt, codInvoices, net60, net60Invoices));
    assertInvariantsHold();
  }

  /** The all-customer report: its totals add its rows up, and these customers' rows are right. */
  private void assertAgingReportAgreesWithTheAccounts(Map<String, List<Invoice>> mine)
      throws Exception {
    Map<String, BigDecimal> rowSums = new LinkedHashMap<>();
    Map<String, JsonObject> myRows = new LinkedHashMap<>();
    JsonArray totals = null;
    String after = "";
    int pages = 0;
    do {
      Api.Reply reply =
          as("auditor")
              .get(
                  "api/receivables/aging?asOf="
                      + today
                      + "&limit=200&after="
                      + URLEncoder.encode(after, StandardCharsets.UTF_8));
      assertEquals(200, reply.status(), reply.body());
      JsonObject page = reply.json();
      totals = totals == null ? page.getJsonArray("totals") : totals;
      for (JsonValue value : page.getJsonArray("customers")) {
        JsonObject row = value.asJsonObject();
        JsonObject aging = row.getJsonObject("aging");
        if (aging.getString("currency").equals("GBP")) {
          for (String field :
              List.of(
                  "current",
                  "days1To30",
                  "days31To60",
                  "days61To90",
                  "over90",
                  "unappliedCredit",
                  "balance")) {
            rowSums.merge(field, aging.getJsonNumber(field).bigDecimalValue(), BigDecimal::add);
          }
        }
        if (mine.containsKey(row.getString("customerNumber"))) {
          myRows.put(row.getString("customerNumber"), aging);
        }
      }
      // JSON-B leaves a null out: no next page key on the last page
      after =
          page.containsKey("nextAfterCustomerNumber") && !page.isNull("nextAfterCustomerNumber")
              ? page.getString("nextAfterCustomerNumber")
              : null;
      pages++;
    } while (after != null && pages < 100);
    assertNotNull(totals);
    JsonObject gbpTotals =
        totals.stream()
            .map(JsonValue::asJsonObject)
            .filter(t -> t.getString("currency").equals("GBP"))
            .findFirst()
            .orElseThrow();
    rowSums.forEach((field, amount) -> assertMoney(amount, gbpTotals, field));
    assertEquals(mine.keySet(), myRows.keySet(), "every customer with open items is listed");
    mine.forEach(
        (customer, invoices) -> {
          JsonObject aging = myRows.get(customer);
          assertMoney(sum(invoices), aging, "balance");
          buckets(invoices, today)
              .forEach((name, amount) -> assertMoney(amount, aging, BUCKET_FIELDS.get(name)));
        });
  }

  @Test
  void theWorkQueueRanksCustomersByOverdueAmountThenByDaysPastDue() throws Exception {
    stock();
    // overdue amounts (gross): large 2 x 120.00 + not-yet-due 600.00 that must not count;
    // older and newer owe the same 60.00, older's for longer; small 12.00; current owes nothing
    // overdue
    String large = customer("LARGE", 30);
    String older = customer("OLDER", 14);
    String newer = customer("NEWER", 14);
    String small = customer("SMALL", 0);
    String current = customer("CURRENT", 30);
    sell(large, 30, 40, 100);
    sell(large, 30, 45, 100);
    sell(large, 30, 5, 500);
    Invoice olderInvoice = sell(older, 14, 100, 50);
    Invoice newerInvoice = sell(newer, 14, 20, 50);
    sell(small, 0, 3, 10);
    sell(current, 30, 10, 900);

    List<JsonObject> mine = new ArrayList<>();
    long previousRank = 0;
    boolean more = true;
    for (int offset = 0; more; offset += 200) {
      Api.Reply reply =
          as("finance")
              .get(
                  "api/receivables/work-queue?asOf="
                      + today
                      + "&currency=GBP&limit=200&offset="
                      + offset);
      assertEquals(200, reply.status(), reply.body());
      JsonObject queue = reply.json();
      for (JsonValue value : queue.getJsonArray("entries")) {
        JsonObject entry = value.asJsonObject();
        assertEquals(previousRank + 1, entry.getJsonNumber("rank").longValue(), "ranks 1, 2, 3 …");
        previousRank = entry.getJsonNumber("rank").longValue();
        assertEquals("GBP", entry.getString("currency"));
        if (entry.getString("customerNumber").startsWith("RV-" + key + "-")) {
          mine.add(entry);
        }
      }
      more = queue.getBoolean("more");
    }
    assertEquals(
        List.of(large, older, newer, small),
        mine.stream().map(e -> e.getString("customerNumber")).toList(),
        "most overdue first; equal amounts: most days past due first; nothing overdue: absent");

    JsonObject first = mine.get(0);
    assertMoney(new BigDecimal("240.00"), first, "overdueAmount");
    assertEquals(2, first.getInt("overdueItems"));
    assertMoney(new BigDecimal("840.00"), first, "balance");
    assertEquals(today.minusDays(45).plusDays(30).toString(), first.getString("oldestDueDate"));
    assertEquals(15, first.getJsonNumber("daysPastDue").longValue());
    JsonObject olderEntry = mine.get(1);
    assertEquals(
        ChronoUnit.DAYS.between(olderInvoice.dueDate(), today),
        olderEntry.getJsonNumber("daysPastDue").longValue());
    assertTrue(olderEntry.getString("oldestOverdueItem").startsWith("INV-"));
    assertEquals(
        ChronoUnit.DAYS.between(newerInvoice.dueDate(), today),
        mine.get(2).getJsonNumber("daysPastDue").longValue());
    assertMoney(new BigDecimal("12.00"), mine.get(3), "overdueAmount");
    assertEquals(3, mine.get(3).getJsonNumber("daysPastDue").longValue());

    // the customer list: every customer, with balance and overdue amount, by number
    Api.Reply list =
        as("auditor")
            .get("api/receivables/customers?asOf=" + today + "&limit=5&after=RV-" + key + "-");
    assertEquals(200, list.status(), list.body());
    Map<String, JsonObject> rows = new LinkedHashMap<>();
    for (JsonValue value : list.json().getJsonArray("customers")) {
      rows.put(value.asJsonObject().getString("customerNumber"), value.asJsonObject());
    }
    assertEquals(
        List.of(current, large, newer, older, small),
        new ArrayList<>(rows.keySet()),
        "ordered by customer number");
    assertMoney(new BigDecimal("1080.00"), rows.get(current), "balance");
    assertMoney(BigDecimal.ZERO, rows.get(current), "overdue");
    assertMoney(new BigDecimal("240.00"), rows.get(large), "overdue");
    assertEquals(3, rows.get(large).getInt("openItems"));
    assertInvariantsHold();
  }

  /** Records a cash payment on a sale, dated {@code daysAgo} days before today. */
  private void pay(String saleNumber, int daysAgo, String amount) throws Exception {
    Api.Reply reply =
        as("cashier")
            .post(
                "api/sales/" + saleNumber + "/payments",
                "{\"date\":\""
                    + today.minusDays(daysAgo)
                    + "\",\"method\":\"cash\",\"amount\":"
                    + amount
                    + "}");
    assertEquals(201, reply.status(), reply.body());
  }

  @Test
  void paymentsSettleOpenItemsAndTheirDatesMakeTheLatePayerIndicator() throws Exception {
    stock();
    String payer = customer("PAYER", 30);
    // four invoices of 100.00 net, 120.00 gross, due 120, 90, 60 and 30 days ago
    List<String> numbers = new ArrayList<>();
    for (int daysAgo : new int[] {150, 120, 90, 60}) {
      Api.Reply reply =
          as("cashier")
              .post(
                  "api/sales",
                  "{\"customerNumber\":\""
                      + payer
                      + "\",\"postingDate\":\""
                      + today.minusDays(daysAgo)
                      + "\",\"lines\":[{\"sku\":\""
                      + sku
                      + "\",\"quantity\":1,\"unitPrice\":100}]}");
      assertEquals(201, reply.status(), reply.body());
      numbers.add(reply.json().getString("saleNumber"));
    }
    pay(numbers.get(0), 120, "120.00"); // on its due date: on time
    pay(numbers.get(1), 50, "120.00"); // 40 days late
    pay(numbers.get(2), 55, "50.00"); // 5 days late, and only part: 70.00 stays open
    pay(numbers.get(3), 35, "130.00"); // before its due date; the 10.00 excess is a deposit

    JsonObject now = account(payer, today);
    assertMoney(new BigDecimal("70.00"), now, "balance");
    assertEquals(1, now.getInt("openItemCount"));
    JsonObject open = now.getJsonArray("openItems").getJsonObject(0);
    assertEquals(numbers.get(2), open.getString("itemNumber"));
    assertMoney(new BigDecimal("120.00"), open, "invoicedAmount");
    assertMoney(new BigDecimal("70.00"), open, "openAmount");
    assertEquals(60, open.getJsonNumber("daysPastDue").longValue());
    assertEquals("DAYS_31_60", open.getString("bucket"));
    assertMoney(new BigDecimal("70.00"), now.getJsonArray("aging").getJsonObject(0), "days31To60");
    // 4 invoices due; late: the one paid 40 days late and the one still open 60 days past due
    JsonObject behaviour = now.getJsonObject("paymentBehaviour");
    assertEquals(4, behaviour.getInt("invoicesDue"));
    assertEquals(2, behaviour.getInt("invoicesLate"));
    assertEquals(1, behaviour.getInt("invoicesOpenPastDue"));
    assertMoney(new BigDecimal("0.5"), behaviour, "lateShare");
    assertMoney(new BigDecimal("25.0"), behaviour, "averageDaysLate"); // (0 + 40 + 60 + 0) / 4
    assertTrue(behaviour.getBoolean("latePayer"), "half the invoices late: " + behaviour);

    // 100 days ago: the first invoice paid on time, the second posted and not yet due
    JsonObject early = account(payer, today.minusDays(100));
    assertMoney(new BigDecimal("120.00"), early, "balance");
    assertEquals("CURRENT", early.getJsonArray("openItems").getJsonObject(0).getString("bucket"));
    JsonObject earlyBehaviour = early.getJsonObject("paymentBehaviour");
    assertEquals(1, earlyBehaviour.getInt("invoicesDue"));
    assertEquals(0, earlyBehaviour.getInt("invoicesLate"));

    // 52 days ago: the second 38 days past due (paid two days later), the third 8 days past due
    // less its part payment, the fourth not yet due
    LocalDate past = today.minusDays(52);
    JsonObject then = account(payer, past);
    assertMoney(new BigDecimal("310.00"), then, "balance");
    JsonObject thenAging = then.getJsonArray("aging").getJsonObject(0);
    assertMoney(new BigDecimal("120.00"), thenAging, "current");
    assertMoney(new BigDecimal("70.00"), thenAging, "days1To30");
    assertMoney(new BigDecimal("120.00"), thenAging, "days31To60");
    // the all-customer report takes the summary less the later entries: the same figures
    Api.Reply report =
        as("auditor").get("api/receivables/aging?asOf=" + past + "&limit=1&after=RV-" + key + "-");
    assertEquals(200, report.status(), report.body());
    assertEquals("SUMMARY_LESS_LATER_ENTRIES", report.json().getString("basis"));
    JsonObject row = report.json().getJsonArray("customers").getJsonObject(0);
    assertEquals(payer, row.getString("customerNumber"));
    for (String field : BUCKET_FIELDS.values()) {
      assertMoney(
          thenAging.getJsonNumber(field).bigDecimalValue(), row.getJsonObject("aging"), field);
    }
    // the queue holds every overdue customer of the database (replayed ones too): page through it
    JsonObject queueEntry = null;
    for (int offset = 0; queueEntry == null; offset += 500) {
      JsonArray entries =
          as("finance")
              .get("api/receivables/work-queue?asOf=" + past + "&limit=500&offset=" + offset)
              .json()
              .getJsonArray("entries");
      if (entries.isEmpty()) {
        break;
      }
      for (JsonValue value : entries) {
        if (value.asJsonObject().getString("customerNumber").equals(payer)) {
          queueEntry = value.asJsonObject();
        }
      }
    }
    assertNotNull(queueEntry, "the customer was overdue " + past);
    assertMoney(new BigDecimal("190.00"), queueEntry, "overdueAmount");
    assertEquals(numbers.get(1), queueEntry.getString("oldestOverdueItem"));
    assertEquals(38, queueEntry.getJsonNumber("daysPastDue").longValue());
    assertInvariantsHold();
  }

  @Test
  void onlyFinanceAdministratorsAndAuditorsReadReceivables() throws Exception {
    for (String user : List.of("cashier", "approver")) {
      for (String path :
          List.of(
              "api/receivables/aging",
              "api/receivables/work-queue",
              "api/receivables/customers",
              "api/customers/NO-SUCH/account")) {
        Api.Reply refused = as(user).get(path);
        assertEquals(403, refused.status(), user + " " + path + ": " + refused.body());
        assertEquals("NOT_ALLOWED", refused.json().getString("code"));
      }
    }
    for (String user : List.of("finance", "admin", "auditor")) {
      Api.Reply allowed = as(user).get("api/receivables/customers?limit=1");
      assertEquals(200, allowed.status(), user + ": " + allowed.body());
    }
    assertEquals(401, new Api(base).get("api/receivables/aging").status());
  }

  @Test
  void aBadRequestIsRefusedWithItsCode() throws Exception {
    Api finance = as("finance");
    Api.Reply unknown = finance.get("api/customers/NO-SUCH-" + key + "/account");
    assertEquals(404, unknown.status(), unknown.body());
    assertEquals("UNKNOWN_CUSTOMER", unknown.json().getString("code"));
    for (String path :
        List.of(
            "api/receivables/aging?asOf=31.12.2024",
            "api/receivables/aging?limit=0",
            "api/receivables/work-queue?limit=501",
            "api/receivables/work-queue?offset=-1",
            "api/receivables/work-queue?currency=XYZ1",
            "api/receivables/customers?asOf=2024-02-30")) {
      Api.Reply refused = finance.get(path);
      assertEquals(400, refused.status(), path + ": " + refused.body());
      assertEquals("INVALID_REQUEST", refused.json().getString("code"), path);
    }
  }
}
