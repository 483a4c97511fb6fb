package com.ledgerline.payments.boundary;

import com.ledgerline.approvals.boundary.ApprovalRequestView;
import com.ledgerline.approvals.entity.ApprovalRequest;
import com.ledgerline.payments.control.Allocation;
import com.ledgerline.payments.control.PaymentDeletionApprovals;
import com.ledgerline.payments.control.PaymentDeletionQueue;
import com.ledgerline.payments.control.PaymentDeletionRequests;
import com.ledgerline.payments.control.PaymentPosting;
import com.ledgerline.payments.control.RefundPosting;
import com.ledgerline.payments.control.SaleSettlement;
import com.ledgerline.payments.entity.Payment;
import com.ledgerline.payments.entity.PaymentReversal;
import com.ledgerline.payments.entity.Refund;
import com.ledgerline.platform.messaging.OutboundEvents;
import com.ledgerline.sales.entity.Sale;
import com.ledgerline.security.Roles;
import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.Money;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The payments boundary (seed playbook {@code salePayments}): record payments against a posted
 * sale, request a payment's deletion (an approval request; the approved deletion reverses it), pay
 * refunds out of a customer's credit, and read them. Each workflow is one container-managed JTA
 * transaction: the payment, its journal entry, customer ledger entry, customer credit, the sale's
 * amount paid and status, the audit record and the outbound event commit together or not at all.
 */
@Stateless
public class Payments {
  @PersistenceContext private EntityManager em;
  @Inject private OutboundEvents events;
  @Inject private PaymentDeletionQueue deletionQueue;
  @Resource private SessionContext session;

  /**
   * Records one payment, or several tenders of a split payment in one transaction (see {@link
   * PaymentPosting#record}).
   *
   * @return the sale's payment side after the payments
   * @throws BusinessRuleViolation {@code INVALID_REQUEST}, {@code UNKNOWN_SALE}, {@code
   *     SALE_NOT_POSTED}, {@code CURRENCY_MISMATCH}, {@code PAYMENT_DATED_BEFORE_SALE}, {@code
   *     UNKNOWN_TENDER}, {@code INVALID_AMOUNT}, {@code ACCOUNTING_PERIOD_CLOSED}; nothing is
   *     written
   */
  @RolesAllowed({Roles.CASHIER, Roles.FINANCE})
  public SalePaymentsView record(String saleNumber, RecordPayments command) {
    List<Payment> payments = new PaymentPosting(em, events).record(saleNumber, command, user());
    return view(payments.get(0).sale());
  }

  /**
   * Asks for a payment to be deleted. The request is recorded as {@code SUBMITTED} and put on the
   * approvals queue in this transaction; the queue's consumer routes it under the policy in data
   * (it then awaits approval with its approvers and expiry, or is {@code REFUSED} if the payment
   * changed meanwhile), the same path an ERP request takes ({@link PaymentDeletionRequests}).
   * Nothing moves until approvers other than the requester approve (two distinct approvers above
   * the policy's threshold); the approval then reverses the payment.
   *
   * @param reason why, required, at most 400 characters
   * @return the submitted request (not yet routed: no approvers or expiry yet)
   * @throws BusinessRuleViolation {@code UNKNOWN_PAYMENT}, {@code PAYMENT_ALREADY_REVERSED}, {@code
   *     REVERSAL_EXCEEDS_AMOUNT_PAID}, {@code PAYMENT_ALREADY_RECONCILED}, {@code INVALID_REQUEST},
   *     {@code NO_APPROVAL_POLICY}, {@code APPROVAL_ALREADY_REQUESTED}; nothing is written or sent
   */
  @RolesAllowed({Roles.CASHIER, Roles.FINANCE, Roles.APPROVER})
  public ApprovalRequestView requestDeletion(String paymentNumber, String reason) {
    PaymentDeletionRequests.Submitted submitted =
        new PaymentDeletionRequests(em, events)
            .submit(paymentNumber, reason, user(), OffsetDateTime.now(ZoneOffset.UTC));
    deletionQueue.put(submitted.request(), submitted.customerNumber());
    return ApprovalRequestView.of(submitted.request());
  }

  /**
   * Pays a refund out of the credit the sale left its customer, optionally against one of its
   * credit notes (see {@link RefundPosting#refund}).
   *
   * @throws BusinessRuleViolation {@code INVALID_REQUEST}, {@code UNKNOWN_TENDER}, {@code
   *     UNKNOWN_SALE}, {@code SALE_NOT_POSTED}, {@code CURRENCY_MISMATCH}, {@code
   *     PAYMENT_DATED_BEFORE_SALE}, {@code INVALID_AMOUNT}, {@code UNKNOWN_CREDIT_NOTE}, {@code
   *     CREDIT_NOTE_OF_ANOTHER_CUSTOMER}, {@code CREDIT_NOTE_OF_ANOTHER_SALE}, {@code
   *     DATE_BEFORE_ORIGINAL}, {@code REFUND_EXCEEDS_CREDIT_NOTE}, {@code
   *     REFUND_EXCEEDS_CUSTOMER_CREDIT}, {@code ACCOUNTING_PERIOD_CLOSED}; nothing is written
   */
  @RolesAllowed(Roles.FINANCE)
  public RefundView refund(String saleNumber, PayRefund command) {
    return RefundView.of(new RefundPosting(em, events).refund(saleNumber, command, user()));
  }

  /** The sale's payment side, empty when there is no such sale. */
  @RolesAllowed({Roles.CASHIER, Roles.APPROVER, Roles.FINANCE, Roles.ADMIN, Roles.AUDITOR})
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<SalePaymentsView> ofSale(String saleNumber) {
    return em.createNamedQuery(Sale.BY_NUMBER, Sale.class)
        .setParameter("number", saleNumber)
        .getResultStream()
        .findFirst()
        .map(this::view);
  }

  /** The payment with its reversal, empty when there is no such payment. */
  @RolesAllowed({Roles.CASHIER, Roles.APPROVER, Roles.FINANCE, Roles.ADMIN, Roles.AUDITOR})
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<PaymentView> find(String paymentNumber) {
    return em.createNamedQuery(Payment.BY_NUMBER, Payment.class)
        .setParameter("number", paymentNumber)
        .getResultStream()
        .findFirst()
        .map(p -> PaymentView.of(p, reversal(p)));
  }

  /**
   * Several payments at once, in one query (the approvals inbox shows a page of requests with their
   * payments): each found payment by its number; numbers not found are absent.
   */
  @RolesAllowed({Roles.CASHIER, Roles.APPROVER, Roles.FINANCE, Roles.ADMIN, Roles.AUDITOR})
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public java.util.Map<String, PaymentView> findAll(java.util.Collection<String> paymentNumbers) {
    if (paymentNumbers == null || paymentNumbers.isEmpty()) {
      return java.util.Map.of();
    }
    java.util.Map<String, PaymentView> found = new java.util.LinkedHashMap<>();
    em.createQuery(
            "select p from Payment p join fetch p.sale join fetch p.customer join fetch"
                + " p.journalEntry where p.paymentNumber in :numbers",
            Payment.class)
        .setParameter("numbers", List.copyOf(paymentNumbers))
        .getResultStream()
        .forEach(p -> found.put(p.paymentNumber(), PaymentView.of(p, reversal(p))));
    return found;
  }

  /** The deletion requests of a payment, oldest first. */
  @RolesAllowed({Roles.CASHIER, Roles.APPROVER, Roles.FINANCE, Roles.ADMIN, Roles.AUDITOR})
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<ApprovalRequestView> deletionRequests(String paymentNumber) {
    return em.createNamedQuery(ApprovalRequest.BY_DOCUMENT, ApprovalRequest.class)
        .setParameter("type", Payment.DOCUMENT_TYPE)
        .setParameter("number", paymentNumber)
        .getResultStream()
        .filter(r -> r.requestType().equals(PaymentDeletionApprovals.REQUEST_TYPE))
        .map(ApprovalRequestView::of)
        .toList();
  }

  private SalePaymentsView view(Sale sale) {
    SaleSettlement settlement = new SaleSettlement(em);
    Money open = settlement.openAmount(sale);
    Money deposits = settlement.depositsHeld(sale);
    List<PaymentView> payments =
        em.createNamedQuery(Payment.OF_SALE, Payment.class)
            .setParameter("sale", sale)
            .getResultStream()
            .map(p -> PaymentView.of(p, reversal(p)))
            .toList();
    List<RefundView> refunds =
        em.createNamedQuery(Refund.OF_SALE, Refund.class)
            .setParameter("sale", sale)
            .getResultStream()
            .map(RefundView::of)
            .toList();
    return new SalePaymentsView(
        sale.saleNumber(),
        sale.customer().customerNumber(),
        sale.currency().getCurrencyCode(),
        sale.total(),
        settlement.charged(sale).amount(),
        sale.amountPaid(),
        sale.paymentStatus().name(),
        open.amount(),
        deposits.amount(),
        Allocation.customerCredit(open, deposits).amount(),
        payments,
        refunds);
  }

  private PaymentReversal reversal(Payment payment) {
    if (payment.status() != Payment.Status.REVERSED) {
      return null;
    }
    return em.createNamedQuery(PaymentReversal.OF_PAYMENT, PaymentReversal.class)
        .setParameter("payment", payment)
        .getSingleResult();
  }

  private String user() {
    return session.getCallerPrincipal() == null ? "system" : session.getCallerPrincipal().getName();
  }
}
