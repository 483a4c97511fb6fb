package com.ledgerline.approvals.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.ledgerline.approvals.boundary.PolicyFigures;
import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApprovalPoliciesTest {

  private static PolicyFigures figures(
      String threshold, Integer required, Integer above, Integer expiry) {
    return new PolicyFigures(
        threshold == null ? null : new BigDecimal(threshold), required, above, expiry);
  }

  @Test
  void aWellFormedPolicyIsTakenAtTheCurrencysScale() {
    ApprovalPolicies.Checked checked =
        ApprovalPolicies.check("PAYMENT_DELETION", "BHD", figures("250.5", 1, 2, 60));

    assertEquals("250.500", checked.threshold().amount().toPlainString());
    assertEquals(1, checked.approversRequired());
    assertEquals(2, checked.approversAboveThreshold());
    assertEquals(60, checked.expirySeconds());
  }

  @ParameterizedTest(name = "{0} {1} {2}/{3}/{4}/{5} -> {6}")
  @CsvSource({
    "payment_deletion, GBP, 500.00, 1, 2, 60, INVALID_REQUEST",
    "PAYMENT_DELETION, XXX, 500.00, 1, 2, 60, INVALID_REQUEST",
    "PAYMENT_DELETION, GB, 500.00, 1, 2, 60, INVALID_REQUEST",
    "PAYMENT_DELETION, JPY, 500.5, 1, 2, 60, INVALID_AMOUNT",
    "PAYMENT_DELETION, GBP, 500.001, 1, 2, 60, INVALID_AMOUNT",
    "PAYMENT_DELETION, GBP, -1.00, 1, 2, 60, INVALID_AMOUNT",
    "PAYMENT_DELETION, GBP, 500.00, 0, 2, 60, INVALID_REQUEST",
    "PAYMENT_DELETION, GBP, 500.00, 2, 1, 60, INVALID_REQUEST",
    "PAYMENT_DELETION, GBP, 500.00, 1, 6, 60, INVALID_REQUEST",
    "PAYMENT_DELETION, GBP, 500.00, 1, 2, 0, INVALID_REQUEST",
    "PAYMENT_DELETION, GBP, , 1, 2, 60, INVALID_REQUEST",
    "PAYMENT_DELETION, GBP, 500.00, , 2, 60, INVALID_REQUEST",
  })
  void malformedFiguresAreRefusedWithTheirCode(
      String type,
      String currency,
      String threshold,
      Integer required,
      Integer above,
      Integer expiry,
      ErrorCode code) {
    BusinessRuleViolation refused =
        assertThrows(
            BusinessRuleViolation.class,
            () ->
                ApprovalPolicies.check(
                    type, currency, figures(threshold, required, above, expiry)));
    assertEquals(code, refused.code(), refused.getMessage());
  }
}
