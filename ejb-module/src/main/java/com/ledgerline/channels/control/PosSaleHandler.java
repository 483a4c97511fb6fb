package com.ledgerline.channels.control;

import com.ledgerline.channels.boundary.ChannelHandler;
import com.ledgerline.channels.boundary.InboundMessage;
import com.ledgerline.payments.boundary.RecordPayments;
import com.ledgerline.payments.control.PaymentPosting;
import com.ledgerline.platform.messaging.OutboundEvents;
import com.ledgerline.sales.boundary.PostSale;
import com.ledgerline.sales.control.SalePosting;
import com.ledgerline.sales.entity.Sale;
import com.ledgerline.sales.entity.SaleStatus;
import com.ledgerline.security.Roles;
import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.DocumentNumbers;
import com.ledgerline.shared.ErrorCode;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Local;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code pos.sale} v1 (contracts/pos.sale.v1.schema.json): a sale captured at a register or an
 * online checkout, with its tenders. Posts the sale under the channel's key (its {@code
 * transactionId}) and each {@code settled} tender as a sale payment (a split tender when several),
 * in the posting's transaction. A {@code pending} tender (authorised, not captured; on account)
 * leaves the receivable open.
 *
 * <p>Refused, nothing written: {@code CURRENCY_MISMATCH} (the message's currency is not the
 * customer's), {@code PAYMENTS_MISMATCH} (the tenders do not add up to {@code amount}), {@code
 * TOTALS_MISMATCH} (the lines under the jurisdiction's rounding policy do not add up to {@code
 * amount}), {@code SALE_NOT_POSTED} (held for credit approval with settled tenders), and every code
 * of {@link SalePosting#post} and {@link PaymentPosting#record}.
 */
@Stateless
@Local(ChannelHandler.class)
@RolesAllowed(Roles.SYSTEM)
public class PosSaleHandler implements ChannelHandler {
  public static final String TYPE = "pos.sale";

  /** A tender whose money is taken. */
  public static final String SETTLED = PosDocuments.SETTLED;

  @PersistenceContext private EntityManager em;
  @Inject private OutboundEvents events;
  @Resource private SessionContext session;

  @Override
  public Set<String> messageTypes() {
    return Set.of(TYPE);
  }

  @Override
  public Posted apply(JsonObject document, InboundMessage message) {
    String currency = document.getString("currency");
    String customerNumber = document.getString("customerNumber");
    PosDocuments.requireCustomerCurrency(em, document, "sale");
    BigDecimal amount = new BigDecimal(document.getString("amount"));
    List<RecordPayments.Tender> settled =
        PosDocuments.settledTenders(document, "payments", "sale").stream()
            .map(t -> new RecordPayments.Tender(t.method(), t.amount(), t.reference()))
            .toList();
    Instant capturedAt = Instant.parse(document.getString("capturedAt"));
    LocalDate postingDate = PosDocuments.postingDate(document);
    List<PostSale.Line> lines = new ArrayList<>();
    for (JsonValue value : document.getJsonArray("lines")) {
      JsonObject line = value.asJsonObject();
      lines.add(
          new PostSale.Line(
              line.getString("sku"),
              new BigDecimal(line.getString("quantity")),
              line.containsKey("unitPrice") ? new BigDecimal(line.getString("unitPrice")) : null,
              line.getString("description", null)));
    }
    PostSale command =
        new PostSale(
            customerNumber,
            postingDate,
            document.getString("taxJurisdiction"),
            message.channel(),
            document.getString("transactionId"),
            capturedAt,
            amount,
            lines);
    String user = user();
    SalePosting.Outcome outcome = new SalePosting(em, events).post(command, user);
    Sale sale = outcome.sale();
    // posted before under this channel and reference by another path (REST, the file import):
    // the tenders were taken with it, and are not recorded twice
    if (!settled.isEmpty() && !outcome.duplicate()) {
      if (sale.status() != SaleStatus.POSTED) {
        throw new BusinessRuleViolation(
            ErrorCode.SALE_NOT_POSTED,
            "the sale is "
                + sale.status()
                + " (over the customer's credit limit) and cannot take"
                + " the settled tenders");
      }
      new PaymentPosting(em, events)
          .record(
              sale.saleNumber(),
              new RecordPayments(postingDate, currency, null, null, null, settled),
              user);
    }
    return new Posted(
        sale.status() == SaleStatus.POSTED
            ? DocumentNumbers.SALE_INVOICE
            : DocumentNumbers.SALE_DRAFT,
        sale.reference());
  }

  private String user() {
    return session.getCallerPrincipal() == null ? "system" : session.getCallerPrincipal().getName();
  }
}
