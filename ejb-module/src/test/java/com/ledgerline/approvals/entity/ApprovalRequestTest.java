package com.ledgerline.approvals.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApprovalRequestTest {
  private static final OffsetDateTime REQUESTED =
      OffsetDateTime.of(2011, 2, 1, 9, 0, 0, 0, ZoneOffset.UTC);
  private static final int EXPIRY_SECONDS = 3600;

  private static ApprovalPolicy policy() {
    ApprovalPolicy policy = new ApprovalPolicy("PAYMENT_DELETION", "GBP");
    policy.change(new BigDecimal("500.0000"), 1, 2, EXPIRY_SECONDS, "admin");
    return policy;
  }

  private static ApprovalRequest request(String amount) {
    return new ApprovalRequest(
        "APR-00000001",
        "PAYMENT_DELETION",
        "PAYMENT",
        "PAY-00000001",
        new BigDecimal(amount),
        "GBP",
        "keyed twice",
        "cashier",
        REQUESTED,
        policy());
  }

  private static void assertRefused(ErrorCode code, Executable action) {
    assertEquals(code, assertThrows(BusinessRuleViolation.class, action).code());
  }

  @ParameterizedTest(name = "{0} needs {1}")
  @CsvSource({"0.01, 1", "499.99, 1", "500.00, 1", "500.01, 2", "10000.00, 2"})
  void twoApproversAreNeededStrictlyAboveTheThreshold(String amount, int approvers) {
    assertEquals(approvers, request(amount).approvalsRequired());
  }

  @Test
  void theExpiryComesFromThePolicyInForceAtTheRequest() {
    assertEquals(REQUESTED.plusSeconds(EXPIRY_SECONDS), request("10.00").expiresAt());
  }

  @Test
  void oneApproverCompletesARequestAtOrBelowTheThreshold() {
    ApprovalRequest request = request("9.18");

    assertTrue(request.approve("approver", REQUESTED.plusMinutes(5), null));

    assertEquals(ApprovalRequest.Status.APPROVED, request.status());
    assertEquals("approver", request.decidedBy());
    assertEquals(REQUESTED.plusMinutes(5), request.decidedAt());
    assertEquals(List.of("approver"), request.approvers());
  }

  @Test
  void aboveTheThresholdTheFirstApprovalLeavesTheRequestAwaiting() {
    ApprovalRequest request = request("600.00");

    assertFalse(request.approve("approver", REQUESTED.plusMinutes(1), "seen the receipt"));
    assertEquals(ApprovalRequest.Status.AWAITING_APPROVAL, request.status());
    assertNull(request.decidedBy());

    assertTrue(request.approve("approver2", REQUESTED.plusMinutes(2), null));
    assertEquals(ApprovalRequest.Status.APPROVED, request.status());
    assertEquals(List.of("approver", "approver2"), request.approvers());
  }

  @Test
  void theRequesterMayNotApproveTheirOwnRequest() {
    ApprovalRequest request = request("9.18");

    assertRefused(
        ErrorCode.APPROVER_MUST_DIFFER_FROM_REQUESTER,
        () -> request.approve("cashier", REQUESTED.plusMinutes(1), null));
    assertEquals(ApprovalRequest.Status.AWAITING_APPROVAL, request.status());
    assertTrue(request.decisions().isEmpty());
  }

  @Test
  void theRequesterMayNotRejectTheirOwnRequestEither() {
    assertRefused(
        ErrorCode.APPROVER_MUST_DIFFER_FROM_REQUESTER,
        () -> request("9.18").reject("cashier", REQUESTED.plusMinutes(1), "changed my mind"));
  }

  @Test
  void theSecondApprovalMustComeFromSomeoneElse() {
    ApprovalRequest request = request("600.00");
    request.approve("approver", REQUESTED.plusMinutes(1), null);

    assertRefused(
        ErrorCode.APPROVERS_MUST_BE_DISTINCT,
        () -> request.approve("approver", REQUESTED.plusMinutes(2), null));
    assertEquals(ApprovalRequest.Status.AWAITING_APPROVAL, request.status());
  }

  @Test
  void oneRejectionEndsTheRequestWithItsReason() {
    ApprovalRequest request = request("600.00");
    request.approve("approver", REQUESTED.plusMinutes(1), null);

    request.reject("approver2", REQUESTED.plusMinutes(2), "the payment is real");

    assertEquals(ApprovalRequest.Status.REJECTED, request.status());
    assertEquals("approver2", request.decidedBy());
    assertEquals("the payment is real", request.decisionReason());
    assertEquals(2, request.decisions().size());
  }

  @Test
  void aRejectionNeedsAReason() {
    assertRefused(
        ErrorCode.INVALID_REQUEST,
        () -> request("9.18").reject("approver", REQUESTED.plusMinutes(1), " "));
  }

  @Test
  void aDecidedRequestTakesNoFurtherDecision() {
    ApprovalRequest request = request("9.18");
    request.approve("approver", REQUESTED.plusMinutes(1), null);

    assertRefused(
        ErrorCode.APPROVAL_REQUEST_ALREADY_DECIDED,
        () -> request.reject("approver2", REQUESTED.plusMinutes(2), "too late"));
  }

  @Test
  void atItsExpiryARequestCanNoLongerBeDecided() {
    ApprovalRequest request = request("9.18");
    OffsetDateTime expiry = REQUESTED.plusSeconds(EXPIRY_SECONDS);

    assertFalse(request.isDue(expiry.minusNanos(1000)));
    assertTrue(request.isDue(expiry));
    assertRefused(
        ErrorCode.APPROVAL_REQUEST_EXPIRED, () -> request.approve("approver", expiry, null));
  }

  @Test
  void anExpiredRequestIsRecordedWithWhoAndWhenAndStaysExpired() {
    ApprovalRequest request = request("9.18");
    OffsetDateTime late = REQUESTED.plusSeconds(EXPIRY_SECONDS + 5);

    request.expire("system", late);

    assertEquals(ApprovalRequest.Status.EXPIRED, request.status());
    assertEquals("system", request.decidedBy());
    assertEquals(late, request.decidedAt());
    assertTrue(request.decisionReason().contains("PT1H"), request.decisionReason());
    assertFalse(request.isDue(late));
    assertRefused(
        ErrorCode.APPROVAL_REQUEST_EXPIRED,
        () -> request.approve("approver", late.plusSeconds(1), null));
  }

  @Test
  void aRequestNotYetDueCannotBeExpired() {
    assertThrows(
        IllegalStateException.class,
        () -> request("9.18").expire("system", REQUESTED.plusSeconds(EXPIRY_SECONDS - 1)));
  }

  private static ApprovalRequest submitted(String amount) {
    return new ApprovalRequest(
        "APR-00000002",
        "PAYMENT_DELETION",
        "PAYMENT",
        "PAY-00000002",
        new BigDecimal(amount),
        "GBP",
        "keyed twice",
        "cashier",
        REQUESTED);
  }

  @Test
  void aSubmittedRequestHasNoPolicyFiguresAndCannotBeDecidedBeforeItIsRouted() {
    ApprovalRequest request = submitted("600.00");

    assertEquals(ApprovalRequest.Status.SUBMITTED, request.status());
    assertNull(request.approvalsRequired());
    assertNull(request.expiresAt());
    assertFalse(request.isDue(REQUESTED.plusYears(1)));
    assertRefused(
        ErrorCode.APPROVAL_REQUEST_NOT_ROUTED,
        () -> request.approve("approver", REQUESTED.plusMinutes(1), null));
    assertRefused(
        ErrorCode.APPROVAL_REQUEST_NOT_ROUTED,
        () -> request.reject("approver", REQUESTED.plusMinutes(1), "no"));
    assertTrue(request.decisions().isEmpty());
  }

  @Test
  void routingAppliesThePolicyAndCountsTheExpiryFromTheRouting() {
    ApprovalRequest request = submitted("600.00");
    OffsetDateTime routed = REQUESTED.plusSeconds(3);

    request.route(policy(), routed);

    assertEquals(ApprovalRequest.Status.AWAITING_APPROVAL, request.status());
    assertEquals(2, request.approvalsRequired());
    assertEquals(routed, request.routedAt());
    assertEquals(routed.plusSeconds(EXPIRY_SECONDS), request.expiresAt());
    assertFalse(request.approve("approver", routed.plusSeconds(1), null));
    assertThrows(IllegalStateException.class, () -> request.route(policy(), routed));
  }

  @Test
  void aPolicyOfAnotherCurrencyDoesNotRouteTheRequest() {
    ApprovalPolicy euro = new ApprovalPolicy("PAYMENT_DELETION", "EUR");
    euro.change(new BigDecimal("500.0000"), 1, 2, EXPIRY_SECONDS, "admin");

    assertThrows(IllegalStateException.class, () -> submitted("1.00").route(euro, REQUESTED));
  }

  @Test
  void aRefusedRequestNamesTheRuleAndTakesNoDecision() {
    ApprovalRequest request = submitted("9.18");
    OffsetDateTime routed = REQUESTED.plusSeconds(2);

    request.refuse(ErrorCode.PAYMENT_ALREADY_REVERSED, "system", routed, "reversed already");

    assertEquals(ApprovalRequest.Status.REFUSED, request.status());
    assertEquals("PAYMENT_ALREADY_REVERSED", request.refusalCode());
    assertEquals("system", request.decidedBy());
    assertEquals("reversed already", request.decisionReason());
    assertNull(request.expiresAt());
    assertRefused(
        ErrorCode.APPROVAL_REQUEST_ALREADY_DECIDED,
        () -> request.approve("approver", routed.plusSeconds(1), null));
    assertThrows(IllegalStateException.class, () -> request.route(policy(), routed));
  }
}
