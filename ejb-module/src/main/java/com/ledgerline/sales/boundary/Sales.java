package com.ledgerline.sales.boundary;

import com.ledgerline.platform.messaging.OutboundEvents;
import com.ledgerline.sales.control.CreditNoteIssue;
import com.ledgerline.sales.control.SaleAmendment;
import com.ledgerline.sales.control.SaleApproval;
import com.ledgerline.sales.control.SaleDrafting;
import com.ledgerline.sales.control.SalePosting;
import com.ledgerline.sales.control.SaleReferences;
import com.ledgerline.sales.control.SaleSearches;
import com.ledgerline.sales.control.SaleViews;
import com.ledgerline.sales.control.SaleVoiding;
import com.ledgerline.sales.entity.CreditNote;
import com.ledgerline.sales.entity.Sale;
import com.ledgerline.sales.entity.SaleStatus;
import com.ledgerline.security.Roles;
import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The sales boundary: every workflow of a sale's lifecycle (DESIGN.md 4) is one method and one
 * container-managed JTA transaction over the ledger database and the broker. A document and all its
 * effects (stock movements, customer ledger entries, journal entries, the audit record and the
 * outbound event) commit together or not at all; a refusal ({@link BusinessRuleViolation}) rolls
 * everything back.
 *
 * <p>Roles: cashiers and finance sell, draft and amend; the system sells for channels (POS
 * messages, imports); only approvers release or reject held sales, never their own; finance issues
 * credit notes and voids. Every role reads.
 */
@Stateless
public class Sales {
  @PersistenceContext private EntityManager em;
  @Inject private OutboundEvents events;
  @Resource private SessionContext session;

  /**
   * Posts a sale in one step (see {@link SalePosting#post} for the rules and error codes). Over the
   * customer's credit limit the answer is the sale held in {@code PENDING_APPROVAL}, with no
   * effect. A repeated channel transaction id with the same content answers the first result,
   * flagged {@code duplicate}.
   *
   * @throws BusinessRuleViolation with the code of the rule broken; nothing is written
   */
  @RolesAllowed({Roles.CASHIER, Roles.FINANCE, Roles.SYSTEM})
  public SaleView post(PostSale command) {
    SalePosting.Outcome outcome = new SalePosting(em, events).post(command, user());
    SaleView view = new SaleViews(em).of(outcome.sale());
    return outcome.duplicate() ? view.asDuplicate() : view;
  }

  /**
   * Creates a draft: no number from the invoice series, no effect (see {@link SaleDrafting}).
   *
   * @return the draft, known by its {@code DRAFT-} number
   * @throws BusinessRuleViolation see {@link SaleDrafting#create}
   */
  @RolesAllowed({Roles.CASHIER, Roles.FINANCE})
  public SaleView createDraft(SaleDraft draft) {
    return new SaleViews(em).of(new SaleDrafting(em).create(draft, user()));
  }

  /**
   * Replaces a draft's content as a whole.
   *
   * @throws BusinessRuleViolation {@code UNKNOWN_SALE}, {@code SALE_NOT_DRAFT}, and see {@link
   *     SaleDrafting#create}
   */
  @RolesAllowed({Roles.CASHIER, Roles.FINANCE})
  public SaleView updateDraft(String draftNumber, SaleDraft draft) {
    Sale sale = new SaleReferences(em).sale(draftNumber);
    return new SaleViews(em).of(new SaleDrafting(em).update(sale, draft, user()));
  }

  /**
   * Discards a draft for good.
   *
   * @param reason optional
   * @throws BusinessRuleViolation {@code UNKNOWN_SALE}, {@code SALE_NOT_DRAFT}
   */
  @RolesAllowed({Roles.CASHIER, Roles.FINANCE})
  public SaleView discardDraft(String draftNumber, String reason) {
    Sale sale = new SaleReferences(em).sale(draftNumber);
    return new SaleViews(em).of(new SaleDrafting(em).discard(sale, reason, user()));
  }

  /**
   * Posts a draft; over the credit limit it is held for an approver instead.
   *
   * @param expectedTotal the gross total the client shows, only checked; null = not checked
   * @return the sale, {@code POSTED} or {@code PENDING_APPROVAL}
   * @throws BusinessRuleViolation {@code UNKNOWN_SALE}, and see {@link SalePosting#postDraft}
   */
  @RolesAllowed({Roles.CASHIER, Roles.FINANCE})
  public SaleView postDraft(String draftNumber, BigDecimal expectedTotal) {
    Sale sale = new SaleReferences(em).sale(draftNumber);
    return new SaleViews(em).of(new SalePosting(em, events).postDraft(sale, expectedTotal, user()));
  }

  /**
   * Releases a held sale: it posts now with all its effects. The approver must be someone other
   * than the user who created or submitted it.
   *
   * @param reference the held sale's draft number
   * @throws BusinessRuleViolation {@code UNKNOWN_SALE}, and see {@link SalePosting#release}
   */
  @RolesAllowed(Roles.APPROVER)
  public SaleView release(String reference, String reason) {
    Sale sale = new SaleReferences(em).sale(reference);
    return new SaleViews(em).of(new SalePosting(em, events).release(sale, user(), reason));
  }

  /**
   * Rejects a held sale: {@code REJECTED} for good, nothing posted.
   *
   * @throws BusinessRuleViolation {@code UNKNOWN_SALE}, and see {@link SaleApproval#reject}
   */
  @RolesAllowed(Roles.APPROVER)
  public SaleView reject(String reference, String reason) {
    Sale sale = new SaleReferences(em).sale(reference);
    return new SaleViews(em).of(new SaleApproval(em).reject(sale, user(), reason));
  }

  /**
   * Amends a posted sale's lines: a new revision, the delta posted.
   *
   * @throws BusinessRuleViolation {@code UNKNOWN_SALE}, and see {@link SaleAmendment#amend}
   */
  @RolesAllowed({Roles.CASHIER, Roles.FINANCE})
  public SaleView amend(String saleNumber, AmendSale amendment) {
    Sale sale = posted(saleNumber);
    return new SaleViews(em).of(new SaleAmendment(em, events).amend(sale, amendment, user()));
  }

  /**
   * Issues a credit note against a posted sale.
   *
   * @throws BusinessRuleViolation {@code UNKNOWN_SALE}, and see {@link CreditNoteIssue#issue}
   */
  @RolesAllowed(Roles.FINANCE)
  public CreditNoteView issueCreditNote(String saleNumber, IssueCreditNote creditNote) {
    Sale sale = posted(saleNumber);
    return new SaleViews(em).of(new CreditNoteIssue(em, events).issue(sale, creditNote, user()));
  }

  /**
   * Voids a posted sale that nothing was paid on or credited against: a full reversal.
   *
   * @throws BusinessRuleViolation {@code UNKNOWN_SALE}, and see {@link SaleVoiding#voidSale}
   */
  @RolesAllowed(Roles.FINANCE)
  public SaleView voidSale(String saleNumber, String reason) {
    Sale sale = posted(saleNumber);
    return new SaleViews(em).of(new SaleVoiding(em, events).voidSale(sale, reason, user()));
  }

  /**
   * Changes a sale's delivery details and status; never moves stock.
   *
   * @throws BusinessRuleViolation {@code UNKNOWN_SALE}, and see {@link SaleDrafting#changeDelivery}
   */
  @RolesAllowed({Roles.CASHIER, Roles.FINANCE})
  public SaleView changeDelivery(String reference, DeliveryDetails delivery) {
    Sale sale = new SaleReferences(em).sale(reference);
    return new SaleViews(em).of(new SaleDrafting(em).changeDelivery(sale, delivery, user()));
  }

  /** The sale with that invoice or draft number, with its effects. */
  @RolesAllowed({
    Roles.CASHIER,
    Roles.APPROVER,
    Roles.FINANCE,
    Roles.ADMIN,
    Roles.AUDITOR,
    Roles.SYSTEM
  })
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<SaleView> find(String reference) {
    return new SaleReferences(em).findSale(reference).map(sale -> new SaleViews(em).of(sale));
  }

  /**
   * Every revision of a posted sale's lines, oldest first.
   *
   * @throws BusinessRuleViolation {@code UNKNOWN_SALE}
   */
  @RolesAllowed({
    Roles.CASHIER,
    Roles.APPROVER,
    Roles.FINANCE,
    Roles.ADMIN,
    Roles.AUDITOR,
    Roles.SYSTEM
  })
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<SaleRevisionView> revisions(String saleNumber) {
    return new SaleViews(em).revisions(new SaleReferences(em).sale(saleNumber));
  }

  /**
   * The credit notes against a sale, oldest first.
   *
   * @throws BusinessRuleViolation {@code UNKNOWN_SALE}
   */
  @RolesAllowed({
    Roles.CASHIER,
    Roles.APPROVER,
    Roles.FINANCE,
    Roles.ADMIN,
    Roles.AUDITOR,
    Roles.SYSTEM
  })
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<CreditNoteView> creditNotes(String saleNumber) {
    Sale sale = new SaleReferences(em).sale(saleNumber);
    SaleViews views = new SaleViews(em);
    return em.createNamedQuery(CreditNote.OF_SALE, CreditNote.class)
        .setParameter("sale", sale)
        .getResultStream()
        .map(views::of)
        .toList();
  }

  /** The credit note with that number, with its effects. */
  @RolesAllowed({
    Roles.CASHIER,
    Roles.APPROVER,
    Roles.FINANCE,
    Roles.ADMIN,
    Roles.AUDITOR,
    Roles.SYSTEM
  })
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<CreditNoteView> findCreditNote(String creditNoteNumber) {
    return em.createNamedQuery(CreditNote.BY_NUMBER, CreditNote.class)
        .setParameter("number", creditNoteNumber)
        .getResultStream()
        .findFirst()
        .map(note -> new SaleViews(em).of(note));
  }

  /**
   * Sales newest first.
   *
   * @param status only sales in this status (e.g. {@code PENDING_APPROVAL}, the approvers' queue);
   *     null = all
   * @param offset rows to skip, ≥ 0
   * @param limit rows to return, 1..500
   * @throws BusinessRuleViolation {@code INVALID_REQUEST} for an unknown status
   */
  @RolesAllowed({
    Roles.CASHIER,
    Roles.APPROVER,
    Roles.FINANCE,
    Roles.ADMIN,
    Roles.AUDITOR,
    Roles.SYSTEM
  })
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<SaleSummary> list(String status, int offset, int limit) {
    TypedQuery<Sale> query;
    if (status == null || status.isBlank()) {
      query =
          em.createQuery(
              "select s from Sale s join fetch s.customer order by s.id desc", Sale.class);
    } else {
      SaleStatus wanted;
      try {
        wanted = SaleStatus.valueOf(status);
      } catch (IllegalArgumentException e) {
        throw new BusinessRuleViolation(ErrorCode.INVALID_REQUEST, "no sale status " + status);
      }
      query =
          em.createQuery(
                  "select s from Sale s join fetch s.customer where s.status = :status order by"
                      + " s.id desc",
                  Sale.class)
              .setParameter("status", wanted);
    }
    return query
        .setFirstResult(Math.max(0, offset))
        .setMaxResults(Math.min(500, Math.max(1, limit)))
        .getResultStream()
        .map(SaleSummary::of)
        .toList();
  }

  /**
   * How many sales the sales list has for these filters (the list's paginator).
   *
   * @param search filters (the order is ignored); null = every sale
   * @throws BusinessRuleViolation {@code INVALID_REQUEST} for an unknown status or {@code from}
   *     after {@code to}
   */
  @RolesAllowed({
    Roles.CASHIER,
    Roles.APPROVER,
    Roles.FINANCE,
    Roles.ADMIN,
    Roles.AUDITOR,
    Roles.SYSTEM
  })
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public long count(SaleSearch search) {
    return new SaleSearches(em).count(checked(search));
  }

  /**
   * One page of the sales list, filtered and sorted by the database ({@link SaleSearches}): one
   * statement, the customers fetched with the sales.
   *
   * @param search filters and order; null = every sale, newest first
   * @param offset rows to skip, ≥ 0
   * @param limit rows to return, 1..500
   * @throws BusinessRuleViolation {@code INVALID_REQUEST} for an unknown status, a paging value out
   *     of range or {@code from} after {@code to}
   */
  @RolesAllowed({
    Roles.CASHIER,
    Roles.APPROVER,
    Roles.FINANCE,
    Roles.ADMIN,
    Roles.AUDITOR,
    Roles.SYSTEM
  })
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<SaleSummary> search(SaleSearch search, int offset, int limit) {
    if (offset < 0 || limit < 1 || limit > 500) {
      throw new BusinessRuleViolation(
          ErrorCode.INVALID_REQUEST, "offset must be ≥ 0 and limit 1..500");
    }
    return new SaleSearches(em).page(checked(search), offset, limit);
  }

  private static SaleSearch checked(SaleSearch search) {
    SaleSearch wanted = search == null ? SaleSearch.all() : search;
    if (wanted.from() != null && wanted.to() != null && wanted.from().isAfter(wanted.to())) {
      throw new BusinessRuleViolation(
          ErrorCode.INVALID_REQUEST, "from " + wanted.from() + " is after to " + wanted.to());
    }
    return wanted;
  }

  /**
   * Revenue per posting date, channel and currency: posted sales (not drafts, held, voided or
   * rejected ones) at their current revision, summed by the database. Credit notes are documents of
   * their own and are not taken off here.
   *
   * @param to the last day; null = the latest posting date of a posted sale (today if none)
   * @param days how many days up to and including {@code to}, 1..366
   * @return by date, channel and currency; days without sales are absent
   * @throws BusinessRuleViolation {@code INVALID_REQUEST} for days out of range
   */
  @RolesAllowed({Roles.FINANCE, Roles.ADMIN, Roles.AUDITOR})
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<DailyRevenue> revenueByDay(LocalDate to, int days) {
    if (days < 1 || days > 366) {
      throw new BusinessRuleViolation(ErrorCode.INVALID_REQUEST, "days must be 1..366");
    }
    SaleSearches searches = new SaleSearches(em);
    LocalDate last = to;
    if (last == null) {
      last = searches.latestPostingDate();
    }
    if (last == null) {
      last = LocalDate.now();
    }
    return searches.revenueByDay(last.minusDays(days - 1L), last);
  }

  /** A sale by its invoice (or former draft) number; its status decides what it allows. */
  private Sale posted(String saleNumber) {
    return new SaleReferences(em).sale(saleNumber);
  }

  private String user() {
    return session.getCallerPrincipal() == null ? "system" : session.getCallerPrincipal().getName();
  }
}
