package com.ledgerline.sales.control;

import static com.ledgerline.shared.Jsonp.JSON;

import com.ledgerline.audit.control.AuditTrail;
import com.ledgerline.catalog.entity.Variant;
import com.ledgerline.customers.entity.Customer;
import com.ledgerline.inventory.control.StockKeeping;
import com.ledgerline.inventory.entity.StockLevel;
import com.ledgerline.inventory.entity.StockMovement;
import com.ledgerline.ledger.control.AccountingPeriods;
import com.ledgerline.ledger.control.Accounts;
import com.ledgerline.ledger.control.Journal;
import com.ledgerline.ledger.entity.CustomerLedgerEntry;
import com.ledgerline.ledger.entity.JournalEntry;
import com.ledgerline.platform.messaging.OutboundEvents;
import com.ledgerline.sales.boundary.IssueCreditNote;
import com.ledgerline.sales.entity.CreditNote;
import com.ledgerline.sales.entity.CreditNoteLine;
import com.ledgerline.sales.entity.Sale;
import com.ledgerline.sales.entity.SaleLine;
import com.ledgerline.sales.entity.SaleStatus;
import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.DocumentNumbers;
import com.ledgerline.shared.ErrorCode;
import com.ledgerline.shared.Quantities;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Issues a credit note against a posted sale (DESIGN.md 5, "credit note" and "restock on return"),
 * in the caller's transaction:
 *
 * <ul>
 *   <li>the note ({@code CN-…}, its own gapless series) with a line per credited sale line, at the
 *       sale line's price, tax rate and cost snapshots ({@link CreditNoteArithmetic});
 *   <li>one journal entry: Dr Sales returns (net) + Dr Output tax payable (tax) / Cr Accounts
 *       receivable (gross); on restock also Dr Inventory / Cr Cost of goods sold at the cost
 *       snapshot, with a stock movement back in per restocked line;
 *   <li>a customer ledger {@code credit_note} entry for minus the gross, naming the sale;
 *   <li>the audit record (with the reason) and {@code credit_note.issued}.
 * </ul>
 *
 * <p>Never more than was sold: per line, all credit notes together credit at most the line's
 * quantity ({@code CREDIT_EXCEEDS_INVOICED}). Locks: the stock levels of the restocked variants,
 * the sale, the credit note series, the journal series.
 */
public final class CreditNoteIssue {
  public static final String DOCUMENT_TYPE = "CREDIT_NOTE";

  private final EntityManager em;
  private final OutboundEvents events;
  private final SaleReferences references;
  private final StockKeeping stock;

  public CreditNoteIssue(EntityManager em, OutboundEvents events) {
    this.em = em;
    this.events = events;
    this.references = new SaleReferences(em);
    this.stock = new StockKeeping(em);
  }

  /** What earlier credit notes took from one sale line. */
  private record Taken(
      BigDecimal quantity,
      BigDecimal net,
      BigDecimal tax,
      BigDecimal restockedQuantity,
      BigDecimal restockedCost) {
    static final Taken NOTHING =
        new Taken(
            BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
  }

  /**
   * Issues the credit note.
   *
   * @throws BusinessRuleViolation {@code REASON_REQUIRED}, {@code INVALID_REQUEST}, {@code
   *     INVALID_QUANTITY}, {@code SALE_NOT_POSTED}, {@code UNKNOWN_SALE_LINE}, {@code
   *     CREDIT_EXCEEDS_INVOICED}, {@code DATE_BEFORE_ORIGINAL}, {@code ACCOUNTING_PERIOD_CLOSED},
   *     {@code SALE_CHANGED_CONCURRENTLY}
   */
  public CreditNote issue(Sale sale, IssueCreditNote command, String user) {
    if (command == null) {
      throw new BusinessRuleViolation(ErrorCode.INVALID_REQUEST, "a credit note is required");
    }
    String reason = SaleReferences.requireReason(command.reason(), "a credit note");
    SalePosting.requireStatus(sale, SaleStatus.POSTED, ErrorCode.SALE_NOT_POSTED);
    LocalDate date = Optional.ofNullable(command.postingDate()).orElseGet(LocalDate::now);
    if (date.isBefore(sale.postingDate())) {
      throw new BusinessRuleViolation(
          ErrorCode.DATE_BEFORE_ORIGINAL,
          "a credit note dated "
              + date
              + " precedes "
              + sale.saleNumber()
              + " of "
              + sale.postingDate());
    }
    // an early, lock-free refusal; the journal takes the month's lock in the lock order
    new AccountingPeriods(em).refuseIfClosed(date);
    int revision = sale.currentRevision();
    List<SaleLine> lines = sale.lines();
    boolean full = command.lines() == null || command.lines().isEmpty();
    Map<Integer, BigDecimal> asked = full ? Map.of() : asked(command.lines(), lines, sale);

    Map<Long, Variant> restocked = new java.util.TreeMap<>();
    if (command.restock()) {
      for (SaleLine line : lines) {
        if (line.variant().stockTracked() && (full || asked.containsKey(line.lineNumber()))) {
          restocked.put(line.variant().id(), line.variant());
        }
      }
    }
    Map<Long, StockLevel> levels = stock.lock(restocked.values());
    references.lock(sale);
    SalePosting.requireStatus(sale, SaleStatus.POSTED, ErrorCode.SALE_NOT_POSTED);
    if (sale.currentRevision() != revision) {
      throw new BusinessRuleViolation(
          ErrorCode.SALE_CHANGED_CONCURRENTLY,
          sale.saleNumber() + " was amended meanwhile; read it again");
    }

    Map<Long, Taken> taken = taken(sale);
    List<CreditNoteArithmetic.SoldLine> sold = new ArrayList<>();
    List<BigDecimal> quantities = new ArrayList<>();
    for (SaleLine line : lines) {
      Taken t = taken.getOrDefault(line.id(), Taken.NOTHING);
      CreditNoteArithmetic.SoldLine soldLine =
          new CreditNoteArithmetic.SoldLine(
              line.quantity(),
              line.unitPrice(),
              line.netAmount(),
              line.taxRatePercent(),
              line.taxAmount(),
              line.unitCost(),
              line.costAmount(),
              t.quantity(),
              t.net(),
              t.tax(),
              t.restockedQuantity(),
              t.restockedCost());
      sold.add(soldLine);
      quantities.add(
          full
              ? soldLine.remainingQuantity()
              : asked.getOrDefault(line.lineNumber(), BigDecimal.ZERO));
    }
    if (quantities.stream().allMatch(q -> q.signum() == 0)) {
      throw new BusinessRuleViolation(
          ErrorCode.CREDIT_EXCEEDS_INVOICED,
          sale.saleNumber() + " has been credited in full already");
    }
    List<CreditNoteArithmetic.Credited> credited =
        CreditNoteArithmetic.credit(
            sold, quantities, command.restock(), SaleArithmetic.Terms.of(sale));

    String number = new DocumentNumbers(em).next(DocumentNumbers.CREDIT_NOTE);
    CreditNote note = new CreditNote(number, sale, date, command.restock(), reason, user);
    Journal.Draft draft = new Journal.Draft();
    for (int i = 0; i < lines.size(); i++) {
      CreditNoteArithmetic.Credited c = credited.get(i);
      if (!c.isOnNote()) {
        continue;
      }
      SaleLine line = lines.get(i);
      BigDecimal cost = null;
      if (c.restockedQuantity().signum() > 0) {
        stock.move(
            levels.get(line.variant().id()),
            line.variant(),
            StockMovement.Type.RETURN,
            c.restockedQuantity(),
            line.unitCost(),
            c.restockCost(),
            DOCUMENT_TYPE,
            number,
            date);
        cost = c.restockCost();
        draft.debit(Accounts.INVENTORY, cost).credit(Accounts.COST_OF_GOODS_SOLD, cost);
      }
      note.addLine(
          new CreditNoteLine.Values(
              line, c.quantity(), c.net(), c.tax(), c.restockedQuantity(), cost));
    }
    post(
        em,
        events,
        draft,
        note,
        sale.customer(),
        sale.saleNumber(),
        date,
        "Credit note " + number + " on sale " + sale.saleNumber(),
        reason,
        user);
    new SaleCharges(em).followCharges(sale);
    return note;
  }

  /**
   * What every credit note posts once its lines (and any restock lines of the draft) are on it: the
   * journal entry Dr Sales returns (net) and Dr Output tax (tax) / Cr Accounts receivable (gross),
   * the customer's {@code credit_note} ledger entry of minus the total (applying to the sale's open
   * item, or its own when it names no sale), the audit record and the {@code credit_note.issued}
   * event.
   *
   * @param saleNumber the credited sale; null for a return linked to no sale
   * @return the journal entry
   */
  static JournalEntry post(
      EntityManager em,
      OutboundEvents events,
      Journal.Draft draft,
      CreditNote note,
      Customer customer,
      String saleNumber,
      LocalDate date,
      String description,
      String reason,
      String user) {
    String number = note.creditNoteNumber();
    draft
        .debit(Accounts.SALES_RETURNS, note.subtotal())
        .debit(Accounts.OUTPUT_TAX_PAYABLE, note.taxTotal())
        .credit(Accounts.ACCOUNTS_RECEIVABLE, note.total());
    String currency = customer.currency().getCurrencyCode();
    JournalEntry entry =
        new Journal(em, new DocumentNumbers(em))
            .post(draft, date, currency, DOCUMENT_TYPE, number, description, user);
    note.postedBy(entry);
    em.persist(note);
    em.persist(
        new CustomerLedgerEntry(
            customer,
            CustomerLedgerEntry.Type.credit_note,
            DOCUMENT_TYPE,
            number,
            note.total().negate(),
            currency,
            date,
            null,
            entry,
            saleNumber));
    new AuditTrail(em)
        .record(
            user,
            "credit_note.issued",
            DOCUMENT_TYPE,
            number,
            reason,
            JSON.createObjectBuilder()
                .add("saleNumber", saleNumber == null ? "" : saleNumber)
                .add("total", note.total())
                .add("restock", note.restock())
                .add("journalEntryNumber", entry == null ? "" : entry.entryNumber())
                .build()
                .toString());
    events.publish("credit_note.issued", customer.customerNumber(), issuedEvent(note, entry));
    return entry;
  }

  /** Requested quantities by line number, each line once and known. */
  private static Map<Integer, BigDecimal> asked(
      List<IssueCreditNote.Line> requested, List<SaleLine> lines, Sale sale) {
    Map<Integer, BigDecimal> asked = new HashMap<>();
    for (IssueCreditNote.Line line : requested) {
      if (line == null) {
        throw new BusinessRuleViolation(ErrorCode.INVALID_REQUEST, "a credit note line is empty");
      }
      String where = "line " + line.lineNumber() + ": quantity";
      Quantities.requireQuantity(line.quantity(), where);
      if (lines.stream().noneMatch(l -> l.lineNumber() == line.lineNumber())) {
        throw new BusinessRuleViolation(
            ErrorCode.UNKNOWN_SALE_LINE,
            sale.saleNumber() + " has no line " + line.lineNumber() + " on its current revision");
      }
      if (asked.put(line.lineNumber(), line.quantity().setScale(Quantities.QUANTITY_SCALE))
          != null) {
        throw new BusinessRuleViolation(
            ErrorCode.INVALID_REQUEST, "line " + line.lineNumber() + " is named twice");
      }
    }
    return asked;
  }

  /** What earlier credit notes took, per sale line id. */
  private Map<Long, Taken> taken(Sale sale) {
    Map<Long, Taken> taken = new HashMap<>();
    List<Object[]> rows =
        em.createQuery(
                "select l.saleLine.id, sum(l.quantity), sum(l.netAmount), sum(l.taxAmount),"
                    + " sum(l.restockedQuantity), sum(coalesce(l.costAmount, 0)) from"
                    + " CreditNoteLine l where l.creditNote.sale = :sale group by l.saleLine.id",
                Object[].class)
            .setParameter("sale", sale)
            .getResultList();
    for (Object[] row : rows) {
      taken.put(
          (Long) row[0],
          new Taken(
              decimal(row[1]), decimal(row[2]), decimal(row[3]), decimal(row[4]), decimal(row[5])));
    }
    return taken;
  }

  private static BigDecimal decimal(Object value) {
    if (value == null) {
      return BigDecimal.ZERO;
    }
    return value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
  }

  /**
   * {@code credit_note.issued}: the note, its lines and journal entry; {@code saleNumber} and each
   * line's {@code saleLineNumber} are null for a note not linked to a sale.
   */
  static String issuedEvent(CreditNote note, JournalEntry entry) {
    JsonArrayBuilder lines = JSON.createArrayBuilder();
    for (CreditNoteLine line : note.lines()) {
      lines.add(
          JSON.createObjectBuilder()
              .add("lineNumber", line.lineNumber())
              .add(
                  "saleLineNumber",
                  line.saleLine() == null
                      ? JsonValue.NULL
                      : JSON.createValue(line.saleLine().lineNumber()))
              .add("sku", line.sku())
              .add("quantity", line.quantity())
              .add("netAmount", line.netAmount())
              .add("taxRatePercent", line.taxRatePercent())
              .add("taxAmount", line.taxAmount())
              .add("restockedQuantity", line.restockedQuantity()));
    }
    return JSON.createObjectBuilder()
        .add("eventType", "credit_note.issued")
        .add("schemaVersion", 1)
        .add("creditNoteNumber", note.creditNoteNumber())
        .add(
            "saleNumber",
            note.linked() ? JSON.createValue(note.sale().saleNumber()) : JsonValue.NULL)
        .add("customerNumber", note.customer().customerNumber())
        .add("postingDate", note.postingDate().toString())
        .add("currency", note.currency().getCurrencyCode())
        .add("subtotal", note.subtotal())
        .add("taxTotal", note.taxTotal())
        .add("total", note.total())
        .add("restock", note.restock())
        .add("reason", note.reason())
        .add("journalEntryNumber", entry == null ? "" : entry.entryNumber())
        .add("lines", lines)
        .build()
        .toString();
  }
}
