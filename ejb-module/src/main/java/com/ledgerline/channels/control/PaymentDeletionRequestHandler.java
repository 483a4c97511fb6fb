package com.ledgerline.channels.control;

import com.ledgerline.approvals.entity.ApprovalRequest;
import com.ledgerline.channels.boundary.ChannelHandler;
import com.ledgerline.channels.boundary.InboundMessage;
import com.ledgerline.payments.control.PaymentDeletionQueue;
import com.ledgerline.payments.control.PaymentDeletionRequests;
import com.ledgerline.platform.messaging.OutboundEvents;
import com.ledgerline.security.Roles;
import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;

/**
 * {@code approval.payment-deletion} v1 (contracts/approval.payment-deletion.v1.schema.json) on
 * {@code ledgerline.approvals}: routes a payment deletion request under the policy in data ({@link
 * PaymentDeletionRequests#route}). Key: {@code messageId}.
 *
 * <ul>
 *   <li>From the ERP (no {@code requestNumber}): the request is submitted for the named payment by
 *       the ERP's {@code requestedBy} and routed in the same transaction. Anything refused is a
 *       channel rejection and nothing is written: {@code UNKNOWN_PAYMENT}, {@code
 *       PAYMENT_ALREADY_REVERSED}, {@code REVERSAL_EXCEEDS_AMOUNT_PAID}, {@code
 *       PAYMENT_ALREADY_RECONCILED}, {@code NO_APPROVAL_POLICY}, {@code
 *       APPROVAL_ALREADY_REQUESTED}, {@code INVALID_REQUEST} (a requester named {@code system}).
 *   <li>From a screen or REST (channel {@value PaymentDeletionQueue#CHANNEL}, with the {@code
 *       requestNumber} of the request {@code Payments.requestDeletion} submitted): the request is
 *       routed; when the payment no longer allows it (reversed or reconciled meanwhile) the request
 *       is {@code REFUSED} with the rule's code and announced as {@code approval.refused}, and the
 *       message posts. Refused as a channel rejection: {@code INVALID_REQUEST} (a {@code
 *       requestNumber} from another channel, or one that names another payment or requester),
 *       {@code APPROVAL_REQUEST_ALREADY_DECIDED} (not submitted any more). A request number not
 *       (yet) visible in the database is a technical failure: redelivered, then dead-lettered.
 * </ul>
 */
@Stateless
@Local(ChannelHandler.class)
@RolesAllowed(Roles.SYSTEM)
public class PaymentDeletionRequestHandler implements ChannelHandler {
  @PersistenceContext private EntityManager em;
  @Inject private OutboundEvents events;

  @Override
  public Set<String> messageTypes() {
    return Set.of(PaymentDeletionQueue.MESSAGE_TYPE);
  }

  @Override
  public Posted apply(JsonObject document, InboundMessage message) {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    String paymentNumber = document.getString("paymentNumber");
    String requestedBy = document.getString("requestedBy");
    PaymentDeletionRequests deletions = new PaymentDeletionRequests(em, events);
    ApprovalRequest request;
    if (document.containsKey("requestNumber")) {
      request = submitted(document, message, paymentNumber, requestedBy);
      try {
        deletions.route(request, now);
      } catch (BusinessRuleViolation refused) {
        // the requester holds the request's number: the refusal is recorded on the request
        deletions.refuse(request, refused, now);
      }
    } else {
      if (Roles.SYSTEM_PRINCIPAL.equalsIgnoreCase(requestedBy)) {
        throw new BusinessRuleViolation(
            ErrorCode.INVALID_REQUEST, "a person asks for a deletion, not " + requestedBy);
      }
      request =
          deletions.submit(paymentNumber, document.getString("reason"), requestedBy, now).request();
      deletions.route(request, now);
    }
    return new Posted(ApprovalRequest.DOCUMENT_TYPE, request.requestNumber());
  }

  private ApprovalRequest submitted(
      JsonObject document, InboundMessage message, String paymentNumber, String requestedBy) {
    String requestNumber = document.getString("requestNumber");
    if (!PaymentDeletionQueue.CHANNEL.equals(message.channel())) {
      throw new BusinessRuleViolation(
          ErrorCode.INVALID_REQUEST,
          "requestNumber is set by channel "
              + PaymentDeletionQueue.CHANNEL
              + " only; channel "
              + message.channel()
              + " names the payment and the requester");
    }
    ApprovalRequest request =
        em.createNamedQuery(ApprovalRequest.BY_NUMBER, ApprovalRequest.class)
            .setParameter("number", requestNumber)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultStream()
            .findFirst()
            // The request and this message commit in one XA transaction, but the broker may
            // deliver before the database's commit is visible (payara/Payara#7481): a technical
            // failure, so the delivery rolls back and is redelivered after its delay.
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "approval request "
                            + requestNumber
                            + " is not visible (yet); the message is redelivered"));
    if (!request.documentNumber().equals(paymentNumber)
        || !request.requestedBy().equals(requestedBy)) {
      throw new BusinessRuleViolation(
          ErrorCode.INVALID_REQUEST,
          requestNumber
              + " asks "
              + request.requestedBy()
              + "'s deletion of "
              + request.documentNumber()
              + ", not "
              + requestedBy
              + "'s of "
              + paymentNumber);
    }
    if (request.status() != ApprovalRequest.Status.SUBMITTED) {
      throw new BusinessRuleViolation(
          ErrorCode.APPROVAL_REQUEST_ALREADY_DECIDED,
          requestNumber + " is " + request.status() + ", routed already");
    }
    return request;
  }
}
