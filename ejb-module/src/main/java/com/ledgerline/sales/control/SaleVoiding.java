package com.ledgerline.sales.control;

import static com.ledgerline.shared.Jsonp.JSON;

import com.ledgerline.audit.control.AuditTrail;
import com.ledgerline.catalog.entity.Variant;
import com.ledgerline.inventory.control.StockKeeping;
import com.ledgerline.inventory.entity.StockLevel;
import com.ledgerline.inventory.entity.StockMovement;
import com.ledgerline.ledger.control.AccountingPeriods;
import com.ledgerline.ledger.control.Journal;
import com.ledgerline.ledger.entity.CustomerLedgerEntry;
import com.ledgerline.ledger.entity.JournalEntry;
import com.ledgerline.platform.messaging.OutboundEvents;
import com.ledgerline.sales.entity.Sale;
import com.ledgerline.sales.entity.SaleStatus;
import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.DocumentNumbers;
import com.ledgerline.shared.ErrorCode;
import jakarta.json.JsonArrayBuilder;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Voids a posted sale (DESIGN.md 4 and 5, "void"): a full reversal, allowed only while nothing was
 * paid or settled and no credit note exists. Every effect the sale's documents had (the posting and
 * each amendment) is mirrored, in the caller's transaction:
 *
 * <ul>
 *   <li>each journal entry by its mirror (debits and credits swapped), pointing at it through
 *       {@code reverses_id};
 *   <li>each customer ledger {@code invoice} / {@code invoice_update} entry by an {@code
 *       invoice_update} of the opposite amount (document type {@code SALE_VOID}, naming the sale),
 *       so the sale's open amount becomes zero;
 *   <li>each stock movement by its mirror (quantity and value negated, same cost snapshot), so the
 *       goods and exactly the cost that left Inventory come back;
 *   <li>status {@code VOIDED} with who, when and why; the audit record; {@code sale.voided}.
 * </ul>
 *
 * <p>Each mirror is dated like what it mirrors while that period is open, otherwise today ({@link
 * AccountingPeriods#reversalDate}). Locks: the stock levels, the sale, the journal series. A
 * payment workflow that locks the sale row before writing keeps the "unpaid" check true until
 * commit.
 */
public final class SaleVoiding {
  public static final String DOCUMENT_TYPE = "SALE_VOID";

  private static final List<String> SALE_DOCUMENTS =
      List.of(SalePosting.DOCUMENT_TYPE, SaleAmendment.DOCUMENT_TYPE);

  private final EntityManager em;
  private final OutboundEvents events;

  public SaleVoiding(EntityManager em, OutboundEvents events) {
    this.em = em;
    this.events = events;
  }

  /**
   * Voids the sale.
   *
   * @param reason why, required
   * @throws BusinessRuleViolation {@code REASON_REQUIRED}, {@code SALE_NOT_POSTED}, {@code
   *     SALE_HAS_PAYMENTS} (payments, refunds or a write-off apply to it, or money paid on it is
   *     held as the customer's credit), {@code SALE_HAS_CREDIT_NOTES}, {@code
   *     ACCOUNTING_PERIOD_CLOSED}
   */
  public Sale voidSale(Sale sale, String reason, String user) {
    String why = SaleReferences.requireReason(reason, "a void");
    SalePosting.requireStatus(sale, SaleStatus.POSTED, ErrorCode.SALE_NOT_POSTED);
    String saleNumber = sale.saleNumber();
    List<StockMovement> movements =
        em.createQuery(
                "select m from StockMovement m join fetch m.variant where m.documentType in :types"
                    + " and m.documentNumber = :number order by m.id",
                StockMovement.class)
            .setParameter("types", SALE_DOCUMENTS)
            .setParameter("number", saleNumber)
            .getResultList();
    Map<Long, Variant> variants = new TreeMap<>();
    movements.forEach(m -> variants.put(m.variant().id(), m.variant()));
    StockKeeping stock = new StockKeeping(em);
    Map<Long, StockLevel> levels = stock.lock(variants.values());
    new SaleReferences(em).lock(sale);
    SalePosting.requireStatus(sale, SaleStatus.POSTED, ErrorCode.SALE_NOT_POSTED);
    requireUnsettled(sale);

    LocalDate today = LocalDate.now();
    AccountingPeriods periods = new AccountingPeriods(em);
    Journal journal = new Journal(em, new DocumentNumbers(em));
    Map<Long, JournalEntry> mirrors = new HashMap<>();
    JsonArrayBuilder reversals = JSON.createArrayBuilder();
    for (String type : SALE_DOCUMENTS) {
      for (JournalEntry entry :
          em.createNamedQuery(JournalEntry.BY_DOCUMENT, JournalEntry.class)
              .setParameter("type", type)
              .setParameter("number", saleNumber)
              .getResultList()) {
        JournalEntry mirror =
            journal.reverse(
                entry,
                periods.reversalDate(entry.postingDate(), today),
                DOCUMENT_TYPE,
                saleNumber,
                "Void of sale " + saleNumber + ": reverses " + entry.entryNumber(),
                user);
        mirrors.put(entry.id(), mirror);
        reversals.add(mirror.entryNumber());
      }
    }
    BigDecimal reversed = BigDecimal.ZERO;
    for (CustomerLedgerEntry entry :
        em.createQuery(
                "select e from CustomerLedgerEntry e where e.customer = :customer and"
                    + " e.appliesToNumber = :number and e.documentType in :types order by e.id",
                CustomerLedgerEntry.class)
            .setParameter("customer", sale.customer())
            .setParameter("number", saleNumber)
            .setParameter("types", SALE_DOCUMENTS)
            .getResultList()) {
      if (entry.amount().signum() == 0) {
        continue;
      }
      em.persist(
          new CustomerLedgerEntry(
              sale.customer(),
              CustomerLedgerEntry.Type.invoice_update,
              DOCUMENT_TYPE,
              saleNumber,
              entry.amount().negate(),
              entry.currency(),
              periods.reversalDate(entry.postingDate(), today),
              sale.dueDate(),
              entry.journalEntry() == null ? null : mirrors.get(entry.journalEntry().id()),
              saleNumber));
      reversed = reversed.add(entry.amount());
    }
    for (StockMovement movement : movements) {
      stock.move(
          levels.get(movement.variant().id()),
          movement.variant(),
          StockMovement.Type.VOID,
          movement.quantity().negate(),
          movement.unitCost(),
          movement.value().negate(),
          DOCUMENT_TYPE,
          saleNumber,
          periods.reversalDate(movement.postingDate(), today));
    }
    sale.voided(user, why);
    String currency = sale.currency().getCurrencyCode();
    new AuditTrail(em)
        .record(
            user,
            "sale.voided",
            SalePosting.DOCUMENT_TYPE,
            saleNumber,
            why,
            JSON.createObjectBuilder()
                .add("total", sale.total())
                .add("reversedReceivable", reversed)
                .add("reversingEntries", reversals.build())
                .build()
                .toString());
    events.publish(
        "sale.voided",
        sale.customer().customerNumber(),
        JSON.createObjectBuilder()
            .add("eventType", "sale.voided")
            .add("schemaVersion", 1)
            .add("saleNumber", saleNumber)
            .add("customerNumber", sale.customer().customerNumber())
            .add("currency", currency)
            .add("total", sale.total())
            .add("reason", why)
            .add(
                "reversingEntries",
                JSON.createArrayBuilder(
                    mirrors.values().stream().map(JournalEntry::entryNumber).sorted().toList()))
            .build()
            .toString());
    return sale;
  }

  /**
   * Nothing paid or settled: the payments, payment reversals and refunds naming the sale sum to
   * zero, no write-off names it, and no credit note exists against it.
   */
  private void requireUnsettled(Sale sale) {
    List<Object[]> rows =
        em.createQuery(
                "select e.entryType, sum(e.amount), count(e) from CustomerLedgerEntry e where"
                    + " e.customer = :customer and e.appliesToNumber = :number group by"
                    + " e.entryType",
                Object[].class)
            .setParameter("customer", sale.customer())
            .setParameter("number", sale.saleNumber())
            .getResultList();
    BigDecimal paid = BigDecimal.ZERO;
    for (Object[] row : rows) {
      String type = (String) row[0];
      BigDecimal sum = row[1] == null ? BigDecimal.ZERO : new BigDecimal(row[1].toString());
      long count = ((Number) row[2]).longValue();
      switch (CustomerLedgerEntry.Type.valueOf(type)) {
        case payment, payment_reversal, refund -> paid = paid.add(sum);
        case write_off ->
            throw new BusinessRuleViolation(
                ErrorCode.SALE_HAS_PAYMENTS, sale.saleNumber() + " was written off");
        case credit_note -> {
          if (count > 0) {
            throw new BusinessRuleViolation(
                ErrorCode.SALE_HAS_CREDIT_NOTES,
                sale.saleNumber() + " has credit notes; credit the rest instead of voiding");
          }
        }
        default -> {}
      }
    }
    long notes =
        em.createQuery("select count(c) from CreditNote c where c.sale = :sale", Long.class)
            .setParameter("sale", sale)
            .getSingleResult();
    if (notes > 0) {
      throw new BusinessRuleViolation(
          ErrorCode.SALE_HAS_CREDIT_NOTES,
          sale.saleNumber() + " has credit notes; credit the rest instead of voiding");
    }
    if (paid.signum() != 0) {
      throw new BusinessRuleViolation(
          ErrorCode.SALE_HAS_PAYMENTS,
          sale.saleNumber() + " has payments of " + paid.negate().toPlainString() + " applied");
    }
    // a payment beyond what the sale charges is held as the customer's credit, not in receivables
    // (a sale that charges nothing takes a payment without any ledger entry): the amount paid,
    // read under the sale's lock, says money was received all the same
    if (sale.amountPaid().signum() != 0) {
      throw new BusinessRuleViolation(
          ErrorCode.SALE_HAS_PAYMENTS,
          sale.saleNumber()
              + " has "
              + sale.amountPaid().stripTrailingZeros().toPlainString()
              + " paid on it, held as the customer's credit; refund it first");
    }
  }
}
