package com.ledgerline.approvals.boundary;

import com.ledgerline.approvals.entity.ApprovalPolicy;
import com.ledgerline.shared.Money;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Currency;

/**
 * An approval policy: a request of {@code requestType} in {@code currency} needs {@code
 * approversRequired} distinct approvers, {@code approversAboveThreshold} when its amount is above
 * {@code thresholdAmount} (currency scale), and expires {@code expirySeconds} after it was made.
 */
public record ApprovalPolicyView(
    String requestType,
    String currency,
    BigDecimal thresholdAmount,
    int approversRequired,
    int approversAboveThreshold,
    int expirySeconds,
    OffsetDateTime changedAt,
    String changedBy) {

  public static ApprovalPolicyView of(ApprovalPolicy p) {
    return new ApprovalPolicyView(
        p.requestType(),
        p.currency(),
        p.thresholdAmount().setScale(Money.scaleOf(Currency.getInstance(p.currency()))),
        p.approversRequired(),
        p.approversAboveThreshold(),
        p.expirySeconds(),
        p.changedAt(),
        p.changedBy());
  }
}
