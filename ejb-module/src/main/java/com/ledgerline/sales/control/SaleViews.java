package com.ledgerline.sales.control;

import com.ledgerline.catalog.entity.Variant;
import com.ledgerline.inventory.entity.StockLevel;
import com.ledgerline.inventory.entity.StockMovement;
import com.ledgerline.ledger.entity.GlAccount;
import com.ledgerline.ledger.entity.JournalEntry;
import com.ledgerline.ledger.entity.JournalLine;
import com.ledgerline.sales.boundary.CreditNoteView;
import com.ledgerline.sales.boundary.SaleRevisionView;
import com.ledgerline.sales.boundary.SaleView;
import com.ledgerline.sales.entity.CreditNote;
import com.ledgerline.sales.entity.Sale;
import com.ledgerline.sales.entity.SaleDraftLine;
import com.ledgerline.sales.entity.SaleLine;
import com.ledgerline.sales.entity.SaleRevision;
import com.ledgerline.sales.entity.SaleStatus;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a sale together with the journal entries, stock movements and credit notes its documents
 * posted; its revisions; a credit note with its effects. Each part is one query.
 */
public final class SaleViews {
  /** The document types a sale's own number posts under. */
  public static final List<String> SALE_DOCUMENT_TYPES =
      List.of(SalePosting.DOCUMENT_TYPE, SaleAmendment.DOCUMENT_TYPE, SaleVoiding.DOCUMENT_TYPE);

  private final EntityManager em;

  public SaleViews(EntityManager em) {
    this.em = em;
  }

  public SaleView of(Sale sale) {
    boolean posted = sale.saleNumber() != null;
    List<SaleView.Line> lines;
    List<String> warnings = List.of();
    if (posted) {
      Map<Long, BigDecimal> credited = creditedQuantities(sale);
      lines =
          sale.lines().stream()
              .map(l -> line(l, credited.getOrDefault(l.id(), BigDecimal.ZERO)))
              .toList();
    } else {
      lines = sale.draftLines().stream().map(SaleViews::draftLine).toList();
      if (sale.status() == SaleStatus.DRAFT || sale.status() == SaleStatus.PENDING_APPROVAL) {
        warnings = stockWarnings(sale.draftLines());
      }
    }
    List<SaleView.JournalEntryView> entries =
        posted ? journalEntries(SALE_DOCUMENT_TYPES, sale.saleNumber()) : List.of();
    List<SaleView.StockMovementView> movements =
        posted ? stockMovements(SALE_DOCUMENT_TYPES, sale.saleNumber()) : List.of();
    List<SaleView.CreditNoteSummary> creditNotes =
        posted
            ? em.createNamedQuery(CreditNote.OF_SALE, CreditNote.class)
                .setParameter("sale", sale)
                .getResultStream()
                .map(
                    c ->
                        new SaleView.CreditNoteSummary(
                            c.creditNoteNumber(),
                            c.postingDate(),
                            c.restock(),
                            c.subtotal(),
                            c.taxTotal(),
                            c.total()))
                .toList()
            : List.of();
    SaleView.ApprovalView approval =
        sale.holdReason() == null
            ? null
            : new SaleView.ApprovalView(
                sale.submittedBy(),
                sale.submittedAt(),
                sale.holdReason(),
                sale.decision() == null ? null : sale.decision().name(),
                sale.decidedBy(),
                sale.decidedAt(),
                sale.decisionReason());
    SaleView.VoidView voided =
        sale.status() == SaleStatus.VOIDED
            ? new SaleView.VoidView(sale.voidedBy(), sale.voidedAt(), sale.voidReason())
            : null;
    return new SaleView(
        sale.saleNumber(),
        sale.draftNumber(),
        sale.status().name(),
        sale.customer().customerNumber(),
        sale.customer().name(),
        sale.currency().getCurrencyCode(),
        sale.jurisdictionCode(),
        sale.roundingPolicy(),
        sale.priceBasis().name(),
        sale.postingDate(),
        sale.dueDate(),
        sale.currentRevision(),
        sale.subtotal(),
        sale.taxTotal(),
        sale.total(),
        sale.amountPaid(),
        sale.paymentStatus().name(),
        sale.channel(),
        sale.externalReference(),
        sale.createdAt(),
        sale.createdBy(),
        sale.postedBy(),
        new SaleView.DeliveryView(
            sale.delivery().address(),
            sale.delivery().date(),
            sale.delivery().notes(),
            sale.delivery().status().name()),
        approval,
        voided,
        lines,
        entries,
        movements,
        creditNotes,
        warnings,
        false);
  }

  /** Every revision of a posted sale, oldest first (none before posting). */
  public List<SaleRevisionView> revisions(Sale sale) {
    if (sale.saleNumber() == null) {
      return List.of();
    }
    Map<Long, BigDecimal> credited = creditedQuantities(sale);
    return em.createNamedQuery(SaleRevision.OF_SALE, SaleRevision.class)
        .setParameter("sale", sale)
        .getResultStream()
        .map(
            r ->
                new SaleRevisionView(
                    sale.saleNumber(),
                    r.revision(),
                    r.revision() == sale.currentRevision(),
                    r.postingDate(),
                    r.createdAt(),
                    r.createdBy(),
                    r.reason(),
                    r.subtotal(),
                    r.taxTotal(),
                    r.total(),
                    r.journalEntry() == null ? null : r.journalEntry().entryNumber(),
                    sale.linesOf(r.revision()).stream()
                        .map(l -> line(l, credited.getOrDefault(l.id(), BigDecimal.ZERO)))
                        .toList()))
        .toList();
  }

  /**
   * A credit note with the journal entry and stock movements it posted and the refunds paid out
   * against it.
   */
  public CreditNoteView of(CreditNote note) {
    // the refunds are the payments component's (pay_refund names the credit note); read by entity
    // name, so that sales does not depend on payments, which depends on sales
    List<Object[]> refunds =
        em.createQuery(
                "select r.refundNumber, r.amount from Refund r where r.creditNote = :note order by"
                    + " r.refundNumber",
                Object[].class)
            .setParameter("note", note)
            .getResultList();
    BigDecimal refunded = BigDecimal.ZERO.setScale(note.total().scale());
    for (Object[] refund : refunds) {
      refunded = refunded.add((BigDecimal) refund[1]);
    }
    refunded = refunded.setScale(note.total().scale());
    return new CreditNoteView(
        note.creditNoteNumber(),
        note.linked() ? note.sale().saleNumber() : null,
        note.saleRevision(),
        note.customer().customerNumber(),
        note.currency().getCurrencyCode(),
        note.postingDate(),
        note.restock(),
        note.reason(),
        note.subtotal(),
        note.taxTotal(),
        note.total(),
        refunded,
        note.total().subtract(refunded),
        refunds.stream().map(r -> (String) r[0]).toList(),
        note.createdAt(),
        note.createdBy(),
        note.lines().stream()
            .map(
                l ->
                    new CreditNoteView.Line(
                        l.lineNumber(),
                        l.saleLine() == null ? null : l.saleLine().lineNumber(),
                        l.sku(),
                        l.description(),
                        l.quantity(),
                        l.unitPrice(),
                        l.netAmount(),
                        l.taxRatePercent(),
                        l.taxAmount(),
                        l.restockedQuantity(),
                        l.unitCost(),
                        l.costAmount()))
            .toList(),
        journalEntries(List.of(CreditNoteIssue.DOCUMENT_TYPE), note.creditNoteNumber()),
        stockMovements(List.of(CreditNoteIssue.DOCUMENT_TYPE), note.creditNoteNumber()));
  }

  private static SaleView.Line line(SaleLine l, BigDecimal credited) {
    return new SaleView.Line(
        l.lineNumber(),
        l.sku(),
        l.description(),
        l.quantity(),
        l.unitPrice(),
        l.netAmount(),
        l.taxRatePercent(),
        l.taxAmount(),
        l.grossAmount(),
        l.unitCost(),
        l.costAmount(),
        credited);
  }

  private static SaleView.Line draftLine(SaleDraftLine l) {
    return new SaleView.Line(
        l.lineNumber(),
        l.sku(),
        l.description(),
        l.quantity(),
        l.unitPrice(),
        l.netAmount(),
        l.taxRatePercent(),
        l.taxAmount(),
        l.netAmount().add(l.taxAmount()),
        null,
        null,
        BigDecimal.ZERO);
  }

  private Map<Long, BigDecimal> creditedQuantities(Sale sale) {
    Map<Long, BigDecimal> credited = new HashMap<>();
    em.createQuery(
            "select l.saleLine.id, sum(l.quantity) from CreditNoteLine l where"
                + " l.creditNote.sale = :sale group by l.saleLine.id",
            Object[].class)
        .setParameter("sale", sale)
        .getResultStream()
        .forEach(row -> credited.put((Long) row[0], new BigDecimal(row[1].toString())));
    return credited;
  }

  /** Lines beyond stock on hand now: refused at posting, or backordered where allowed. */
  private List<String> stockWarnings(List<SaleDraftLine> lines) {
    Map<Variant, BigDecimal> requested = new LinkedHashMap<>();
    for (SaleDraftLine line : lines) {
      if (line.variant().stockTracked()) {
        requested.merge(line.variant(), line.quantity(), BigDecimal::add);
      }
    }
    List<String> warnings = new ArrayList<>();
    requested.forEach(
        (variant, quantity) -> {
          StockLevel level = em.find(StockLevel.class, variant.id());
          BigDecimal onHand = level == null ? BigDecimal.ZERO : level.quantityOnHand();
          if (onHand.compareTo(quantity) < 0) {
            warnings.add(
                variant.sku()
                    + ": requested "
                    + quantity.stripTrailingZeros().toPlainString()
                    + ", on hand "
                    + onHand.stripTrailingZeros().toPlainString()
                    + (variant.backorderAllowed()
                        ? " (backorder allowed)"
                        : " (INSUFFICIENT_STOCK at posting unless stock arrives)"));
          }
        });
    return warnings;
  }

  private List<SaleView.JournalEntryView> journalEntries(List<String> types, String number) {
    List<JournalEntry> journalEntries =
        em.createQuery(
                "select e from JournalEntry e where e.documentType in :types and e.documentNumber"
                    + " = :number order by e.id",
                JournalEntry.class)
            .setParameter("types", types)
            .setParameter("number", number)
            .getResultList();
    Map<String, String> accountNames = accountNames(journalEntries);
    Map<Long, String> numbers =
        journalEntries.stream()
            .collect(Collectors.toMap(JournalEntry::id, JournalEntry::entryNumber));
    return journalEntries.stream()
        .map(
            e ->
                new SaleView.JournalEntryView(
                    e.entryNumber(),
                    e.postingDate(),
                    e.description(),
                    e.lines().stream()
                        .map(
                            jl ->
                                new SaleView.JournalLineView(
                                    jl.lineNumber(),
                                    jl.accountCode(),
                                    accountNames.get(jl.accountCode()),
                                    jl.debit(),
                                    jl.credit()))
                        .toList(),
                    e.documentType(),
                    e.reversesId() == null ? null : numbers.get(e.reversesId())))
        .toList();
  }

  private List<SaleView.StockMovementView> stockMovements(List<String> types, String number) {
    return em
        .createQuery(
            "select m from StockMovement m join fetch m.variant where m.documentType in :types and"
                + " m.documentNumber = :number order by m.id",
            StockMovement.class)
        .setParameter("types", types)
        .setParameter("number", number)
        .getResultList()
        .stream()
        .map(
            m ->
                new SaleView.StockMovementView(
                    m.variant().sku(),
                    m.quantity(),
                    m.unitCost(),
                    m.value(),
                    m.movementType().name(),
                    m.postingDate()))
        .toList();
  }

  /** The names of the accounts the entries touch, in one query. */
  private Map<String, String> accountNames(List<JournalEntry> entries) {
    Set<String> codes =
        entries.stream()
            .flatMap(e -> e.lines().stream())
            .map(JournalLine::accountCode)
            .collect(Collectors.toSet());
    if (codes.isEmpty()) {
      return Map.of();
    }
    return em.createQuery("select a from GlAccount a where a.code in :codes", GlAccount.class)
        .setParameter("codes", codes)
        .getResultStream()
        .collect(Collectors.toMap(GlAccount::code, GlAccount::name));
  }
}
