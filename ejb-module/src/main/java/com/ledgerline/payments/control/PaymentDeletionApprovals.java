package com.ledgerline.payments.control;

import com.ledgerline.approvals.control.ApprovalHandler;
import com.ledgerline.approvals.control.ApprovedRequest;
import com.ledgerline.platform.messaging.OutboundEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;

/**
 * Carries out an approved payment deletion: the payment is reversed (never deleted), inside the
 * transaction of the final approval.
 */
@ApplicationScoped
public class PaymentDeletionApprovals implements ApprovalHandler {
  /** The request type of a payment deletion. */
  public static final String REQUEST_TYPE = "PAYMENT_DELETION";

  @PersistenceContext private EntityManager em;
  @Inject private OutboundEvents events;

  /** For the container (CDI proxies and field injection). */
  protected PaymentDeletionApprovals() {}

  /**
   * The handler over a given persistence context and event sender, for use outside the container
   * (the container-free harness); behaves exactly as the injected bean.
   */
  public PaymentDeletionApprovals(EntityManager em, OutboundEvents events) {
    this.em = em;
    this.events = events;
  }

  @Override
  public String requestType() {
    return REQUEST_TYPE;
  }

  @Override
  public void approved(ApprovedRequest request) {
    new PaymentReversals(em, events)
        .reverse(
            request.documentNumber(),
            request.requestNumber(),
            request.reason(),
            request.finalApprover(),
            request.requestedBy(),
            LocalDate.now());
  }
}
