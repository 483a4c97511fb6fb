package com.ledgerline.approvals.control;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A request as its handler sees it at the final approval.
 *
 * @param amount the amount at stake, scale 4 as stored
 * @param reason the requester's reason
 * @param approvers the distinct approvers, in the order they approved; the last completed it
 */
public record ApprovedRequest(
    String requestNumber,
    String requestType,
    String documentType,
    String documentNumber,
    BigDecimal amount,
    String currency,
    String reason,
    String requestedBy,
    List<String> approvers,
    OffsetDateTime approvedAt) {

  /** The approver whose decision completed the request. */
  public String finalApprover() {
    return approvers.get(approvers.size() - 1);
  }
}
