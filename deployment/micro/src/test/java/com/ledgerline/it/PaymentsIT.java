package com.ledgerline.it;

import static com.ledgerline.it.support.TestDatabase.count;
import static com.ledgerline.it.support.TestDatabase.execute;
import static com.ledgerline.it.support.TestDatabase.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ledgerline.it.support.Api;
import com.ledgerline.it.support.Await;
import com.ledgerline.it.support.Broker;
import com.ledgerline.it.support.Invariants;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.TextMessage;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.File;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URL;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
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
 * Payments, payment deletion requests, approvals and refunds on Payara Micro with the real
 * PostgreSQL and Artemis, through REST as the users who do them: split tender, overpayment held as
 * customer credit, refusals with their codes, deletion approved by someone else (and never by the
 * requester or a cashier), two approvers above the threshold, rejection, expiry, two payments on
 * one sale at once, and a reversal of a closed period dated today; refunds against a credit note
 * (issue 3): refunded in full, in two parts, an excess refused with nothing written (also by the
 * database), another customer's, sale's or currency's credit note refused, and two refunds of its
 * last amount at once of which exactly one passes. Every scenario ends with the invariant checks at
 * zero.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PaymentsIT {
  private static final long MESSAGE_TIMEOUT_MILLIS = 20_000;
  private static final Duration EXPIRY_DEADLINE = Duration.ofSeconds(90);
  private static final Duration ROUTING_DEADLINE = Duration.ofSeconds(30);
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

  /** A posted sale: its number, customer, date and gross total. */
  private record PostedSale(
      String number, String customer, LocalDate date, BigDecimal total, String sku) {}

  /**
   * Registers a GBP customer and a stock-tracked variant with stock, and posts a sale of {@code
   * quantity} × {@code unitPrice} on {@code date} as the cashier.
   */
  private PostedSale postedSale(int quantity, String unitPrice, LocalDate date) throws Exception {
    String id = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    String customer = "PAYC-" + id;
    String sku = "PAYS-" + id;
    Api admin = as("admin");
    expect(
        201,
        admin.post(
            "api/customers",
            "{\"customerNumber\":\""
                + customer
                + "\",\"name\":\"Payer "
                + id
                + "\",\"country\":\"United Kingdom\",\"currency\":\"GBP\",\"paymentTermsDays\":30}"));
    expect(
        201,
        admin.post(
            "api/variants",
            "{\"sku\":\""
                + sku
                + "\",\"name\":\"Teapot "
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
                + "\",\"quantity\":"
                + (quantity + 10)
                + ",\"unitCost\":1.00,\"postingDate\":\"2011-01-10\"}"));
    JsonObject sale =
        expect(
                201,
                as("cashier")
                    .post(
                        "api/sales",
                        "{\"customerNumber\":\""
                            + customer
                            + "\",\"postingDate\":\""
                            + date
                            + "\",\"lines\":[{\"sku\":\""
                            + sku
                            + "\",\"quantity\":"
                            + quantity
                            + ",\"unitPrice\":"
                            + unitPrice
                            + "}]}"))
            .json();
    // UK VAT 20 % per line, half-up to the penny (the rate in force since 2011-01-04)
    BigDecimal net =
        new BigDecimal(unitPrice)
            .multiply(BigDecimal.valueOf(quantity))
            .setScale(2, RoundingMode.HALF_UP);
    BigDecimal gross = net.add(net.multiply(VAT_RATE).setScale(2, RoundingMode.HALF_UP));
    assertMoney(gross, sale.getJsonNumber("total").bigDecimalValue(), "sale total");
    return new PostedSale(sale.getString("saleNumber"), customer, date, gross, sku);
  }

  private PostedSale postedSale(int quantity, String unitPrice) throws Exception {
    return postedSale(quantity, unitPrice, LocalDate.now());
  }

  private static String payment(LocalDate date, String method, BigDecimal amount) {
    return "{\"date\":\"" + date + "\",\"method\":\"" + method + "\",\"amount\":" + amount + "}";
  }

  private static String split(LocalDate date, String... methodsAndAmounts) {
    StringBuilder tenders = new StringBuilder();
    for (int i = 0; i < methodsAndAmounts.length; i += 2) {
      tenders
          .append(i == 0 ? "" : ",")
          .append("{\"method\":\"")
          .append(methodsAndAmounts[i])
          .append("\",\"amount\":")
          .append(methodsAndAmounts[i + 1])
          .append(",\"reference\":\"tender ")
          .append(i / 2 + 1)
          .append("\"}");
    }
    return "{\"date\":\"" + date + "\",\"tenders\":[" + tenders + "]}";
  }

  private JsonObject pay(PostedSale sale, String body) throws Exception {
    return expect(201, as("cashier").post("api/sales/" + sale.number() + "/payments", body)).json();
  }

  private JsonObject salePayments(PostedSale sale) throws Exception {
    return expect(200, as("auditor").get("api/sales/" + sale.number() + "/payments")).json();
  }

  private JsonObject paymentNamed(JsonObject salePayments, int index) {
    return salePayments.getJsonArray("payments").getJsonObject(index);
  }

  /**
   * Asks for the payment's deletion as {@code user} and waits until the approvals queue routed the
   * request (it is then awaiting approval, or already expired under a very short policy).
   */
  private JsonObject requestDeletion(String user, String paymentNumber, String reason)
      throws Exception {
    JsonObject submitted =
        expect(
                201,
                as(user)
                    .post(
                        "api/payments/" + paymentNumber + "/deletion-requests",
                        "{\"reason\":\"" + reason + "\"}"))
            .json();
    assertEquals("SUBMITTED", submitted.getString("status"), submitted.toString());
    String requestNumber = submitted.getString("requestNumber");
    return Await.until(
        requestNumber + " routed",
        ROUTING_DEADLINE,
        () -> as("auditor").get("api/approvals/" + requestNumber).json(),
        r -> !"SUBMITTED".equals(r.getString("status")));
  }

  private Api.Reply approve(String user, String requestNumber) throws Exception {
    return as(user).post("api/approvals/" + requestNumber + "/approve", "{\"reason\":\"checked\"}");
  }

  /** Sets the GBP payment deletion policy and answers the figures it replaced. */
  private JsonObject setGbpPolicy(String threshold, int required, int above, int expirySeconds)
      throws Exception {
    JsonObject before =
        expect(200, as("admin").get("api/approval-policies")).structure().asJsonArray().stream()
            .map(JsonValue::asJsonObject)
            .filter(
                p ->
                    p.getString("requestType").equals("PAYMENT_DELETION")
                        && p.getString("currency").equals("GBP"))
            .findFirst()
            .orElseThrow();
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

  private void restoreGbpPolicy(JsonObject before) throws Exception {
    expect(200, as("admin").put(GBP_POLICY, before.toString()));
  }

  // ---------------------------------------------------------------- assertions

  private static Api.Reply expect(int status, Api.Reply reply) {
    assertEquals(status, reply.status(), reply.body());
    return reply;
  }

  private static void assertProblem(int status, String code, Api.Reply reply) {
    assertEquals(status, reply.status(), reply.body());
    assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
    assertEquals(code, reply.json().getString("code"), reply.body());
  }

  private static void assertMoney(BigDecimal expected, BigDecimal actual, String what) {
    assertEquals(
        0, expected.compareTo(actual), what + ": expected " + expected + ", was " + actual);
  }

  private static void assertMoney(String expected, BigDecimal actual, String what) {
    assertMoney(new BigDecimal(expected), actual, what);
  }

  private static void assertMoney(BigDecimal expected, JsonObject json, String field) {
    assertMoney(expected, json.getJsonNumber(field).bigDecimalValue(), field);
  }

  private static void assertMoney(String expected, JsonObject json, String field) {
    assertMoney(new BigDecimal(expected), json, field);
  }

  private static final String JOURNAL_LINES =
      " from gl_journal_line l join gl_journal_entry e on e.id = l.journal_entry_id where"
          + " e.document_type = ? and e.document_number = ? and l.account_code = ?";

  /** Debit minus credit of one account in the journal entries of one document. */
  private static BigDecimal journal(String documentType, String number, String account)
      throws Exception {
    return value(
        "select coalesce(sum(l.debit - l.credit), 0)" + JOURNAL_LINES,
        documentType,
        number,
        account);
  }

  private static BigDecimal ledger(String saleNumber, String entryType) throws Exception {
    return value(
        "select coalesce(sum(amount), 0) from ar_customer_ledger_entry where applies_to_number = ?"
            + " and entry_type = ?",
        saleNumber,
        entryType);
  }

  private static BigDecimal customerBalance(String customer) throws Exception {
    return value(
        "select coalesce(sum(e.amount), 0) from ar_customer_ledger_entry e join cus_customer c on"
            + " c.id = e.customer_id where c.customer_number = ?",
        customer);
  }

  private static BigDecimal customerCredit(String customer) throws Exception {
    return value(
        "select coalesce(sum(m.amount), 0) from pay_customer_credit_movement m join cus_customer c"
            + " on c.id = m.customer_id where c.customer_number = ?",
        customer);
  }

  private static long auditRecords(String action, String documentNumber, String actor)
      throws Exception {
    return count(
        "select count(*) from aud_record where action = ? and document_number = ? and actor = ?",
        action,
        documentNumber,
        actor);
  }

  private void assertInvariantsHold() throws Exception {
    Invariants.assertHold(
        as("auditor"),
        "sale_amount_paid_and_status_agree",
        "customer_deposits_equal_customer_credits");
  }

  /** The next outbound event of {@code eventType}, skipping the others. */
  private static JsonObject nextEvent(MessageConsumer events, String eventType)
      throws JMSException {
    long deadline = System.currentTimeMillis() + MESSAGE_TIMEOUT_MILLIS;
    while (System.currentTimeMillis() < deadline) {
      TextMessage message = Broker.next(events, MESSAGE_TIMEOUT_MILLIS);
      if (eventType.equals(message.getStringProperty("eventType"))) {
        return Json.createReader(new StringReader(message.getText())).readObject();
      }
    }
    throw new AssertionError("no " + eventType + " event within " + MESSAGE_TIMEOUT_MILLIS + " ms");
  }

  // ---------------------------------------------------------------- scenarios

  @Test
  void aSplitTenderSettlesTheSaleToPaidAndEveryTenderPostsToItsAccount() throws Exception {
    PostedSale sale = postedSale(3, "2.55");
    LocalDate today = sale.date();
    BigDecimal cash = new BigDecimal("2.00");
    BigDecimal card = new BigDecimal("5.00");
    BigDecimal voucher = sale.total().subtract(cash).subtract(card);
    try (Broker broker = new Broker()) {
      MessageConsumer events = broker.subscribeToEvents();

      JsonObject partly = pay(sale, payment(today, "cash", cash));

      assertEquals("PARTIALLY_PAID", partly.getString("paymentStatus"));
      assertMoney(cash, partly, "amountPaid");
      assertMoney(sale.total().subtract(cash), partly, "openAmount");

      JsonObject paid =
          pay(sale, split(today, "card", card.toPlainString(), "voucher", voucher.toPlainString()));

      assertEquals("PAID", paid.getString("paymentStatus"));
      assertMoney(sale.total(), paid, "amountPaid");
      assertMoney("0", paid, "openAmount");
      assertMoney("0", paid, "customerCredit");
      assertEquals(3, paid.getJsonArray("payments").size());
      String cashNumber = paymentNamed(paid, 0).getString("paymentNumber");
      String cardNumber = paymentNamed(paid, 1).getString("paymentNumber");
      String voucherNumber = paymentNamed(paid, 2).getString("paymentNumber");
      assertTrue(cardNumber.matches("PAY-\\d{8}"), cardNumber);
      // the tenders of one request take consecutive numbers: the series row is held by it
      assertEquals(
          Long.parseLong(cardNumber.substring(4)) + 1, Long.parseLong(voucherNumber.substring(4)));
      assertEquals("tender 2", paymentNamed(paid, 2).getString("reference"));

      // each tender: Dr its account / Cr Accounts receivable
      assertMoney(cash, journal("PAYMENT", cashNumber, "1000"), "cash debit");
      assertMoney(card, journal("PAYMENT", cardNumber, "1020"), "card clearing debit");
      assertMoney(voucher, journal("PAYMENT", voucherNumber, "2300"), "voucher liability debit");
      assertMoney(card.negate(), journal("PAYMENT", cardNumber, "1100"), "receivable credit");
      assertMoney("0", journal("PAYMENT", voucherNumber, "2200"), "nothing to deposits");
      assertMoney(sale.total().negate(), ledger(sale.number(), "payment"), "ledger payments");
      assertMoney("0", customerBalance(sale.customer()), "customer balance");
      assertEquals(1, auditRecords("payment.recorded", voucherNumber, "cashier"));

      JsonObject sold = as("auditor").get("api/sales/" + sale.number()).json();
      assertEquals("PAID", sold.getString("paymentStatus"));
      assertMoney(sale.total(), sold, "amountPaid");

      JsonObject first = nextEvent(events, "payment.recorded");
      assertEquals(cashNumber, first.getString("paymentNumber"));
      assertEquals(sale.customer(), first.getString("customerNumber"));
      JsonObject second = nextEvent(events, "payment.recorded");
      assertEquals(cardNumber, second.getString("paymentNumber"));
      assertMoney(card, second, "amount");
      JsonObject third = nextEvent(events, "payment.recorded");
      assertEquals(voucherNumber, third.getString("paymentNumber"));
      assertEquals("PAID", third.getString("salePaymentStatus"));
    }
    assertInvariantsHold();
  }

  @Test
  void anOverpaymentBecomesCustomerCreditInDepositsAndARefundPaysItOut() throws Exception {
    PostedSale sale = postedSale(3, "2.55");
    BigDecimal tendered = sale.total().setScale(0, RoundingMode.UP).add(BigDecimal.ONE);
    BigDecimal excess = tendered.subtract(sale.total());

    JsonObject over = pay(sale, payment(sale.date(), "cash", tendered));

    assertEquals("OVERPAID", over.getString("paymentStatus"));
    assertMoney(tendered, over, "amountPaid");
    assertMoney("0", over, "openAmount");
    assertMoney(excess, over, "customerCredit");
    JsonObject paid = paymentNamed(over, 0);
    String number = paid.getString("paymentNumber");
    assertMoney(sale.total(), paid, "receivableAmount");
    assertMoney(excess, paid, "depositAmount");
    assertMoney(tendered, journal("PAYMENT", number, "1000"), "cash debit");
    assertMoney(sale.total().negate(), journal("PAYMENT", number, "1100"), "receivable credit");
    assertMoney(excess.negate(), journal("PAYMENT", number, "2200"), "customer deposits credit");
    // the ledger carries the part that settled the invoice; the excess is customer credit
    assertMoney(sale.total().negate(), ledger(sale.number(), "payment"), "ledger payment");
    assertMoney(excess, customerCredit(sale.customer()), "customer credit");
    assertInvariantsHold();

    assertProblem(
        403,
        "NOT_ALLOWED",
        as("cashier")
            .post(
                "api/sales/" + sale.number() + "/refunds",
                "{\"date\":\""
                    + sale.date()
                    + "\",\"method\":\"cash\",\"amount\":"
                    + excess
                    + ",\"reason\":\"change\"}"));
    assertProblem(
        409,
        "REFUND_EXCEEDS_CUSTOMER_CREDIT",
        as("finance")
            .post(
                "api/sales/" + sale.number() + "/refunds",
                "{\"date\":\""
                    + sale.date()
                    + "\",\"method\":\"cash\",\"amount\":"
                    + excess.add(new BigDecimal("0.01"))
                    + ",\"reason\":\"change\"}"));
    JsonObject refund =
        expect(
                201,
                as("finance")
                    .post(
                        "api/sales/" + sale.number() + "/refunds",
                        "{\"date\":\""
                            + sale.date()
                            + "\",\"method\":\"cash\",\"amount\":"
                            + excess
                            + ",\"reason\":\"change given back\"}"))
            .json();

    String refundNumber = refund.getString("refundNumber");
    assertMoney(excess, refund, "depositAmount");
    assertMoney("0", refund, "receivableAmount");
    assertMoney(excess, journal("REFUND", refundNumber, "2200"), "deposits debit");
    assertMoney(excess.negate(), journal("REFUND", refundNumber, "1000"), "cash credit");
    assertMoney("0", customerCredit(sale.customer()), "customer credit after the refund");
    JsonObject after = salePayments(sale);
    assertEquals("PAID", after.getString("paymentStatus"));
    assertMoney(sale.total(), after, "amountPaid");
    assertEquals(1, auditRecords("refund.paid", refundNumber, "finance"));
    assertInvariantsHold();
  }

  @Test
  void aCreditNoteOnAPaidSaleTurnsItOverpaidInTheSameTransaction() throws Exception {
    PostedSale sale = postedSale(3, "2.55");
    pay(sale, payment(sale.date(), "card", sale.total()));
    assertEquals("PAID", salePayments(sale).getString("paymentStatus"));

    JsonObject note =
        expect(
                201,
                as("finance")
                    .post(
                        "api/sales/" + sale.number() + "/credit-notes",
                        "{\"lines\":[{\"lineNumber\":1,\"quantity\":1}],\"restock\":true,"
                            + "\"reason\":\"one teapot returned\"}"))
            .json();
    BigDecimal credited = note.getJsonNumber("total").bigDecimalValue();
    assertTrue(credited.signum() > 0, note.toString());

    JsonObject after = salePayments(sale);
    // paid in full before the return: what was paid now exceeds what the sale charges
    assertEquals("OVERPAID", after.getString("paymentStatus"), after.toString());
    assertMoney(sale.total(), after, "amountPaid");
    assertMoney(credited.negate(), after, "openAmount");
    assertInvariantsHold();
  }

  @Test
  void aPaymentNeedsAKnownPostedSaleInItsCurrencyAndWritesNothingWhenRefused() throws Exception {
    PostedSale sale = postedSale(1, "10.00");
    LocalDate today = sale.date();
    Api cashier = as("cashier");

    assertProblem(
        404,
        "UNKNOWN_SALE",
        cashier.post("api/sales/INV-NOSUCH/payments", payment(today, "cash", BigDecimal.ONE)));
    // a sale that was never posted: a draft has its DRAFT- number and no invoice number
    String draft =
        expect(
                201,
                cashier.post(
                    "api/sales/drafts",
                    "{\"customerNumber\":\""
                        + sale.customer()
                        + "\",\"lines\":[{\"sku\":\""
                        + sale.sku()
                        + "\",\"quantity\":1}]}"))
            .json()
            .getString("draftNumber");
    assertProblem(
        409,
        "SALE_NOT_POSTED",
        cashier.post("api/sales/" + draft + "/payments", payment(today, "cash", BigDecimal.ONE)));
    String path = "api/sales/" + sale.number() + "/payments";
    assertProblem(
        422,
        "CURRENCY_MISMATCH",
        cashier.post(
            path,
            "{\"date\":\"" + today + "\",\"currency\":\"EUR\",\"method\":\"cash\",\"amount\":5}"));
    assertProblem(
        422, "INVALID_AMOUNT", cashier.post(path, payment(today, "cash", new BigDecimal("5.001"))));
    assertProblem(
        422, "INVALID_AMOUNT", cashier.post(path, payment(today, "cash", BigDecimal.ZERO)));
    assertProblem(
        422, "UNKNOWN_TENDER", cashier.post(path, payment(today, "cheque", BigDecimal.ONE)));
    assertProblem(400, "INVALID_REQUEST", cashier.post(path, "{\"method\":\"cash\",\"amount\":5}"));
    assertProblem(
        422,
        "PAYMENT_DATED_BEFORE_SALE",
        cashier.post(path, payment(today.minusDays(1), "cash", BigDecimal.ONE)));
    // a split whose second tender is bad writes nothing of the first either
    assertProblem(
        422, "INVALID_AMOUNT", cashier.post(path, split(today, "cash", "1.00", "card", "-2")));
    assertProblem(
        403, "NOT_ALLOWED", as("auditor").post(path, payment(today, "cash", BigDecimal.ONE)));

    assertEquals(
        0,
        count(
            "select count(*) from pay_payment p join sal_sale s on s.id = p.sale_id where"
                + " s.sale_number in (?, ?)",
            sale.number(),
            draft));
    JsonObject untouched = salePayments(sale);
    assertEquals("UNPAID", untouched.getString("paymentStatus"));
    assertMoney("0", untouched, "amountPaid");
    assertMoney(sale.total(), untouched, "openAmount");
    assertInvariantsHold();
  }

  @Test
  void aDeletionApprovedByAnotherUserReversesThePaymentAndRecalculatesTheSale() throws Exception {
    PostedSale sale = postedSale(3, "2.55");
    BigDecimal cash = new BigDecimal("4.00");
    BigDecimal card = sale.total().subtract(cash);
    JsonObject paid =
        pay(sale, split(sale.date(), "cash", cash.toPlainString(), "card", card.toPlainString()));
    String cardNumber = paymentNamed(paid, 1).getString("paymentNumber");
    try (Broker broker = new Broker()) {
      MessageConsumer events = broker.subscribeToEvents();

      JsonObject request = requestDeletion("cashier", cardNumber, "card was declined after all");

      String requestNumber = request.getString("requestNumber");
      assertTrue(requestNumber.matches("APR-\\d{8}"), requestNumber);
      assertEquals("AWAITING_APPROVAL", request.getString("status"));
      assertEquals(1, request.getInt("approvalsRequired"));
      assertEquals("cashier", request.getString("requestedBy"));
      // nothing moves while it waits
      assertEquals(
          "POSTED", as("auditor").get("api/payments/" + cardNumber).json().getString("status"));
      assertEquals("PAID", salePayments(sale).getString("paymentStatus"));
      assertTrue(as("approver").get("api/approvals").body().contains(requestNumber));
      assertProblem(
          409,
          "APPROVAL_ALREADY_REQUESTED",
          as("cashier2")
              .post(
                  "api/payments/" + cardNumber + "/deletion-requests",
                  "{\"reason\":\"same again\"}"));

      JsonObject approved = expect(200, approve("approver", requestNumber)).json();

      assertEquals("APPROVED", approved.getString("status"));
      assertEquals("approver", approved.getString("decidedBy"));
      JsonObject reversed = as("auditor").get("api/payments/" + cardNumber).json();
      assertEquals("REVERSED", reversed.getString("status"));
      JsonObject reversal = reversed.getJsonObject("reversal");
      assertEquals(requestNumber, reversal.getString("approvalRequestNumber"));
      assertEquals("approver", reversal.getString("approvedBy"));
      assertEquals("card was declined after all", reversal.getString("reason"));
      // the payment's period is open: the reversal keeps the payment's date
      assertEquals(sale.date().toString(), reversal.getString("reversalDate"));
      assertMoney(card, reversal, "receivableAmount");

      JsonObject after = salePayments(sale);
      assertEquals("PARTIALLY_PAID", after.getString("paymentStatus"));
      assertMoney(cash, after, "amountPaid");
      assertMoney(card, after, "openAmount");
      assertEquals(2, after.getJsonArray("payments").size(), "the payment is kept, reversed");
      assertMoney(card, journal("PAYMENT_REVERSAL", cardNumber, "1100"), "receivable debit");
      assertMoney(card.negate(), journal("PAYMENT_REVERSAL", cardNumber, "1020"), "card credit");
      assertMoney(card, ledger(sale.number(), "payment_reversal"), "ledger payment_reversal");
      assertMoney(card, customerBalance(sale.customer()), "customer balance");
      assertEquals(1, auditRecords("approval.requested", requestNumber, "cashier"));
      assertEquals(1, auditRecords("approval.approved", requestNumber, "approver"));
      assertEquals(1, auditRecords("payment.reversed", cardNumber, "approver"));

      JsonObject event = nextEvent(events, "payment.reversed");
      assertEquals(cardNumber, event.getString("paymentNumber"));
      assertEquals("PARTIALLY_PAID", event.getString("salePaymentStatus"));
      assertEquals("cashier", event.getString("requestedBy"));
    }
    assertProblem(
        409,
        "PAYMENT_ALREADY_REVERSED",
        as("cashier")
            .post("api/payments/" + cardNumber + "/deletion-requests", "{\"reason\":\"again\"}"));
    assertProblem(
        409,
        "APPROVAL_REQUEST_ALREADY_DECIDED",
        approve(
            "approver2",
            as("auditor")
                .get("api/payments/" + cardNumber + "/deletion-requests")
                .structure()
                .asJsonArray()
                .getJsonObject(0)
                .getString("requestNumber")));
    assertInvariantsHold();
  }

  @Test
  void theRequesterMayNotApproveTheirOwnDeletion() throws Exception {
    PostedSale sale = postedSale(1, "10.00");
    String number =
        paymentNamed(pay(sale, payment(sale.date(), "cash", sale.total())), 0)
            .getString("paymentNumber");
    String requestNumber =
        requestDeletion("approver", number, "wrong customer").getString("requestNumber");

    assertProblem(403, "APPROVER_MUST_DIFFER_FROM_REQUESTER", approve("approver", requestNumber));
    assertProblem(
        403,
        "APPROVER_MUST_DIFFER_FROM_REQUESTER",
        as("approver").post("api/approvals/" + requestNumber + "/reject", "{\"reason\":\"no\"}"));

    JsonObject waiting = as("approver2").get("api/approvals/" + requestNumber).json();
    assertEquals("AWAITING_APPROVAL", waiting.getString("status"));
    assertEquals(0, waiting.getJsonArray("decisions").size());
    assertEquals("POSTED", as("auditor").get("api/payments/" + number).json().getString("status"));
    assertInvariantsHold();
  }

  @Test
  void aCashierCannotApproveAtAll() throws Exception {
    PostedSale sale = postedSale(1, "10.00");
    String number =
        paymentNamed(pay(sale, payment(sale.date(), "card", sale.total())), 0)
            .getString("paymentNumber");
    String requestNumber =
        requestDeletion("cashier", number, "double swipe").getString("requestNumber");

    // another cashier, who did not ask, is still refused by role: the server checks it
    assertProblem(403, "NOT_ALLOWED", approve("cashier2", requestNumber));
    assertProblem(403, "NOT_ALLOWED", approve("finance", requestNumber));
    assertProblem(
        403,
        "NOT_ALLOWED",
        as("cashier2").post("api/approvals/" + requestNumber + "/reject", "{\"reason\":\"no\"}"));
    assertProblem(
        403,
        "NOT_ALLOWED",
        as("cashier")
            .put(
                GBP_POLICY,
                "{\"thresholdAmount\":1,\"approversRequired\":1,\"approversAboveThreshold\":1,\"expirySeconds\":60}"));

    assertEquals(
        0,
        count(
            "select count(*) from apr_approval_decision d join apr_approval_request r on r.id ="
                + " d.request_id where r.request_number = ?",
            requestNumber));
    assertEquals(
        "AWAITING_APPROVAL",
        as("cashier").get("api/approvals/" + requestNumber).json().getString("status"));
    assertEquals("PAID", salePayments(sale).getString("paymentStatus"));
    assertInvariantsHold();
  }

  @Test
  void aboveTheThresholdTwoDistinctApproversAreNeeded() throws Exception {
    BigDecimal threshold = new BigDecimal("100.00");
    JsonObject before = setGbpPolicy(threshold.toPlainString(), 1, 2, 3600);
    try {
      PostedSale sale = postedSale(1, "150.00");
      assertTrue(sale.total().compareTo(threshold) > 0);
      String number =
          paymentNamed(pay(sale, payment(sale.date(), "bank_transfer", sale.total())), 0)
              .getString("paymentNumber");
      JsonObject request = requestDeletion("finance", number, "paid into the wrong account");
      String requestNumber = request.getString("requestNumber");
      assertEquals(2, request.getInt("approvalsRequired"));

      JsonObject first = expect(200, approve("approver", requestNumber)).json();

      assertEquals("AWAITING_APPROVAL", first.getString("status"));
      assertEquals(1, first.getJsonArray("decisions").size());
      assertEquals(
          "POSTED", as("auditor").get("api/payments/" + number).json().getString("status"));
      assertEquals("PAID", salePayments(sale).getString("paymentStatus"));
      assertProblem(409, "APPROVERS_MUST_BE_DISTINCT", approve("approver", requestNumber));

      JsonObject second = expect(200, approve("approver2", requestNumber)).json();

      assertEquals("APPROVED", second.getString("status"));
      assertEquals("approver2", second.getString("decidedBy"));
      assertEquals(
          "REVERSED", as("auditor").get("api/payments/" + number).json().getString("status"));
      JsonObject after = salePayments(sale);
      assertEquals("UNPAID", after.getString("paymentStatus"));
      assertMoney("0", after, "amountPaid");
      assertMoney(sale.total(), after, "openAmount");
      assertMoney(
          sale.total().negate(), journal("PAYMENT_REVERSAL", number, "1010"), "bank credit");
    } finally {
      restoreGbpPolicy(before);
    }
    assertInvariantsHold();
  }

  @Test
  void aRejectionIsRecordedWithWhoWhenAndWhyAndLeavesThePayment() throws Exception {
    PostedSale sale = postedSale(1, "10.00");
    String number =
        paymentNamed(pay(sale, payment(sale.date(), "cash", sale.total())), 0)
            .getString("paymentNumber");
    String requestNumber =
        requestDeletion("cashier", number, "customer changed their mind")
            .getString("requestNumber");
    Api approver = as("approver");

    assertProblem(
        400, "INVALID_REQUEST", approver.post("api/approvals/" + requestNumber + "/reject", "{}"));
    JsonObject rejected =
        expect(
                200,
                approver.post(
                    "api/approvals/" + requestNumber + "/reject",
                    "{\"reason\":\"the till count shows the cash\"}"))
            .json();

    assertEquals("REJECTED", rejected.getString("status"));
    assertEquals("approver", rejected.getString("decidedBy"));
    assertEquals("the till count shows the cash", rejected.getString("decisionReason"));
    OffsetDateTime decidedAt = OffsetDateTime.parse(rejected.getString("decidedAt"));
    assertTrue(!decidedAt.isAfter(OffsetDateTime.now().plusMinutes(1)), decidedAt.toString());
    assertEquals(
        1,
        count(
            "select count(*) from aud_record where action = 'approval.rejected' and document_number"
                + " = ? and actor = 'approver' and reason = ?",
            requestNumber,
            "the till count shows the cash"));
    assertEquals(
        1,
        count(
            "select count(*) from apr_approval_request where request_number = ? and status ="
                + " 'REJECTED' and decided_by = 'approver' and decided_at is not null",
            requestNumber));
    assertEquals("POSTED", as("auditor").get("api/payments/" + number).json().getString("status"));
    assertEquals("PAID", salePayments(sale).getString("paymentStatus"));
    assertProblem(409, "APPROVAL_REQUEST_ALREADY_DECIDED", approve("approver2", requestNumber));
    // a decided request no longer blocks a new one
    String again =
        requestDeletion("cashier", number, "asking again with the receipt")
            .getString("requestNumber");
    assertNotEquals(requestNumber, again);
    assertInvariantsHold();
  }

  @Test
  void anUndecidedRequestExpiresAndAnExpiredRequestCannotBeDecided() throws Exception {
    JsonObject before = setGbpPolicy("500.00", 1, 2, 1);
    try {
      PostedSale sale = postedSale(1, "10.00");
      JsonObject paid =
          pay(
              sale,
              split(
                  sale.date(),
                  "cash",
                  "5.00",
                  "card",
                  sale.total().subtract(new BigDecimal("5.00")).toPlainString()));
      String swept = paymentNamed(paid, 0).getString("paymentNumber");
      String decided = paymentNamed(paid, 1).getString("paymentNumber");

      // the sweep (an EJB timer) marks a request that nobody decides
      String sweptRequest =
          requestDeletion("cashier", swept, "duplicate entry").getString("requestNumber");
      JsonObject expired = awaitStatus(sweptRequest, "EXPIRED");
      assertEquals("system", expired.getString("decidedBy"));
      assertTrue(expired.getString("decisionReason").contains("PT1S"), expired.toString());
      assertEquals(1, auditRecords("approval.expired", sweptRequest, "system"));

      // someone deciding a request whose time ran out finds it expired, and it stays expired
      JsonObject late = requestDeletion("cashier", decided, "duplicate entry");
      Instant expiresAt = OffsetDateTime.parse(late.getString("expiresAt")).toInstant();
      awaitClockPast(expiresAt);
      assertProblem(
          409, "APPROVAL_REQUEST_EXPIRED", approve("approver", late.getString("requestNumber")));
      assertEquals(
          "EXPIRED",
          as("auditor")
              .get("api/approvals/" + late.getString("requestNumber"))
              .json()
              .getString("status"));

      assertEquals("POSTED", as("auditor").get("api/payments/" + swept).json().getString("status"));
      assertEquals(
          "POSTED", as("auditor").get("api/payments/" + decided).json().getString("status"));
      assertEquals("PAID", salePayments(sale).getString("paymentStatus"));
    } finally {
      restoreGbpPolicy(before);
    }
    assertInvariantsHold();
  }

  /** Polls the request until it reaches {@code status}, failing after the deadline. */
  private JsonObject awaitStatus(String requestNumber, String status) throws Exception {
    Instant deadline = Instant.now().plus(EXPIRY_DEADLINE);
    JsonObject request;
    do {
      request = as("auditor").get("api/approvals/" + requestNumber).json();
      if (status.equals(request.getString("status"))) {
        return request;
      }
      TimeUnit.MILLISECONDS.sleep(250);
    } while (Instant.now().isBefore(deadline));
    throw new AssertionError(
        requestNumber + " did not reach " + status + " by the deadline: " + request);
  }

  private static void awaitClockPast(Instant instant) throws InterruptedException {
    while (!Instant.now().isAfter(instant.plusMillis(50))) {
      TimeUnit.MILLISECONDS.sleep(50);
    }
  }

  @Test
  void twoPaymentsOnOneSaleAtOnceAreBothRecordedAndTheStatusIsRight() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 3; round++) {
        PostedSale sale = postedSale(3, "2.55");
        // each pays more than half: together they overpay, so the order matters for the split
        BigDecimal each =
            sale.total()
                .divide(BigDecimal.valueOf(2), 2, RoundingMode.UP)
                .add(new BigDecimal("1.00"));
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<Api.Reply>> replies = new ArrayList<>();
        for (String user : List.of("cashier", "cashier2")) {
          Callable<Api.Reply> call =
              () -> {
                Api api = as(user);
                start.await(10, TimeUnit.SECONDS);
                return api.post(
                    "api/sales/" + sale.number() + "/payments", payment(sale.date(), "cash", each));
              };
          replies.add(pool.submit(call));
        }
        for (Future<Api.Reply> reply : replies) {
          expect(201, reply.get(60, TimeUnit.SECONDS));
        }

        JsonObject after = salePayments(sale);
        BigDecimal both = each.add(each);
        assertEquals(2, after.getJsonArray("payments").size());
        assertMoney(both, after, "amountPaid");
        assertEquals("OVERPAID", after.getString("paymentStatus"));
        // exactly the sale's total settled the receivable; the rest is customer credit
        assertMoney("0", after, "openAmount");
        assertMoney(both.subtract(sale.total()), after, "depositsHeld");
        assertMoney(sale.total().negate(), ledger(sale.number(), "payment"), "ledger payments");
      }
    } finally {
      pool.shutdownNow();
    }
    assertInvariantsHold();
  }

  @Test
  void aReversalOfAPaymentFromAClosedPeriodIsDatedToday() throws Exception {
    LocalDate old = LocalDate.of(2012, 7, 10);
    PostedSale sale = postedSale(1, "10.00", old);
    String number =
        paymentNamed(pay(sale, payment(old, "cash", sale.total())), 0).getString("paymentNumber");
    Api admin = as("admin");
    expect(
        200,
        admin.post(
            "api/accounting-periods/2012-07/close",
            "{\"reason\":\"PaymentsIT: July 2012 reported\"}"));
    try {
      assertProblem(
          409,
          "ACCOUNTING_PERIOD_CLOSED",
          as("cashier")
              .post(
                  "api/sales/" + sale.number() + "/payments",
                  payment(old.plusDays(1), "cash", BigDecimal.ONE)));
      String requestNumber =
          requestDeletion("cashier", number, "posted to the wrong sale").getString("requestNumber");

      expect(200, approve("approver", requestNumber));

      LocalDate today = LocalDate.now();
      JsonObject reversal =
          as("auditor").get("api/payments/" + number).json().getJsonObject("reversal");
      assertEquals(today.toString(), reversal.getString("reversalDate"));
      assertEquals(
          1,
          count(
              "select count(*) from gl_journal_entry where document_type = 'PAYMENT_REVERSAL' and"
                  + " document_number = ? and posting_date = ?",
              number,
              today));
      assertEquals(
          0,
          count(
              "select count(*) from gl_journal_entry where posting_date between '2012-07-01' and"
                  + " '2012-07-31' and document_type = 'PAYMENT_REVERSAL' and document_number = ?",
              number));
      assertEquals("UNPAID", salePayments(sale).getString("paymentStatus"));
    } finally {
      expect(
          200,
          admin.post(
              "api/accounting-periods/2012-07/reopen",
              "{\"reason\":\"PaymentsIT: scenario over\"}"));
    }
    assertInvariantsHold();
  }

  // ---------------------------------------------------------------- refunds against credit notes

  /**
   * Gross of {@code quantity} × {@code unitPrice}: UK VAT 20 % on the line, half-up to the penny.
   */
  private static BigDecimal gross(int quantity, String unitPrice) {
    BigDecimal net =
        new BigDecimal(unitPrice)
            .multiply(BigDecimal.valueOf(quantity))
            .setScale(2, RoundingMode.HALF_UP);
    return net.add(net.multiply(VAT_RATE).setScale(2, RoundingMode.HALF_UP));
  }

  /** Another sale of {@code quantity} × {@code unitPrice} to the customer of {@code first}. */
  private PostedSale anotherSale(PostedSale first, int quantity, String unitPrice)
      throws Exception {
    JsonObject sale =
        expect(
                201,
                as("cashier")
                    .post(
                        "api/sales",
                        "{\"customerNumber\":\""
                            + first.customer()
                            + "\",\"lines\":[{\"sku\":\""
                            + first.sku()
                            + "\",\"quantity\":"
                            + quantity
                            + ",\"unitPrice\":"
                            + unitPrice
                            + "}]}"))
            .json();
    BigDecimal total = gross(quantity, unitPrice);
    assertMoney(total, sale.getJsonNumber("total").bigDecimalValue(), "sale total");
    return new PostedSale(
        sale.getString("saleNumber"), first.customer(), LocalDate.now(), total, first.sku());
  }

  /** Issues a credit note on the sale as finance: {@code lines} null = everything left. */
  private JsonObject creditNote(PostedSale sale, Integer quantity, boolean restock)
      throws Exception {
    String lines =
        quantity == null ? "" : "\"lines\":[{\"lineNumber\":1,\"quantity\":" + quantity + "}],";
    return expect(
            201,
            as("finance")
                .post(
                    "api/sales/" + sale.number() + "/credit-notes",
                    "{"
                        + lines
                        + "\"restock\":"
                        + restock
                        + ",\"reason\":\"returned by the customer\"}"))
        .json();
  }

  private static String refundOf(
      LocalDate date, String method, BigDecimal amount, String creditNoteNumber) {
    return "{\"date\":\""
        + date
        + "\",\"method\":\""
        + method
        + "\",\"amount\":"
        + amount
        + ",\"reference\":\"refund of "
        + creditNoteNumber
        + "\",\"reason\":\"goods returned\",\"creditNoteNumber\":\""
        + creditNoteNumber
        + "\"}";
  }

  private Api.Reply refund(String user, PostedSale sale, String body) throws Exception {
    return as(user).post("api/sales/" + sale.number() + "/refunds", body);
  }

  private JsonObject creditNoteView(String creditNoteNumber) throws Exception {
    return expect(200, as("auditor").get("api/credit-notes/" + creditNoteNumber)).json();
  }

  private static List<String> refundNumbers(JsonObject creditNote) {
    return creditNote.getJsonArray("refundNumbers").getValuesAs(JsonValue::toString).stream()
        .map(n -> n.replace("\"", ""))
        .toList();
  }

  /** The open amount of the sale's open item (the receivables summary, V0050). */
  private static BigDecimal openItem(String saleNumber) throws Exception {
    return value("select open_amount from ar_open_item where item_number = ?", saleNumber);
  }

  /** What a refused refund must leave as it was, to compare before and after. */
  private record RefundTrail(
      long refunds,
      long refundSeriesNext,
      long refundJournalEntries,
      BigDecimal ledgerRefunds,
      BigDecimal openItem,
      long refundAudits) {
    static RefundTrail of(PostedSale sale) throws Exception {
      return new RefundTrail(
          count(
              "select count(*) from pay_refund r join sal_sale s on s.id = r.sale_id where"
                  + " s.sale_number = ?",
              sale.number()),
          count("select next_number from doc_number_series where series_code = 'REFUND'"),
          count("select count(*) from gl_journal_entry where document_type = 'REFUND'"),
          ledger(sale.number(), "refund"),
          PaymentsIT.openItem(sale.number()),
          count("select count(*) from aud_record where action = 'refund.paid'"));
    }
  }

  @Test
  void aCreditNoteRefundedInFullPaysOutItsTotalAndClosesTheOpenItem() throws Exception {
    PostedSale sale = postedSale(3, "2.55");
    pay(sale, payment(sale.date(), "card", sale.total()));
    try (Broker broker = new Broker()) {
      MessageConsumer events = broker.subscribeToEvents();
      JsonObject note = creditNote(sale, null, true);
      String cn = note.getString("creditNoteNumber");
      // everything returned: the credit note carries the sale's whole gross
      assertMoney(sale.total(), note, "total");
      assertMoney("0", note, "amountRefunded");
      assertMoney(sale.total(), note, "amountRemaining");
      assertMoney(
          sale.total().negate(), openItem(sale.number()), "open item: the customer's credit");

      assertProblem(
          403,
          "NOT_ALLOWED",
          refund("cashier", sale, refundOf(sale.date(), "cash", sale.total(), cn)));
      JsonObject refund =
          expect(
                  201,
                  refund("finance", sale, refundOf(sale.date(), "bank_transfer", sale.total(), cn)))
              .json();

      String number = refund.getString("refundNumber");
      assertTrue(number.matches("RFD-\\d{8}"), number);
      assertEquals(cn, refund.getString("creditNoteNumber"));
      assertEquals("bank_transfer", refund.getString("method"));
      assertEquals("refund of " + cn, refund.getString("reference"));
      assertEquals(sale.date().toString(), refund.getString("refundDate"));
      assertMoney(sale.total(), refund, "amount");
      assertMoney(sale.total(), refund, "receivableAmount");
      assertMoney("0", refund, "depositAmount");
      // Dr Accounts receivable / Cr Bank, and nothing else
      assertMoney(sale.total(), journal("REFUND", number, "1100"), "receivable debit");
      assertMoney(sale.total().negate(), journal("REFUND", number, "1010"), "bank credit");
      assertEquals(
          2,
          count(
              "select count(*) from gl_journal_line l join gl_journal_entry e on e.id ="
                  + " l.journal_entry_id where e.document_type = 'REFUND' and e.document_number"
                  + " = ?",
              number));
      // the refund entry names the open item the credit note's entry names: the sale's
      assertEquals(
          1,
          count(
              "select count(*) from ar_customer_ledger_entry where entry_type = 'refund' and"
                  + " document_number = ? and applies_to_number = ? and amount = ?",
              number,
              sale.number(),
              sale.total()));
      assertMoney("0", openItem(sale.number()), "open item after the refund");
      assertMoney("0", customerBalance(sale.customer()), "customer balance");
      JsonObject after = creditNoteView(cn);
      assertMoney(sale.total(), after, "amountRefunded");
      assertMoney("0", after, "amountRemaining");
      assertEquals(List.of(number), refundNumbers(after));
      JsonObject payments = salePayments(sale);
      assertMoney("0", payments, "amountPaid");
      assertMoney("0", payments, "customerCredit");
      assertEquals(
          cn, payments.getJsonArray("refunds").getJsonObject(0).getString("creditNoteNumber"));
      assertEquals(1, auditRecords("refund.paid", number, "finance"));

      JsonObject event = nextEvent(events, "refund.paid");
      assertEquals(number, event.getString("refundNumber"));
      assertEquals(cn, event.getString("creditNoteNumber"));
      assertEquals(sale.customer(), event.getString("customerNumber"));
      assertMoney(sale.total(), event, "amount");
    }
    assertProblem(
        409,
        "REFUND_EXCEEDS_CREDIT_NOTE",
        refund(
            "finance",
            sale,
            refundOf(sale.date(), "cash", new BigDecimal("0.01"), creditNoteNumberOf(sale))));
    assertInvariantsHold();
  }

  private String creditNoteNumberOf(PostedSale sale) throws Exception {
    return expect(200, as("auditor").get("api/sales/" + sale.number() + "/credit-notes"))
        .structure()
        .asJsonArray()
        .getJsonObject(0)
        .getString("creditNoteNumber");
  }

  @Test
  void twoPartialRefundsOfACreditNoteLeaveTheRestAndThenCloseIt() throws Exception {
    PostedSale sale = postedSale(3, "2.55");
    pay(sale, payment(sale.date(), "cash", sale.total()));
    JsonObject note = creditNote(sale, 2, false);
    String cn = note.getString("creditNoteNumber");
    BigDecimal credited = gross(2, "2.55");
    assertMoney(credited, note, "total");
    BigDecimal first = new BigDecimal("2.00");
    BigDecimal second = credited.subtract(first);

    JsonObject one =
        expect(201, refund("finance", sale, refundOf(sale.date(), "cash", first, cn))).json();

    JsonObject between = creditNoteView(cn);
    assertMoney(first, between, "amountRefunded");
    assertMoney(second, between, "amountRemaining");
    assertMoney(second.negate(), openItem(sale.number()), "open item between the refunds");
    assertMoney(first.negate(), journal("REFUND", one.getString("refundNumber"), "1000"), "cash");
    assertInvariantsHold();

    JsonObject two =
        expect(201, refund("finance", sale, refundOf(sale.date(), "card", second, cn))).json();

    String firstNumber = one.getString("refundNumber");
    String secondNumber = two.getString("refundNumber");
    // gapless: nothing else took a refund number in between
    assertEquals(
        Long.parseLong(firstNumber.substring(4)) + 1, Long.parseLong(secondNumber.substring(4)));
    assertMoney(second.negate(), journal("REFUND", secondNumber, "1020"), "card clearing");
    assertMoney(second, journal("REFUND", secondNumber, "1100"), "receivable debit");
    JsonObject after = creditNoteView(cn);
    assertMoney(credited, after, "amountRefunded");
    assertMoney("0", after, "amountRemaining");
    assertEquals(List.of(firstNumber, secondNumber), refundNumbers(after));
    assertMoney(credited, ledger(sale.number(), "refund"), "ledger refunds");
    assertMoney("0", openItem(sale.number()), "open item closed");
    // the third teapot is still sold and paid for
    JsonObject payments = salePayments(sale);
    assertEquals("PAID", payments.getString("paymentStatus"));
    assertMoney(sale.total().subtract(credited), payments, "amountPaid");
    assertInvariantsHold();
  }

  @Test
  void aRefundBeyondWhatTheCreditNoteHasLeftIsRefusedAndWritesNothing() throws Exception {
    PostedSale sale = postedSale(3, "2.55");
    BigDecimal excess = new BigDecimal("5.00");
    // overpaid: the customer's credit on the sale is larger than the credit note alone
    pay(sale, payment(sale.date(), "cash", sale.total().add(excess)));
    String cn = creditNote(sale, 2, true).getString("creditNoteNumber");
    BigDecimal credited = gross(2, "2.55");
    BigDecimal first = new BigDecimal("2.00");
    String firstNumber =
        expect(201, refund("finance", sale, refundOf(sale.date(), "cash", first, cn)))
            .json()
            .getString("refundNumber");
    BigDecimal left = credited.subtract(first);
    JsonObject payments = salePayments(sale);
    assertTrue(
        payments.getJsonNumber("customerCredit").bigDecimalValue().compareTo(left) > 0,
        payments.toString());
    RefundTrail before = RefundTrail.of(sale);

    Api.Reply refused =
        refund(
            "finance", sale, refundOf(sale.date(), "cash", left.add(new BigDecimal("0.01")), cn));

    assertProblem(409, "REFUND_EXCEEDS_CREDIT_NOTE", refused);
    // the database states the rule too: a refund written past the application is refused
    SQLException store =
        assertThrows(
            SQLException.class,
            () ->
                execute(
                    "insert into pay_refund (refund_number, sale_id, customer_id, tender_code,"
                        + " account_code, currency, amount, receivable_amount, deposit_amount,"
                        + " refund_date, reason, journal_entry_id, created_by, credit_note_id)"
                        + " select 'RFD-PLANTED', sale_id, customer_id, tender_code, account_code,"
                        + " currency, "
                        + left.add(new BigDecimal("0.01"))
                        + ", "
                        + left.add(new BigDecimal("0.01"))
                        + ", 0, refund_date, reason, journal_entry_id, created_by, credit_note_id"
                        + " from pay_refund where refund_number = '"
                        + firstNumber
                        + "'"));
    assertTrue(store.getMessage().contains("REFUND_EXCEEDS_CREDIT_NOTE"), store.getMessage());
    assertEquals(before, RefundTrail.of(sale));
    JsonObject unchanged = creditNoteView(cn);
    assertMoney(first, unchanged, "amountRefunded");
    assertMoney(left, unchanged, "amountRemaining");
    assertInvariantsHold();

    // what is left is paid out of the credit note's open item; the overpayment stays in deposits
    JsonObject rest =
        expect(201, refund("finance", sale, refundOf(sale.date(), "cash", left, cn))).json();
    assertMoney(left, rest, "receivableAmount");
    assertMoney("0", rest, "depositAmount");
    assertMoney("0", openItem(sale.number()), "open item closed");
    assertMoney(excess, customerCredit(sale.customer()), "overpayment still held");
    assertInvariantsHold();
  }

  @Test
  void aCreditNoteOnAnUnpaidSaleLeavesNothingToPayOut() throws Exception {
    PostedSale sale = postedSale(3, "2.55");
    String cn = creditNote(sale, 1, true).getString("creditNoteNumber");
    RefundTrail before = RefundTrail.of(sale);

    // within the credit note, but the credit only lowered what the customer owes
    assertProblem(
        409,
        "REFUND_EXCEEDS_CUSTOMER_CREDIT",
        refund("finance", sale, refundOf(sale.date(), "cash", new BigDecimal("1.00"), cn)));

    assertEquals(before, RefundTrail.of(sale));
    assertMoney(gross(1, "2.55"), creditNoteView(cn), "amountRemaining");
    assertInvariantsHold();
  }

  @Test
  void aCreditNoteOfAnotherCustomerSaleOrCurrencyIsRefusedAndWritesNothing() throws Exception {
    PostedSale sale = postedSale(3, "2.55", LocalDate.now().minusDays(1));
    pay(sale, payment(sale.date(), "card", sale.total()));
    String cn = creditNote(sale, 1, true).getString("creditNoteNumber");
    PostedSale stranger = postedSale(1, "10.00");
    pay(stranger, payment(stranger.date(), "card", stranger.total()));
    String strangers = creditNote(stranger, null, true).getString("creditNoteNumber");
    PostedSale sameCustomer = anotherSale(sale, 1, "2.55");
    pay(sameCustomer, payment(sameCustomer.date(), "cash", sameCustomer.total()));
    String otherSales = creditNote(sameCustomer, null, false).getString("creditNoteNumber");
    RefundTrail before = RefundTrail.of(sale);
    RefundTrail strangerBefore = RefundTrail.of(stranger);
    LocalDate today = LocalDate.now();
    BigDecimal one = new BigDecimal("1.00");

    assertProblem(
        422,
        "CREDIT_NOTE_OF_ANOTHER_CUSTOMER",
        refund("finance", sale, refundOf(today, "cash", one, strangers)));
    assertProblem(
        422,
        "CREDIT_NOTE_OF_ANOTHER_SALE",
        refund("finance", sale, refundOf(today, "cash", one, otherSales)));
    assertProblem(
        422,
        "CURRENCY_MISMATCH",
        refund(
            "finance",
            sale,
            refundOf(today, "cash", one, cn).replace("{", "{\"currency\":\"EUR\",")));
    assertProblem(
        404,
        "UNKNOWN_CREDIT_NOTE",
        refund("finance", sale, refundOf(today, "cash", one, "CN-NOSUCH")));
    // the credit note is dated today; the sale, and so this refund, yesterday
    assertProblem(
        422,
        "DATE_BEFORE_ORIGINAL",
        refund("finance", sale, refundOf(sale.date(), "cash", one, cn)));

    assertEquals(before, RefundTrail.of(sale));
    assertEquals(strangerBefore, RefundTrail.of(stranger));
    assertMoney("0", creditNoteView(strangers), "amountRefunded");
    assertMoney("0", creditNoteView(otherSales), "amountRefunded");
    assertMoney("0", creditNoteView(cn), "amountRefunded");
    assertInvariantsHold();
  }

  @Test
  void twoRefundsOfTheLastAmountOfACreditNoteAtOnceLetExactlyOnePass() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 3; round++) {
        PostedSale sale = postedSale(3, "2.55");
        pay(sale, payment(sale.date(), "card", sale.total()));
        String cn = creditNote(sale, null, true).getString("creditNoteNumber");
        BigDecimal first = new BigDecimal("1.00");
        expect(201, refund("finance", sale, refundOf(sale.date(), "cash", first, cn)));
        BigDecimal last = sale.total().subtract(first);
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<Api.Reply>> replies = new ArrayList<>();
        for (String method : List.of("cash", "bank_transfer")) {
          Callable<Api.Reply> call =
              () -> {
                start.await(10, TimeUnit.SECONDS);
                return refund("finance", sale, refundOf(sale.date(), method, last, cn));
              };
          replies.add(pool.submit(call));
        }
        List<Api.Reply> answered = new ArrayList<>();
        for (Future<Api.Reply> reply : replies) {
          answered.add(reply.get(60, TimeUnit.SECONDS));
        }

        List<Api.Reply> passed = answered.stream().filter(r -> r.status() == 201).toList();
        List<Api.Reply> refused = answered.stream().filter(r -> r.status() != 201).toList();
        assertEquals(1, passed.size(), answered.toString());
        assertProblem(409, "REFUND_EXCEEDS_CREDIT_NOTE", refused.get(0));
        JsonObject after = creditNoteView(cn);
        assertMoney(sale.total(), after, "amountRefunded");
        assertMoney("0", after, "amountRemaining");
        assertEquals(2, refundNumbers(after).size());
        assertMoney(sale.total(), ledger(sale.number(), "refund"), "ledger refunds");
        assertMoney("0", openItem(sale.number()), "open item closed");
      }
    } finally {
      pool.shutdownNow();
    }
    assertInvariantsHold();
  }

  @Test
  void theOpenApiDocumentDescribesRefundsAgainstCreditNotes() throws Exception {
    JsonObject openApi = expect(200, new Api(base).getFromRoot("openapi?format=JSON")).json();
    JsonObject paths = openApi.getJsonObject("paths");
    String refunds =
        paths.keySet().stream()
            .filter(p -> p.endsWith("/api/sales/{saleNumber}/refunds"))
            .findFirst()
            .orElseThrow(() -> new AssertionError(paths.keySet().toString()));
    JsonObject post = paths.getJsonObject(refunds).getJsonObject("post");
    assertTrue(
        post.getString("description").contains("REFUND_EXCEEDS_CREDIT_NOTE"), post.toString());
    assertTrue(post.getJsonObject("responses").containsKey("409"), post.toString());
    JsonObject request =
        openApi.getJsonObject("components").getJsonObject("schemas").getJsonObject("RefundRequest");
    assertTrue(
        request.getJsonObject("properties").containsKey("creditNoteNumber"), request.toString());
    String creditNotes =
        paths.keySet().stream()
            .filter(p -> p.endsWith("/api/credit-notes/{creditNoteNumber}"))
            .findFirst()
            .orElseThrow(() -> new AssertionError(paths.keySet().toString()));
    JsonObject get = paths.getJsonObject(creditNotes).getJsonObject("get");
    assertTrue(get.getString("description").contains("amountRemaining"), get.toString());
    assertInvariantsHold();
  }
}
