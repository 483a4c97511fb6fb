package com.ledgerline.approvals.entity;

import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A request that a document change (e.g. deleting a payment) be approved.
 *
 * <p>Lifecycle (DESIGN.md 4): {@code SUBMITTED} (recorded with who asked and why; the routing step
 * has not applied the policy yet) → {@code AWAITING_APPROVAL} (routed: the policy in force set
 * {@code approvalsRequired} and {@code expiresAt}, counted from {@code routedAt}) or {@code
 * REFUSED} (refused outright at routing, with the rule's code); then {@code APPROVED} (once {@code
 * approvalsRequired} distinct approvers approved) / {@code REJECTED} (one approver rejected) /
 * {@code EXPIRED} (no final decision before {@code expiresAt}). A decided request never changes
 * again, and what was asked never changes (the database refuses both, V0066).
 *
 * <p>Rules: an approver is never the requester ({@code APPROVER_MUST_DIFFER_FROM_REQUESTER}); each
 * approver decides once ({@code APPROVERS_MUST_BE_DISTINCT}); nobody decides a request at or after
 * its expiry ({@code APPROVAL_REQUEST_EXPIRED}).
 */
@Entity
@Table(name = "apr_approval_request")
@NamedQuery(
    name = ApprovalRequest.BY_NUMBER,
    query = "select r from ApprovalRequest r where r.requestNumber = :number")
@NamedQuery(
    name = ApprovalRequest.BY_STATUS,
    query = "select r from ApprovalRequest r where r.status = :status order by r.id")
@NamedQuery(
    name = ApprovalRequest.BY_DOCUMENT,
    query =
        "select r from ApprovalRequest r where r.documentType = :type and r.documentNumber ="
            + " :number order by r.id")
public class ApprovalRequest {
  public static final String BY_NUMBER = "ApprovalRequest.byNumber";
  public static final String BY_STATUS = "ApprovalRequest.byStatus";
  public static final String BY_DOCUMENT = "ApprovalRequest.byDocument";
  public static final String DOCUMENT_TYPE = "APPROVAL_REQUEST";

  /** Where a request is in its lifecycle. */
  public enum Status {
    SUBMITTED,
    AWAITING_APPROVAL,
    APPROVED,
    REJECTED,
    EXPIRED,
    REFUSED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "request_number", nullable = false, unique = true)
  private String requestNumber;

  @Column(name = "request_type", nullable = false)
  private String requestType;

  @Column(name = "document_type", nullable = false)
  private String documentType;

  @Column(name = "document_number", nullable = false)
  private String documentNumber;

  @Column(nullable = false)
  private BigDecimal amount;

  @Column(nullable = false)
  private String currency;

  @Column(nullable = false)
  private String reason;

  @Column(name = "requested_by", nullable = false)
  private String requestedBy;

  @Column(name = "requested_at", nullable = false)
  private OffsetDateTime requestedAt;

  @Column(name = "routed_at")
  private OffsetDateTime routedAt;

  @Column(name = "approvals_required")
  private Integer approvalsRequired;

  @Column(name = "expires_at")
  private OffsetDateTime expiresAt;

  @Column(name = "refusal_code")
  private String refusalCode;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Status status;

  @Column(name = "decided_at")
  private OffsetDateTime decidedAt;

  @Column(name = "decided_by")
  private String decidedBy;

  @Column(name = "decision_reason")
  private String decisionReason;

  @OneToMany(mappedBy = "request", cascade = CascadeType.PERSIST)
  @OrderBy("id")
  private List<ApprovalDecision> decisions = new ArrayList<>();

  protected ApprovalRequest() {}

  /**
   * A new request awaiting approval, routed at once with the policy's figures as they are now.
   *
   * @param amount the amount at stake in {@code currency}, ≥ 0 (decides how many approvers)
   */
  public ApprovalRequest(
      String requestNumber,
      String requestType,
      String documentType,
      String documentNumber,
      BigDecimal amount,
      String currency,
      String reason,
      String requestedBy,
      OffsetDateTime requestedAt,
      ApprovalPolicy policy) {
    this(
        requestNumber,
        requestType,
        documentType,
        documentNumber,
        amount,
        currency,
        reason,
        requestedBy,
        requestedAt);
    route(policy, requestedAt);
  }

  /**
   * A new request, {@code SUBMITTED}: nobody can decide it before {@link #route} applied a policy.
   *
   * @param amount the amount at stake in {@code currency}, ≥ 0 (decides how many approvers)
   */
  public ApprovalRequest(
      String requestNumber,
      String requestType,
      String documentType,
      String documentNumber,
      BigDecimal amount,
      String currency,
      String reason,
      String requestedBy,
      OffsetDateTime requestedAt) {
    this.requestNumber = requestNumber;
    this.requestType = requestType;
    this.documentType = documentType;
    this.documentNumber = documentNumber;
    this.amount = amount;
    this.currency = currency;
    this.reason = reason;
    this.requestedBy = requestedBy;
    this.requestedAt = requestedAt;
    this.status = Status.SUBMITTED;
  }

  /**
   * Routes a submitted request: the policy in force now says how many distinct approvers it needs
   * (more strictly above the threshold) and when it expires ({@code now} + the policy's expiry).
   *
   * @param now the routing time, not before the request was made
   * @throws IllegalStateException when the request is not {@code SUBMITTED} or the policy is for
   *     another request type or currency
   */
  public void route(ApprovalPolicy policy, OffsetDateTime now) {
    requireSubmitted();
    if (!policy.requestType().equals(requestType) || !policy.currency().equals(currency)) {
      throw new IllegalStateException(
          requestNumber + " is a " + requestType + " in " + currency + ", not under that policy");
    }
    this.routedAt = now.isBefore(requestedAt) ? requestedAt : now;
    this.approvalsRequired = policy.approversFor(amount);
    this.expiresAt = routedAt.plus(policy.expiry());
    this.status = Status.AWAITING_APPROVAL;
  }

  /**
   * Refuses a submitted request outright at routing (the document no longer allows it, no policy).
   *
   * @param code the rule's stable code, e.g. {@code PAYMENT_ALREADY_REVERSED}
   * @param actor who routed it ({@code system})
   * @param detail the rule's detail, at most 400 characters
   * @throws IllegalStateException when the request is not {@code SUBMITTED}
   */
  public void refuse(ErrorCode code, String actor, OffsetDateTime now, String detail) {
    requireSubmitted();
    this.refusalCode = code.name();
    close(Status.REFUSED, actor, now, detail);
  }

  private void requireSubmitted() {
    if (status != Status.SUBMITTED) {
      throw new IllegalStateException(requestNumber + " is " + status + ", not SUBMITTED");
    }
  }

  /** Whether the request is awaiting approval but its time ran out at {@code now}. */
  public boolean isDue(OffsetDateTime now) {
    return status == Status.AWAITING_APPROVAL && !now.isBefore(expiresAt);
  }

  /**
   * Records an approval.
   *
   * @return true when this approval completes the request (it is now {@code APPROVED})
   * @throws BusinessRuleViolation {@code APPROVAL_REQUEST_EXPIRED}, {@code
   *     APPROVAL_REQUEST_ALREADY_DECIDED}, {@code APPROVER_MUST_DIFFER_FROM_REQUESTER}, {@code
   *     APPROVERS_MUST_BE_DISTINCT}
   */
  public boolean approve(String approver, OffsetDateTime now, String reason) {
    requireDecidableBy(approver, now);
    decisions.add(
        new ApprovalDecision(this, ApprovalDecision.Verdict.APPROVE, approver, now, reason));
    if (approvers().size() < approvalsRequired) {
      return false;
    }
    close(Status.APPROVED, approver, now, reason);
    return true;
  }

  /**
   * Rejects the request: one rejection ends it.
   *
   * @throws BusinessRuleViolation {@code INVALID_REQUEST} without a reason, and the codes of {@link
   *     #approve}
   */
  public void reject(String approver, OffsetDateTime now, String reason) {
    if (reason == null || reason.isBlank()) {
      throw new BusinessRuleViolation(ErrorCode.INVALID_REQUEST, "a rejection needs a reason");
    }
    requireDecidableBy(approver, now);
    decisions.add(
        new ApprovalDecision(this, ApprovalDecision.Verdict.REJECT, approver, now, reason));
    close(Status.REJECTED, approver, now, reason);
  }

  /**
   * Marks a request whose time ran out as expired.
   *
   * @param actor who noticed ({@code system} for the sweep)
   * @throws IllegalStateException when it is not due
   */
  public void expire(String actor, OffsetDateTime now) {
    if (!isDue(now)) {
      throw new IllegalStateException(requestNumber + " is not due at " + now);
    }
    close(
        Status.EXPIRED,
        actor,
        now,
        "no final decision within " + Duration.between(routedAt, expiresAt));
  }

  private void requireDecidableBy(String approver, OffsetDateTime now) {
    if (status == Status.SUBMITTED) {
      throw new BusinessRuleViolation(
          ErrorCode.APPROVAL_REQUEST_NOT_ROUTED,
          requestNumber
              + " was submitted at "
              + requestedAt
              + " and is being routed; it can be decided once it awaits approval");
    }
    if (status == Status.EXPIRED || isDue(now)) {
      throw new BusinessRuleViolation(
          ErrorCode.APPROVAL_REQUEST_EXPIRED,
          requestNumber + " expired at " + expiresAt + " without a final decision");
    }
    if (status != Status.AWAITING_APPROVAL) {
      throw new BusinessRuleViolation(
          ErrorCode.APPROVAL_REQUEST_ALREADY_DECIDED,
          requestNumber + " was " + status + " by " + decidedBy + " at " + decidedAt);
    }
    if (Objects.equals(approver, requestedBy)) {
      throw new BusinessRuleViolation(
          ErrorCode.APPROVER_MUST_DIFFER_FROM_REQUESTER,
          approver + " requested " + requestNumber + " and may not decide it");
    }
    if (decisions.stream().anyMatch(d -> d.decidedBy().equals(approver))) {
      throw new BusinessRuleViolation(
          ErrorCode.APPROVERS_MUST_BE_DISTINCT,
          approver
              + " approved "
              + requestNumber
              + " already; it needs "
              + approvalsRequired
              + " distinct approvers");
    }
  }

  private void close(Status status, String by, OffsetDateTime at, String why) {
    this.status = status;
    this.decidedBy = by;
    this.decidedAt = at;
    this.decisionReason = why;
  }

  /** The distinct approvers who approved so far, in order. */
  public List<String> approvers() {
    return decisions.stream()
        .filter(d -> d.verdict() == ApprovalDecision.Verdict.APPROVE)
        .map(ApprovalDecision::decidedBy)
        .distinct()
        .toList();
  }

  public Long id() {
    return id;
  }

  public String requestNumber() {
    return requestNumber;
  }

  public String requestType() {
    return requestType;
  }

  public String documentType() {
    return documentType;
  }

  public String documentNumber() {
    return documentNumber;
  }

  public BigDecimal amount() {
    return amount;
  }

  public String currency() {
    return currency;
  }

  public String reason() {
    return reason;
  }

  public String requestedBy() {
    return requestedBy;
  }

  public OffsetDateTime requestedAt() {
    return requestedAt;
  }

  /** Distinct approvers needed; null until routed. */
  public Integer approvalsRequired() {
    return approvalsRequired;
  }

  /** When an undecided request expires; null until routed. */
  public OffsetDateTime expiresAt() {
    return expiresAt;
  }

  /** When the policy was applied; null until routed (and for a refused request). */
  public OffsetDateTime routedAt() {
    return routedAt;
  }

  /** The code of the rule that refused the request at routing; null unless {@code REFUSED}. */
  public String refusalCode() {
    return refusalCode;
  }

  public Status status() {
    return status;
  }

  public OffsetDateTime decidedAt() {
    return decidedAt;
  }

  public String decidedBy() {
    return decidedBy;
  }

  public String decisionReason() {
    return decisionReason;
  }

  public List<ApprovalDecision> decisions() {
    return Collections.unmodifiableList(decisions);
  }
}
