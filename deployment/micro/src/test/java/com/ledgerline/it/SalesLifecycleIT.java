package com.ledgerline.it;

import static com.ledgerline.it.support.TestDatabase.count;
import static com.ledgerline.it.support.TestDatabase.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ledgerline.it.support.Api;
import com.ledgerline.it.support.Broker;
import com.ledgerline.it.support.Invariants;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.TextMessage;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * The sale's lifecycle (DESIGN.md 4 and 5) over REST against the real server, PostgreSQL and
 * Artemis: drafts, credit-limit holds and the approver's decision, amendments, credit notes, voids,
 * and the concurrency of the real database (the last unit, gapless numbers under load). Every
 * expected figure is computed from the inputs (UK VAT 20 %, or 17.5 % in 2010); every scenario ends
 * with the invariant checks.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SalesLifecycleIT {
  private static final long MESSAGE_TIMEOUT_MILLIS = 20_000;
  private static final BigDecimal VAT = new BigDecimal("20");
  private static final BigDecimal VAT_2010 = new BigDecimal("17.5");
  private static final BigDecimal SERVICE_PRICE = new BigDecimal("5.00");

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(
        WebArchive.class, new File(System.getProperty("ledgerline.war")));
  }

  @ArquillianResource private URL base;

  private Api as(String user) {
    return new Api(base).as(user);
  }

  // ---------------------------------------------------------------------------------------------
  // fixtures and figures

  /** A GBP customer, a stock-tracked SKU and a service SKU (postage at 5.00, no stock). */
  private record Fixture(String customer, String sku, String service, BigDecimal price) {}

  private static String id() {
    return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
  }

  private Fixture fixture(String onHand, String unitCost, String price) throws Exception {
    return fixture(onHand, unitCost, price, null);
  }

  /**
   * @param creditLimit the customer's credit limit; null = none
   */
  private Fixture fixture(String onHand, String unitCost, String price, String creditLimit)
      throws Exception {
    String id = id();
    Fixture f = new Fixture("SL-" + id, "SL-SKU-" + id, "SL-POST-" + id, new BigDecimal(price));
    customer(f.customer(), creditLimit);
    Api admin = as("admin");
    Api.Reply variant =
        admin.post(
            "api/variants",
            Json.createObjectBuilder()
                .add("sku", f.sku())
                .add("name", "Lantern " + id)
                .add("taxCategory", "STANDARD")
                .add("sellingPrice", new BigDecimal(price))
                .add("currency", "GBP")
                .add("stockTracked", true)
                .build()
                .toString());
    assertEquals(201, variant.status(), variant.body());
    Api.Reply service =
        admin.post(
            "api/variants",
            Json.createObjectBuilder()
                .add("sku", f.service())
                .add("name", "Postage " + id)
                .add("taxCategory", "STANDARD")
                .add("sellingPrice", SERVICE_PRICE)
                .add("currency", "GBP")
                .add("stockTracked", false)
                .build()
                .toString());
    assertEquals(201, service.status(), service.body());
    if (new BigDecimal(onHand).signum() > 0) {
      receive(f.sku(), onHand, unitCost);
    }
    return f;
  }

  private void customer(String number, String creditLimit) throws Exception {
    JsonObjectBuilder customer =
        Json.createObjectBuilder()
            .add("customerNumber", number)
            .add("name", "Customer " + number)
            .add("country", "United Kingdom")
            .add("currency", "GBP")
            .add("paymentTermsDays", 30);
    if (creditLimit != null) {
      customer.add("creditLimit", new BigDecimal(creditLimit));
    }
    Api.Reply reply = as("admin").post("api/customers", customer.build().toString());
    assertEquals(201, reply.status(), reply.body());
  }

  private void receive(String sku, String quantity, String unitCost) throws Exception {
    Api.Reply reply =
        as("admin")
            .post(
                "api/stock/receipts",
                Json.createObjectBuilder()
                    .add("sku", sku)
                    .add("quantity", new BigDecimal(quantity))
                    .add("unitCost", new BigDecimal(unitCost))
                    .build()
                    .toString());
    assertEquals(201, reply.status(), reply.body());
  }

  private static JsonObjectBuilder line(String sku, String quantity) {
    return Json.createObjectBuilder().add("sku", sku).add("quantity", new BigDecimal(quantity));
  }

  private static JsonObjectBuilder line(String sku, String quantity, BigDecimal price) {
    return line(sku, quantity).add("unitPrice", price);
  }

  private static String sale(String customer, LocalDate postingDate, JsonObjectBuilder... lines) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    for (JsonObjectBuilder l : lines) {
      array.add(l);
    }
    JsonObjectBuilder sale =
        Json.createObjectBuilder().add("customerNumber", customer).add("lines", array);
    if (postingDate != null) {
      sale.add("postingDate", postingDate.toString());
    }
    return sale.build().toString();
  }

  private static String draft(
      String customer, BigDecimal expectedTotal, JsonObjectBuilder... lines) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    for (JsonObjectBuilder l : lines) {
      array.add(l);
    }
    JsonObjectBuilder draft =
        Json.createObjectBuilder()
            .add("customerNumber", customer)
            .add("deliveryAddress", "1 High Street, Ledbury")
            .add("lines", array);
    if (expectedTotal != null) {
      draft.add("expectedTotal", expectedTotal);
    }
    return draft.build().toString();
  }

  private static String amendment(
      Integer baseRevision, LocalDate postingDate, String reason, JsonObjectBuilder... lines) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    for (JsonObjectBuilder l : lines) {
      array.add(l);
    }
    JsonObjectBuilder amendment = Json.createObjectBuilder().add("lines", array);
    if (baseRevision != null) {
      amendment.add("baseRevision", baseRevision);
    }
    if (postingDate != null) {
      amendment.add("postingDate", postingDate.toString());
    }
    if (reason != null) {
      amendment.add("reason", reason);
    }
    return amendment.build().toString();
  }

  private static String reason(String reason) {
    return Json.createObjectBuilder().add("reason", reason).build().toString();
  }

  private static BigDecimal gbp(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.HALF_UP);
  }

  private static BigDecimal net(String quantity, BigDecimal price) {
    return gbp(new BigDecimal(quantity).multiply(price));
  }

  private static BigDecimal tax(BigDecimal net, BigDecimal ratePercent) {
    return gbp(net.multiply(ratePercent).movePointLeft(2));
  }

  private static BigDecimal gross(BigDecimal net) {
    return net.add(tax(net, VAT));
  }

  private static void assertMoney(BigDecimal expected, BigDecimal actual, String what) {
    assertEquals(
        0, expected.compareTo(actual), what + ": expected " + expected + ", was " + actual);
  }

  private static void assertMoney(BigDecimal expected, JsonObject json, String field) {
    assertMoney(expected, json.getJsonNumber(field).bigDecimalValue(), field + " of " + json);
  }

  private static void assertCode(int status, String code, Api.Reply reply) {
    assertEquals(status, reply.status(), reply.body());
    assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
    assertEquals(code, reply.json().getString("code"), reply.body());
  }

  /** JSON-B leaves null fields out. */
  private static boolean absent(JsonObject json, String field) {
    return !json.containsKey(field) || json.isNull(field);
  }

  private static BigDecimal onHand(String sku) throws Exception {
    return value(
        "select quantity_on_hand from inv_stock_level l join cat_variant v on v.id = l.variant_id"
            + " where v.sku = ?",
        sku);
  }

  private static BigDecimal balance(String customer) throws Exception {
    return value(
        "select coalesce(sum(e.amount), 0) from ar_customer_ledger_entry e join cus_customer c on"
            + " c.id = e.customer_id where c.customer_number = ?",
        customer);
  }

  private static BigDecimal openAmount(String saleNumber) throws Exception {
    return value(
        "select coalesce(sum(amount), 0) from ar_customer_ledger_entry where applies_to_number = ?",
        saleNumber);
  }

  /** Debit minus credit on an account over the journal entries of one document. */
  private static BigDecimal posted(String documentType, String documentNumber, String account)
      throws Exception {
    return value(
        "select coalesce(sum(l.debit - l.credit), 0) from gl_journal_line l join gl_journal_entry"
            + " e on e.id = l.journal_entry_id where e.document_type = ? and e.document_number = ?"
            + " and l.account_code = ?",
        documentType,
        documentNumber,
        account);
  }

  /** Debit minus credit on an account in one journal entry. */
  private static BigDecimal entry(String entryNumber, String account) throws Exception {
    return value(
        "select coalesce(sum(l.debit - l.credit), 0) from gl_journal_line l join gl_journal_entry"
            + " e on e.id = l.journal_entry_id where e.entry_number = ? and l.account_code = ?",
        entryNumber,
        account);
  }

  private static long lastSaleSerial() throws Exception {
    return count(
        "select coalesce(max(substring(sale_number from 5)::bigint), 0) from sal_sale where"
            + " sale_number is not null");
  }

  private static long audited(String action, String documentNumber, String actor, String reason)
      throws Exception {
    return count(
        "select count(*) from aud_record where action = ? and document_number = ? and actor = ?"
            + " and reason is not distinct from ?",
        action,
        documentNumber,
        actor,
        reason);
  }

  private void assertInvariantsHold() throws Exception {
    Invariants.assertHold(as("auditor"));
  }

  /** The next event of that type naming that sale; others on the topic are skipped. */
  private static JsonObject awaitEvent(MessageConsumer events, String type, String saleNumber)
      throws Exception {
    long deadline = System.currentTimeMillis() + MESSAGE_TIMEOUT_MILLIS;
    while (System.currentTimeMillis() < deadline) {
      Message message = events.receive(Math.max(1, deadline - System.currentTimeMillis()));
      if (message == null) {
        break;
      }
      JsonObject event =
          Json.createReader(new StringReader(((TextMessage) message).getText())).readObject();
      if (type.equals(event.getString("eventType"))
          && saleNumber.equals(event.getString("saleNumber", null))) {
        return event;
      }
    }
    throw new AssertionError("no " + type + " for " + saleNumber + " within the timeout");
  }

  // ---------------------------------------------------------------------------------------------
  // drafts

  @Test
  void aDraftHasNoEffectUntilItPostsWithTheServersFigures() throws Exception {
    Fixture f = fixture("10", "1.20", "2.55");
    Api cashier = as("cashier");
    BigDecimal postage = new BigDecimal("4.00");
    long serialBefore = lastSaleSerial();

    Api.Reply created =
        cashier.post(
            "api/sales/drafts",
            draft(f.customer(), null, line(f.sku(), "3"), line(f.service(), "1", postage)));

    assertEquals(201, created.status(), created.body());
    JsonObject draft = created.json();
    String draftNumber = draft.getString("draftNumber");
    assertTrue(draftNumber.matches("DRAFT-\\d{8}"), draftNumber);
    assertTrue(absent(draft, "saleNumber"), "a draft has no invoice number: " + draft);
    assertEquals("DRAFT", draft.getString("status"));
    assertEquals("1 High Street, Ledbury", draft.getJsonObject("delivery").getString("address"));
    // no price given: the catalogue price
    assertMoney(f.price(), draft.getJsonArray("lines").getJsonObject(0), "unitPrice");
    BigDecimal goods = net("3", f.price());
    assertMoney(goods.add(postage), draft, "subtotal");
    assertMoney(tax(goods, VAT).add(tax(postage, VAT)), draft, "taxTotal");
    assertMoney(gross(goods).add(gross(postage)), draft, "total");
    assertMoney(new BigDecimal("10"), onHand(f.sku()), "a draft takes no stock");
    assertMoney(BigDecimal.ZERO, balance(f.customer()), "a draft owes nothing");
    assertEquals(lastSaleSerial(), serialBefore, "a draft takes no invoice number");
    assertEquals(
        0,
        count(
            "select count(*) from gl_journal_entry e join gl_journal_line l on l.journal_entry_id"
                + " = e.id where e.description like ?",
            "%" + f.customer()));

    // the client's total is only checked; the stock rule applies while drafting
    BigDecimal goods4 = net("4", f.price());
    BigDecimal total4 = gross(goods4).add(gross(postage));
    assertCode(
        422,
        "TOTALS_MISMATCH",
        cashier.put(
            "api/sales/drafts/" + draftNumber,
            draft(
                f.customer(),
                total4.subtract(new BigDecimal("0.01")),
                line(f.sku(), "4"),
                line(f.service(), "1", postage))));
    assertCode(
        409,
        "INSUFFICIENT_STOCK",
        cashier.put(
            "api/sales/drafts/" + draftNumber,
            draft(f.customer(), null, line(f.sku(), "11"), line(f.service(), "1", postage))));

    Api.Reply updated =
        cashier.put(
            "api/sales/drafts/" + draftNumber,
            draft(f.customer(), total4, line(f.sku(), "4"), line(f.service(), "1", postage)));
    assertEquals(200, updated.status(), updated.body());
    assertMoney(total4, updated.json(), "total");

    // stock sold meanwhile: posting checks again, and the draft stays a draft
    Api.Reply other =
        as("cashier2").post("api/sales", sale(f.customer(), null, line(f.sku(), "7")));
    assertEquals(201, other.status(), other.body());
    assertCode(
        409, "INSUFFICIENT_STOCK", cashier.post("api/sales/drafts/" + draftNumber + "/post", "{}"));
    assertEquals("DRAFT", cashier.get("api/sales/" + draftNumber).json().getString("status"));

    receive(f.sku(), "5", "1.20");
    Api.Reply posted =
        cashier.post(
            "api/sales/drafts/" + draftNumber + "/post",
            Json.createObjectBuilder().add("expectedTotal", total4).build().toString());

    assertEquals(201, posted.status(), posted.body());
    JsonObject sale = posted.json();
    String saleNumber = sale.getString("saleNumber");
    assertTrue(saleNumber.matches("INV-\\d{8}"), saleNumber);
    assertEquals("POSTED", sale.getString("status"));
    assertEquals(draftNumber, sale.getString("draftNumber"));
    assertEquals(1, sale.getInt("revision"));
    assertMoney(total4, sale, "total");
    // 10 - 7 + 5 - 4
    assertMoney(new BigDecimal("4"), onHand(f.sku()), "stock after posting");
    BigDecimal cost = gbp(new BigDecimal("4").multiply(new BigDecimal("1.20")));
    assertMoney(total4, openAmount(saleNumber), "the invoice entry");
    assertMoney(total4, posted("SALE_INVOICE", saleNumber, "1100"), "receivable");
    assertMoney(goods4.negate(), posted("SALE_INVOICE", saleNumber, "4000"), "revenue");
    assertMoney(postage.negate(), posted("SALE_INVOICE", saleNumber, "4010"), "service revenue");
    assertMoney(
        tax(goods4, VAT).add(tax(postage, VAT)).negate(),
        posted("SALE_INVOICE", saleNumber, "2100"),
        "output tax");
    assertMoney(cost, posted("SALE_INVOICE", saleNumber, "5000"), "cost of goods sold");
    assertMoney(cost.negate(), posted("SALE_INVOICE", saleNumber, "1200"), "inventory");
    assertEquals(
        saleNumber, cashier.get("api/sales/" + draftNumber).json().getString("saleNumber"));
    assertCode(
        409, "SALE_NOT_DRAFT", cashier.post("api/sales/drafts/" + draftNumber + "/post", "{}"));

    // a discarded draft never posts
    String other2 =
        cashier
            .post("api/sales/drafts", draft(f.customer(), null, line(f.sku(), "1")))
            .json()
            .getString("draftNumber");
    Api.Reply discarded = cashier.delete("api/sales/drafts/" + other2 + "?reason=customer%20left");
    assertEquals(200, discarded.status(), discarded.body());
    assertEquals("DISCARDED", discarded.json().getString("status"));
    assertCode(409, "SALE_NOT_DRAFT", cashier.post("api/sales/drafts/" + other2 + "/post", "{}"));
    assertEquals(1, audited("sale.draft_discarded", other2, "cashier", "customer left"));
    assertInvariantsHold();
  }

  // ---------------------------------------------------------------------------------------------
  // credit limit

  @Test
  void aSaleOverTheCreditLimitWaitsForAnotherApproverAndPostsWhenReleased() throws Exception {
    Fixture f = fixture("7", "1.00", "2.55", "20.00");
    String seller = "seller-" + id().toLowerCase();
    String password = "seller-password-" + id();
    Api.Reply user =
        as("admin")
            .post(
                "api/users",
                Json.createObjectBuilder()
                    .add("name", seller)
                    .add("password", password)
                    .add("roles", Json.createArrayBuilder().add("CASHIER").add("APPROVER"))
                    .build()
                    .toString());
    assertEquals(201, user.status(), user.body());
    Api sellerApi = new Api(base).as(seller, password);

    BigDecimal first = gross(net("3", f.price()));
    Api.Reply within =
        as("cashier").post("api/sales", sale(f.customer(), null, line(f.sku(), "3")));
    assertEquals(201, within.status(), within.body());
    long serialBefore = lastSaleSerial();

    BigDecimal heldTotal = gross(net("4", f.price()));
    assertTrue(first.add(heldTotal).compareTo(new BigDecimal("20.00")) > 0, "the test's premise");
    Api.Reply held = sellerApi.post("api/sales", sale(f.customer(), null, line(f.sku(), "4")));

    assertEquals(202, held.status(), held.body());
    JsonObject pending = held.json();
    assertEquals("PENDING_APPROVAL", pending.getString("status"));
    assertTrue(absent(pending, "saleNumber"), pending.toString());
    String draftNumber = pending.getString("draftNumber");
    assertMoney(heldTotal, pending, "total");
    assertEquals(seller, pending.getJsonObject("approval").getString("requestedBy"));
    assertTrue(
        pending.getJsonObject("approval").getString("holdReason").contains("credit limit"),
        pending.toString());
    assertMoney(new BigDecimal("4"), onHand(f.sku()), "a held sale takes no stock");
    assertMoney(first, balance(f.customer()), "a held sale owes nothing yet");
    assertEquals(serialBefore, lastSaleSerial(), "a held sale takes no invoice number");
    assertTrue(
        as("approver")
            .get("api/sales?status=PENDING_APPROVAL&limit=500")
            .body()
            .contains(draftNumber),
        "the approvers' queue lists it");

    // a cashier cannot release at all; the requester cannot release their own sale
    assertEquals(
        403,
        as("cashier").post("api/sales/" + draftNumber + "/release", reason("urgent")).status());
    assertCode(
        403,
        "APPROVER_MUST_DIFFER_FROM_REQUESTER",
        sellerApi.post("api/sales/" + draftNumber + "/release", reason("my own customer")));
    assertCode(
        422, "REASON_REQUIRED", as("approver").post("api/sales/" + draftNumber + "/release", "{}"));

    // stock sold meanwhile: the release checks stock again and changes nothing when short
    Api.Reply meanwhile =
        as("cashier").post("api/sales", sale(f.customer(), null, line(f.sku(), "2")));
    assertEquals(201, meanwhile.status(), meanwhile.body());
    BigDecimal second = gross(net("2", f.price()));
    assertCode(
        409,
        "INSUFFICIENT_STOCK",
        as("approver").post("api/sales/" + draftNumber + "/release", reason("deposit received")));
    assertEquals(
        "PENDING_APPROVAL",
        as("approver").get("api/sales/" + draftNumber).json().getString("status"));

    receive(f.sku(), "5", "1.00");
    Api.Reply released =
        as("approver").post("api/sales/" + draftNumber + "/release", reason("deposit received"));

    assertEquals(200, released.status(), released.body());
    JsonObject sale = released.json();
    assertEquals("POSTED", sale.getString("status"));
    String saleNumber = sale.getString("saleNumber");
    assertTrue(saleNumber.matches("INV-\\d{8}"), saleNumber);
    assertEquals("RELEASED", sale.getJsonObject("approval").getString("decision"));
    assertEquals("approver", sale.getJsonObject("approval").getString("decidedBy"));
    assertEquals("approver", sale.getString("postedBy"));
    assertMoney(heldTotal, sale, "total");
    // 7 - 3 - 2 + 5 - 4
    assertMoney(new BigDecimal("3"), onHand(f.sku()), "stock after the release");
    assertMoney(heldTotal, openAmount(saleNumber), "the invoice entry");
    assertMoney(first.add(second).add(heldTotal), balance(f.customer()), "balance");
    assertMoney(heldTotal, posted("SALE_INVOICE", saleNumber, "1100"), "receivable");
    assertEquals(
        1,
        audited(
            "sale.held",
            draftNumber,
            seller,
            pending.getJsonObject("approval").getString("holdReason")));
    assertEquals(1, audited("sale.released", draftNumber, "approver", "deposit received"));
    assertEquals(1, audited("sale.posted", saleNumber, "approver", null));
    assertInvariantsHold();
  }

  @Test
  void anApproverRejectsAHeldSaleAndNothingIsPosted() throws Exception {
    Fixture f = fixture("10", "1.00", "2.55", "5.00");
    String key = "till-7/" + id();
    String once =
        Json.createObjectBuilder()
            .add("customerNumber", f.customer())
            .add("channel", "pos")
            .add("externalReference", key)
            .add("lines", Json.createArrayBuilder().add(line(f.sku(), "3")))
            .build()
            .toString();
    Api.Reply held = as("cashier").post("api/sales", once);
    assertEquals(202, held.status(), held.body());
    String draftNumber = held.json().getString("draftNumber");
    // exactly once: the same channel transaction answers the held sale, other content is refused
    Api.Reply again = as("cashier").post("api/sales", once);
    assertEquals(200, again.status(), again.body());
    assertEquals(draftNumber, again.json().getString("draftNumber"));
    assertTrue(again.json().getBoolean("duplicate"));
    assertCode(
        409,
        "IDEMPOTENCY_KEY_REUSED",
        as("cashier").post("api/sales", once.replace("\"quantity\":3", "\"quantity\":2")));

    assertCode(
        422, "REASON_REQUIRED", as("approver2").post("api/sales/" + draftNumber + "/reject", "{}"));
    assertEquals(
        403, as("cashier2").post("api/sales/" + draftNumber + "/reject", reason("no")).status());
    Api.Reply rejected =
        as("approver2").post("api/sales/" + draftNumber + "/reject", reason("account overdue"));

    assertEquals(200, rejected.status(), rejected.body());
    assertEquals("REJECTED", rejected.json().getString("status"));
    assertEquals("REJECTED", rejected.json().getJsonObject("approval").getString("decision"));
    assertEquals(
        "account overdue", rejected.json().getJsonObject("approval").getString("decisionReason"));
    assertCode(
        409,
        "SALE_NOT_PENDING_APPROVAL",
        as("approver").post("api/sales/" + draftNumber + "/release", reason("changed my mind")));
    assertMoney(new BigDecimal("10"), onHand(f.sku()), "no stock moved");
    assertMoney(BigDecimal.ZERO, balance(f.customer()), "nothing owed");
    assertEquals(
        0,
        count(
            "select count(*) from sal_sale_line l join sal_sale s on s.id = l.sale_id where"
                + " s.draft_number = ?",
            draftNumber));
    assertEquals(1, audited("sale.rejected", draftNumber, "approver2", "account overdue"));
    Api.Reply afterwards = as("cashier").post("api/sales", once);
    assertEquals(200, afterwards.status(), afterwards.body());
    assertEquals("REJECTED", afterwards.json().getString("status"));
    assertInvariantsHold();
  }

  // ---------------------------------------------------------------------------------------------
  // amendments

  @Test
  void anAmendmentPostsTheDeltaUpAndDownAndKeepsEveryRevision() throws Exception {
    Fixture f = fixture("10", "1.20", "2.55");
    Api.Reply created =
        as("cashier")
            .post(
                "api/sales", sale(f.customer(), null, line(f.sku(), "3"), line(f.service(), "1")));
    assertEquals(201, created.status(), created.body());
    String number = created.json().getString("saleNumber");
    BigDecimal total1 = gross(net("3", f.price())).add(gross(SERVICE_PRICE));
    // goods arrive at another cost: the moving average moves, the sale's snapshot does not
    receive(f.sku(), "10", "1.50");
    BigDecimal average =
        new BigDecimal("7")
            .multiply(new BigDecimal("1.20"))
            .add(new BigDecimal("10").multiply(new BigDecimal("1.50")))
            .divide(new BigDecimal("17"), 6, RoundingMode.HALF_UP);

    try (Broker broker = new Broker()) {
      MessageConsumer events = broker.subscribeToEvents();

      // up: 3 -> 5 units; 2 more go out at today's average cost
      Api.Reply up =
          as("cashier")
              .post(
                  "api/sales/" + number + "/amendments",
                  amendment(
                      1, null, "customer added two", line(f.sku(), "5"), line(f.service(), "1")));

      assertEquals(200, up.status(), up.body());
      JsonObject r2 = up.json();
      assertEquals(2, r2.getInt("revision"));
      BigDecimal total2 = gross(net("5", f.price())).add(gross(SERVICE_PRICE));
      assertMoney(total2, r2, "total");
      BigDecimal issued = gbp(new BigDecimal("2").multiply(average));
      BigDecimal cost2 = gbp(new BigDecimal("3").multiply(new BigDecimal("1.20"))).add(issued);
      assertMoney(cost2, r2.getJsonArray("lines").getJsonObject(0), "costAmount");
      assertMoney(new BigDecimal("15"), onHand(f.sku()), "17 - 2");
      BigDecimal delta2 = total2.subtract(total1);
      assertMoney(
          delta2,
          value(
              "select sum(amount) from ar_customer_ledger_entry where applies_to_number = ? and"
                  + " entry_type = 'invoice_update'",
              number),
          "invoice_update");
      assertMoney(total2, openAmount(number), "open amount");
      assertMoney(delta2, posted("SALE_AMENDMENT", number, "1100"), "delta receivable");
      assertMoney(
          net("5", f.price()).subtract(net("3", f.price())).negate(),
          posted("SALE_AMENDMENT", number, "4000"),
          "delta revenue");
      assertMoney(
          tax(net("5", f.price()), VAT).subtract(tax(net("3", f.price()), VAT)).negate(),
          posted("SALE_AMENDMENT", number, "2100"),
          "delta output tax");
      assertMoney(issued, posted("SALE_AMENDMENT", number, "5000"), "delta cost");
      assertMoney(issued.negate(), posted("SALE_AMENDMENT", number, "1200"), "delta inventory");
      JsonObject amended = awaitEvent(events, "sale.amended", number);
      assertEquals(2, amended.getInt("revision"));
      assertMoney(delta2, amended, "totalDelta");

      // a stale base revision, an increase beyond stock: refused, nothing written
      assertCode(
          409,
          "SALE_CHANGED_CONCURRENTLY",
          as("finance")
              .post(
                  "api/sales/" + number + "/amendments",
                  amendment(1, null, "stale", line(f.sku(), "4"))));
      assertCode(
          409,
          "INSUFFICIENT_STOCK",
          as("finance")
              .post(
                  "api/sales/" + number + "/amendments",
                  amendment(2, null, "too many", line(f.sku(), "21"))));
      assertCode(
          422,
          "REASON_REQUIRED",
          as("finance")
              .post(
                  "api/sales/" + number + "/amendments",
                  amendment(2, null, null, line(f.sku(), "4"))));
      assertEquals(2, as("finance").get("api/sales/" + number).json().getInt("revision"));
      assertMoney(new BigDecimal("15"), onHand(f.sku()), "refusals move nothing");

      // down: 5 -> 2 units and no postage; 3 come back at the line's cost snapshot
      Api.Reply down =
          as("finance")
              .post(
                  "api/sales/" + number + "/amendments",
                  amendment(2, null, "three returned unopened", line(f.sku(), "2")));

      assertEquals(200, down.status(), down.body());
      JsonObject r3 = down.json();
      assertEquals(3, r3.getInt("revision"));
      BigDecimal total3 = gross(net("2", f.price()));
      assertMoney(total3, r3, "total");
      BigDecimal snapshot = cost2.divide(new BigDecimal("5"), 6, RoundingMode.HALF_UP);
      BigDecimal back = gbp(new BigDecimal("3").multiply(snapshot));
      assertMoney(cost2.subtract(back), r3.getJsonArray("lines").getJsonObject(0), "costAmount");
      assertMoney(new BigDecimal("18"), onHand(f.sku()), "15 + 3");
      assertMoney(total3, openAmount(number), "open amount");
      String entry3 =
          as("auditor")
              .get("api/sales/" + number + "/revisions")
              .structure()
              .asJsonArray()
              .getJsonObject(2)
              .getString("journalEntryNumber");
      assertMoney(total3.subtract(total2), entry(entry3, "1100"), "second delta receivable");
      assertMoney(
          net("5", f.price()).subtract(net("2", f.price())),
          entry(entry3, "4000"),
          "second delta revenue, a debit");
      assertMoney(SERVICE_PRICE, entry(entry3, "4010"), "the postage revenue taken back");
      assertMoney(
          tax(net("5", f.price()), VAT)
              .add(tax(SERVICE_PRICE, VAT))
              .subtract(tax(net("2", f.price()), VAT)),
          entry(entry3, "2100"),
          "second delta output tax, a debit");
      assertMoney(back.negate(), entry(entry3, "5000"), "cost of goods sold back");
      assertMoney(back, entry(entry3, "1200"), "inventory back");
      awaitEvent(events, "sale.amended", number);
    }

    JsonArray revisions =
        as("auditor").get("api/sales/" + number + "/revisions").structure().asJsonArray();
    assertEquals(3, revisions.size());
    assertEquals(
        List.of("3", "5", "2"),
        revisions.stream()
            .map(r -> r.asJsonObject().getJsonArray("lines").getJsonObject(0))
            .map(
                l ->
                    l.getJsonNumber("quantity")
                        .bigDecimalValue()
                        .stripTrailingZeros()
                        .toPlainString())
            .toList());
    assertEquals(2, revisions.getJsonObject(0).getJsonArray("lines").size());
    assertEquals("three returned unopened", revisions.getJsonObject(2).getString("reason"));
    assertTrue(revisions.getJsonObject(2).getBoolean("current"));
    assertMoney(total1, revisions.getJsonObject(0), "total");
    assertEquals(1, audited("sale.amended", number, "finance", "three returned unopened"));
    assertInvariantsHold();

    // a paid sale is amended all the same: its payment status follows what it now charges
    BigDecimal total3 = gross(net("2", f.price()));
    Api.Reply paid =
        as("cashier")
            .post(
                "api/sales/" + number + "/payments",
                Json.createObjectBuilder()
                    .add("date", LocalDate.now().toString())
                    .add("method", "cash")
                    .add("amount", total3)
                    .build()
                    .toString());
    assertEquals(201, paid.status(), paid.body());
    assertEquals(
        "PAID", as("cashier").get("api/sales/" + number).json().getString("paymentStatus"));
    assertCode(
        409,
        "SALE_HAS_PAYMENTS",
        as("finance").post("api/sales/" + number + "/void", reason("paid already")));
    Api.Reply more =
        as("cashier")
            .post(
                "api/sales/" + number + "/amendments",
                amendment(3, null, "one more after payment", line(f.sku(), "3")));
    assertEquals(200, more.status(), more.body());
    assertEquals(4, more.json().getInt("revision"));
    assertMoney(gross(net("3", f.price())), more.json(), "total");
    assertMoney(total3, more.json(), "amountPaid");
    assertEquals("PARTIALLY_PAID", more.json().getString("paymentStatus"));
    assertMoney(gross(net("3", f.price())).subtract(total3), openAmount(number), "left to pay");
    assertInvariantsHold();
  }

  @Test
  void aClosedPeriodRefusesAnAmendmentAndAVoidOfItsSaleIsDatedToday() throws Exception {
    Fixture f = fixture("10", "1.20", "2.55");
    LocalDate june = LocalDate.of(2010, 6, 15);
    Api.Reply created =
        as("cashier").post("api/sales", sale(f.customer(), june, line(f.sku(), "2")));
    assertEquals(201, created.status(), created.body());
    String number = created.json().getString("saleNumber");
    BigDecimal net = net("2", f.price());
    // UK VAT was 17.5 % in June 2010
    assertMoney(net.add(tax(net, VAT_2010)), created.json(), "total");
    Api.Reply closed =
        as("finance").post("api/accounting-periods/2010-06/close", reason("June 2010 reported"));
    assertEquals(200, closed.status(), closed.body());

    assertCode(
        409,
        "ACCOUNTING_PERIOD_CLOSED",
        as("finance")
            .post(
                "api/sales/" + number + "/amendments",
                amendment(null, LocalDate.of(2010, 6, 20), "late correction", line(f.sku(), "1"))));
    assertEquals(1, as("finance").get("api/sales/" + number).json().getInt("revision"));

    Api.Reply voided =
        as("finance").post("api/sales/" + number + "/void", reason("raised in error"));

    assertEquals(200, voided.status(), voided.body());
    JsonObject sale = voided.json();
    assertEquals("VOIDED", sale.getString("status"));
    JsonObject mirror =
        sale.getJsonArray("journalEntries").stream()
            .map(JsonValue::asJsonObject)
            .filter(e -> e.getString("documentType").equals("SALE_VOID"))
            .findFirst()
            .orElseThrow();
    assertEquals(LocalDate.now().toString(), mirror.getString("postingDate"));
    assertEquals(
        sale.getJsonArray("journalEntries").getJsonObject(0).getString("entryNumber"),
        mirror.getString("reversesEntryNumber"));
    assertMoney(new BigDecimal("10"), onHand(f.sku()), "the goods are back");
    assertMoney(BigDecimal.ZERO, openAmount(number), "nothing open");
    assertInvariantsHold();
  }

  // ---------------------------------------------------------------------------------------------
  // credit notes and voids

  @Test
  void aPartialCreditNoteRestocksAndAFullOneWithoutRestockCreditsTheRest() throws Exception {
    Fixture f = fixture("10", "1.20", "2.55");
    Api.Reply created =
        as("cashier")
            .post(
                "api/sales", sale(f.customer(), null, line(f.sku(), "4"), line(f.service(), "1")));
    assertEquals(201, created.status(), created.body());
    String number = created.json().getString("saleNumber");
    BigDecimal total = gross(net("4", f.price())).add(gross(SERVICE_PRICE));
    String partial =
        Json.createObjectBuilder()
            .add(
                "lines",
                Json.createArrayBuilder()
                    .add(Json.createObjectBuilder().add("lineNumber", 1).add("quantity", 1)))
            .add("restock", true)
            .add("reason", "one arrived broken")
            .build()
            .toString();
    assertEquals(
        403, as("cashier").post("api/sales/" + number + "/credit-notes", partial).status());

    String cn1;
    try (Broker broker = new Broker()) {
      MessageConsumer events = broker.subscribeToEvents();
      Api.Reply first = as("finance").post("api/sales/" + number + "/credit-notes", partial);

      assertEquals(201, first.status(), first.body());
      JsonObject note = first.json();
      cn1 = note.getString("creditNoteNumber");
      assertTrue(cn1.matches("CN-\\d{8}"), cn1);
      BigDecimal net1 = net("1", f.price());
      BigDecimal tax1 = tax(net1, VAT);
      BigDecimal cost1 = gbp(new BigDecimal("1.20"));
      assertMoney(net1, note, "subtotal");
      assertMoney(tax1, note, "taxTotal");
      assertMoney(net1.add(tax1), note, "total");
      assertMoney(new BigDecimal("7"), onHand(f.sku()), "10 - 4 + 1 back");
      assertMoney(net1, posted("CREDIT_NOTE", cn1, "4100"), "sales returns");
      assertMoney(tax1, posted("CREDIT_NOTE", cn1, "2100"), "output tax");
      assertMoney(net1.add(tax1).negate(), posted("CREDIT_NOTE", cn1, "1100"), "receivable");
      assertMoney(cost1, posted("CREDIT_NOTE", cn1, "1200"), "inventory");
      assertMoney(cost1.negate(), posted("CREDIT_NOTE", cn1, "5000"), "cost of goods sold");
      assertMoney(
          net1.add(tax1).negate(),
          value(
              "select sum(amount) from ar_customer_ledger_entry where entry_type = 'credit_note'"
                  + " and document_number = ? and applies_to_number = ?",
              cn1,
              number),
          "credit_note entry");
      JsonObject issued = awaitEvent(events, "credit_note.issued", number);
      assertEquals(cn1, issued.getString("creditNoteNumber"));
      assertEquals(
          cn1, as("auditor").get("api/credit-notes/" + cn1).json().getString("creditNoteNumber"));
    }

    Api.Reply rest =
        as("finance")
            .post(
                "api/sales/" + number + "/credit-notes",
                Json.createObjectBuilder()
                    .add("restock", false)
                    .add("reason", "goodwill: the rest")
                    .build()
                    .toString());

    assertEquals(201, rest.status(), rest.body());
    JsonObject full = rest.json();
    String cn2 = full.getString("creditNoteNumber");
    assertEquals(2, full.getJsonArray("lines").size());
    BigDecimal net2 = net("3", f.price()).add(SERVICE_PRICE);
    assertMoney(net2, full, "subtotal");
    assertMoney(total.subtract(gross(net("1", f.price()))), full, "total");
    assertMoney(new BigDecimal("7"), onHand(f.sku()), "no restock: stock stays");
    assertEquals(
        0, count("select count(*) from inv_stock_movement where document_number = ?", cn2));
    assertMoney(BigDecimal.ZERO, openAmount(number), "fully credited");
    assertMoney(BigDecimal.ZERO, balance(f.customer()), "the customer owes nothing");
    assertEquals(
        2,
        as("auditor")
            .get("api/sales/" + number + "/credit-notes")
            .structure()
            .asJsonArray()
            .size());

    assertCode(
        409,
        "CREDIT_EXCEEDS_INVOICED",
        as("finance").post("api/sales/" + number + "/credit-notes", partial));
    assertCode(
        409,
        "SALE_HAS_CREDIT_NOTES",
        as("finance").post("api/sales/" + number + "/void", reason("try to void")));
    assertCode(
        409,
        "SALE_HAS_CREDIT_NOTES",
        as("finance")
            .post(
                "api/sales/" + number + "/amendments",
                amendment(null, null, "late", line(f.sku(), "2"))));
    assertEquals("POSTED", as("finance").get("api/sales/" + number).json().getString("status"));
    assertEquals(1, audited("credit_note.issued", cn1, "finance", "one arrived broken"));
    assertInvariantsHold();
  }

  @Test
  void aVoidOfAnUnpaidSaleMirrorsEverythingItPosted() throws Exception {
    Fixture f = fixture("10", "1.20", "2.55");
    Api.Reply created =
        as("cashier")
            .post(
                "api/sales", sale(f.customer(), null, line(f.sku(), "3"), line(f.service(), "1")));
    assertEquals(201, created.status(), created.body());
    String number = created.json().getString("saleNumber");
    Api.Reply amended =
        as("cashier")
            .post(
                "api/sales/" + number + "/amendments",
                amendment(1, null, "one more", line(f.sku(), "4"), line(f.service(), "1")));
    assertEquals(200, amended.status(), amended.body());
    BigDecimal inventoryBefore = value("select coalesce(sum(value), 0) from inv_stock_movement");

    assertCode(422, "REASON_REQUIRED", as("finance").post("api/sales/" + number + "/void", "{}"));
    assertEquals(403, as("cashier").post("api/sales/" + number + "/void", reason("mine")).status());
    try (Broker broker = new Broker()) {
      MessageConsumer events = broker.subscribeToEvents();
      Api.Reply voided =
          as("finance")
              .post("api/sales/" + number + "/void", reason("duplicate of an earlier order"));

      assertEquals(200, voided.status(), voided.body());
      JsonObject sale = voided.json();
      assertEquals("VOIDED", sale.getString("status"));
      assertEquals(
          "duplicate of an earlier order", sale.getJsonObject("voided").getString("reason"));
      assertEquals(
          2,
          sale.getJsonArray("journalEntries").stream()
              .map(JsonValue::asJsonObject)
              .filter(e -> e.getString("documentType").equals("SALE_VOID"))
              .filter(e -> !absent(e, "reversesEntryNumber"))
              .count(),
          "one mirror for the posting, one for the amendment");
      JsonObject event = awaitEvent(events, "sale.voided", number);
      assertEquals("duplicate of an earlier order", event.getString("reason"));
    }
    assertMoney(new BigDecimal("10"), onHand(f.sku()), "every unit back");
    BigDecimal moved =
        value(
            "select coalesce(sum(value), 0) from inv_stock_movement where document_number = ?",
            number);
    assertMoney(BigDecimal.ZERO, moved, "the sale's stock movements net to nothing");
    assertMoney(
        inventoryBefore.subtract(
            value(
                "select coalesce(sum(value), 0) from inv_stock_movement where document_number = ?"
                    + " and document_type <> 'SALE_VOID'",
                number)),
        value("select coalesce(sum(value), 0) from inv_stock_movement"),
        "inventory value back where it was before the sale");
    for (String account : List.of("1100", "4000", "4010", "2100", "5000", "1200")) {
      assertMoney(
          BigDecimal.ZERO,
          posted("SALE_INVOICE", number, account)
              .add(posted("SALE_AMENDMENT", number, account))
              .add(posted("SALE_VOID", number, account)),
          "account " + account + " over the sale and its void");
    }
    assertMoney(BigDecimal.ZERO, openAmount(number), "nothing open");
    assertMoney(BigDecimal.ZERO, balance(f.customer()), "nothing owed");
    assertCode(
        409,
        "SALE_NOT_POSTED",
        as("finance").post("api/sales/" + number + "/void", reason("again")));
    assertEquals(1, audited("sale.voided", number, "finance", "duplicate of an earlier order"));
    assertInvariantsHold();
  }

  // ---------------------------------------------------------------------------------------------
  // concurrency against the real database

  @Test
  void twoCashiersSellingTheLastUnitAtOnceOneSucceedsTheOtherIsRefused() throws Exception {
    Fixture f = fixture("1", "3.00", "9.99");
    CyclicBarrier start = new CyclicBarrier(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Api.Reply>> replies = new ArrayList<>();
      for (String cashier : List.of("cashier", "cashier2")) {
        Api api = as(cashier);
        replies.add(
            pool.submit(
                () -> {
                  start.await(30, TimeUnit.SECONDS);
                  return api.post("api/sales", sale(f.customer(), null, line(f.sku(), "1")));
                }));
      }
      List<Integer> statuses = new ArrayList<>();
      Api.Reply refused = null;
      for (Future<Api.Reply> reply : replies) {
        Api.Reply r = reply.get(120, TimeUnit.SECONDS);
        statuses.add(r.status());
        if (r.status() != 201) {
          refused = r;
        }
      }
      assertEquals(List.of(201, 409), statuses.stream().sorted().toList(), statuses.toString());
      assertCode(409, "INSUFFICIENT_STOCK", refused);
    } finally {
      pool.shutdownNow();
    }
    assertMoney(BigDecimal.ZERO, onHand(f.sku()), "the last unit sold once");
    assertEquals(
        1,
        count(
            "select count(*) from sal_sale s join cus_customer c on c.id = s.customer_id where"
                + " c.customer_number = ?",
            f.customer()));
    assertInvariantsHold();
  }

  @Test
  void twoHundredParallelPostingsGetTwoHundredGaplessNumbers() throws Exception {
    int postings = 200;
    Fixture f = fixture(String.valueOf(postings), "1.00", "2.00");
    ExecutorService pool = Executors.newFixedThreadPool(24);
    List<Callable<Api.Reply>> calls = new ArrayList<>();
    List<Api> cashiers = List.of(as("cashier"), as("cashier2"));
    for (int i = 0; i < postings; i++) {
      Api api = cashiers.get(i % 2);
      calls.add(() -> api.post("api/sales", sale(f.customer(), null, line(f.sku(), "1"))));
    }
    TreeSet<Long> serials = new TreeSet<>();
    try {
      for (Future<Api.Reply> reply : pool.invokeAll(calls, 10, TimeUnit.MINUTES)) {
        Api.Reply r = reply.get();
        assertEquals(201, r.status(), r.body());
        serials.add(Long.parseLong(r.json().getString("saleNumber").substring(4)));
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(postings, serials.size(), "distinct numbers");
    assertEquals(
        postings - 1,
        serials.last() - serials.first(),
        "no gap in " + serials.first() + ".." + serials.last());
    assertMoney(BigDecimal.ZERO, onHand(f.sku()), "every unit sold once");
    assertInvariantsHold();
  }
}
