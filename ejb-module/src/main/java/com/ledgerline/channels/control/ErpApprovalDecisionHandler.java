package com.ledgerline.channels.control;

import com.ledgerline.approvals.boundary.Approvals;
import com.ledgerline.approvals.entity.ApprovalRequest;
import com.ledgerline.channels.boundary.ChannelHandler;
import com.ledgerline.channels.boundary.InboundMessage;
import com.ledgerline.security.Roles;
import com.ledgerline.security.entity.UserAccount;
import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Set;

/**
 * {@code erp.approval-decision} v1 (contracts/erp.approval-decision.v1.schema.json) on {@code
 * ledgerline.erp.approvals}: an approver's decision made in the ERP, applied by the same approvals
 * logic as a decision over REST ({@link Approvals#approveFor}, {@link Approvals#rejectFor}): two
 * distinct approvers above the policy's threshold, never the requester; the final approval of a
 * payment deletion reverses the payment in this transaction. Key: {@code messageId}.
 *
 * <p>The approver must be a known, enabled Ledgerline user holding {@code APPROVER} ({@code
 * NOT_ALLOWED} otherwise, as over REST). Every refusal is a channel rejection, nothing written:
 * {@code NOT_ALLOWED}, {@code INVALID_REQUEST} (a rejection without a reason), and the codes of the
 * approvals ({@code UNKNOWN_APPROVAL_REQUEST}, {@code APPROVAL_REQUEST_NOT_ROUTED}, {@code
 * APPROVAL_REQUEST_EXPIRED}, {@code APPROVAL_REQUEST_ALREADY_DECIDED}, {@code
 * APPROVER_MUST_DIFFER_FROM_REQUESTER}, {@code APPROVERS_MUST_BE_DISTINCT}, and the payment's:
 * {@code PAYMENT_ALREADY_REVERSED}, {@code REVERSAL_EXCEEDS_AMOUNT_PAID}, {@code
 * ACCOUNTING_PERIOD_CLOSED}).
 */
@Stateless
@Local(ChannelHandler.class)
@RolesAllowed(Roles.SYSTEM)
public class ErpApprovalDecisionHandler implements ChannelHandler {
  public static final String TYPE = "erp.approval-decision";

  /** The two decisions the contract allows. */
  public static final String APPROVE = "approve";

  public static final String REJECT = "reject";

  @PersistenceContext private EntityManager em;
  @EJB private Approvals approvals;

  @Override
  public Set<String> messageTypes() {
    return Set.of(TYPE);
  }

  @Override
  public Posted apply(JsonObject document, InboundMessage message) {
    String requestNumber = document.getString("requestNumber");
    String approver = document.getString("approver");
    String reason = document.getString("reason", null);
    requireApprover(approver);
    if (APPROVE.equals(document.getString("decision"))) {
      approvals.approveFor(requestNumber, approver, reason);
    } else {
      approvals.rejectFor(requestNumber, approver, reason);
    }
    return new Posted(ApprovalRequest.DOCUMENT_TYPE, requestNumber);
  }

  private void requireApprover(String approver) {
    boolean approves =
        em.createNamedQuery(UserAccount.BY_NAME, UserAccount.class)
            .setParameter("name", approver)
            .getResultStream()
            .findFirst()
            .filter(UserAccount::enabled)
            .filter(u -> u.roles().contains(Roles.APPROVER))
            .isPresent();
    if (!approves) {
      throw new BusinessRuleViolation(
          ErrorCode.NOT_ALLOWED,
          approver + " is not an enabled Ledgerline user holding " + Roles.APPROVER);
    }
  }
}
