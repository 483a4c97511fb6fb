package com.ledgerline.channels.control;

import com.ledgerline.channels.boundary.ChannelHandler;
import com.ledgerline.channels.boundary.InboundMessage;
import com.ledgerline.payments.boundary.PayRefund;
import com.ledgerline.payments.control.RefundPosting;
import com.ledgerline.platform.messaging.OutboundEvents;
import com.ledgerline.sales.boundary.IssueCreditNote;
import com.ledgerline.sales.boundary.IssueReturn;
import com.ledgerline.sales.control.CreditNoteIssue;
import com.ledgerline.sales.control.ReturnCreditNoteIssue;
import com.ledgerline.sales.entity.CreditNote;
import com.ledgerline.sales.entity.Sale;
import com.ledgerline.sales.entity.SaleLine;
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
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code pos.refund} v1 (contracts/pos.refund.v1.schema.json): goods returned at a register or to
 * an online store, and the money paid back (issue 4), under the channel's key (the refund's own
 * {@code transactionId}), in the posting's transaction:
 *
 * <ul>
 *   <li>With {@code originalTransactionId}: the sale the channel sent under that id gets a
 *       (partial) credit note of the returned lines through {@link CreditNoteIssue} (the sale's
 *       price, tax and cost snapshots; never more than was sold, {@code CREDIT_EXCEEDS_INVOICED}).
 *       A returned line names the sale line by {@code sku} and {@code unitPrice}; a quantity is
 *       spread over identical lines in line order, by what each has left to credit.
 *   <li>Without: a credit note of its own through {@link ReturnCreditNoteIssue} (DESIGN.md 8: an
 *       Online Retail {@code C} invoice), priced at the jurisdiction's rate on the posting date.
 * </ul>
 *
 * A return mixing restocked and not restocked lines gets two credit notes, the restocked one first
 * (a credit note restocks all its goods or none); the message answers with the first. The notes
 * together must come to {@code amount} ({@code TOTALS_MISMATCH}). Then each {@code settled} refund
 * pays out the notes in that order ({@link RefundPosting}; a tender spanning two notes is two
 * refunds). A {@code pending} refund pays nothing: the credit stays on the customer's account.
 *
 * <p>A refund pays out customer credit; a credit note on a sale not paid in full only lowers what
 * is owed. So a {@code settled} refund of a returned line of an unpaid or partly paid sale is
 * refused with the core's {@code REFUND_EXCEEDS_CUSTOMER_CREDIT} unless the sale's payments exceed
 * what it charges after the credit note (the register sends such a refund as {@code pending}, or
 * not at all).
 *
 * <p>Refused, nothing written: {@code PAYMENTS_MISMATCH} (the refunds do not add up to {@code
 * amount}), {@code CURRENCY_MISMATCH}, {@code UNKNOWN_SALE} (no sale under {@code
 * originalTransactionId} on the channel), {@code SALE_OF_ANOTHER_CUSTOMER}, {@code
 * TAX_JURISDICTION_MISMATCH} (not the sale's), {@code UNKNOWN_SALE_LINE} (no line of the sale with
 * that sku and unit price), {@code TOTALS_MISMATCH}, and every code of {@link
 * CreditNoteIssue#issue}, {@link ReturnCreditNoteIssue#issue}, {@link RefundPosting#refund} and
 * {@link RefundPosting#refundCreditNote}.
 */
@Stateless
@Local(ChannelHandler.class)
@RolesAllowed(Roles.SYSTEM)
public class PosRefundHandler implements ChannelHandler {
  public static final String TYPE = "pos.refund";

  /** A refund whose money is paid out. */
  public static final String SETTLED = PosDocuments.SETTLED;

  @PersistenceContext private EntityManager em;
  @Inject private OutboundEvents events;
  @Resource private SessionContext session;

  /** A returned line of the message. */
  private record Returned(
      String sku, BigDecimal quantity, BigDecimal unitPrice, boolean restock, String description) {}

  @Override
  public Set<String> messageTypes() {
    return Set.of(TYPE);
  }

  @Override
  public Posted apply(JsonObject document, InboundMessage message) {
    String transactionId = document.getString("transactionId");
    String currency = document.getString("currency");
    String customerNumber = document.getString("customerNumber");
    PosDocuments.requireCustomerCurrency(em, document, "refund");
    BigDecimal amount = new BigDecimal(document.getString("amount"));
    List<PosDocuments.Settled> settled = PosDocuments.settledTenders(document, "refunds", "return");
    LocalDate postingDate = PosDocuments.postingDate(document);
    String reason =
        document.getString(
            "reason", "returned at " + message.channel() + " (" + transactionId + ")");
    // restocked goods first, then the rest: one credit note each
    Map<Boolean, List<Returned>> groups = new LinkedHashMap<>();
    groups.put(Boolean.TRUE, new ArrayList<>());
    groups.put(Boolean.FALSE, new ArrayList<>());
    for (JsonValue value : document.getJsonArray("lines")) {
      JsonObject line = value.asJsonObject();
      boolean restock = line.getBoolean("restock");
      groups
          .get(restock)
          .add(
              new Returned(
                  line.getString("sku"),
                  new BigDecimal(line.getString("quantity")),
                  new BigDecimal(line.getString("unitPrice")),
                  restock,
                  line.getString("description", null)));
    }
    groups.values().removeIf(List::isEmpty);

    String user = user();
    List<CreditNote> notes = new ArrayList<>();
    Sale sale = null;
    if (document.containsKey("originalTransactionId")) {
      sale = originalSale(document, message.channel());
      Map<Long, BigDecimal> left = leftToCredit(sale);
      CreditNoteIssue issue = new CreditNoteIssue(em, events);
      for (Map.Entry<Boolean, List<Returned>> group : groups.entrySet()) {
        notes.add(
            issue.issue(
                sale,
                new IssueCreditNote(
                    saleLines(sale, group.getValue(), left), group.getKey(), reason, postingDate),
                user));
      }
    } else {
      ReturnCreditNoteIssue issue = new ReturnCreditNoteIssue(em, events);
      for (Map.Entry<Boolean, List<Returned>> group : groups.entrySet()) {
        notes.add(
            issue.issue(
                new IssueReturn(
                    customerNumber,
                    currency,
                    document.getString("taxJurisdiction"),
                    postingDate,
                    group.getKey(),
                    reason,
                    null,
                    group.getValue().stream()
                        .map(
                            r ->
                                new IssueReturn.Line(
                                    r.sku(), r.quantity(), r.unitPrice(), r.description()))
                        .toList()),
                user));
      }
    }
    BigDecimal credited =
        notes.stream().map(CreditNote::total).reduce(BigDecimal.ZERO, BigDecimal::add);
    if (credited.compareTo(amount) != 0) {
      throw new BusinessRuleViolation(
          ErrorCode.TOTALS_MISMATCH,
          "the returned lines credit "
              + credited.toPlainString()
              + ", the return's amount is "
              + amount.toPlainString());
    }
    payOut(settled, notes, sale, customerNumber, currency, postingDate, reason, user);
    return new Posted(CreditNoteIssue.DOCUMENT_TYPE, notes.get(0).creditNoteNumber());
  }

  /**
   * The sale the channel sent as {@code originalTransactionId}, of this customer and jurisdiction.
   */
  private Sale originalSale(JsonObject document, String channel) {
    String original = document.getString("originalTransactionId");
    Sale sale =
        em.createNamedQuery(Sale.BY_CHANNEL_REFERENCE, Sale.class)
            .setParameter("channel", channel)
            .setParameter("reference", original)
            .getResultStream()
            .findFirst()
            .orElseThrow(
                () ->
                    new BusinessRuleViolation(
                        ErrorCode.UNKNOWN_SALE,
                        "no sale with transaction id " + original + " on channel " + channel));
    String customerNumber = document.getString("customerNumber");
    if (!sale.customer().customerNumber().equals(customerNumber)) {
      throw new BusinessRuleViolation(
          ErrorCode.SALE_OF_ANOTHER_CUSTOMER,
          sale.reference()
              + " ("
              + original
              + ") was sold to another customer than "
              + customerNumber);
    }
    String jurisdiction = document.getString("taxJurisdiction");
    if (!sale.jurisdictionCode().equals(jurisdiction)) {
      throw new BusinessRuleViolation(
          ErrorCode.TAX_JURISDICTION_MISMATCH,
          sale.reference()
              + " was taxed in "
              + sale.jurisdictionCode()
              + ", the refund names "
              + jurisdiction);
    }
    return sale;
  }

  /** What each line of the sale's current revision has left to credit, by sale line id. */
  private Map<Long, BigDecimal> leftToCredit(Sale sale) {
    Map<Long, BigDecimal> credited = new HashMap<>();
    em.createQuery(
            "select l.saleLine.id, sum(l.quantity) from CreditNoteLine l where"
                + " l.creditNote.sale = :sale group by l.saleLine.id",
            Object[].class)
        .setParameter("sale", sale)
        .getResultList()
        .forEach(row -> credited.put((Long) row[0], new BigDecimal(row[1].toString())));
    Map<Long, BigDecimal> left = new HashMap<>();
    for (SaleLine line : sale.lines()) {
      left.put(
          line.id(), line.quantity().subtract(credited.getOrDefault(line.id(), BigDecimal.ZERO)));
    }
    return left;
  }

  /**
   * The sale lines the returned lines credit: each named by sku and unit price, its quantity spread
   * over the matching lines in line order by what each has left; what no line has left goes on the
   * last matching line, for the credit note to refuse as {@code CREDIT_EXCEEDS_INVOICED}.
   */
  private static List<IssueCreditNote.Line> saleLines(
      Sale sale, List<Returned> returned, Map<Long, BigDecimal> left) {
    Map<Integer, BigDecimal> quantities = new LinkedHashMap<>();
    for (Returned line : returned) {
      List<SaleLine> matching =
          sale.lines().stream()
              .filter(l -> l.sku().equals(line.sku()))
              .filter(l -> l.unitPrice().compareTo(line.unitPrice()) == 0)
              .toList();
      if (matching.isEmpty()) {
        throw new BusinessRuleViolation(
            ErrorCode.UNKNOWN_SALE_LINE,
            sale.reference()
                + " has no line of "
                + line.sku()
                + " at "
                + line.unitPrice().toPlainString());
      }
      BigDecimal wanted = line.quantity();
      for (int i = 0; i < matching.size() && wanted.signum() > 0; i++) {
        SaleLine candidate = matching.get(i);
        BigDecimal available = left.get(candidate.id()).max(BigDecimal.ZERO);
        BigDecimal take = i == matching.size() - 1 ? wanted : wanted.min(available);
        if (take.signum() > 0) {
          quantities.merge(candidate.lineNumber(), take, BigDecimal::add);
          left.merge(candidate.id(), take.negate(), BigDecimal::add);
          wanted = wanted.subtract(take);
        }
      }
    }
    return quantities.entrySet().stream()
        .map(e -> new IssueCreditNote.Line(e.getKey(), e.getValue()))
        .toList();
  }

  /** Each settled refund against the notes in order; a refund spanning two notes is split. */
  private void payOut(
      List<PosDocuments.Settled> settled,
      List<CreditNote> notes,
      Sale sale,
      String customerNumber,
      String currency,
      LocalDate date,
      String reason,
      String user) {
    RefundPosting refunds = new RefundPosting(em, events);
    int current = 0;
    BigDecimal room = notes.get(0).total();
    for (PosDocuments.Settled payout : settled) {
      BigDecimal wanted = payout.amount();
      while (wanted.signum() > 0) {
        while (room.signum() == 0 && current < notes.size() - 1) {
          current++;
          room = notes.get(current).total();
        }
        // on the last note the rest goes whole: the core refuses what exceeds it
        BigDecimal part = current == notes.size() - 1 ? wanted : wanted.min(room);
        CreditNote note = notes.get(current);
        PayRefund command =
            new PayRefund(
                date,
                currency,
                payout.method(),
                part,
                payout.reference(),
                reason,
                note.creditNoteNumber());
        if (sale != null) {
          refunds.refund(sale.saleNumber(), command, user);
        } else {
          refunds.refundCreditNote(note.creditNoteNumber(), customerNumber, command, user);
        }
        room = room.subtract(part);
        wanted = wanted.subtract(part);
      }
    }
  }

  private String user() {
    return session.getCallerPrincipal() == null ? "system" : session.getCallerPrincipal().getName();
  }
}
