package com.ledgerline.approvals.control;

import com.ledgerline.approvals.entity.ApprovalPolicy;
import com.ledgerline.approvals.entity.ApprovalRequest;
import com.ledgerline.audit.control.AuditTrail;
import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.DocumentNumbers;
import com.ledgerline.shared.ErrorCode;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * Opens approval requests under the policy in data, inside the caller's transaction. Called by the
 * component that owns the document (e.g. payments, for a payment deletion).
 */
public final class ApprovalRequests {
  /** Longest reason kept ({@code varchar(400)}); a longer one is refused, never cut. */
  public static final int REASON_LENGTH_MAX = 400;

  private final EntityManager em;

  public ApprovalRequests(EntityManager em) {
    this.em = em;
  }

  /**
   * Opens a request awaiting approval: the policy for the type and currency decides how many
   * distinct approvers it needs and when it expires. Takes a number of the {@code APPROVAL_REQUEST}
   * series.
   *
   * @param amount the amount at stake, ≥ 0, in {@code currency}
   * @param reason why, required, at most {@value #REASON_LENGTH_MAX} characters
   * @throws BusinessRuleViolation {@code INVALID_REQUEST} (reason), {@code NO_APPROVAL_POLICY},
   *     {@code APPROVAL_ALREADY_REQUESTED} when one awaits a decision for the document
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
    requireReason(reason, "the request");
    ApprovalPolicy policy = policy(requestType, currency);
    boolean awaiting =
        em.createNamedQuery(ApprovalRequest.BY_DOCUMENT, ApprovalRequest.class)
            .setParameter("type", documentType)
            .setParameter("number", documentNumber)
            .getResultStream()
            .anyMatch(
                r ->
                    r.requestType().equals(requestType)
                        && r.status() == ApprovalRequest.Status.AWAITING_APPROVAL);
    if (awaiting) {
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
            now,
            policy);
    em.persist(request);
    new AuditTrail(em)
        .record(
            requestedBy,
            "approval.requested",
            ApprovalRequest.DOCUMENT_TYPE,
            request.requestNumber(),
            request.reason(),
            Json.createObjectBuilder()
                .add("requestType", requestType)
                .add("documentType", documentType)
                .add("documentNumber", documentNumber)
                .add("amount", amount)
                .add("currency", currency)
                .add("approvalsRequired", request.approvalsRequired())
                .add("expiresAt", request.expiresAt().toString())
                .build()
                .toString());
    return request;
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
