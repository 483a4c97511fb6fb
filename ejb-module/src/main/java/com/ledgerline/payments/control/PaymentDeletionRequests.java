package com.ledgerline.payments.control;

import static com.ledgerline.shared.Jsonp.JSON;

import com.ledgerline.approvals.control.ApprovalRequests;
import com.ledgerline.approvals.entity.ApprovalRequest;
import com.ledgerline.payments.entity.Payment;
import com.ledgerline.platform.messaging.OutboundEvents;
import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
import com.ledgerline.shared.Money;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.Currency;

/**
 * The one home of the rules for asking a payment's deletion (issue 4, "approval policies on the
 * bus"), inside the caller's transaction. A request from a screen or REST is {@linkplain #submit
 * submitted} by {@code Payments.requestDeletion} and put on the approvals queue; a request from the
 * ERP is submitted by the queue's consumer; either way the consumer {@linkplain #route routes} it.
 *
 * <p>Refused outright, at submission and again at routing (the payment may have changed while the
 * request waited on the queue): {@code UNKNOWN_PAYMENT}, {@code PAYMENT_ALREADY_REVERSED}, {@code
 * REVERSAL_EXCEEDS_AMOUNT_PAID} (part of it was refused), {@code PAYMENT_ALREADY_RECONCILED}. The
 * policy in data ({@code apr_approval_policy}: approvers needed, more above the threshold, expiry)
 * is applied at routing only.
 *
 * <p>Locks: submitting takes the payment row (concurrent requests for one payment queue there);
 * routing takes the request row (its caller), then the payment row, the order of an approval.
 */
public final class PaymentDeletionRequests {
  private final EntityManager em;
  private final OutboundEvents events;

  public PaymentDeletionRequests(EntityManager em, OutboundEvents events) {
    this.em = em;
    this.events = events;
  }

  /**
   * Records a deletion request as {@code SUBMITTED}, after the payment's refusals.
   *
   * @param reason why, required, at most 400 characters
   * @param requestedBy a Ledgerline user, or the ERP's user name for a request the ERP made
   * @return the request and the payment's customer number (the routing message's group)
   * @throws BusinessRuleViolation the refusals above, and {@code INVALID_REQUEST}, {@code
   *     NO_APPROVAL_POLICY}, {@code APPROVAL_ALREADY_REQUESTED} ({@link ApprovalRequests#submit})
   */
  public Submitted submit(
      String paymentNumber, String reason, String requestedBy, OffsetDateTime now) {
    Payment payment = lockDeletable(paymentNumber);
    ApprovalRequest request =
        new ApprovalRequests(em)
            .submit(
                PaymentDeletionApprovals.REQUEST_TYPE,
                Payment.DOCUMENT_TYPE,
                paymentNumber,
                payment.amount().amount(),
                payment.currency().getCurrencyCode(),
                reason,
                requestedBy,
                now);
    return new Submitted(request, payment.customer().customerNumber());
  }

  /** A submitted request and the customer whose payment it names. */
  public record Submitted(ApprovalRequest request, String customerNumber) {}

  /**
   * Routes a submitted request: the payment's refusals again, then the policy in force now; the
   * request awaits approval with its approvers and expiry, announced as {@code approval.requested}
   * on the outbound topic.
   *
   * @throws BusinessRuleViolation the refusals above and {@code NO_APPROVAL_POLICY}; nothing is
   *     written then
   */
  public void route(ApprovalRequest request, OffsetDateTime now) {
    Payment payment = lockDeletable(request.documentNumber());
    new ApprovalRequests(em).route(request, now);
    Currency currency = payment.currency();
    events.publish(
        "approval.requested",
        payment.customer().customerNumber(),
        JSON.createObjectBuilder()
            .add("eventType", "approval.requested")
            .add("schemaVersion", 1)
            .add("requestNumber", request.requestNumber())
            .add("requestType", request.requestType())
            .add("documentType", request.documentType())
            .add("documentNumber", request.documentNumber())
            .add("saleNumber", payment.sale().saleNumber())
            .add("customerNumber", payment.customer().customerNumber())
            .add("amount", request.amount().setScale(Money.scaleOf(currency)))
            .add("currency", request.currency())
            .add("requestedBy", request.requestedBy())
            .add("requestedAt", request.requestedAt().toString())
            .add("reason", request.reason())
            .add("approvalsRequired", request.approvalsRequired())
            .add("expiresAt", request.expiresAt().toString())
            .build()
            .toString());
  }

  /**
   * Refuses a submitted request that {@link #route} refused: the request is {@code REFUSED} with
   * the rule's code, announced as {@code approval.refused}. For requests made on a screen or over
   * REST, whose requester already has the request's number.
   */
  public void refuse(ApprovalRequest request, BusinessRuleViolation refusal, OffsetDateTime now) {
    new ApprovalRequests(em).refuse(request, refusal, now);
    String customerNumber =
        em.createQuery(
                "select p.customer.customerNumber from Payment p where p.paymentNumber = :number",
                String.class)
            .setParameter("number", request.documentNumber())
            .getResultStream()
            .findFirst()
            .orElse(request.documentNumber());
    events.publish(
        "approval.refused",
        customerNumber,
        JSON.createObjectBuilder()
            .add("eventType", "approval.refused")
            .add("schemaVersion", 1)
            .add("requestNumber", request.requestNumber())
            .add("requestType", request.requestType())
            .add("documentType", request.documentType())
            .add("documentNumber", request.documentNumber())
            .add("requestedBy", request.requestedBy())
            .add("code", refusal.code().name())
            .add("detail", refusal.detail())
            .build()
            .toString());
  }

  /**
   * The payment, locked, when its deletion may be asked.
   *
   * @throws BusinessRuleViolation {@code UNKNOWN_PAYMENT}, {@code PAYMENT_ALREADY_REVERSED}, {@code
   *     REVERSAL_EXCEEDS_AMOUNT_PAID}, {@code PAYMENT_ALREADY_RECONCILED}
   */
  private Payment lockDeletable(String paymentNumber) {
    Payment payment = new PaymentReversals(em, events).lockReversible(paymentNumber);
    if (reconciled(payment)) {
      throw new BusinessRuleViolation(
          ErrorCode.PAYMENT_ALREADY_RECONCILED,
          paymentNumber + " is matched to a bank statement line and cannot be deleted");
    }
    return payment;
  }

  /**
   * Whether the payment is matched to a bank statement line: its book item {@code PAY:<number>} has
   * more matches than unmatches (bank reconciliation, V0081). A reconciled payment's deletion would
   * leave the bank statement unexplained, so it is refused {@code PAYMENT_ALREADY_RECONCILED};
   * unmatch it first.
   */
  boolean reconciled(Payment payment) {
    return ((Number)
                em.createNativeQuery(
                        "select count(*) filter (where kind = 'MATCH') - count(*) filter (where"
                            + " kind = 'UNMATCH') from rec_match_item where book_item_key = ?1")
                    .setParameter(1, "PAY:" + payment.paymentNumber())
                    .getSingleResult())
            .longValue()
        > 0;
  }
}
