package com.ledgerline.channels.control;

import com.ledgerline.channels.boundary.ChannelHandler;
import com.ledgerline.channels.boundary.InboundMessage;
import com.ledgerline.platform.messaging.OutboundEvents;
import com.ledgerline.sales.control.SaleVoiding;
import com.ledgerline.sales.entity.Sale;
import com.ledgerline.security.Roles;
import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Local;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Set;

/**
 * {@code pos.void} v1 (contracts/pos.void.v1.schema.json): the register cancels a sale it sent on
 * the same channel, named by its {@code originalTransactionId}. The sale is voided (DESIGN.md 4):
 * its receivable, journal entries and stock movements are mirrored, the sale keeps every row. Only
 * a sale nothing was paid on can be voided: one whose tenders were all {@code pending}.
 *
 * <p>Refused, nothing written: {@code UNKNOWN_SALE} (no sale with that transaction id on the
 * channel), {@code CURRENCY_MISMATCH} is not possible here; and the codes of {@link
 * SaleVoiding#voidSale}: {@code SALE_HAS_PAYMENTS} (a settled tender: refund it instead), {@code
 * SALE_NOT_POSTED}, {@code SALE_HAS_CREDIT_NOTES}, {@code ACCOUNTING_PERIOD_CLOSED}.
 */
@Stateless
@Local(ChannelHandler.class)
@RolesAllowed(Roles.SYSTEM)
public class PosVoidHandler implements ChannelHandler {
  public static final String TYPE = "pos.void";

  @PersistenceContext private EntityManager em;
  @Inject private OutboundEvents events;
  @Resource private SessionContext session;

  @Override
  public Set<String> messageTypes() {
    return Set.of(TYPE);
  }

  @Override
  public Posted apply(JsonObject document, InboundMessage message) {
    String original = document.getString("originalTransactionId");
    Sale sale =
        em.createNamedQuery(Sale.BY_CHANNEL_REFERENCE, Sale.class)
            .setParameter("channel", message.channel())
            .setParameter("reference", original)
            .getResultStream()
            .findFirst()
            .orElseThrow(
                () ->
                    new BusinessRuleViolation(
                        ErrorCode.UNKNOWN_SALE,
                        "no sale with transaction id "
                            + original
                            + " on channel "
                            + message.channel()));
    String user =
        session.getCallerPrincipal() == null ? "system" : session.getCallerPrincipal().getName();
    new SaleVoiding(em, events).voidSale(sale, document.getString("reason"), user);
    return new Posted(SaleVoiding.DOCUMENT_TYPE, sale.saleNumber());
  }
}
