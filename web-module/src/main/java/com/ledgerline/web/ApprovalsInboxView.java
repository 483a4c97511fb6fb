package com.ledgerline.web;

import com.ledgerline.approvals.boundary.ApprovalRequestView;
import com.ledgerline.approvals.boundary.Approvals;
import com.ledgerline.payments.boundary.PaymentView;
import com.ledgerline.payments.boundary.Payments;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * The approvers' inbox ({@code approvals/inbox.xhtml}): the requests awaiting a decision, oldest
 * first, each with its context (the payment and its sale, who asked and why), read as one page of
 * requests and one query for their payments. Approve or reject with a reason ({@link Approvals});
 * the boundary refuses an approver's own request ({@code APPROVER_MUST_DIFFER_FROM_REQUESTER}) and
 * the screen shows its text.
 */
@Named
@ViewScoped
public class ApprovalsInboxView implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Requests shown at once. */
  public static final int PAGE_SIZE = 50;

  @EJB private Approvals approvals;
  @EJB private Payments payments;

  private List<ApprovalRequestView> requests;
  private Map<String, PaymentView> paymentsByNumber;
  private int offset;
  private String chosen;
  private String reason;

  @PostConstruct
  void init() {
    load();
  }

  private void load() {
    requests = approvals.list("AWAITING_APPROVAL", offset, PAGE_SIZE);
    paymentsByNumber =
        payments.findAll(
            requests.stream()
                .filter(r -> "PAYMENT".equals(r.documentType()))
                .map(ApprovalRequestView::documentNumber)
                .toList());
  }

  public void next() {
    if (requests.size() == PAGE_SIZE) {
      offset += PAGE_SIZE;
      load();
    }
  }

  public void previous() {
    offset = Math.max(0, offset - PAGE_SIZE);
    load();
  }

  public void choose(String requestNumber) {
    chosen = requestNumber;
    reason = null;
  }

  public void approve() {
    decide(true);
  }

  public void reject() {
    decide(false);
  }

  private void decide(boolean approve) {
    if (chosen == null) {
      return;
    }
    try {
      ApprovalRequestView decided =
          approve ? approvals.approve(chosen, reason) : approvals.reject(chosen, reason);
      Messages.info("approvals.decided", decided.requestNumber(), decided.status());
      chosen = null;
      reason = null;
      load();
    } catch (RuntimeException e) {
      Messages.error(null, e);
    }
  }

  public PaymentView payment(String paymentNumber) {
    return paymentsByNumber.get(paymentNumber);
  }

  public List<ApprovalRequestView> getRequests() {
    return requests;
  }

  public boolean isHasNext() {
    return requests.size() == PAGE_SIZE;
  }

  public boolean isHasPrevious() {
    return offset > 0;
  }

  public int getOffset() {
    return offset;
  }

  public String getChosen() {
    return chosen;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }
}
