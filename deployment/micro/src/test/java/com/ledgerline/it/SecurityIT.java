package com.ledgerline.it;

import static com.ledgerline.it.support.TestDatabase.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ledgerline.it.support.Api;
import com.ledgerline.it.support.Broker;
import com.ledgerline.it.support.Fixtures;
import com.ledgerline.it.support.Invariants;
import com.ledgerline.it.support.TestDatabase;
import jakarta.jms.MessageConsumer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.File;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
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
 * Users and roles on Payara Micro, through REST as a client sees them: who may sign in, what each
 * role may do, how passwords are stored, the users created at start-up, the POS feed posting as the
 * system, and the user administration's audit trail. The deployment is the shipped WAR.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SecurityIT {
  private static final long MESSAGE_TIMEOUT_MILLIS = 30_000;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(
        WebArchive.class, new File(System.getProperty("ledgerline.war")));
  }

  @ArquillianResource private URL base;

  private Api anonymous() {
    return new Api(base);
  }

  private Api as(String user) {
    return new Api(base).as(user);
  }

  private static String unique() {
    return UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
  }

  private static void assertNotAllowed(Api.Reply reply) {
    assertEquals(403, reply.status(), reply.body());
    assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
    assertEquals("NOT_ALLOWED", reply.json().getString("code"));
  }

  private static void assertUnauthorized(Api.Reply reply) {
    assertEquals(401, reply.status(), reply.body());
    assertTrue(
        reply.header("WWW-Authenticate").startsWith("Basic realm=\"Ledgerline\""),
        "WWW-Authenticate: " + reply.header("WWW-Authenticate"));
  }

  private void assertInvariantsHold() throws Exception {
    Invariants.assertHold(as("auditor"));
  }

  /** A customer and a stock-tracked variant with 10 units, made by the administrator. */
  private String[] customerAndSku() throws Exception {
    String id = unique().toUpperCase(Locale.ROOT);
    String customer = "SEC-" + id;
    String sku = "SEC-SKU-" + id;
    Api admin = as("admin");
    assertEquals(
        201,
        admin
            .post(
                "api/customers",
                "{\"customerNumber\":\""
                    + customer
                    + "\",\"name\":\"Security customer\",\"currency\":\"GBP\",\"paymentTermsDays\":0}")
            .status());
    Fixtures.stockedVariant(admin, sku, "Padlock", "5.00", "10", "2.00", "2011-01-10");
    return new String[] {customer, sku};
  }

  private static String sale(String customer, String sku) {
    return "{\"customerNumber\":\""
        + customer
        + "\",\"postingDate\":\"2011-02-01\",\"lines\":[{\"sku\":\""
        + sku
        + "\",\"quantity\":1}]}";
  }

  private static long salesOf(String customer) throws SQLException {
    return count(
        "select count(*) from sal_sale s join cus_customer c on c.id = s.customer_id where"
            + " c.customer_number = ?",
        customer);
  }

  @Test
  void everyApiCallNeedsCredentialsAndAWrongPasswordOrUnknownUserIsRefused() throws Exception {
    assertUnauthorized(anonymous().get("api/sales?limit=1"));
    assertUnauthorized(anonymous().post("api/sales", "{}"));
    assertUnauthorized(anonymous().get("api/checks/invariants"));
    assertUnauthorized(anonymous().get("api/users"));

    assertUnauthorized(anonymous().as("cashier", "not-the-password").get("api/sales?limit=1"));
    assertUnauthorized(anonymous().as("nobody-" + unique(), "some long password").get("api/sales"));
    // user names are exact: the store holds lower case names only
    assertUnauthorized(
        anonymous()
            .as("CASHIER", System.getProperty("ledgerline.test.password", "ledgerline-test"))
            .get("api/sales?limit=1"));
    // the run-as identity of message-driven beans cannot sign in
    assertUnauthorized(anonymous().as("system", "ledgerline-test").get("api/sales?limit=1"));

    assertEquals(200, as("cashier").get("api/sales?limit=1").status());
    // health stays open: the server serves it, not the application
    assertEquals(200, anonymous().getFromRoot("health/ready").status());
  }

  @Test
  void aCashierSellsButMayNotKeepMasterDataRunImportsOrManageUsers() throws Exception {
    String[] fixture = customerAndSku();
    String customer = "SEC-CASHIER-" + unique().toUpperCase(Locale.ROOT);

    assertNotAllowed(
        as("cashier")
            .post(
                "api/customers",
                "{\"customerNumber\":\""
                    + customer
                    + "\",\"name\":\"Not allowed\",\"currency\":\"GBP\",\"paymentTermsDays\":0}"));
    assertEquals(0, count("select count(*) from cus_customer where customer_number = ?", customer));
    assertNotAllowed(
        as("cashier")
            .postBytes(
                "api/imports/online-retail?from=2010-12-01&to=2010-12-01",
                "text/csv",
                "InvoiceNo,StockCode\n".getBytes()));
    assertNotAllowed(as("cashier").get("api/checks/invariants"));
    assertNotAllowed(as("cashier").get("api/users"));
    assertNotAllowed(
        as("cashier")
            .post(
                "api/users",
                "{\"name\":\"x"
                    + unique()
                    + "\",\"password\":\"long enough password\",\"roles\":[\"ADMIN\"]}"));

    Api.Reply sold = as("cashier").post("api/sales", sale(fixture[0], fixture[1]));
    assertEquals(201, sold.status(), sold.body());
    assertInvariantsHold();
  }

  @Test
  void anAuditorReadsEverythingButCannotPostASale() throws Exception {
    String[] fixture = customerAndSku();

    Api.Reply refused = as("auditor").post("api/sales", sale(fixture[0], fixture[1]));

    assertNotAllowed(refused);
    assertEquals(0, salesOf(fixture[0]), "the refused sale wrote nothing");
    Api.Reply sold = as("cashier").post("api/sales", sale(fixture[0], fixture[1]));
    String number = sold.json().getString("saleNumber");
    assertEquals(200, as("auditor").get("api/sales/" + number).status());
    assertEquals(200, as("auditor").get("api/sales?limit=5").status());
    assertEquals(200, as("auditor").get("api/users").status());
    assertEquals(200, as("auditor").get("api/checks/invariants").status());
    assertNotAllowed(
        as("auditor")
            .post(
                "api/variants",
                "{\"sku\":\"SEC-AUD-"
                    + unique()
                    + "\",\"name\":\"x\",\"sellingPrice\":1,\"currency\":\"GBP\",\"stockTracked\":false}"));
    assertInvariantsHold();
  }

  @Test
  void theConfiguredUsersExistWithTheirRolesAndTheirCreationIsAudited() throws Exception {
    // what the test server was told: ledgerline.users (deployment/micro/pom.xml)
    Map<String, TreeSet<String>> configured = new TreeMap<>();
    for (String entry : System.getProperty("ledgerline.test.users").split(",")) {
      String[] parts = entry.split(":");
      configured.put(parts[0], new TreeSet<>(java.util.List.of(parts[1].split("\\+"))));
    }
    assertEquals(7, configured.size(), configured.toString());

    Map<String, TreeSet<String>> stored = new TreeMap<>();
    try (Connection c = TestDatabase.connect();
        PreparedStatement s =
            c.prepareStatement(
                "select u.user_name, r.role from sec_user u join sec_user_role r on r.user_id ="
                    + " u.id where u.user_name = any (?) and u.enabled"); ) {
      s.setArray(1, c.createArrayOf("varchar", configured.keySet().toArray()));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          stored.computeIfAbsent(rs.getString(1), k -> new TreeSet<>()).add(rs.getString(2));
        }
      }
    }
    assertEquals(configured, stored);

    for (String user : configured.keySet()) {
      assertEquals(
          1,
          count(
              "select count(*) from aud_record where action = 'user.created' and document_type ="
                  + " 'USER' and document_number = ? and actor = 'system'",
              user),
          "audit of " + user);
      assertEquals(200, as(user).get("api/sales?limit=1").status(), user + " signs in");
    }
    JsonObject listed =
        as("admin").get("api/users").structure().asJsonArray().stream()
            .map(JsonValue::asJsonObject)
            .filter(u -> u.getString("name").equals("approver2"))
            .findFirst()
            .orElseThrow();
    assertEquals("[\"APPROVER\"]", listed.getJsonArray("roles").toString());
    assertTrue(
        !listed.containsKey("password") && !listed.containsKey("passwordHash"), listed.toString());
  }

  @Test
  void passwordsAreStoredAsPbkdf2WithAtLeast600000Iterations() throws Exception {
    String stored;
    try (Connection c = TestDatabase.connect();
        PreparedStatement s =
            c.prepareStatement("select password_hash from sec_user where user_name = 'cashier'");
        ResultSet rs = s.executeQuery()) {
      assertTrue(rs.next());
      stored = rs.getString(1);
    }
    // Jakarta Security's Pbkdf2PasswordHash form: algorithm:iterations:base64 salt:base64 hash
    String[] parts = stored.split(":");
    assertEquals(4, parts.length, "algorithm:iterations:salt:hash");
    assertEquals("PBKDF2WithHmacSHA256", parts[0]);
    assertTrue(Integer.parseInt(parts[1]) >= 600_000, "iterations " + parts[1]);
    assertEquals(32, Base64.getDecoder().decode(parts[2]).length, "salt bytes");
    assertEquals(32, Base64.getDecoder().decode(parts[3]).length, "hash bytes");
    String password = System.getProperty("ledgerline.test.password", "ledgerline-test");
    assertTrue(!stored.contains(password), "the password is not in the stored form");
    assertEquals(
        0, count("select count(*) from aud_record where detail like ?", "%" + password + "%"));

    // the store states the rule a second time: fewer iterations are refused
    String weak = "PBKDF2WithHmacSHA256:1000:" + parts[2] + ":" + parts[3];
    SQLException refused =
        assertThrows(
            SQLException.class,
            () ->
                TestDatabase.execute(
                    "insert into sec_user (user_name, password_hash, created_by) values ('weak"
                        + unique()
                        + "', '"
                        + weak
                        + "', 'it')"));
    assertEquals("23514", refused.getSQLState(), refused.getMessage());
  }

  @Test
  void anAdministratorCreatesDisablesAndReenablesAUserAndChangesAPasswordAllAudited()
      throws Exception {
    String name = "it" + unique();
    String password = "first long password " + unique();
    Api admin = as("admin");

    Api.Reply tooShort =
        admin.post(
            "api/users",
            "{\"name\":\"" + name + "\",\"password\":\"short\",\"roles\":[\"CASHIER\"]}");
    assertEquals(422, tooShort.status(), tooShort.body());
    assertEquals("PASSWORD_TOO_SHORT", tooShort.json().getString("code"));
    assertEquals(0, count("select count(*) from sec_user where user_name = ?", name));
    Api.Reply systemRole =
        admin.post(
            "api/users",
            "{\"name\":\"" + name + "\",\"password\":\"" + password + "\",\"roles\":[\"SYSTEM\"]}");
    assertEquals("INVALID_REQUEST", systemRole.json().getString("code"));

    Api.Reply created =
        admin.post(
            "api/users",
            "{\"name\":\""
                + name
                + "\",\"password\":\""
                + password
                + "\",\"roles\":[\"CASHIER\"]}");
    assertEquals(201, created.status(), created.body());
    Api user = anonymous().as(name, password);
    assertEquals(200, user.get("api/sales?limit=1").status(), "the new user signs in");
    assertEquals(
        409,
        admin
            .post(
                "api/users",
                "{\"name\":\""
                    + name
                    + "\",\"password\":\""
                    + password
                    + "\",\"roles\":[\"ADMIN\"]}")
            .status(),
        "ALREADY_EXISTS");

    // the user's sign-in is cached now; disabling must still refuse the very next request
    Api.Reply disabled = admin.post("api/users/" + name + "/disable", "{\"reason\":\"left\"}");
    assertEquals(200, disabled.status(), disabled.body());
    assertEquals(false, disabled.json().getBoolean("enabled"));
    assertUnauthorized(user.get("api/sales?limit=1"));

    assertEquals(
        200, admin.post("api/users/" + name + "/enable", "{\"reason\":\"back\"}").status());
    assertEquals(200, user.get("api/sales?limit=1").status());

    String second = "second long password " + unique();
    assertEquals(
        200,
        admin.put("api/users/" + name + "/password", "{\"password\":\"" + second + "\"}").status());
    assertUnauthorized(user.get("api/sales?limit=1"));
    assertEquals(200, anonymous().as(name, second).get("api/sales?limit=1").status());

    assertEquals(
        "admin admin admin admin",
        TestDatabase.text(
            "select string_agg(actor, ' ' order by id) from aud_record where document_type ="
                + " 'USER' and document_number = ?",
            name));
    assertEquals(
        "user.created user.disabled user.enabled user.password_changed",
        TestDatabase.text(
            "select string_agg(action, ' ' order by id) from aud_record where document_type ="
                + " 'USER' and document_number = ?",
            name));
    assertEquals(
        "left",
        TestDatabase.text(
            "select reason from aud_record where action = 'user.disabled' and document_number = ?",
            name));
    Api.Reply unknown = admin.post("api/users/nobody" + unique() + "/disable", "{}");
    assertEquals(404, unknown.status());
    assertEquals("UNKNOWN_USER", unknown.json().getString("code"));
  }

  @Test
  void thePosFeedPostsAsTheSystem() throws Exception {
    String[] fixture = customerAndSku();
    String reference = "POS-" + unique();
    try (Broker broker = new Broker()) {
      MessageConsumer events = broker.subscribeToEvents();

      BigDecimal gross =
          new BigDecimal("5.00")
              .multiply(new BigDecimal("2"))
              .multiply(new BigDecimal("1.20"))
              .setScale(2, java.math.RoundingMode.HALF_UP);
      broker.send(
          "ledgerline.pos.sales",
          Json.createObjectBuilder()
              .add("transactionId", reference)
              .add("capturedAt", "2011-02-01T10:00:00Z")
              .add("customerNumber", fixture[0])
              .add("currency", "GBP")
              .add("taxJurisdiction", "GB")
              .add("amount", gross.toPlainString())
              .add(
                  "lines",
                  Json.createArrayBuilder()
                      .add(Json.createObjectBuilder().add("sku", fixture[1]).add("quantity", "2")))
              .add(
                  "payments",
                  Json.createArrayBuilder()
                      .add(
                          Json.createObjectBuilder()
                              .add("method", "card")
                              .add("amount", gross.toPlainString())
                              .add("status", "settled")))
              .build()
              .toString(),
          java.util.Map.of(
              "messageType", "pos.sale",
              "schemaVersion", "1",
              "channel", "pos-store",
              "JMSXGroupID", fixture[0]));

      JsonObject posted = null;
      long deadline = System.currentTimeMillis() + MESSAGE_TIMEOUT_MILLIS;
      while (posted == null && System.currentTimeMillis() < deadline) {
        JsonObject event =
            Json.createReader(
                    new StringReader(Broker.next(events, MESSAGE_TIMEOUT_MILLIS).getText()))
                .readObject();
        if (fixture[0].equals(event.getString("customerNumber", ""))) {
          posted = event;
        }
      }
      assertTrue(posted != null, "the POS sale was announced");
      String number = posted.getString("saleNumber");
      assertEquals(
          "system",
          TestDatabase.text(
              "select actor from aud_record where action = 'sale.posted' and document_number = ?",
              number));
      assertEquals(
          1,
          count(
              "select count(*) from sal_sale where channel = 'pos-store' and external_reference = ?",
              reference));
    }
    assertInvariantsHold();
  }

  @Test
  void theAuditTrailOfADocumentIsReadByAuditorsAndShowsWhoDidWhat() throws Exception {
    String[] fixture = customerAndSku();
    Api.Reply sold = as("cashier").post("api/sales", sale(fixture[0], fixture[1]));
    assertEquals(201, sold.status(), sold.body());
    String number = sold.json().getString("saleNumber");
    String path = "api/audit?documentType=SALE_INVOICE&documentNumber=" + number;

    Api.Reply trail = as("auditor").get(path);

    assertEquals(200, trail.status(), trail.body());
    assertEquals(1, trail.structure().asJsonArray().size(), trail.body());
    JsonObject record = trail.structure().asJsonArray().getJsonObject(0);
    assertEquals("sale.posted", record.getString("action"));
    assertEquals("cashier", record.getString("actor"));
    assertEquals(number, record.getString("documentNumber"));
    assertEquals(fixture[0], record.getJsonObject("detail").getString("customerNumber"));
    assertEquals(
        0,
        sold.json()
            .getJsonNumber("total")
            .bigDecimalValue()
            .compareTo(record.getJsonObject("detail").getJsonNumber("total").bigDecimalValue()));
    assertEquals(200, as("admin").get(path).status());
    assertEquals(200, as("finance").get(path).status());
    assertNotAllowed(as("cashier").get(path));
    assertNotAllowed(as("approver").get(path));
    assertUnauthorized(anonymous().get(path));

    Api.Reply users = as("auditor").get("api/audit?documentType=USER&documentNumber=admin");
    JsonObject created = users.structure().asJsonArray().getJsonObject(0);
    assertEquals("user.created", created.getString("action"));
    assertEquals("system", created.getString("actor"));
    assertEquals("[\"ADMIN\"]", created.getJsonObject("detail").getJsonArray("roles").toString());

    Api.Reply missing = as("auditor").get("api/audit?documentType=SALE_INVOICE");
    assertEquals(400, missing.status(), missing.body());
    assertEquals("INVALID_REQUEST", missing.json().getString("code"));
    assertEquals(
        "[]",
        as("auditor")
            .get("api/audit?documentType=SALE_INVOICE&documentNumber=INV-NONE")
            .body()
            .replaceAll("\\s", ""));
  }

  @Test
  void theOpenApiDocumentIsOpenAndDescribesTheApiAndItsBasicSignIn() throws Exception {
    Api.Reply document = anonymous().getFromRoot("openapi?format=JSON");

    assertEquals(200, document.status(), document.body());
    JsonObject openApi = document.json();
    assertTrue(
        openApi.getJsonObject("paths").keySet().stream().anyMatch(p -> p.endsWith("/api/sales")),
        openApi.getJsonObject("paths").keySet().toString());
    assertTrue(
        openApi.getJsonObject("paths").keySet().stream().anyMatch(p -> p.endsWith("/api/audit")),
        openApi.getJsonObject("paths").keySet().toString());
    JsonObject scheme =
        openApi.getJsonObject("components").getJsonObject("securitySchemes").getJsonObject("basic");
    assertEquals("http", scheme.getString("type"));
    assertEquals("basic", scheme.getString("scheme"));
    assertEquals("Ledgerline", openApi.getJsonObject("info").getString("title"));
  }

  /**
   * Prints what HTTP Basic costs with PBKDF2 at 600,000 iterations: the first request of a fresh
   * user (one verification) against the same request once the verification is cached. A figure, not
   * an assertion.
   */
  @Test
  void benchmarkOfAFirstSignInAgainstCachedOnes() throws Exception {
    String name = "bench" + unique();
    String password = "benchmark password " + unique();
    assertEquals(
        201,
        as("admin")
            .post(
                "api/users",
                "{\"name\":\""
                    + name
                    + "\",\"password\":\""
                    + password
                    + "\",\"roles\":[\"AUDITOR\"]}")
            .status());
    Api user = anonymous().as(name, password);
    long start = System.nanoTime();
    assertEquals(200, user.get("api/sales?limit=1").status());
    long firstNanos = System.nanoTime() - start;
    int rounds = 20;
    start = System.nanoTime();
    for (int i = 0; i < rounds; i++) {
      assertEquals(200, user.get("api/sales?limit=1").status());
    }
    long cachedNanos = (System.nanoTime() - start) / rounds;
    System.out.printf(
        "HTTP Basic GET /api/sales?limit=1: first request (PBKDF2 600000) %.1f ms, cached %.1f ms"
            + " on average over %d%n",
        firstNanos / 1e6, cachedNanos / 1e6, rounds);
  }
}
