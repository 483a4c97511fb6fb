package com.ledgerline.approvals.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * How a request type is approved in one currency: the number of distinct approvers (more above a
 * threshold amount) and how long a request waits before it expires. Edited by ADMIN; a request
 * keeps the figures in force when it was made.
 *
 * <p>Invariants: 1 ≤ {@code approversRequired} ≤ {@code approversAboveThreshold} ≤ 5; {@code
 * thresholdAmount} ≥ 0 in the currency; {@code expirySeconds} > 0.
 */
@Entity
@Table(name = "apr_approval_policy")
@IdClass(ApprovalPolicy.Key.class)
public class ApprovalPolicy {
  public static final int APPROVERS_MAX = 5;

  /** The policy's key: request type and ISO 4217 currency. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    private String requestType;
    private String currency;

    public Key() {}

    public Key(String requestType, String currency) {
      this.requestType = requestType;
      this.currency = currency;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key
          && Objects.equals(requestType, key.requestType)
          && Objects.equals(currency, key.currency);
    }

    @Override
    public int hashCode() {
      return Objects.hash(requestType, currency);
    }
  }

  @Id
  @Column(name = "request_type")
  private String requestType;

  @Id private String currency;

  @Column(name = "threshold_amount", nullable = false)
  private BigDecimal thresholdAmount;

  @Column(name = "approvers_required", nullable = false)
  private int approversRequired;

  @Column(name = "approvers_above_threshold", nullable = false)
  private int approversAboveThreshold;

  @Column(name = "expiry_seconds", nullable = false)
  private int expirySeconds;

  @Column(name = "changed_at", nullable = false)
  private OffsetDateTime changedAt;

  @Column(name = "changed_by", nullable = false)
  private String changedBy;

  protected ApprovalPolicy() {}

  public ApprovalPolicy(String requestType, String currency) {
    this.requestType = requestType;
    this.currency = currency;
  }

  /** Sets every figure; the caller validated them. */
  public void change(
      BigDecimal thresholdAmount,
      int approversRequired,
      int approversAboveThreshold,
      int expirySeconds,
      String changedBy) {
    this.thresholdAmount = thresholdAmount;
    this.approversRequired = approversRequired;
    this.approversAboveThreshold = approversAboveThreshold;
    this.expirySeconds = expirySeconds;
    this.changedBy = changedBy;
    this.changedAt = OffsetDateTime.now(ZoneOffset.UTC);
  }

  /** Distinct approvers a request of {@code amount} needs: more strictly above the threshold. */
  public int approversFor(BigDecimal amount) {
    return amount.compareTo(thresholdAmount) > 0 ? approversAboveThreshold : approversRequired;
  }

  public Duration expiry() {
    return Duration.ofSeconds(expirySeconds);
  }

  public String requestType() {
    return requestType;
  }

  public String currency() {
    return currency;
  }

  public BigDecimal thresholdAmount() {
    return thresholdAmount;
  }

  public int approversRequired() {
    return approversRequired;
  }

  public int approversAboveThreshold() {
    return approversAboveThreshold;
  }

  public int expirySeconds() {
    return expirySeconds;
  }

  public OffsetDateTime changedAt() {
    return changedAt;
  }

  public String changedBy() {
    return changedBy;
  }
}
