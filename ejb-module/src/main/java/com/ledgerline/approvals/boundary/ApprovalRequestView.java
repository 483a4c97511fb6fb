package com.ledgerline.approvals.boundary;

import com.ledgerline.approvals.entity.ApprovalRequest;
import com.ledgerline.shared.Money;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.List;

/**
 * An approval request as approvers and auditors read it: what is asked, by whom and why, what the
 * policy required, every decision, and how it ended. Amount at the currency's scale. While {@code
 * SUBMITTED} (not routed yet) {@code routedAt}, {@code approvalsRequired} and {@code expiresAt} are
 * null; a {@code REFUSED} request names the rule that refused it in {@code refusalCode} (detail in
 * {@code decisionReason}).
 */
public record ApprovalRequestView(
    String requestNumber,
    String requestType,
    String documentType,
    String documentNumber,
    BigDecimal amount,
    String currency,
    String reason,
    String requestedBy,
    OffsetDateTime requestedAt,
    OffsetDateTime routedAt,
    Integer approvalsRequired,
    OffsetDateTime expiresAt,
    String status,
    String refusalCode,
    OffsetDateTime decidedAt,
    String decidedBy,
    String decisionReason,
    List<Decision> decisions) {

  /** One approver's decision. */
  public record Decision(
      String decision, String decidedBy, OffsetDateTime decidedAt, String reason) {}

  public static ApprovalRequestView of(ApprovalRequest r) {
    return new ApprovalRequestView(
        r.requestNumber(),
        r.requestType(),
        r.documentType(),
        r.documentNumber(),
        r.amount().setScale(Money.scaleOf(Currency.getInstance(r.currency()))),
        r.currency(),
        r.reason(),
        r.requestedBy(),
        r.requestedAt(),
        r.routedAt(),
        r.approvalsRequired(),
        r.expiresAt(),
        r.status().name(),
        r.refusalCode(),
        r.decidedAt(),
        r.decidedBy(),
        r.decisionReason(),
        r.decisions().stream()
            .map(d -> new Decision(d.verdict().name(), d.decidedBy(), d.decidedAt(), d.reason()))
            .toList());
  }
}
