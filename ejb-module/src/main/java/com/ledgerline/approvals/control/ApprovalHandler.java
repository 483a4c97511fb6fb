package com.ledgerline.approvals.control;

import com.ledgerline.shared.BusinessRuleViolation;

/**
 * What an approved request does, supplied by the component that owns the request type as a CDI bean
 * (e.g. payments for {@code PAYMENT_DELETION}). The approvals boundary finds the handler by {@link
 * #requestType()} and calls it inside the transaction of the final approval: the decision and its
 * effect commit together, and a handler that throws rolls the approval back.
 */
public interface ApprovalHandler {

  /** The request type this handler carries out, e.g. {@code PAYMENT_DELETION}. */
  String requestType();

  /**
   * Carries out the approved request.
   *
   * @throws BusinessRuleViolation when the document no longer allows it (the request stays awaiting
   *     approval)
   */
  void approved(ApprovedRequest request);
}
