package com.ledgerline.payments.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ledgerline.approvals.entity.ApprovalRequest;
import com.ledgerline.catalog.entity.Variant;
import com.ledgerline.harness.LedgerHarness;
import com.ledgerline.harness.ReferenceData;
import com.ledgerline.harness.TopicSubscriber;
import com.ledgerline.ledger.boundary.InvariantChecks;
import com.ledgerline.payments.boundary.PayRefund;
import com.ledgerline.payments.boundary.RecordPayments;
import com.ledgerline.sales.boundary.PostSale;
import com.ledgerline.sales.control.SalePosting;
import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
import jakarta.jms.Message;
import jakarta.persistence.EntityManager;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The routing step of payment deletion requests in the container-free harness (real PostgreSQL and
 * Artemis under XA): a submitted request is routed under the GBP policy of V0031 (one approver at
 * or below 500.00, expiry 72 h from the routing) and announced; a request whose payment can no
 * longer be reversed by the time it is routed (part of it was refunded while it waited) is refused
 * with the rule's code, writes nothing but the refusal, and is announced as refused. The approvals
 * queue's consumer runs exactly these steps.
 */
class PaymentDeletionRoutingIT {
  private static final String USER = "harness";
  private static final LocalDate DATE = LocalDate.of(2011, 3, 15);
  private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(10);
  private static final long POLICY_EXPIRY_SECONDS = 259_200;

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

  private record Paid(String customerNumber, String saleNumber, String paymentNumber) {}

  /** A customer, a sale of 2 × 10.00 + VAT (24.00) and one cash payment of it, committed. */
  private static Paid paidSale() throws Exception {
    return paidSale("24.00");
  }

  /**
   * A customer, a sale of 2 × 10.00 + VAT (24.00) and one cash payment of {@code paid} (the excess
   * held as the customer's credit), committed.
   */
  private static Paid paidSale(String paid) throws Exception {
    String key = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    String customer = "HDC-" + key;
    String sku = "HDS-" + key;
    return harness.inTransaction(
        em -> {
          ReferenceData data = new ReferenceData(em);
          data.customer(customer, 30);
          Variant variant = data.stockedVariant(sku, new BigDecimal("10.00"), "STANDARD");
          data.receive(variant, BigDecimal.TEN, new BigDecimal("4.00"), DATE.minusDays(7), USER);
          String sale =
              new SalePosting(em, harness.events())
                  .post(
                      new PostSale(
                          customer,
                          DATE,
                          "GB",
                          "harness",
                          "DEL-" + key,
                          null,
                          null,
                          List.of(new PostSale.Line(sku, new BigDecimal("2"), null, null))),
                      USER)
                  .sale()
                  .saleNumber();
          String payment =
              new PaymentPosting(em, harness.events())
                  .record(
                      sale,
                      new RecordPayments(DATE, "GBP", "cash", new BigDecimal(paid), null, null),
                      USER)
                  .get(0)
                  .paymentNumber();
          return new Paid(customer, sale, payment);
        });
  }

  private static String submit(Paid paid) throws Exception {
    return harness.inTransaction(
        em ->
            new PaymentDeletionRequests(em, harness.events())
                .submit(paid.paymentNumber(), "keyed twice", "cashier", OffsetDateTime.now())
                .request()
                .requestNumber());
  }

  /** What the approvals queue's consumer does with a request made on a screen. */
  private static void route(String requestNumber) throws Exception {
    harness.inTransaction(
        em -> {
          ApprovalRequest request = find(em, requestNumber);
          PaymentDeletionRequests deletions = new PaymentDeletionRequests(em, harness.events());
          OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
          try {
            deletions.route(request, now);
          } catch (BusinessRuleViolation refused) {
            deletions.refuse(request, refused, now);
          }
          return null;
        });
  }

  private static ApprovalRequest find(EntityManager em, String requestNumber) {
    return em.createNamedQuery(ApprovalRequest.BY_NUMBER, ApprovalRequest.class)
        .setParameter("number", requestNumber)
        .getSingleResult();
  }

  private static Map<String, Object> row(String requestNumber) {
    return harness
        .database()
        .rows(
            "select status, approvals_required, routed_at, expires_at, refusal_code, decided_by"
                + " from apr_approval_request where request_number = ?",
            requestNumber)
        .get(0);
  }

  private static String nextEvent(TopicSubscriber events, String eventType) throws Exception {
    while (true) {
      Message message =
          events
              .next(DELIVERY_TIMEOUT)
              .orElseThrow(() -> new AssertionError("no " + eventType + " event"));
      if (eventType.equals(message.getStringProperty("eventType"))) {
        return message.getBody(String.class);
      }
    }
  }

  @Test
  void aSubmittedRequestIsRoutedUnderThePolicyAndAnnounced() throws Exception {
    Paid paid = paidSale();
    try (TopicSubscriber events = harness.subscribe(paid.customerNumber())) {
      String requestNumber = submit(paid);
      assertEquals("SUBMITTED", row(requestNumber).get("status"));
      assertNull(row(requestNumber).get("expires_at"));

      route(requestNumber);

      Map<String, Object> routed = row(requestNumber);
      assertEquals("AWAITING_APPROVAL", routed.get("status"));
      assertEquals(1, ((Number) routed.get("approvals_required")).intValue());
      assertEquals(
          ((Timestamp) routed.get("routed_at")).toInstant().plusSeconds(POLICY_EXPIRY_SECONDS),
          ((Timestamp) routed.get("expires_at")).toInstant());
      String event = nextEvent(events, "approval.requested");
      assertTrue(event.contains("\"requestNumber\":\"" + requestNumber + "\""), event);
      assertTrue(event.contains("\"approvalsRequired\":1"), event);
    }
    assertInvariantsHold();
  }

  @Test
  void aRequestWhosePaymentChangedMeanwhileIsRefusedWithTheRulesCode() throws Exception {
    // 30.00 paid on a 24.00 sale: 6.00 is the customer's credit
    Paid paid = paidSale("30.00");
    try (TopicSubscriber events = harness.subscribe(paid.customerNumber())) {
      String requestNumber = submit(paid);
      // while the request waits on the queue, finance pays the credit back: the sale's amount paid
      // is 24.00 now, and reversing the 30.00 payment would take it below zero
      harness.inTransaction(
          em ->
              new RefundPosting(em, harness.events())
                  .refund(
                      paid.saleNumber(),
                      new PayRefund(
                          DATE,
                          "GBP",
                          "cash",
                          new BigDecimal("6.00"),
                          null,
                          "overpaid at the till",
                          null),
                      "finance"));

      route(requestNumber);

      Map<String, Object> refused = row(requestNumber);
      assertEquals("REFUSED", refused.get("status"));
      assertEquals("REVERSAL_EXCEEDS_AMOUNT_PAID", refused.get("refusal_code"));
      assertEquals("system", refused.get("decided_by"));
      assertNull(refused.get("approvals_required"));
      assertNull(refused.get("expires_at"));
      assertEquals(
          1,
          harness
              .database()
              .count(
                  "select count(*) from aud_record where action = 'approval.refused' and"
                      + " document_number = ? and actor = 'system'",
                  requestNumber));
      String event = nextEvent(events, "approval.refused");
      assertTrue(event.contains("\"code\":\"REVERSAL_EXCEEDS_AMOUNT_PAID\""), event);
      assertEquals(
          "POSTED",
          harness
              .database()
              .value(
                  "select status from pay_payment where payment_number = ?", paid.paymentNumber()));
    }
    // the refused request no longer blocks a new one: the payment itself refuses it
    BusinessRuleViolation again = assertThrows(BusinessRuleViolation.class, () -> submit(paid));
    assertEquals(ErrorCode.REVERSAL_EXCEEDS_AMOUNT_PAID, again.code());
    assertInvariantsHold();
  }

  /** Every check of InvariantChecks, over the harness database, at zero. */
  private static void assertInvariantsHold() throws Exception {
    List<InvariantChecks.Result> results =
        harness.inTransaction(
            em -> {
              InvariantChecks checks = new InvariantChecks();
              Field field = InvariantChecks.class.getDeclaredField("em");
              field.setAccessible(true);
              field.set(checks, em);
              return checks.run();
            });
    assertTrue(
        results.stream().anyMatch(r -> r.name().equals("sale_amount_paid_and_status_agree")),
        results::toString);
    for (InvariantChecks.Result result : results) {
      assertEquals(0, result.violations(), result.toString());
    }
  }
}
