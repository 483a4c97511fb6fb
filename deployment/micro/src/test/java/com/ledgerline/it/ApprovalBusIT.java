package com.ledgerline.it;

import static com.ledgerline.it.support.TestDatabase.count;
import static com.ledgerline.it.support.TestDatabase.text;
import static com.ledgerline.it.support.TestDatabase.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ledgerline.it.support.Api;
import com.ledgerline.it.support.Await;
import com.ledgerline.it.support.Broker;
import com.ledgerline.it.support.Invariants;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.TextMessage;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.File;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URL;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
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
 * Payment deletion requests and approval decisions on the bus (issue 4), on Payara Micro with the
 * real PostgreSQL and Artemis: a request made over REST is routed by the approvals queue's consumer
 * under the policy in data, one made by an ERP message takes the same path, and approval decisions
 * sent by the ERP go through the same approvals rules as over REST (never the requester, only an
 * enabled approver, two distinct approvers above the threshold; the last approval reverses the
 * payment). Refusals are channel rejections with the approvals' codes. Every scenario ends with the
 * invariant checks at zero.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApprovalBusIT {
  private static final long MESSAGE_TIMEOUT_MILLIS = 20_000;
  private static final Duration DEADLINE = Duration.ofSeconds(30);
  private static final String APPROVALS_QUEUE = "ledgerline.approvals";
  private static final String ERP_APPROVALS_QUEUE = "ledgerline.erp.approvals";
  private static final String GBP_POLICY = "api/approval-policies/PAYMENT_DELETION/GBP";
  private static final BigDecimal VAT_RATE = new BigDecimal("0.20");

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(
        WebArchive.class, new File(System.getProperty("ledgerline.war")));
  }

  @ArquillianResource private URL base;

  private Api as(String user) {
    return new Api(base).as(user);
  }

  // ---------------------------------------------------------------- fixtures

  /** A posted sale, paid in full by one payment. */
  private record PaidSale(String number, String customer, BigDecimal total, String payment) {}

  /**
   * Registers a GBP customer and a stock-tracked variant, posts a sale of one unit at {@code
   * unitPrice} today as the cashier and pays it in full by {@code method}.
   */
  private PaidSale paidSale(String unitPrice, String method) throws Exception {
    String id = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    String customer = "APBC-" + id;
    String sku = "APBS-" + id;
    Api admin = as("admin");
    expect(
        201,
        admin.post(
            "api/customers",
            "{\"customerNumber\":\""
                + customer
                + "\",\"name\":\"Approval bus "
                + id
                + "\",\"country\":\"United Kingdom\",\"currency\":\"GBP\",\"paymentTermsDays\":30}"));
    expect(
        201,
        admin.post(
            "api/variants",
            "{\"sku\":\""
                + sku
                + "\",\"name\":\"Kettle "
                + id
                + "\",\"taxCategory\":\"STANDARD\",\"sellingPrice\":"
                + unitPrice
                + ",\"currency\":\"GBP\",\"stockTracked\":true}"));
    expect(
        201,
        admin.post(
            "api/stock/receipts",
            "{\"sku\":\""
                + sku
                + "\",\"quantity\":5,\"unitCost\":1.00,\"postingDate\":\"2011-01-10\"}"));
    LocalDate today = LocalDate.now();
    JsonObject sale =
        expect(
                201,
                as("cashier")
                    .post(
                        "api/sales",
                        "{\"customerNumber\":\""
                            + customer
                            + "\",\"postingDate\":\""
                            + today
                            + "\",\"lines\":[{\"sku\":\""
                            + sku
                            + "\",\"quantity\":1,\"unitPrice\":"
                            + unitPrice
                            + "}]}"))
            .json();
    // UK VAT 20 %, half-up to the penny
    BigDecimal net = new BigDecimal(unitPrice).setScale(2, RoundingMode.HALF_UP);
    BigDecimal gross = net.add(net.multiply(VAT_RATE).setScale(2, RoundingMode.HALF_UP));
    assertMoney(gross, sale.getJsonNumber("total").bigDecimalValue(), "sale total");
    String saleNumber = sale.getString("saleNumber");
    JsonObject paid =
        expect(
                201,
                as("cashier")
                    .post(
                        "api/sales/" + saleNumber + "/payments",
                        "{\"date\":\""
                            + today
                            + "\",\"method\":\""
                            + method
                            + "\",\"amount\":"
                            + gross
                            + "}"))
            .json();
    assertEquals("PAID", paid.getString("paymentStatus"));
    return new PaidSale(
        saleNumber,
        customer,
        gross,
        paid.getJsonArray("payments").getJsonObject(0).getString("paymentNumber"));
  }

  /** Asks for the deletion over REST; answers the request as submitted. */
  private JsonObject requestOverRest(String user, PaidSale sale, String reason) throws Exception {
    return expect(
            201,
            as(user)
                .post(
                    "api/payments/" + sale.payment() + "/deletion-requests",
                    "{\"reason\":\"" + reason + "\"}"))
        .json();
  }

  /** Sends an ERP deletion request for the sale's payment; answers its message id. */
  private static String requestFromErp(Broker broker, PaidSale sale, String requester)
      throws Exception {
    String messageId = "ERP-DEL-" + UUID.randomUUID();
    broker.send(
        APPROVALS_QUEUE,
        Json.createObjectBuilder()
            .add("messageId", messageId)
            .add("paymentNumber", sale.payment())
            .add("requestedBy", requester)
            .add("reason", "refunded in the ERP by mistake")
            .add("capturedAt", OffsetDateTime.now().toInstant().toString())
            .build()
            .toString(),
        envelope("approval.payment-deletion", sale.customer()));
    return messageId;
  }

  /** Sends an ERP decision; answers its message id. */
  private static String decideInErp(
      Broker broker, PaidSale sale, String requestNumber, String decision, String approver)
      throws Exception {
    String messageId = "ERP-DEC-" + UUID.randomUUID();
    broker.send(
        ERP_APPROVALS_QUEUE,
        Json.createObjectBuilder()
            .add("messageId", messageId)
            .add("requestNumber", requestNumber)
            .add("decision", decision)
            .add("approver", approver)
            .add("reason", "checked against the ERP's records")
            .build()
            .toString(),
        envelope("erp.approval-decision", sale.customer()));
    return messageId;
  }

  private static Map<String, String> envelope(String messageType, String customer) {
    return Map.of(
        "messageType",
        messageType,
        "schemaVersion",
        "1",
        "channel",
        "erp",
        "JMSXGroupID",
        customer);
  }

  private JsonObject request(String requestNumber) throws Exception {
    return expect(200, as("auditor").get("api/approvals/" + requestNumber)).json();
  }

  private JsonObject awaitRequestStatus(String requestNumber, String status) throws Exception {
    return Await.until(
        requestNumber + " " + status,
        DEADLINE,
        () -> request(requestNumber),
        r -> status.equals(r.getString("status")));
  }

  /**
   * Waits until the channel settled the message; answers {@code OUTCOME} or {@code REJECTED:CODE}.
   */
  private static String awaitSettled(String channel, String messageId) throws Exception {
    Await.until(
        "message " + messageId + " settled",
        DEADLINE,
        () ->
            count(
                "select count(*) from chn_message_log where channel = ? and transaction_id = ?",
                channel,
                messageId),
        n -> n > 0);
    return text(
        "select outcome || coalesce(':' || error_code, '') from chn_message_log where channel = ?"
            + " and transaction_id = ? order by id desc limit 1",
        channel,
        messageId);
  }

  private JsonObject payment(PaidSale sale) throws Exception {
    return expect(200, as("auditor").get("api/payments/" + sale.payment())).json();
  }

  private JsonObject salePayments(PaidSale sale) throws Exception {
    return expect(200, as("auditor").get("api/sales/" + sale.number() + "/payments")).json();
  }

  private static long decisions(String requestNumber) throws Exception {
    return count(
        "select count(*) from apr_approval_decision d join apr_approval_request r on r.id ="
            + " d.request_id where r.request_number = ?",
        requestNumber);
  }

  /** Sets the GBP payment deletion policy and answers the figures it replaced. */
  private JsonObject setGbpPolicy(String threshold, int required, int above, int expirySeconds)
      throws Exception {
    JsonObject before = gbpPolicy();
    expect(
        200,
        as("admin")
            .put(
                GBP_POLICY,
                "{\"thresholdAmount\":"
                    + threshold
                    + ",\"approversRequired\":"
                    + required
                    + ",\"approversAboveThreshold\":"
                    + above
                    + ",\"expirySeconds\":"
                    + expirySeconds
                    + "}"));
    return before;
  }

  private JsonObject gbpPolicy() throws Exception {
    return expect(200, as("admin").get("api/approval-policies")).structure().asJsonArray().stream()
        .map(JsonValue::asJsonObject)
        .filter(
            p ->
                p.getString("requestType").equals("PAYMENT_DELETION")
                    && p.getString("currency").equals("GBP"))
        .findFirst()
        .orElseThrow();
  }

  // ---------------------------------------------------------------- assertions

  private static Api.Reply expect(int status, Api.Reply reply) {
    assertEquals(status, reply.status(), reply.body());
    return reply;
  }

  private static void assertMoney(BigDecimal expected, BigDecimal actual, String what) {
    assertEquals(
        0, expected.compareTo(actual), what + ": expected " + expected + ", was " + actual);
  }

  private static void assertMoney(BigDecimal expected, JsonObject json, String field) {
    assertMoney(expected, json.getJsonNumber(field).bigDecimalValue(), field);
  }

  /** Debit minus credit of one account in the journal entries of one document. */
  private static BigDecimal journal(String documentType, String number, String account)
      throws Exception {
    return value(
        "select coalesce(sum(l.debit - l.credit), 0) from gl_journal_line l join gl_journal_entry"
            + " e on e.id = l.journal_entry_id where e.document_type = ? and e.document_number = ?"
            + " and l.account_code = ?",
        documentType,
        number,
        account);
  }

  /** The payment was reversed: the sale owes its whole total again. */
  private void assertReversed(PaidSale sale, String requestNumber, String approver)
      throws Exception {
    JsonObject reversed = payment(sale);
    assertEquals("REVERSED", reversed.getString("status"));
    JsonObject reversal = reversed.getJsonObject("reversal");
    assertEquals(requestNumber, reversal.getString("approvalRequestNumber"));
    assertEquals(approver, reversal.getString("approvedBy"));
    JsonObject after = salePayments(sale);
    assertEquals("UNPAID", after.getString("paymentStatus"));
    assertMoney(BigDecimal.ZERO, after, "amountPaid");
    assertMoney(sale.total(), after, "openAmount");
    assertMoney(
        sale.total(), journal("PAYMENT_REVERSAL", sale.payment(), "1100"), "receivable debit");
  }

  /** Nothing moved: the payment stands and the sale is paid. */
  private void assertUntouched(PaidSale sale) throws Exception {
    assertEquals("POSTED", payment(sale).getString("status"));
    assertEquals("PAID", salePayments(sale).getString("paymentStatus"));
    assertEquals(
        0,
        count(
            "select count(*) from gl_journal_entry where document_type = 'PAYMENT_REVERSAL' and"
                + " document_number = ?",
            sale.payment()));
  }

  /** A field not set: JSON-B leaves out null values. */
  private static boolean absent(JsonObject json, String field) {
    return !json.containsKey(field) || json.isNull(field);
  }

  private static String rejectionCode(String channel, String messageId) throws Exception {
    return text(
        "select error_code from chn_rejection where channel = ? and transaction_id = ?",
        channel,
        messageId);
  }

  private void assertInvariantsHold() throws Exception {
    Invariants.assertHold(as("auditor"), "sale_amount_paid_and_status_agree");
  }

  /** The next outbound event of {@code eventType} about {@code requestNumber}, skipping others. */
  private static JsonObject nextEvent(MessageConsumer events, String eventType, String key)
      throws JMSException {
    long deadline = System.currentTimeMillis() + MESSAGE_TIMEOUT_MILLIS;
    while (System.currentTimeMillis() < deadline) {
      TextMessage message = Broker.next(events, MESSAGE_TIMEOUT_MILLIS);
      if (eventType.equals(message.getStringProperty("eventType"))
          && message.getText().contains("\"" + key + "\"")) {
        return Json.createReader(new StringReader(message.getText())).readObject();
      }
    }
    throw new AssertionError("no " + eventType + " event within " + MESSAGE_TIMEOUT_MILLIS + " ms");
  }

  // ---------------------------------------------------------------- scenarios

  @Test
  void aRestRequestIsRoutedByTheQueueAndAnErpApprovalReversesThePayment() throws Exception {
    PaidSale sale = paidSale("12.50", "card");
    int expirySeconds = gbpPolicy().getInt("expirySeconds");
    try (Broker broker = new Broker()) {
      MessageConsumer events = broker.subscribeToEvents();

      JsonObject submitted = requestOverRest("cashier", sale, "card charged twice");

      String requestNumber = submitted.getString("requestNumber");
      assertEquals("SUBMITTED", submitted.getString("status"));
      assertTrue(absent(submitted, "approvalsRequired"), submitted.toString());
      assertTrue(absent(submitted, "expiresAt"), submitted.toString());

      JsonObject routed = awaitRequestStatus(requestNumber, "AWAITING_APPROVAL");

      assertEquals(1, routed.getInt("approvalsRequired"));
      assertEquals("cashier", routed.getString("requestedBy"));
      OffsetDateTime routedAt = OffsetDateTime.parse(routed.getString("routedAt"));
      assertEquals(
          routedAt.plusSeconds(expirySeconds).toInstant(),
          OffsetDateTime.parse(routed.getString("expiresAt")).toInstant());
      assertEquals(
          "POSTED:" + requestNumber,
          text(
              "select outcome || ':' || document_number from chn_message_log where channel ="
                  + " 'ledgerline' and transaction_id = ?",
              requestNumber));
      JsonObject announced = nextEvent(events, "approval.requested", requestNumber);
      assertEquals(sale.payment(), announced.getString("documentNumber"));
      assertEquals(1, announced.getInt("approvalsRequired"));
      assertMoney(sale.total(), announced, "amount");
      assertUntouched(sale);

      String decision = decideInErp(broker, sale, requestNumber, "approve", "approver");

      assertEquals("POSTED", awaitSettled("erp", decision));
      JsonObject approved = request(requestNumber);
      assertEquals("APPROVED", approved.getString("status"));
      assertEquals("approver", approved.getString("decidedBy"));
      assertReversed(sale, requestNumber, "approver");
      assertEquals(
          1,
          count(
              "select count(*) from aud_record where action = 'approval.approved' and"
                  + " document_number = ? and actor = 'approver'",
              requestNumber));
      JsonObject reversedEvent = nextEvent(events, "payment.reversed", sale.payment());
      assertEquals("cashier", reversedEvent.getString("requestedBy"));
      assertEquals("UNPAID", reversedEvent.getString("salePaymentStatus"));
    }
    assertInvariantsHold();
  }

  @Test
  void anErpRequestTakesTheSamePathAndIsRefusedOnceThePaymentIsReversed() throws Exception {
    PaidSale sale = paidSale("8.00", "cash");
    try (Broker broker = new Broker()) {
      String messageId = requestFromErp(broker, sale, "erp.clerk");

      assertEquals("POSTED", awaitSettled("erp", messageId));
      JsonArray requests =
          expect(200, as("auditor").get("api/payments/" + sale.payment() + "/deletion-requests"))
              .structure()
              .asJsonArray();
      assertEquals(1, requests.size());
      JsonObject routed = requests.getJsonObject(0);
      String requestNumber = routed.getString("requestNumber");
      assertEquals("AWAITING_APPROVAL", routed.getString("status"));
      assertEquals("erp.clerk", routed.getString("requestedBy"));
      assertEquals(1, routed.getInt("approvalsRequired"));
      assertEquals(
          requestNumber,
          text(
              "select document_number from chn_inbound_key where channel = 'erp' and"
                  + " transaction_id = ?",
              messageId));
      assertEquals(
          1,
          count(
              "select count(*) from aud_record where action = 'approval.requested' and"
                  + " document_number = ? and actor = 'erp.clerk'",
              requestNumber));
      assertUntouched(sale);

      // the ERP's requester is no approver here; an approver decides over REST
      expect(
          200,
          as("approver")
              .post("api/approvals/" + requestNumber + "/approve", "{\"reason\":\"agreed\"}"));
      assertReversed(sale, requestNumber, "approver");

      String again = requestFromErp(broker, sale, "erp.clerk");

      assertEquals("REJECTED:PAYMENT_ALREADY_REVERSED", awaitSettled("erp", again));
      assertEquals("PAYMENT_ALREADY_REVERSED", rejectionCode("erp", again));
      assertEquals(
          1,
          count(
              "select count(*) from apr_approval_request where document_number = ?",
              sale.payment()));
    }
    assertInvariantsHold();
  }

  @Test
  void anErpDecisionByTheRequesterIsRefusedAndChangesNothing() throws Exception {
    PaidSale sale = paidSale("9.00", "card");
    String requestNumber =
        requestOverRest("approver", sale, "wrong customer").getString("requestNumber");
    awaitRequestStatus(requestNumber, "AWAITING_APPROVAL");
    try (Broker broker = new Broker()) {
      String decision = decideInErp(broker, sale, requestNumber, "approve", "approver");

      assertEquals("REJECTED:APPROVER_MUST_DIFFER_FROM_REQUESTER", awaitSettled("erp", decision));
      String rejection = decideInErp(broker, sale, requestNumber, "reject", "approver");
      assertEquals("REJECTED:APPROVER_MUST_DIFFER_FROM_REQUESTER", awaitSettled("erp", rejection));
    }
    JsonObject waiting = request(requestNumber);
    assertEquals("AWAITING_APPROVAL", waiting.getString("status"));
    assertEquals(0, decisions(requestNumber));
    assertUntouched(sale);
    assertInvariantsHold();
  }

  @Test
  void anErpDecisionByAnyoneButAnEnabledApproverIsRefusedAndAnApproverMayReject() throws Exception {
    PaidSale sale = paidSale("7.00", "card");
    String requestNumber =
        requestOverRest("cashier", sale, "customer paid cash instead").getString("requestNumber");
    awaitRequestStatus(requestNumber, "AWAITING_APPROVAL");
    try (Broker broker = new Broker()) {
      // a cashier (no APPROVER role), a finance user, and a name no user has
      for (String who : List.of("cashier2", "finance", "nobody-" + UUID.randomUUID())) {
        String decision = decideInErp(broker, sale, requestNumber, "approve", who);

        assertEquals("REJECTED:NOT_ALLOWED", awaitSettled("erp", decision), who);
      }
      assertEquals(0, decisions(requestNumber));
      assertEquals("AWAITING_APPROVAL", request(requestNumber).getString("status"));
      assertUntouched(sale);

      String rejection = decideInErp(broker, sale, requestNumber, "reject", "approver2");

      assertEquals("POSTED", awaitSettled("erp", rejection));
    }
    JsonObject rejected = request(requestNumber);
    assertEquals("REJECTED", rejected.getString("status"));
    assertEquals("approver2", rejected.getString("decidedBy"));
    assertEquals("checked against the ERP's records", rejected.getString("decisionReason"));
    assertTrue(absent(rejected, "refusalCode"), rejected.toString());
    assertUntouched(sale);
    assertInvariantsHold();
  }

  @Test
  void aboveTheThresholdTwoDistinctErpApproversAreNeeded() throws Exception {
    BigDecimal threshold = new BigDecimal("100.00");
    JsonObject before = setGbpPolicy(threshold.toPlainString(), 1, 2, 3600);
    try (Broker broker = new Broker()) {
      PaidSale sale = paidSale("150.00", "bank_transfer");
      assertTrue(sale.total().compareTo(threshold) > 0);
      String messageId = requestFromErp(broker, sale, "erp.controller");
      assertEquals("POSTED", awaitSettled("erp", messageId));
      String requestNumber =
          text(
              "select document_number from chn_inbound_key where channel = 'erp' and"
                  + " transaction_id = ?",
              messageId);
      assertEquals(2, request(requestNumber).getInt("approvalsRequired"));

      String first = decideInErp(broker, sale, requestNumber, "approve", "approver");

      assertEquals("POSTED", awaitSettled("erp", first));
      JsonObject half = request(requestNumber);
      assertEquals("AWAITING_APPROVAL", half.getString("status"));
      assertEquals(1, half.getJsonArray("decisions").size());
      assertUntouched(sale);

      String twice = decideInErp(broker, sale, requestNumber, "approve", "approver");

      assertEquals("REJECTED:APPROVERS_MUST_BE_DISTINCT", awaitSettled("erp", twice));
      assertEquals(1, decisions(requestNumber));

      String second = decideInErp(broker, sale, requestNumber, "approve", "approver2");

      assertEquals("POSTED", awaitSettled("erp", second));
      assertEquals("APPROVED", request(requestNumber).getString("status"));
      assertReversed(sale, requestNumber, "approver2");
      assertMoney(
          sale.total().negate(),
          journal("PAYMENT_REVERSAL", sale.payment(), "1010"),
          "bank credit");
    } finally {
      expect(200, as("admin").put(GBP_POLICY, before.toString()));
    }
    assertInvariantsHold();
  }
}
