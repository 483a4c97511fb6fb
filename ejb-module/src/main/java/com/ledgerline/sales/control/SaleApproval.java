package com.ledgerline.sales.control;

import static com.ledgerline.shared.Jsonp.JSON;

import com.ledgerline.audit.control.AuditTrail;
import com.ledgerline.sales.entity.Sale;
import com.ledgerline.sales.entity.SaleStatus;
import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
import jakarta.persistence.EntityManager;
import java.util.Objects;

/**
 * The maker-checker rule on held sales (DESIGN.md 4): the approver who decides on a sale waiting
 * for approval is neither the user who created it nor the one who asked to post it. A release posts
 * the sale ({@link SalePosting#release}); a rejection ends it in {@code REJECTED} for good, with
 * its lines and the decision kept for the record (to sell anyway, a new draft is made).
 */
public final class SaleApproval {
  private final EntityManager em;

  public SaleApproval(EntityManager em) {
    this.em = em;
  }

  /**
   * @throws BusinessRuleViolation {@code APPROVER_MUST_DIFFER_FROM_REQUESTER}
   */
  public static void requireDifferentApprover(Sale held, String approver) {
    if (approver.equals(held.createdBy()) || approver.equals(held.submittedBy())) {
      throw new BusinessRuleViolation(
          ErrorCode.APPROVER_MUST_DIFFER_FROM_REQUESTER,
          approver
              + " created or submitted "
              + held.reference()
              + " and cannot decide on it; another approver must");
    }
  }

  /**
   * Rejects a held sale: {@code PENDING_APPROVAL} → {@code REJECTED}, nothing posted, the decision
   * recorded on the sale and in the audit trail.
   *
   * @throws BusinessRuleViolation {@code REASON_REQUIRED}, {@code SALE_NOT_PENDING_APPROVAL},
   *     {@code APPROVER_MUST_DIFFER_FROM_REQUESTER}
   */
  public Sale reject(Sale held, String approver, String reason) {
    String why = SaleReferences.requireReason(reason, "a rejection");
    SalePosting.requireStatus(
        held, SaleStatus.PENDING_APPROVAL, ErrorCode.SALE_NOT_PENDING_APPROVAL);
    requireDifferentApprover(held, approver);
    new SaleReferences(em).lock(held);
    SalePosting.requireStatus(
        held, SaleStatus.PENDING_APPROVAL, ErrorCode.SALE_NOT_PENDING_APPROVAL);
    held.decide(Sale.Decision.REJECTED, approver, why);
    new AuditTrail(em)
        .record(
            approver,
            "sale.rejected",
            SaleDrafting.DOCUMENT_TYPE,
            held.draftNumber(),
            why,
            JSON.createObjectBuilder()
                .add("requestedBy", Objects.toString(held.submittedBy(), held.createdBy()))
                .add("holdReason", Objects.toString(held.holdReason(), ""))
                .add("total", held.total())
                .build()
                .toString());
    return held;
  }
}
