package com.ledgerline.approvals.boundary;

import static com.ledgerline.shared.Jsonp.JSON;

import com.ledgerline.approvals.control.ApprovalHandler;
import com.ledgerline.approvals.control.ApprovalPolicies;
import com.ledgerline.approvals.control.ApprovalRequests;
import com.ledgerline.approvals.control.ApprovedRequest;
import com.ledgerline.approvals.entity.ApprovalPolicy;
import com.ledgerline.approvals.entity.ApprovalRequest;
import com.ledgerline.audit.control.AuditTrail;
import com.ledgerline.security.Roles;
import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The approvals boundary: approvers approve or reject requests, each decision one transaction in
 * which the final approval also carries out the request (through the {@link ApprovalHandler} of its
 * type); ADMIN keeps the policies. Only {@code APPROVER}s decide (a cashier never does, checked
 * here, server-side); nobody decides their own request.
 *
 * <p>Locks: the request row first, then whatever the handler locks (for a payment deletion: the
 * sale row, then the journal series).
 */
@Stateless
public class Approvals {
  @PersistenceContext private EntityManager em;
  @Resource private SessionContext session;
  @EJB private ApprovalExpiry expiry;
  @Inject @Any private Instance<ApprovalHandler> handlers;

  /**
   * Approves the request as the caller. When this approval is the last one needed the request is
   * {@code APPROVED} and carried out in the same transaction.
   *
   * @param reason optional, at most 400 characters
   * @throws BusinessRuleViolation {@code UNKNOWN_APPROVAL_REQUEST}, {@code
   *     APPROVAL_REQUEST_NOT_ROUTED}, {@code APPROVAL_REQUEST_EXPIRED} (the request is marked
   *     expired), {@code APPROVAL_REQUEST_ALREADY_DECIDED}, {@code
   *     APPROVER_MUST_DIFFER_FROM_REQUESTER}, {@code APPROVERS_MUST_BE_DISTINCT}, {@code
   *     INVALID_REQUEST}, and any code of the handler (for a payment deletion: {@code
   *     PAYMENT_ALREADY_REVERSED}, {@code REVERSAL_EXCEEDS_AMOUNT_PAID})
   */
  @RolesAllowed(Roles.APPROVER)
  public ApprovalRequestView approve(String requestNumber, String reason) {
    return approve(requestNumber, user(), reason);
  }

  /**
   * Approves the request on behalf of a person who decided elsewhere (an ERP approval decision
   * message): the same rules as {@link #approve(String, String)}; the channel checked that {@code
   * approver} is an active user holding {@code APPROVER}.
   *
   * @param approver the deciding user's name, recorded as the approver
   * @throws BusinessRuleViolation the codes of {@link #approve(String, String)}
   */
  @RolesAllowed(Roles.SYSTEM)
  public ApprovalRequestView approveFor(String requestNumber, String approver, String reason) {
    return approve(requestNumber, approver, reason);
  }

  /**
   * Rejects the request on behalf of a person who decided elsewhere (an ERP approval decision
   * message): the same rules as {@link #reject(String, String)}.
   *
   * @param approver the deciding user's name
   * @throws BusinessRuleViolation the codes of {@link #reject(String, String)}
   */
  @RolesAllowed(Roles.SYSTEM)
  public ApprovalRequestView rejectFor(String requestNumber, String approver, String reason) {
    return reject(requestNumber, approver, reason);
  }

  private ApprovalRequestView approve(String requestNumber, String approver, String reason) {
    if (reason != null && !reason.isBlank()) {
      ApprovalRequests.requireReason(reason, "the approval");
    }
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    ApprovalRequest request = lockUndue(requestNumber, now);
    ApprovalHandler handler = handler(request.requestType());
    String why = reason == null || reason.isBlank() ? null : reason.strip();
    boolean completed = request.approve(approver, now, why);
    new AuditTrail(em)
        .record(
            approver,
            "approval.approved",
            ApprovalRequest.DOCUMENT_TYPE,
            request.requestNumber(),
            why,
            JSON.createObjectBuilder()
                .add("documentType", request.documentType())
                .add("documentNumber", request.documentNumber())
                .add("requestedBy", request.requestedBy())
                .add("approvals", request.approvers().size())
                .add("approvalsRequired", request.approvalsRequired())
                .add("final", completed)
                .build()
                .toString());
    if (completed) {
      em.flush();
      handler.approved(
          new ApprovedRequest(
              request.requestNumber(),
              request.requestType(),
              request.documentType(),
              request.documentNumber(),
              request.amount(),
              request.currency(),
              request.reason(),
              request.requestedBy(),
              request.approvers(),
              now));
    }
    return ApprovalRequestView.of(request);
  }

  /**
   * Rejects the request as the caller; the document stays as it is.
   *
   * @param reason required, at most 400 characters
   * @throws BusinessRuleViolation {@code UNKNOWN_APPROVAL_REQUEST}, {@code INVALID_REQUEST}, {@code
   *     APPROVAL_REQUEST_NOT_ROUTED}, {@code APPROVAL_REQUEST_EXPIRED}, {@code
   *     APPROVAL_REQUEST_ALREADY_DECIDED}, {@code APPROVER_MUST_DIFFER_FROM_REQUESTER}, {@code
   *     APPROVERS_MUST_BE_DISTINCT}
   */
  @RolesAllowed(Roles.APPROVER)
  public ApprovalRequestView reject(String requestNumber, String reason) {
    return reject(requestNumber, user(), reason);
  }

  private ApprovalRequestView reject(String requestNumber, String approver, String reason) {
    ApprovalRequests.requireReason(reason, "a rejection");
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    ApprovalRequest request = lockUndue(requestNumber, now);
    request.reject(approver, now, reason.strip());
    new AuditTrail(em)
        .record(
            approver,
            "approval.rejected",
            ApprovalRequest.DOCUMENT_TYPE,
            request.requestNumber(),
            request.decisionReason(),
            JSON.createObjectBuilder()
                .add("documentType", request.documentType())
                .add("documentNumber", request.documentNumber())
                .add("requestedBy", request.requestedBy())
                .add("approvals", request.approvers().size())
                .add("approvalsRequired", request.approvalsRequired())
                .build()
                .toString());
    return ApprovalRequestView.of(request);
  }

  /**
   * Requests in one status, oldest first.
   *
   * @param status {@code SUBMITTED}, {@code AWAITING_APPROVAL}, {@code APPROVED}, {@code REJECTED},
   *     {@code EXPIRED} or {@code REFUSED}
   * @param offset rows to skip, ≥ 0
   * @param limit rows to return, 1..500
   * @throws BusinessRuleViolation {@code INVALID_REQUEST} for an unknown status
   */
  @RolesAllowed({Roles.CASHIER, Roles.APPROVER, Roles.FINANCE, Roles.ADMIN, Roles.AUDITOR})
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<ApprovalRequestView> list(String status, int offset, int limit) {
    ApprovalRequest.Status wanted;
    try {
      wanted = ApprovalRequest.Status.valueOf(status);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new BusinessRuleViolation(
          ErrorCode.INVALID_REQUEST, "no approval request status " + status);
    }
    return em.createNamedQuery(ApprovalRequest.BY_STATUS, ApprovalRequest.class)
        .setParameter("status", wanted)
        .setFirstResult(Math.max(0, offset))
        .setMaxResults(Math.min(500, Math.max(1, limit)))
        .getResultStream()
        .map(ApprovalRequestView::of)
        .toList();
  }

  /** The request with that number. */
  @RolesAllowed({Roles.CASHIER, Roles.APPROVER, Roles.FINANCE, Roles.ADMIN, Roles.AUDITOR})
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<ApprovalRequestView> find(String requestNumber) {
    return em.createNamedQuery(ApprovalRequest.BY_NUMBER, ApprovalRequest.class)
        .setParameter("number", requestNumber)
        .getResultStream()
        .findFirst()
        .map(ApprovalRequestView::of);
  }

  /** Every approval policy, by request type and currency. */
  @RolesAllowed({Roles.APPROVER, Roles.FINANCE, Roles.ADMIN, Roles.AUDITOR})
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<ApprovalPolicyView> policies() {
    return em.createQuery(
            "select p from ApprovalPolicy p order by p.requestType, p.currency",
            ApprovalPolicy.class)
        .getResultStream()
        .map(ApprovalPolicyView::of)
        .toList();
  }

  /**
   * Creates or changes the policy for a request type and currency (audited with the figures before
   * and after). Requests already made keep the figures they were made under.
   *
   * @throws BusinessRuleViolation {@code INVALID_REQUEST}, {@code INVALID_AMOUNT}
   */
  @RolesAllowed(Roles.ADMIN)
  public ApprovalPolicyView setPolicy(String requestType, String currency, PolicyFigures figures) {
    return ApprovalPolicyView.of(
        new ApprovalPolicies(em).set(requestType, currency, figures, user()));
  }

  /**
   * The request, locked, still awaiting a decision and not due. A due request is marked {@code
   * EXPIRED} in a transaction of its own before the decision is refused.
   */
  private ApprovalRequest lockUndue(String requestNumber, OffsetDateTime now) {
    Object[] found =
        em.createQuery(
                "select r.id, r.status, r.expiresAt from ApprovalRequest r where r.requestNumber"
                    + " = :number",
                Object[].class)
            .setParameter("number", requestNumber)
            .getResultStream()
            .findFirst()
            .orElseThrow(
                () ->
                    new BusinessRuleViolation(
                        ErrorCode.UNKNOWN_APPROVAL_REQUEST,
                        "no approval request " + requestNumber));
    long id = ((Number) found[0]).longValue();
    boolean due =
        found[1] == ApprovalRequest.Status.AWAITING_APPROVAL
            && !now.isBefore((OffsetDateTime) found[2]);
    if (due) {
      expiry.expireIfDue(id);
    }
    // a fresh read under the row lock: decisions on one request queue here
    return em.find(ApprovalRequest.class, id, LockModeType.PESSIMISTIC_WRITE);
  }

  private ApprovalHandler handler(String requestType) {
    return handlers.stream()
        .filter(h -> h.requestType().equals(requestType))
        .findFirst()
        .orElseThrow(
            () -> new IllegalStateException("no approval handler for request type " + requestType));
  }

  private String user() {
    return session.getCallerPrincipal() == null ? "system" : session.getCallerPrincipal().getName();
  }
}
