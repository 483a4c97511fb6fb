package com.ledgerline.it;

import static com.ledgerline.it.support.TestDatabase.count;
import static com.ledgerline.it.support.TestDatabase.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ledgerline.it.support.Api;
import com.ledgerline.it.support.Broker;
import com.ledgerline.it.support.Invariants;
import jakarta.jms.MessageConsumer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.File;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URL;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
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
 * Master data over REST on Payara Micro with the real PostgreSQL and Artemis: the customer
 * lifecycle (refused delete of a customer with a sale, archive, delete of one that never traded), a
 * currency change that leaves earlier sales alone, catalog changes for future sales only, stock
 * adjustments with their journal lines and event, tax rates closing their predecessors and refusing
 * overlaps, the chart of accounts, and a closed accounting period. Every scenario creates its own
 * customers, SKUs and jurisdictions and ends with the invariant checks.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MasterDataIT {
  private static final long MESSAGE_TIMEOUT_MILLIS = 20_000;

  /**
   * A month no other test posts into; closed and reopened by {@link #closedPeriodRefusesPostings}.
   */
  private static final YearMonth CLOSED_MONTH = YearMonth.of(2001, 3);

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

  private static String json(JsonObjectBuilder builder) {
    return builder.build().toString();
  }

  private static BigDecimal money(String amount) {
    return new BigDecimal(amount);
  }

  private static void assertAmount(BigDecimal expected, BigDecimal actual, String what) {
    assertEquals(
        0, expected.compareTo(actual), what + ": expected " + expected + ", was " + actual);
  }

  private static void assertAmount(BigDecimal expected, JsonObject json, String field) {
    assertAmount(expected, json.getJsonNumber(field).bigDecimalValue(), field);
  }

  private static void assertStatus(int expected, Api.Reply reply) {
    assertEquals(expected, reply.status(), reply.body());
  }

  private static void assertProblem(int status, String code, Api.Reply reply) {
    assertEquals(status, reply.status(), reply.body());
    assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
    assertEquals(code, reply.json().getString("code"), reply.body());
  }

  private void assertInvariantsHold() throws Exception {
    Invariants.assertHold(as("auditor"));
  }

  // ---- fixtures, all through REST ----

  private static JsonObjectBuilder customer(String number, String currency, String terms) {
    return Json.createObjectBuilder()
        .add("customerNumber", number)
        .add("name", "Master data customer " + number)
        .add("legalEntity", "Customer " + number + " Ltd")
        .add("taxId", "GB" + Math.abs(number.hashCode()))
        .add("currency", currency)
        .add("paymentTerms", terms)
        .add("creditLimit", 5000)
        .add(
            "billingContact",
            Json.createObjectBuilder()
                .add("name", "Bea Billing")
                .add("email", "billing@" + number.toLowerCase() + ".example")
                .add("phone", "+44 20 7946 0001"))
        .add(
            "technicalContact",
            Json.createObjectBuilder()
                .add("name", "Tom Tech")
                .add("email", "tech@" + number.toLowerCase() + ".example")
                .add("phone", "+44 20 7946 0002"))
        .add(
            "billingAddress",
            Json.createObjectBuilder()
                .add("lines", Json.createArrayBuilder().add("1 Ledger Lane").add("Floor 2"))
                .add("city", "London")
                .add("postalCode", "EC1A 1BB")
                .add("countryCode", "GB"))
        .add(
            "shippingAddress",
            Json.createObjectBuilder()
                .add("lines", Json.createArrayBuilder().add("Unit 7, Dock Road"))
                .add("city", "Felixstowe")
                .add("postalCode", "IP11 3SY")
                .add("countryCode", "GB"));
  }

  private String registerCustomer(String currency) throws Exception {
    String number = "MD-" + id();
    assertStatus(
        201, as("admin").post("api/customers", json(customer(number, currency, "NET_30"))));
    return number;
  }

  /** A product with one variant of the same code. */
  private String product(
      String currency, String price, boolean stockTracked, boolean backorderAllowed)
      throws Exception {
    String sku = "MD-" + id();
    Api.Reply reply =
        as("admin")
            .post(
                "api/products",
                json(
                    Json.createObjectBuilder()
                        .add("productCode", sku)
                        .add("name", "Product " + sku)
                        .add("taxCategory", "STANDARD")
                        .add(
                            "variants",
                            Json.createArrayBuilder()
                                .add(
                                    Json.createObjectBuilder()
                                        .add("sku", sku)
                                        .add("sellingPrice", new BigDecimal(price))
                                        .add("currency", currency)
                                        .add("stockTracked", stockTracked)
                                        .add("backorderAllowed", backorderAllowed)))));
    assertStatus(201, reply);
    return sku;
  }

  private void receive(String sku, String quantity, String unitCost, String date) throws Exception {
    assertStatus(
        201,
        as("admin")
            .post(
                "api/stock/receipts",
                json(
                    Json.createObjectBuilder()
                        .add("sku", sku)
                        .add("quantity", new BigDecimal(quantity))
                        .add("unitCost", new BigDecimal(unitCost))
                        .add("postingDate", date))));
  }

  private static String sale(
      String customer, String jurisdiction, String date, String sku, int quantity) {
    JsonObjectBuilder sale =
        Json.createObjectBuilder()
            .add("customerNumber", customer)
            .add("postingDate", date)
            .add(
                "lines",
                Json.createArrayBuilder()
                    .add(Json.createObjectBuilder().add("sku", sku).add("quantity", quantity)));
    if (jurisdiction != null) {
      sale.add("taxJurisdiction", jurisdiction);
    }
    return json(sale);
  }

  private JsonObject postSale(String customer, String jurisdiction, String date, String sku)
      throws Exception {
    Api.Reply reply = as("cashier").post("api/sales", sale(customer, jurisdiction, date, sku, 1));
    assertStatus(201, reply);
    return reply.json();
  }

  private Api.Reply adjust(String sku, String quantity, String reason, String date)
      throws Exception {
    return as("finance")
        .post(
            "api/stock/adjustments",
            json(
                Json.createObjectBuilder()
                    .add("sku", sku)
                    .add("quantity", new BigDecimal(quantity))
                    .add("reason", reason)
                    .add("postingDate", date)
                    .add("note", "cycle count")));
  }

  private JsonObject stock(String sku) throws Exception {
    Api.Reply reply = as("auditor").get("api/stock/" + sku);
    assertStatus(200, reply);
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

  private String jurisdiction(String prefix, String currency, String policy, String taxType)
      throws Exception {
    return jurisdiction(prefix, currency, policy, taxType, false);
  }

  private String jurisdiction(
      String prefix, String currency, String policy, String taxType, boolean pricesIncludeTax)
      throws Exception {
    String code = prefix + "-" + id();
    assertStatus(
        201,
        as("admin")
            .post(
                "api/tax/jurisdictions",
                json(
                    Json.createObjectBuilder()
                        .add("code", code)
                        .add("name", "Test jurisdiction " + code)
                        .add("currency", currency)
                        .add("roundingPolicy", policy)
                        .add("roundingMode", "HALF_UP")
                        .add("pricesIncludeTax", pricesIncludeTax)
                        .add("taxType", taxType))));
    return code;
  }

  private Api.Reply addRate(String jurisdiction, String rate, String from, JsonArrayBuilder parts)
      throws Exception {
    JsonObjectBuilder body =
        Json.createObjectBuilder()
            .add("category", "STANDARD")
            .add("ratePercent", new BigDecimal(rate))
            .add("validFrom", from);
    if (parts != null) {
      body.add("components", parts);
    }
    return as("admin").post("api/tax/jurisdictions/" + jurisdiction + "/rates", json(body));
  }

  private static JsonObject rateFrom(JsonObject jurisdiction, String from) {
    return jurisdiction.getJsonArray("rates").stream()
        .map(JsonValue::asJsonObject)
        .filter(r -> r.getString("validFrom").equals(from))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no rate from " + from + " in " + jurisdiction));
  }

  // ---- scenarios ----

  @Test
  void customerLifecycle() throws Exception {
    Api admin = as("admin");
    String number = "MD-" + id();
    Api.Reply registered = admin.post("api/customers", json(customer(number, "GBP", "NET_30")));
    assertStatus(201, registered);

    JsonObject read = admin.get("api/customers/" + number).json();
    assertEquals("ACTIVE", read.getString("status"));
    assertEquals("NET_30", read.getString("paymentTerms"));
    assertEquals(30, read.getInt("paymentTermsDays"));
    assertEquals(
        "billing@" + number.toLowerCase() + ".example",
        read.getJsonObject("billingContact").getString("email"));
    assertEquals("Tom Tech", read.getJsonObject("technicalContact").getString("name"));
    assertEquals(
        List.of("1 Ledger Lane", "Floor 2"),
        read.getJsonObject("billingAddress")
            .getJsonArray("lines")
            .getValuesAs(JsonString::getString));
    assertEquals("Felixstowe", read.getJsonObject("shippingAddress").getString("city"));
    assertAmount(money("5000"), read, "creditLimit");

    // an update replaces the master data; sales read the terms' days for due dates
    JsonObjectBuilder changed =
        customer(number, "GBP", "NET_60")
            .add("taxId", "GB999999973")
            .add(
                "technicalContact",
                Json.createObjectBuilder().add("name", "Tia Tech").add("email", "tia@x.example"));
    assertStatus(200, admin.put("api/customers/" + number, json(changed)));
    JsonObject updated = admin.get("api/customers/" + number).json();
    assertEquals(60, updated.getInt("paymentTermsDays"));
    assertEquals("GB999999973", updated.getString("taxId"));
    assertEquals(
        60, count("select payment_terms_days from cus_customer where customer_number = ?", number));
    assertEquals(
        1,
        count(
            "select count(*) from aud_record where document_type = 'CUSTOMER' and document_number"
                + " = ? and action = 'customer.updated' and actor = 'admin' and detail like"
                + " '%GB999999973%'",
            number));

    // bad shapes are refused with a code and change nothing
    assertProblem(
        400,
        "INVALID_REQUEST",
        admin.put(
            "api/customers/" + number,
            json(
                customer(number, "GBP", "NET_60")
                    .add(
                        "billingAddress",
                        Json.createObjectBuilder()
                            .add("lines", Json.createArrayBuilder().add("1 Ledger Lane"))
                            .add("city", "London")
                            .add("countryCode", "UK")))));
    assertProblem(
        422,
        "UNKNOWN_PAYMENT_TERMS",
        admin.put("api/customers/" + number, json(customer(number, "GBP", "NET_999"))));
    assertEquals(
        "GB",
        admin
            .get("api/customers/" + number)
            .json()
            .getJsonObject("billingAddress")
            .getString("countryCode"));

    // the customer trades: it is never deleted, only archived
    String sku = product("GBP", "10.00", true, false);
    receive(sku, "5", "4.00", "2011-01-10");
    JsonObject sale = postSale(number, null, "2011-02-01", sku);
    // due after the customer's current terms (Net 60)
    assertEquals(
        LocalDate.parse("2011-02-01").plusDays(60), LocalDate.parse(sale.getString("dueDate")));
    assertProblem(409, "CUSTOMER_HAS_TRANSACTIONS", admin.delete("api/customers/" + number));
    assertStatus(200, admin.get("api/customers/" + number));

    Api.Reply archived =
        admin.put(
            "api/customers/" + number + "/status",
            json(
                Json.createObjectBuilder()
                    .add("status", "ARCHIVED")
                    .add("reason", "ceased trading")));
    assertStatus(200, archived);
    assertEquals("ARCHIVED", archived.json().getString("status"));
    assertEquals(
        1,
        count(
            "select count(*) from aud_record where document_number = ? and action ="
                + " 'customer.archived' and reason = 'ceased trading'",
            number));
    assertProblem(
        409,
        "CUSTOMER_NOT_ACTIVE",
        as("cashier").post("api/sales", sale(number, null, "2011-02-02", sku, 1)));
    // the archived customer's history stays readable
    assertStatus(200, as("auditor").get("api/sales/" + sale.getString("saleNumber")));

    // a customer that never traded may be deleted; the audit trail keeps what it was
    String unused = registerCustomer("EUR");
    assertStatus(204, admin.delete("api/customers/" + unused + "?reason=duplicate"));
    assertProblem(404, "UNKNOWN_CUSTOMER", admin.get("api/customers/" + unused));
    assertEquals(0, count("select count(*) from cus_customer where customer_number = ?", unused));
    assertEquals(
        1,
        count(
            "select count(*) from aud_record where document_number = ? and action ="
                + " 'customer.deleted' and reason = 'duplicate'",
            unused));
    assertInvariantsHold();
  }

  /** Tax inside a gross amount: gross × rate / (100 + rate), to pence half-up. */
  private static BigDecimal taxInside(BigDecimal gross, BigDecimal ratePercent) {
    return gross
        .multiply(ratePercent)
        .divide(new BigDecimal("100").add(ratePercent), 2, RoundingMode.HALF_UP);
  }

  /** Revenue credited for a document over all its entries (credit − debit on 4xxx accounts). */
  private static BigDecimal revenue(String documentNumber) throws Exception {
    return value(
        "select coalesce(sum(l.credit - l.debit), 0) from gl_journal_line l join gl_journal_entry e"
            + " on e.id = l.journal_entry_id where e.document_number = ? and l.account_code like"
            + " '4%'",
        documentNumber);
  }

  private static String lines(String sku, String... quantities) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    for (String quantity : quantities) {
      array.add(
          Json.createObjectBuilder().add("sku", sku).add("quantity", new BigDecimal(quantity)));
    }
    return array.build().toString();
  }

  private static String inclusiveSale(
      String customer, String jurisdiction, String sku, String... q) {
    return "{\"customerNumber\":\""
        + customer
        + "\",\"taxJurisdiction\":\""
        + jurisdiction
        + "\",\"postingDate\":\"2011-02-01\",\"lines\":"
        + lines(sku, q)
        + "}";
  }

  private static String creditNote(int lineNumber, String quantity) {
    return json(
        Json.createObjectBuilder()
            .add(
                "lines",
                Json.createArrayBuilder()
                    .add(
                        Json.createObjectBuilder()
                            .add("lineNumber", lineNumber)
                            .add("quantity", new BigDecimal(quantity))))
            .add("restock", false)
            .add("reason", "returned")
            .add("postingDate", "2011-02-03"));
  }

  @Test
  void aSaleInATaxInclusiveJurisdictionChargesTheEnteredPriceAndSplitsTheTaxOutOfIt()
      throws Exception {
    BigDecimal rate = new BigDecimal("20");
    BigDecimal price = new BigDecimal("12.99");
    String inclusive = jurisdiction("INC", "GBP", "PER_LINE", "VAT", true);
    assertStatus(201, addRate(inclusive, "20", "2011-01-01", null));
    String sku = product("GBP", price.toPlainString(), false, false);
    String customer = registerCustomer("GBP");

    Api.Reply posted =
        as("cashier").post("api/sales", inclusiveSale(customer, inclusive, sku, "3"));

    assertStatus(201, posted);
    JsonObject sale = posted.json();
    String number = sale.getString("saleNumber");
    assertEquals("TAX_INCLUSIVE", sale.getString("priceBasis"));
    BigDecimal gross = price.multiply(new BigDecimal("3"));
    BigDecimal tax = taxInside(gross, rate);
    BigDecimal net = gross.subtract(tax);
    assertAmount(gross, sale, "total");
    assertAmount(tax, sale, "taxTotal");
    assertAmount(net, sale, "subtotal");
    assertAmount(gross, sale.getJsonArray("lines").getJsonObject(0), "grossAmount");
    assertAmount(gross, journal(number, "1100"), "Dr Accounts receivable: the gross");
    assertAmount(tax.negate(), journal(number, "2100"), "Cr Output tax payable");
    assertAmount(net, revenue(number), "Cr revenue: the net");
    assertAmount(
        gross,
        value(
            "select sum(amount) from ar_customer_ledger_entry where applies_to_number = ?", number),
        "the customer owes the gross");
    assertInvariantsHold();

    // an amendment to 5 units charges 5 x the price; the tax is extracted again from the new gross
    Api.Reply amended =
        as("cashier")
            .post(
                "api/sales/" + number + "/amendments",
                "{\"reason\":\"two more\",\"postingDate\":\"2011-02-02\",\"lines\":"
                    + lines(sku, "5")
                    + "}");
    assertStatus(200, amended);
    BigDecimal gross5 = price.multiply(new BigDecimal("5"));
    BigDecimal tax5 = taxInside(gross5, rate);
    assertAmount(gross5, amended.json(), "total");
    assertAmount(tax5, amended.json(), "taxTotal");
    assertAmount(gross5, journal(number, "1100"), "receivable after the delta entry");
    assertAmount(tax5.negate(), journal(number, "2100"), "output tax after the delta entry");
    assertAmount(gross5.subtract(tax5), revenue(number), "revenue after the delta entry");
    assertAmount(
        gross5.subtract(gross),
        value(
            "select sum(amount) from ar_customer_ledger_entry where applies_to_number = ? and"
                + " entry_type = 'invoice_update'",
            number),
        "invoice_update: the gross delta");
    assertInvariantsHold();

    // one unit back: its gross, the tax inside it, the rest is net
    Api.Reply note =
        as("finance").post("api/sales/" + number + "/credit-notes", creditNote(1, "1"));
    assertStatus(201, note);
    String cn = note.json().getString("creditNoteNumber");
    BigDecimal taxBack = taxInside(price, rate);
    assertAmount(price, note.json(), "total");
    assertAmount(taxBack, note.json(), "taxTotal");
    assertAmount(price.subtract(taxBack), note.json(), "subtotal");
    assertAmount(price.negate(), journal(cn, "1100"), "Cr Accounts receivable");
    assertAmount(taxBack, journal(cn, "2100"), "Dr Output tax payable");
    assertAmount(
        gross5.subtract(price),
        value(
            "select sum(amount) from ar_customer_ledger_entry where applies_to_number = ?", number),
        "the customer owes four units");
    assertInvariantsHold();
  }

  @Test
  void aTaxInclusivePerDocumentSaleRoundsTheTaxOnceAndItsCreditNotesFollow() throws Exception {
    BigDecimal rate = new BigDecimal("20");
    BigDecimal price = new BigDecimal("0.10");
    String inclusive = jurisdiction("IND", "GBP", "PER_DOCUMENT", "VAT", true);
    assertStatus(201, addRate(inclusive, "20", "2011-01-01", null));
    String sku = product("GBP", price.toPlainString(), false, false);
    String customer = registerCustomer("GBP");

    Api.Reply posted =
        as("cashier").post("api/sales", inclusiveSale(customer, inclusive, sku, "1", "1", "1"));

    assertStatus(201, posted);
    JsonObject sale = posted.json();
    String number = sale.getString("saleNumber");
    // once per document: 3 x 0.10 = 0.30 gross, tax 0.30 x 20 / 120 = 0.05 (line by line it
    // would be 3 x round(0.0166...) = 0.06)
    BigDecimal gross = price.multiply(new BigDecimal("3"));
    BigDecimal tax = taxInside(gross, rate);
    assertAmount(gross, sale, "total");
    assertAmount(tax, sale, "taxTotal");
    assertAmount(gross.subtract(tax), sale, "subtotal");
    assertAmount(gross, journal(number, "1100"), "Dr Accounts receivable");
    assertAmount(tax.negate(), journal(number, "2100"), "Cr Output tax payable");
    assertInvariantsHold();

    // line 1 back: the document tax on what is credited so far, 0.10 x 20 / 120 -> 0.02
    Api.Reply first =
        as("finance").post("api/sales/" + number + "/credit-notes", creditNote(1, "1"));
    assertStatus(201, first);
    BigDecimal firstTax = taxInside(price, rate);
    assertAmount(price, first.json(), "total");
    assertAmount(firstTax, first.json(), "taxTotal");
    assertInvariantsHold();

    // the rest: together the notes take back the invoice's 0.30 and 0.05 exactly
    Api.Reply rest =
        as("finance")
            .post(
                "api/sales/" + number + "/credit-notes",
                json(
                    Json.createObjectBuilder()
                        .add("restock", false)
                        .add("reason", "the rest")
                        .add("postingDate", "2011-02-03")));
    assertStatus(201, rest);
    assertAmount(gross.subtract(price), rest.json(), "total");
    assertAmount(tax.subtract(firstTax), rest.json(), "taxTotal");
    assertAmount(
        BigDecimal.ZERO,
        value(
            "select sum(amount) from ar_customer_ledger_entry where applies_to_number = ?", number),
        "fully credited");
    assertAmount(
        BigDecimal.ZERO,
        journal(number, "2100")
            .add(journal(first.json().getString("creditNoteNumber"), "2100"))
            .add(journal(rest.json().getString("creditNoteNumber"), "2100")),
        "output tax nets to zero");
    assertInvariantsHold();
  }

  @Test
  void currencyChangeNeverRewritesEarlierSales() throws Exception {
    Api admin = as("admin");
    String sku = product("GBP", "10.00", true, false);
    receive(sku, "5", "4.00", "2011-01-10");

    // a customer who owes money keeps its currency
    String owing = registerCustomer("GBP");
    JsonObject owed = postSale(owing, null, "2011-02-01", sku);
    assertProblem(
        409,
        "CUSTOMER_HAS_OPEN_BALANCE",
        admin.put("api/customers/" + owing, json(customer(owing, "EUR", "NET_30"))));
    assertEquals("GBP", admin.get("api/customers/" + owing).json().getString("currency"));
    assertAmount(
        owed.getJsonNumber("total").bigDecimalValue(),
        value(
            "select sum(e.amount) from ar_customer_ledger_entry e join cus_customer c on c.id ="
                + " e.customer_id where c.customer_number = ?",
            owing),
        "balance of " + owing);

    // a customer whose balance is zero may change currency; its GBP sale stays in GBP
    String settled = registerCustomer("GBP");
    String freebie = product("GBP", "0", false, false);
    JsonObject gbpSale = postSale(settled, null, "2011-02-01", freebie);
    assertAmount(BigDecimal.ZERO, gbpSale, "total");
    Api.Reply changed =
        admin.put("api/customers/" + settled, json(customer(settled, "EUR", "NET_30")));
    assertStatus(200, changed);
    assertEquals("EUR", changed.json().getString("currency"));
    JsonObject before = as("auditor").get("api/sales/" + gbpSale.getString("saleNumber")).json();
    assertEquals("GBP", before.getString("currency"));
    assertEquals(
        1,
        count(
            "select count(*) from ar_customer_ledger_entry where document_number = ? and currency"
                + " = 'GBP'",
            gbpSale.getString("saleNumber")));

    // its next sale is in EUR under the seeded Irish VAT (23 % since 2021-03-01)
    String euroService = product("EUR", "10.00", false, false);
    JsonObject euroSale = postSale(settled, "IE", "2021-06-01", euroService);
    assertEquals("EUR", euroSale.getString("currency"));
    JsonObject line = euroSale.getJsonArray("lines").getJsonObject(0);
    assertAmount(money("23"), line, "taxRatePercent");
    BigDecimal tax =
        money("10.00").multiply(money("23")).divide(money("100"), 2, RoundingMode.HALF_UP);
    assertAmount(money("10.00").add(tax), euroSale, "total");
    assertInvariantsHold();
  }

  @Test
  void catalogChangesApplyToFutureSalesOnly() throws Exception {
    Api admin = as("admin");
    String customer = registerCustomer("GBP");
    String sku = product("GBP", "10.00", true, false);
    receive(sku, "10", "4.00", "2011-01-10");
    JsonObject first = postSale(customer, null, "2011-02-01", sku);

    Api.Reply repriced =
        admin.put(
            "api/variants/" + sku,
            json(
                Json.createObjectBuilder()
                    .add("name", "Repriced " + sku)
                    .add("sellingPrice", new BigDecimal("12.50"))
                    .add("backorderAllowed", false)));
    assertStatus(200, repriced);
    assertAmount(money("12.50"), repriced.json(), "sellingPrice");
    Api.Reply recategorised =
        admin.put(
            "api/products/" + sku,
            json(
                Json.createObjectBuilder()
                    .add("name", "Product " + sku)
                    .add("taxCategory", "ZERO")));
    assertStatus(200, recategorised);
    assertEquals("ZERO", recategorised.json().getString("taxCategory"));
    assertProblem(
        422,
        "UNKNOWN_TAX_CATEGORY",
        admin.put(
            "api/products/" + sku,
            json(Json.createObjectBuilder().add("name", "x").add("taxCategory", "NO_SUCH"))));

    JsonObject second = postSale(customer, null, "2011-02-02", sku);
    JsonObject newLine = second.getJsonArray("lines").getJsonObject(0);
    assertAmount(money("12.50"), newLine, "unitPrice");
    assertAmount(BigDecimal.ZERO, newLine, "taxRatePercent");
    assertAmount(money("12.50"), second, "total");

    // the first sale keeps its snapshots: price 10.00 at 20 %
    JsonObject old =
        as("auditor")
            .get("api/sales/" + first.getString("saleNumber"))
            .json()
            .getJsonArray("lines")
            .getJsonObject(0);
    assertAmount(money("10.00"), old, "unitPrice");
    assertAmount(money("20"), old, "taxRatePercent");
    assertAmount(
        money("10.00").multiply(money("0.20")).setScale(2, RoundingMode.HALF_UP), old, "taxAmount");
    assertEquals(
        1,
        count(
            "select count(*) from aud_record where document_type = 'VARIANT' and document_number ="
                + " ? and action = 'variant.updated' and detail like '%12.5%'",
            sku));

    JsonObject listed = admin.get("api/products/" + sku).json();
    assertEquals(1, listed.getJsonArray("variants").size());
    assertInvariantsHold();
  }

  @Test
  void stockAdjustmentsPostAtTheMovingAverageCost() throws Exception {
    String sku = product("GBP", "9.99", true, false);
    receive(sku, "3", "1.00", "2011-01-10");
    receive(sku, "4", "2.00", "2011-01-11");
    BigDecimal value = money("3.00").add(money("8.00"));
    BigDecimal average = value.divide(money("7"), 6, RoundingMode.HALF_UP);
    assertAmount(average, stock(sku), "averageUnitCost");

    // shrinkage of 2: Dr Inventory adjustments / Cr Inventory at 2 × the average
    JsonObject down;
    try (Broker broker = new Broker()) {
      MessageConsumer events = broker.subscribeToEvents();
      Api.Reply reply = adjust(sku, "-2", "SHRINKAGE", "2011-02-15");
      assertStatus(201, reply);
      down = reply.json();
      JsonObject event = null;
      for (int i = 0; i < 20 && event == null; i++) {
        JsonObject candidate =
            Json.createReader(
                    new StringReader(Broker.next(events, MESSAGE_TIMEOUT_MILLIS).getText()))
                .readObject();
        if ("stock.changed".equals(candidate.getString("eventType"))
            && down.getString("adjustmentNumber").equals(candidate.getString("documentNumber"))) {
          event = candidate;
        }
      }
      assertTrue(event != null, "no stock.changed event for " + down);
      assertEquals(sku, event.getString("sku"));
      assertEquals("ADJUSTMENT", event.getString("movementType"));
      assertAmount(money("5"), event, "quantityOnHand");
    }
    BigDecimal shrinkage = money("2").multiply(average).setScale(2, RoundingMode.HALF_UP);
    assertTrue(down.getString("adjustmentNumber").startsWith("ADJ-"), down.toString());
    assertAmount(shrinkage.negate(), down, "value");
    assertAmount(shrinkage, journal(down.getString("adjustmentNumber"), "5100"), "Dr 5100");
    assertAmount(
        shrinkage.negate(), journal(down.getString("adjustmentNumber"), "1200"), "Cr 1200");
    value = value.subtract(shrinkage);
    JsonObject level = stock(sku);
    assertAmount(money("5"), level, "quantityOnHand");
    assertAmount(value, level, "inventoryValue");
    assertEquals(
        1,
        count(
            "select count(*) from aud_record where document_number = ? and action ="
                + " 'stock.adjusted' and reason like 'SHRINKAGE%'",
            down.getString("adjustmentNumber")));

    // found stock of 1 comes back at the average: Dr Inventory / Cr Inventory adjustments
    Api.Reply upReply = adjust(sku, "1", "FOUND_STOCK", "2011-02-16");
    assertStatus(201, upReply);
    JsonObject up = upReply.json();
    BigDecimal found = average.setScale(2, RoundingMode.HALF_UP);
    assertAmount(found, up, "value");
    assertAmount(found, journal(up.getString("adjustmentNumber"), "1200"), "Dr 1200");
    assertAmount(found.negate(), journal(up.getString("adjustmentNumber"), "5100"), "Cr 5100");
    value = value.add(found);
    assertAmount(value, stock(sku), "inventoryValue");

    // never below zero, never clamped; a reason against the direction is refused
    assertProblem(409, "INSUFFICIENT_STOCK", adjust(sku, "-7", "COUNT_CORRECTION", "2011-02-17"));
    assertProblem(400, "INVALID_REQUEST", adjust(sku, "-1", "FOUND_STOCK", "2011-02-17"));
    String service = product("GBP", "5.00", false, false);
    assertProblem(409, "SERVICE_HOLDS_NO_STOCK", adjust(service, "-1", "DAMAGE", "2011-02-17"));
    assertAmount(money("6"), stock(sku), "quantityOnHand");
    assertEquals(
        2,
        count(
            "select count(*) from inv_stock_adjustment a join cat_variant v on v.id = a.variant_id"
                + " where v.sku = ?",
            sku));

    // counting the rest away takes the whole remaining value
    Api.Reply emptied = adjust(sku, "-6", "COUNT_CORRECTION", "2011-02-18");
    assertStatus(201, emptied);
    assertAmount(value.negate(), emptied.json(), "value");
    JsonObject empty = stock(sku);
    assertAmount(BigDecimal.ZERO, empty, "quantityOnHand");
    assertAmount(BigDecimal.ZERO, empty, "inventoryValue");
    JsonArray movements =
        as("auditor").get("api/stock/" + sku + "/movements").structure().asJsonArray();
    assertEquals(5, movements.size());
    assertInvariantsHold();
  }

  @Test
  void backordersLetStockGoBelowZeroUntilSwitchedOff() throws Exception {
    String sku = product("GBP", "5.00", true, true);
    receive(sku, "1", "3.00", "2011-01-10");
    Api.Reply damaged = adjust(sku, "-3", "DAMAGE", "2011-02-15");
    assertStatus(201, damaged);
    assertAmount(money("-2"), stock(sku), "quantityOnHand");
    String off =
        json(
            Json.createObjectBuilder()
                .add("name", "Product " + sku)
                .add("sellingPrice", new BigDecimal("5.00"))
                .add("backorderAllowed", false));
    assertProblem(
        409, "NEGATIVE_STOCK_NEEDS_BACKORDER", as("admin").put("api/variants/" + sku, off));
    assertStatus(201, adjust(sku, "2", "COUNT_CORRECTION", "2011-02-16"));
    assertStatus(200, as("admin").put("api/variants/" + sku, off));
    assertFalse(as("admin").get("api/variants/" + sku).json().getBoolean("backorderAllowed"));
    assertInvariantsHold();
  }

  @Test
  void aNewTaxRateClosesThePreviousOneAndOverlapsAreRefused() throws Exception {
    String code = jurisdiction("T", "GBP", "PER_LINE", "VAT");
    assertStatus(201, addRate(code, "10", "2020-01-01", null));
    Api.Reply second = addRate(code, "12", "2021-01-01", null);
    assertStatus(201, second);
    assertEquals("2021-01-01", rateFrom(second.json(), "2020-01-01").getString("validTo"));
    JsonObject open = rateFrom(second.json(), "2021-01-01");
    assertTrue(!open.containsKey("validTo") || open.isNull("validTo"), open.toString());

    assertProblem(409, "TAX_RATE_OVERLAPS", addRate(code, "11", "2020-06-01", null));
    assertProblem(409, "TAX_RATE_OVERLAPS", addRate(code, "11", "2021-01-01", null));
    JsonObject unchanged = as("auditor").get("api/tax/jurisdictions/" + code).json();
    assertEquals(2, unchanged.getJsonArray("rates").size());
    assertEquals(
        1,
        count(
            "select count(*) from aud_record where document_number = ? and action ="
                + " 'tax_rate.added' and detail like '%closed%'",
            code));

    // postings take the rate in force on their date, and keep it
    String customer = registerCustomer("GBP");
    String service = product("GBP", "100.00", false, false);
    JsonObject early = postSale(customer, code, "2020-03-01", service);
    JsonObject late = postSale(customer, code, "2021-02-01", service);
    assertAmount(money("100.00").multiply(money("0.10")), early, "taxTotal");
    assertAmount(money("100.00").multiply(money("0.12")), late, "taxTotal");
    // a rate may not start before sales already posted under the one it would close
    assertProblem(
        409, "TAX_RATE_START_BEFORE_POSTED_SALES", addRate(code, "15", "2021-01-15", null));

    // US-style sales tax: one combined rate, its authorities' shares add up to it
    String city = jurisdiction("US-NYC", "USD", "PER_DOCUMENT", "SALES_TAX");
    JsonArrayBuilder parts =
        Json.createArrayBuilder()
            .add(
                Json.createObjectBuilder().add("authority", "New York State").add("ratePercent", 4))
            .add(
                Json.createObjectBuilder()
                    .add("authority", "New York City")
                    .add("ratePercent", 4.5))
            .add(Json.createObjectBuilder().add("authority", "MCTD").add("ratePercent", 0.375));
    Api.Reply combined = addRate(city, "8.875", "2020-01-01", parts);
    assertStatus(201, combined);
    assertEquals(3, rateFrom(combined.json(), "2020-01-01").getJsonArray("components").size());
    String otherCity = jurisdiction("US-NYC", "USD", "PER_DOCUMENT", "SALES_TAX");
    JsonArrayBuilder short1 =
        Json.createArrayBuilder()
            .add(
                Json.createObjectBuilder().add("authority", "New York State").add("ratePercent", 4))
            .add(
                Json.createObjectBuilder()
                    .add("authority", "New York City")
                    .add("ratePercent", 4.5));
    assertProblem(
        422,
        "TAX_RATE_COMPONENTS_MUST_SUM_TO_RATE",
        addRate(otherCity, "8.875", "2020-01-01", short1));

    // the seeded EU VAT: Germany's 16 % of the second half of 2020 sits between two 19 % rates
    JsonObject germany = as("auditor").get("api/tax/jurisdictions/DE").json();
    assertEquals("EUR", germany.getString("currency"));
    JsonObject covid =
        germany.getJsonArray("rates").stream()
            .map(JsonValue::asJsonObject)
            .filter(
                r ->
                    r.getString("category").equals("STANDARD")
                        && r.getString("validFrom").equals("2020-07-01"))
            .findFirst()
            .orElseThrow();
    assertAmount(money("16"), covid, "ratePercent");
    assertEquals("2021-01-01", covid.getString("validTo"));
    assertInvariantsHold();
  }

  @Test
  void chartOfAccountsRefusesReclassifyingAnAccountInUse() throws Exception {
    Api admin = as("admin");
    JsonArray accounts = as("auditor").get("api/accounts").structure().asJsonArray();
    JsonObject receivables =
        accounts.stream()
            .map(JsonValue::asJsonObject)
            .filter(a -> a.getString("code").equals("1100"))
            .findFirst()
            .orElseThrow();
    assertEquals("ASSET", receivables.getString("type"));
    assertEquals("DEBIT", receivables.getString("normalBalance"));

    String code = "X-" + id();
    Api.Reply added =
        admin.post(
            "api/accounts",
            json(
                Json.createObjectBuilder()
                    .add("code", code)
                    .add("name", "Test expenses " + code)
                    .add("type", "EXPENSE")));
    assertStatus(201, added);
    assertEquals("DEBIT", added.json().getString("normalBalance"));
    assertProblem(
        409,
        "ALREADY_EXISTS",
        admin.post(
            "api/accounts",
            json(
                Json.createObjectBuilder()
                    .add("code", code)
                    .add("name", "again")
                    .add("type", "EXPENSE"))));
    // an account without journal lines may be reclassified
    Api.Reply reclassified =
        admin.put(
            "api/accounts/" + code,
            json(
                Json.createObjectBuilder()
                    .add("name", "Test income " + code)
                    .add("type", "REVENUE")));
    assertStatus(200, reclassified);
    assertEquals("CREDIT", reclassified.json().getString("normalBalance"));

    // Inventory carries journal lines (a receipt makes sure): its type stays
    String sku = product("GBP", "1.00", true, false);
    receive(sku, "1", "1.00", "2011-01-10");
    assertProblem(
        409,
        "ACCOUNT_HAS_JOURNAL_LINES",
        admin.put(
            "api/accounts/1200",
            json(Json.createObjectBuilder().add("name", "Inventory").add("type", "EXPENSE"))));
    assertEquals("ASSET", admin.get("api/accounts/1200").json().getString("type"));
    assertInvariantsHold();
  }

  @Test
  void closedPeriodRefusesPostings() throws Exception {
    Api finance = as("finance");
    String code = jurisdiction("P", "GBP", "PER_LINE", "VAT");
    assertStatus(201, addRate(code, "20", "2000-01-01", null));
    String customer = registerCustomer("GBP");
    String sku = product("GBP", "10.00", true, false);
    receive(sku, "5", "2.00", CLOSED_MONTH.minusMonths(1).atDay(10).toString());
    String inClosedMonth = CLOSED_MONTH.atDay(15).toString();
    String month = CLOSED_MONTH.toString();

    Api.Reply closed =
        finance.post(
            "api/accounting-periods/" + month + "/close",
            json(Json.createObjectBuilder().add("reason", "books of " + month + " reported")));
    try {
      assertStatus(200, closed);
      assertEquals("CLOSED", closed.json().getString("status"));
      assertEquals(
          "CLOSED", finance.get("api/accounting-periods/" + month).json().getString("status"));
      assertEquals(
          1,
          count(
              "select count(*) from aud_record where document_type = 'ACCOUNTING_PERIOD' and"
                  + " document_number = ? and action = 'accounting_period.closed' and reason like"
                  + " 'books of%' and actor = 'finance' and occurred_at > now() - interval '1 hour'",
              month));

      assertProblem(
          409,
          "ACCOUNTING_PERIOD_CLOSED",
          as("cashier").post("api/sales", sale(customer, code, inClosedMonth, sku, 1)));
      assertEquals(
          0,
          count(
              "select count(*) from sal_sale s join cus_customer c on c.id = s.customer_id where"
                  + " c.customer_number = ?",
              customer));
      assertAmount(money("5"), stock(sku), "quantityOnHand");
      assertProblem(409, "ACCOUNTING_PERIOD_CLOSED", adjust(sku, "-1", "DAMAGE", inClosedMonth));
      assertProblem(
          409,
          "ACCOUNTING_PERIOD_ALREADY_CLOSED",
          finance.post(
              "api/accounting-periods/" + month + "/close",
              json(Json.createObjectBuilder().add("reason", "again"))));
      assertProblem(
          409,
          "ACCOUNTING_PERIOD_NOT_ENDED",
          finance.post(
              "api/accounting-periods/" + YearMonth.now() + "/close",
              json(Json.createObjectBuilder().add("reason", "too early"))));
      assertProblem(
          400,
          "INVALID_REQUEST",
          finance.post(
              "api/accounting-periods/" + month + "/reopen", json(Json.createObjectBuilder())));
    } finally {
      Api.Reply reopened =
          finance.post(
              "api/accounting-periods/" + month + "/reopen",
              json(Json.createObjectBuilder().add("reason", "test over")));
      assertStatus(200, reopened);
      assertEquals("OPEN", reopened.json().getString("status"));
    }
    // open again: the same sale posts
    JsonObject posted = postSale(customer, code, inClosedMonth, sku);
    assertEquals(inClosedMonth, posted.getString("postingDate"));
    assertInvariantsHold();
  }

  @Test
  void onlyTheRightRolesChangeMasterData() throws Exception {
    String customer = registerCustomer("GBP");
    String sku = product("GBP", "1.00", true, false);
    Api cashier = as("cashier");
    assertStatus(200, cashier.get("api/customers/" + customer));
    assertEquals(
        403,
        cashier
            .put("api/customers/" + customer, json(customer(customer, "GBP", "NET_60")))
            .status());
    assertEquals(403, cashier.delete("api/customers/" + customer).status());
    assertEquals(
        403, as("auditor").post("api/stock/adjustments", "{\"sku\":\"" + sku + "\"}").status());
    assertEquals(
        403,
        cashier
            .post(
                "api/accounting-periods/" + CLOSED_MONTH + "/close",
                json(Json.createObjectBuilder().add("reason", "not mine")))
            .status());
    assertEquals(
        403,
        as("finance")
            .post(
                "api/tax/jurisdictions", json(Json.createObjectBuilder().add("code", "F-" + id())))
            .status());
    assertEquals(
        "NET_30", as("auditor").get("api/customers/" + customer).json().getString("paymentTerms"));
    assertInvariantsHold();
  }
}
