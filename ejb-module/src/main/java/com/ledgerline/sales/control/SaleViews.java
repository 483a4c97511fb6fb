package com.ledgerline.sales.control;

import com.ledgerline.inventory.entity.StockMovement;
import com.ledgerline.ledger.entity.GlAccount;
import com.ledgerline.ledger.entity.JournalEntry;
import com.ledgerline.ledger.entity.JournalLine;
import com.ledgerline.sales.boundary.SaleView;
import com.ledgerline.sales.entity.Sale;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads a sale together with the journal entries and stock movements its number posted. */
public final class SaleViews {
  private final EntityManager em;

  public SaleViews(EntityManager em) {
    this.em = em;
  }

  public SaleView of(Sale sale) {
    List<SaleView.Line> lines =
        sale.lines().stream()
            .map(
                l ->
                    new SaleView.Line(
                        l.lineNumber(),
                        l.sku(),
                        l.description(),
                        l.quantity(),
                        l.unitPrice(),
                        l.netAmount(),
                        l.taxRatePercent(),
                        l.taxAmount(),
                        l.unitCost(),
                        l.costAmount()))
            .toList();
    List<JournalEntry> journalEntries =
        em.createNamedQuery(JournalEntry.BY_DOCUMENT, JournalEntry.class)
            .setParameter("type", SalePosting.DOCUMENT_TYPE)
            .setParameter("number", sale.saleNumber())
            .getResultList();
    Map<String, String> accountNames = accountNames(journalEntries);
    List<SaleView.JournalEntryView> entries =
        journalEntries.stream()
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
                            .toList()))
            .toList();
    List<SaleView.StockMovementView> movements =
        em
            .createQuery(
                "select m from StockMovement m join fetch m.variant where m.documentType = :type and"
                    + " m.documentNumber = :number order by m.id",
                StockMovement.class)
            .setParameter("type", SalePosting.DOCUMENT_TYPE)
            .setParameter("number", sale.saleNumber())
            .getResultList()
            .stream()
            .map(
                m ->
                    new SaleView.StockMovementView(
                        m.variant().sku(), m.quantity(), m.unitCost(), m.value()))
            .toList();
    return new SaleView(
        sale.saleNumber(),
        sale.status().name(),
        sale.customer().customerNumber(),
        sale.customer().name(),
        sale.currency().getCurrencyCode(),
        sale.jurisdictionCode(),
        sale.postingDate(),
        sale.dueDate(),
        sale.subtotal(),
        sale.taxTotal(),
        sale.total(),
        sale.channel(),
        sale.externalReference(),
        sale.createdAt(),
        sale.createdBy(),
        lines,
        entries,
        movements,
        false);
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
