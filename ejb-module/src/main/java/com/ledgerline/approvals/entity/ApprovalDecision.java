package com.ledgerline.approvals.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * One approver's decision on a request: who, when, approve or reject, why. Immutable; one per
 * approver and request, never by the requester (the database states both rules again).
 */
@Entity
@Table(name = "apr_approval_decision")
public class ApprovalDecision {

  /** What the approver decided. */
  public enum Verdict {
    APPROVE,
    REJECT
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "request_id")
  private ApprovalRequest request;

  @Enumerated(EnumType.STRING)
  @Column(name = "decision", nullable = false)
  private Verdict verdict;

  @Column(name = "decided_by", nullable = false)
  private String decidedBy;

  @Column(name = "decided_at", nullable = false)
  private OffsetDateTime decidedAt;

  private String reason;

  protected ApprovalDecision() {}

  ApprovalDecision(
      ApprovalRequest request,
      Verdict verdict,
      String decidedBy,
      OffsetDateTime decidedAt,
      String reason) {
    this.request = request;
    this.verdict = verdict;
    this.decidedBy = decidedBy;
    this.decidedAt = decidedAt;
    this.reason = reason;
  }

  public Verdict verdict() {
    return verdict;
  }

  public String decidedBy() {
    return decidedBy;
  }

  public OffsetDateTime decidedAt() {
    return decidedAt;
  }

  public String reason() {
    return reason;
  }
}
