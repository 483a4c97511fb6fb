package com.ledgerline.sales.boundary;

import com.ledgerline.platform.messaging.OutboundEvents;
import com.ledgerline.sales.control.SalePosting;
import com.ledgerline.sales.control.SaleViews;
import com.ledgerline.sales.entity.Sale;
import com.ledgerline.security.Roles;
import com.ledgerline.shared.BusinessRuleViolation;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/**
 * The sales boundary: posting a sale is one container-managed JTA transaction over the ledger
 * database and the broker. The sale, its stock movements, its customer ledger entry, its journal
 * entry and its {@code sale.posted} event commit together or not at all.
 *
 * <p>Cashiers and finance sell; the system sells for channels (POS messages, imports). Every role
 * reads.
 */
@Stateless
public class Sales {
  @PersistenceContext private EntityManager em;
  @Inject private OutboundEvents events;
  @Resource private SessionContext session;

  /**
   * Posts a sale (see {@link SalePosting#post} for the rules and error codes). A repeated channel
   * transaction id with the same content answers the first result, flagged {@code duplicate}.
   *
   * @throws BusinessRuleViolation with the code of the rule broken; nothing is written
   */
  @RolesAllowed({Roles.CASHIER, Roles.FINANCE, Roles.SYSTEM})
  public SaleView post(PostSale command) {
    SalePosting.Outcome outcome = new SalePosting(em, events).post(command, user());
    SaleView view = new SaleViews(em).of(outcome.sale());
    return outcome.duplicate() ? view.asDuplicate() : view;
  }

  /** The sale with that number, with its journal entries and stock movements. */
  @RolesAllowed({
    Roles.CASHIER,
    Roles.APPROVER,
    Roles.FINANCE,
    Roles.ADMIN,
    Roles.AUDITOR,
    Roles.SYSTEM
  })
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<SaleView> find(String saleNumber) {
    return em.createNamedQuery(Sale.BY_NUMBER, Sale.class)
        .setParameter("number", saleNumber)
        .getResultStream()
        .findFirst()
        .map(sale -> new SaleViews(em).of(sale));
  }

  /**
   * Sales newest first.
   *
   * @param offset rows to skip, ≥ 0
   * @param limit rows to return, 1..500
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
  public List<SaleSummary> list(int offset, int limit) {
    return em.createQuery(
            "select s from Sale s join fetch s.customer order by s.id desc", Sale.class)
        .setFirstResult(Math.max(0, offset))
        .setMaxResults(Math.min(500, Math.max(1, limit)))
        .getResultStream()
        .map(
            s ->
                new SaleSummary(
                    s.saleNumber(),
                    s.status().name(),
                    s.customer().customerNumber(),
                    s.customer().name(),
                    s.postingDate(),
                    s.currency().getCurrencyCode(),
                    s.total(),
                    s.channel(),
                    s.externalReference()))
        .toList();
  }

  private String user() {
    return session.getCallerPrincipal() == null ? "system" : session.getCallerPrincipal().getName();
  }
}
