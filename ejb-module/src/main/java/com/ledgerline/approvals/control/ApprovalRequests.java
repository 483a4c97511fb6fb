package com.ledgerline.approvals.control;

import static com.ledgerline.shared.Jsonp.JSON;

import com.ledgerline.approvals.entity.ApprovalPolicy;
import com.ledgerline.approvals.entity.ApprovalRequest;
import com.ledgerline.audit.control.AuditTrail;
import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.DocumentNumbers;
import com.ledgerline.shared.ErrorCode;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * Submits approval requests and routes them under the policy in data, inside the caller's
 * transaction. Called by the component that owns the document (e.g. payments, for a payment
 * deletion), which checks first that the document allows the request.
 */
public final class ApprovalRequests {
  /** Who routes requests: the approvals queue's consumer, running as the system. */
  public static final String ROUTER = "system";

  /** Longest reason kept ({@code varchar(400)}); a longer one is refused, never cut. */
  public static final int REASON_LENGTH_MAX = 400;

  private final EntityManager em;

  public ApprovalRequests(EntityManager em) {
    this.em = em;
  }

  /**
   * Opens a request and routes it at once (submit, then route, in the caller's transaction): for
   * callers that need no queue between the two.
   *
   * @throws BusinessRuleViolation the codes of {@link #submit} and {@link #route}
   */
  public ApprovalRequest open(
      String requestType,
      String documentType,
      String documentNumber,
      BigDecimal amount,
      String currency,
      String reason,
      String requestedBy,
      OffsetDateTime now) {
    ApprovalRequest request =
        submit(
            requestType, documentType, documentNumber, amount, currency, reason, requestedBy, now);
    route(request, now);
    return request;
  }

  /**
   * Records a request as {@code SUBMITTED}: who asks and why; nobody can decide it before {@link
   * #route} applied the policy. Takes a number of the {@code APPROVAL_REQUEST} series. Audited as
   * {@code approval.requested} by the requester.
   *
   * @param amount the amount at stake, ≥ 0, in {@code currency}
   * @param reason why, required, at most {@value #REASON_LENGTH_MAX} characters
   * @throws BusinessRuleViolation {@code INVALID_REQUEST} (reason), {@code NO_APPROVAL_POLICY}
   *     (none for the type and currency: nothing could ever route it), {@code
   *     APPROVAL_ALREADY_REQUESTED} when one is submitted or awaits a decision for the document
   */
  public ApprovalRequest submit(
      String requestType,
      String documentType,
      String documentNumber,
      BigDecimal amount,
      String currency,
      String reason,
      String requestedBy,
      OffsetDateTime now) {
    requireReason(reason, "the request");
    policy(requestType, currency);
    boolean open =
        em.createNamedQuery(ApprovalRequest.BY_DOCUMENT, ApprovalRequest.class)
            .setParameter("type", documentType)
            .setParameter("number", documentNumber)
            .getResultStream()
            .anyMatch(
                r ->
                    r.requestType().equals(requestType)
                        && (r.status() == ApprovalRequest.Status.AWAITING_APPROVAL
                            || r.status() == ApprovalRequest.Status.SUBMITTED));
    if (open) {
      throw new BusinessRuleViolation(
          ErrorCode.APPROVAL_ALREADY_REQUESTED,
          documentNumber + " has a " + requestType + " request awaiting approval");
    }
    ApprovalRequest request =
        new ApprovalRequest(
            new DocumentNumbers(em).next(DocumentNumbers.APPROVAL_REQUEST),
            requestType,
            documentType,
            documentNumber,
            amount,
            currency,
            reason.strip(),
            requestedBy,
            now);
    em.persist(request);
    new AuditTrail(em)
        .record(
            requestedBy,
            "approval.requested",
            ApprovalRequest.DOCUMENT_TYPE,
            request.requestNumber(),
            request.reason(),
            JSON.createObjectBuilder()
                .add("requestType", requestType)
                .add("documentType", documentType)
                .add("documentNumber", documentNumber)
                .add("amount", amount)
                .add("currency", currency)
                .build()
                .toString());
    return request;
  }

  /**
   * Routes a submitted request under the policy in force now ({@code apr_approval_policy}): the
   * distinct approvers it needs (more strictly above the threshold) and its expiry, counted from
   * {@code now}. Audited as {@code approval.routed} by {@value #ROUTER}. The caller checked first
   * that the document still allows the request.
   *
   * @throws BusinessRuleViolation {@code NO_APPROVAL_POLICY}
   */
  public void route(ApprovalRequest request, OffsetDateTime now) {
    ApprovalPolicy policy = policy(request.requestType(), request.currency());
    request.route(policy, now);
    new AuditTrail(em)
        .record(
            ROUTER,
            "approval.routed",
            ApprovalRequest.DOCUMENT_TYPE,
            request.requestNumber(),
            null,
            JSON.createObjectBuilder()
                .add("documentType", request.documentType())
                .add("documentNumber", request.documentNumber())
                .add("requestedBy", request.requestedBy())
                .add("thresholdAmount", policy.thresholdAmount())
                .add("approvalsRequired", request.approvalsRequired())
                .add("expiresAt", request.expiresAt().toString())
                .build()
                .toString());
  }

  /**
   * Refuses a submitted request outright at routing, with the code and detail of the rule that
   * refused it (at most {@value #REASON_LENGTH_MAX} characters of detail are kept, the code
   * always). Audited as {@code approval.refused} by {@value #ROUTER}.
   */
  public void refuse(ApprovalRequest request, BusinessRuleViolation refusal, OffsetDateTime now) {
    String detail = refusal.detail();
    if (detail.length() > REASON_LENGTH_MAX) {
      // the full detail stays in the audit record below
      detail = detail.substring(0, REASON_LENGTH_MAX - 1) + "…";
    }
    request.refuse(refusal.code(), ROUTER, now, detail);
    new AuditTrail(em)
        .record(
            ROUTER,
            "approval.refused",
            ApprovalRequest.DOCUMENT_TYPE,
            request.requestNumber(),
            refusal.code().name(),
            JSON.createObjectBuilder()
                .add("documentType", request.documentType())
                .add("documentNumber", request.documentNumber())
                .add("requestedBy", request.requestedBy())
                .add("code", refusal.code().name())
                .add("detail", refusal.detail())
                .build()
                .toString());
  }

  /**
   * @throws BusinessRuleViolation {@code NO_APPROVAL_POLICY}
   */
  public ApprovalPolicy policy(String requestType, String currency) {
    ApprovalPolicy policy =
        em.find(ApprovalPolicy.class, new ApprovalPolicy.Key(requestType, currency));
    if (policy == null) {
      throw new BusinessRuleViolation(
          ErrorCode.NO_APPROVAL_POLICY,
          "no approval policy for " + requestType + " in " + currency + "; an ADMIN adds one");
    }
    return policy;
  }

  /**
   * @param what names the thing in the error, e.g. {@code "a rejection"}
   * @throws BusinessRuleViolation {@code INVALID_REQUEST} when blank or too long
   */
  public static void requireReason(String reason, String what) {
    if (reason == null || reason.isBlank()) {
      throw new BusinessRuleViolation(ErrorCode.INVALID_REQUEST, what + " needs a reason");
    }
    if (reason.strip().length() > REASON_LENGTH_MAX) {
      throw new BusinessRuleViolation(
          ErrorCode.INVALID_REQUEST,
          what
              + "'s reason has "
              + reason.strip().length()
              + " characters, at most "
              + REASON_LENGTH_MAX);
    }
  }
}
