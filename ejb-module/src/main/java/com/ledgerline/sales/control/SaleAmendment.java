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
import com.ledgerline.sales.boundary.AmendSale;
import com.ledgerline.sales.boundary.PostSale;
import com.ledgerline.sales.entity.Sale;
import com.ledgerline.sales.entity.SaleLine;
import com.ledgerline.sales.entity.SaleRevision;
import com.ledgerline.sales.entity.SaleStatus;
import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.DocumentNumbers;
import com.ledgerline.shared.ErrorCode;
import com.ledgerline.shared.Quantities;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Amends a posted sale's lines (DESIGN.md 4 and 5, "amendment"): the full set of lines becomes the
 * sale's next revision (the earlier revisions stay as they were) and only the difference posts, in
 * the caller's transaction:
 *
 * <ul>
 *   <li>stock per variant by the quantity delta: an increase goes out at the moving-average cost
 *       and is refused {@code INSUFFICIENT_STOCK} beyond what is on hand (never clamped); a
 *       decrease comes back in at the original line's cost snapshot ({@link AmendmentArithmetic});
 *   <li>a customer ledger {@code invoice_update} for the gross delta, naming the sale;
 *   <li>one delta journal entry: the difference of the rows the two revisions post (Dr Accounts
 *       receivable, Cr revenue per account, Cr Output tax payable, Dr Cost of goods sold, Cr
 *       Inventory), signs as they fall;
 *   <li>the revision record, the audit record (with the reason) and {@code sale.amended}.
 * </ul>
 *
 * <p>A line keeps the price and tax rate snapshots of its SKU on the current revision unless the
 * amendment gives another price; a SKU new to the sale takes the catalogue price and the rate in
 * force on the sale's posting date (the tax point of the supply). A sale with credit notes is not
 * amended ({@code SALE_HAS_CREDIT_NOTES}): the credited lines would lose their meaning. A paid sale
 * is amended all the same; its payment status follows what it now charges ({@link SaleCharges}).
 *
 * <p>Locks: the stock levels of the variants on either revision, then the sale, then the journal
 * series.
 */
public final class SaleAmendment {
  public static final String DOCUMENT_TYPE = "SALE_AMENDMENT";

  private final EntityManager em;
  private final OutboundEvents events;
  private final SaleReferences references;
  private final StockKeeping stock;

  public SaleAmendment(EntityManager em, OutboundEvents events) {
    this.em = em;
    this.events = events;
    this.references = new SaleReferences(em);
    this.stock = new StockKeeping(em);
  }

  /** A line of the next revision, resolved. */
  private record NextLine(
      Variant variant,
      String description,
      BigDecimal quantity,
      BigDecimal unitPrice,
      BigDecimal ratePercent) {}

  /**
   * Posts the amendment.
   *
   * @throws BusinessRuleViolation {@code REASON_REQUIRED}, {@code INVALID_REQUEST}, {@code
   *     INVALID_QUANTITY}, {@code INVALID_AMOUNT}, {@code SALE_NOT_POSTED}, {@code
   *     SALE_CHANGED_CONCURRENTLY}, {@code SALE_HAS_CREDIT_NOTES}, {@code DATE_BEFORE_ORIGINAL},
   *     {@code ACCOUNTING_PERIOD_CLOSED}, {@code UNKNOWN_VARIANT}, {@code CURRENCY_MISMATCH},
   *     {@code NO_TAX_RATE_IN_FORCE}, {@code TOTALS_MISMATCH}, {@code NOTHING_TO_AMEND}, {@code
   *     INSUFFICIENT_STOCK}
   */
  public Sale amend(Sale sale, AmendSale command, String user) {
    if (command == null) {
      throw new BusinessRuleViolation(ErrorCode.INVALID_REQUEST, "an amendment is required");
    }
    String reason = SaleReferences.requireReason(command.reason(), "an amendment");
    if (command.lines() == null || command.lines().isEmpty()) {
      throw new BusinessRuleViolation(
          ErrorCode.INVALID_REQUEST,
          "an amendment needs at least one line (void the sale instead)");
    }
    SaleReferences.requireLineShapes(command.lines());
    SalePosting.requireStatus(sale, SaleStatus.POSTED, ErrorCode.SALE_NOT_POSTED);
    int base = Optional.ofNullable(command.baseRevision()).orElse(sale.currentRevision());
    requireRevision(sale, base);
    requireNoCreditNotes(sale);
    LocalDate date = Optional.ofNullable(command.postingDate()).orElseGet(LocalDate::now);
    if (date.isBefore(sale.postingDate())) {
      throw new BusinessRuleViolation(
          ErrorCode.DATE_BEFORE_ORIGINAL,
          "an amendment dated "
              + date
              + " precedes "
              + sale.saleNumber()
              + " of "
              + sale.postingDate());
    }
    // an early, lock-free refusal; the journal takes the month's lock in the lock order
    new AccountingPeriods(em).refuseIfClosed(date);

    List<SaleLine> before = sale.lines();
    List<NextLine> next = resolve(sale, before, command.lines());
    SaleArithmetic.Priced priced =
        SaleArithmetic.price(
            next.stream()
                .map(
                    l ->
                        new SaleArithmetic.PricingLine(
                            l.quantity(), l.unitPrice(), l.ratePercent()))
                .toList(),
            SaleArithmetic.Terms.of(sale));
    SalePosting.requireExpectedTotal(command.expectedTotal(), priced.total());
    if (unchanged(before, next)) {
      throw new BusinessRuleViolation(
          ErrorCode.NOTHING_TO_AMEND, "the lines are those of revision " + base + " already");
    }

    Map<Long, AmendmentArithmetic.Holding> held = holdings(before);
    Map<Long, BigDecimal> wanted = new LinkedHashMap<>();
    Map<Long, Variant> variants = new TreeMap<>();
    for (SaleLine line : before) {
      if (line.variant().stockTracked()) {
        variants.put(line.variant().id(), line.variant());
      }
    }
    for (NextLine line : next) {
      if (line.variant().stockTracked()) {
        variants.put(line.variant().id(), line.variant());
        wanted.merge(line.variant().id(), line.quantity(), BigDecimal::add);
      }
    }
    Map<Long, StockLevel> levels = stock.lock(variants.values());
    references.lock(sale);
    SalePosting.requireStatus(sale, SaleStatus.POSTED, ErrorCode.SALE_NOT_POSTED);
    requireRevision(sale, base);
    requireNoCreditNotes(sale);

    Map<Variant, BigDecimal> increases = new LinkedHashMap<>();
    variants.forEach(
        (id, variant) -> {
          BigDecimal delta =
              wanted.getOrDefault(id, BigDecimal.ZERO).subtract(quantityOf(held.get(id)));
          if (delta.signum() > 0) {
            increases.put(variant, delta);
          }
        });
    stock.requireAvailable(levels, increases);

    String saleNumber = sale.saleNumber();
    Map<Long, BigDecimal> costAfter = new LinkedHashMap<>();
    Map<Long, BigDecimal> unitCostAfter = new LinkedHashMap<>();
    for (Map.Entry<Long, Variant> entry : variants.entrySet()) {
      Long id = entry.getKey();
      Variant variant = entry.getValue();
      AmendmentArithmetic.Holding was = held.get(id);
      BigDecimal quantityBefore = quantityOf(was);
      BigDecimal quantityAfter = wanted.getOrDefault(id, BigDecimal.ZERO);
      BigDecimal delta = quantityAfter.subtract(quantityBefore);
      if (delta.signum() > 0) {
        StockMovement out =
            stock.issue(
                levels.get(id),
                variant,
                StockMovement.Type.SALE_AMENDMENT,
                delta,
                DOCUMENT_TYPE,
                saleNumber,
                date);
        BigDecimal cost = (was == null ? BigDecimal.ZERO : was.cost()).add(out.value().negate());
        costAfter.put(id, cost);
        unitCostAfter.put(
            id, was == null ? out.unitCost() : AmendmentArithmetic.unitCost(cost, quantityAfter));
      } else if (delta.signum() < 0) {
        BigDecimal back = AmendmentArithmetic.returnValue(was, delta.negate(), sale.currency());
        stock.move(
            levels.get(id),
            variant,
            StockMovement.Type.SALE_AMENDMENT,
            delta.negate(),
            was.unitCost(),
            back,
            DOCUMENT_TYPE,
            saleNumber,
            date);
        costAfter.put(id, was.cost().subtract(back));
        unitCostAfter.put(id, was.unitCost());
      } else {
        costAfter.put(id, was.cost());
        unitCostAfter.put(id, was.unitCost());
      }
    }

    List<SaleArithmetic.RowLine> rowsBefore = rowLines(before);
    BigDecimal totalBefore = sale.total();
    int revision = sale.startRevision();
    Map<Long, List<BigDecimal>> costShares = new LinkedHashMap<>();
    costAfter.forEach(
        (id, cost) -> {
          List<BigDecimal> quantities =
              next.stream()
                  .filter(l -> l.variant().id().equals(id))
                  .map(NextLine::quantity)
                  .toList();
          if (!quantities.isEmpty()) {
            costShares.put(
                id,
                new ArrayList<>(AmendmentArithmetic.allocate(cost, quantities, sale.currency())));
          }
        });
    for (int i = 0; i < next.size(); i++) {
      NextLine line = next.get(i);
      Variant variant = line.variant();
      BigDecimal unitCost = null;
      BigDecimal cost = null;
      if (variant.stockTracked()) {
        unitCost = unitCostAfter.get(variant.id());
        cost = costShares.get(variant.id()).remove(0);
      }
      sale.addLine(
          new SaleLine.Values(
              variant,
              line.description(),
              line.quantity(),
              line.unitPrice(),
              priced.nets().get(i).amount(),
              variant.product().taxCategoryCode(),
              line.ratePercent(),
              priced.taxes().get(i).amount(),
              unitCost,
              cost));
    }

    Map<String, BigDecimal> delta =
        SaleArithmetic.delta(
            SaleArithmetic.postingRows(rowsBefore),
            SaleArithmetic.postingRows(rowLines(sale.lines())));
    Journal.Draft draft = new Journal.Draft();
    delta.forEach(draft::debit);
    String currency = sale.currency().getCurrencyCode();
    JournalEntry entry =
        new Journal(em, new DocumentNumbers(em))
            .post(
                draft,
                date,
                currency,
                DOCUMENT_TYPE,
                saleNumber,
                "Amendment (revision " + revision + ") of sale " + saleNumber,
                user);
    BigDecimal grossDelta = sale.total().subtract(totalBefore);
    if (grossDelta.signum() != 0) {
      em.persist(
          new CustomerLedgerEntry(
              sale.customer(),
              CustomerLedgerEntry.Type.invoice_update,
              DOCUMENT_TYPE,
              saleNumber,
              grossDelta,
              currency,
              date,
              sale.dueDate(),
              entry,
              saleNumber));
    }
    em.persist(new SaleRevision(sale, date, entry, reason, user));
    new SaleCharges(em).followCharges(sale);
    new AuditTrail(em)
        .record(
            user,
            "sale.amended",
            SalePosting.DOCUMENT_TYPE,
            saleNumber,
            reason,
            JSON.createObjectBuilder()
                .add("revision", revision)
                .add("previousTotal", totalBefore)
                .add("total", sale.total())
                .add("grossDelta", grossDelta)
                .add("journalEntryNumber", entry == null ? "" : entry.entryNumber())
                .build()
                .toString());
    events.publish(
        "sale.amended",
        sale.customer().customerNumber(),
        JSON.createObjectBuilder()
            .add("eventType", "sale.amended")
            .add("schemaVersion", 1)
            .add("saleNumber", saleNumber)
            .add("customerNumber", sale.customer().customerNumber())
            .add("revision", revision)
            .add("postingDate", date.toString())
            .add("currency", currency)
            .add("subtotal", sale.subtotal())
            .add("taxTotal", sale.taxTotal())
            .add("total", sale.total())
            .add("totalDelta", grossDelta)
            .add("reason", reason)
            .add("journalEntryNumber", entry == null ? "" : entry.entryNumber())
            .add("lines", SalePosting.linesJson(sale.lines()))
            .build()
            .toString());
    return sale;
  }

  private List<NextLine> resolve(Sale sale, List<SaleLine> before, List<PostSale.Line> lines) {
    Map<Long, SaleLine> current = new LinkedHashMap<>();
    for (SaleLine line : before) {
      current.putIfAbsent(line.variant().id(), line);
    }
    List<NextLine> next = new ArrayList<>();
    for (PostSale.Line line : lines) {
      Variant variant = references.variant(line.sku(), sale.currency());
      SaleLine was = current.get(variant.id());
      BigDecimal price =
          line.unitPrice() != null
              ? line.unitPrice()
              : was != null ? was.unitPrice() : variant.sellingPrice();
      BigDecimal rate =
          was != null
              ? was.taxRatePercent()
              : references.rate(
                  sale.jurisdictionCode(), variant.product().taxCategoryCode(), sale.postingDate());
      String description =
          line.description() != null
              ? line.description()
              : was != null ? was.description() : variant.name();
      next.add(
          new NextLine(
              variant,
              description,
              line.quantity().setScale(Quantities.QUANTITY_SCALE),
              price.setScale(Quantities.UNIT_AMOUNT_SCALE),
              rate));
    }
    return next;
  }

  private static boolean unchanged(List<SaleLine> before, List<NextLine> next) {
    if (before.size() != next.size()) {
      return false;
    }
    for (int i = 0; i < before.size(); i++) {
      SaleLine was = before.get(i);
      NextLine now = next.get(i);
      if (!was.variant().id().equals(now.variant().id())
          || was.quantity().compareTo(now.quantity()) != 0
          || was.unitPrice().compareTo(now.unitPrice()) != 0
          || !Objects.equals(was.description(), now.description())) {
        return false;
      }
    }
    return true;
  }

  /** Quantity, cost and unit cost snapshot per stock-tracked variant of a revision. */
  static Map<Long, AmendmentArithmetic.Holding> holdings(List<SaleLine> lines) {
    Map<Long, AmendmentArithmetic.Holding> held = new LinkedHashMap<>();
    for (SaleLine line : lines) {
      if (line.unitCost() == null || line.costAmount() == null) {
        continue;
      }
      held.merge(
          line.variant().id(),
          new AmendmentArithmetic.Holding(line.quantity(), line.costAmount(), line.unitCost()),
          (a, b) ->
              new AmendmentArithmetic.Holding(
                  a.quantity().add(b.quantity()), a.cost().add(b.cost()), a.unitCost()));
    }
    return held;
  }

  private static BigDecimal quantityOf(AmendmentArithmetic.Holding holding) {
    return holding == null ? BigDecimal.ZERO : holding.quantity();
  }

  static List<SaleArithmetic.RowLine> rowLines(List<SaleLine> lines) {
    return lines.stream()
        .sorted(Comparator.comparingInt(SaleLine::lineNumber))
        .map(
            l ->
                new SaleArithmetic.RowLine(
                    l.variant().revenueAccount(), l.netAmount(), l.taxAmount(), l.costAmount()))
        .toList();
  }

  private static void requireRevision(Sale sale, int base) {
    if (sale.currentRevision() != base) {
      throw new BusinessRuleViolation(
          ErrorCode.SALE_CHANGED_CONCURRENTLY,
          sale.saleNumber()
              + " is at revision "
              + sale.currentRevision()
              + ", the amendment was based on revision "
              + base
              + "; read it again");
    }
  }

  private void requireNoCreditNotes(Sale sale) {
    long notes =
        em.createQuery("select count(c) from CreditNote c where c.sale = :sale", Long.class)
            .setParameter("sale", sale)
            .getSingleResult();
    if (notes > 0) {
      throw new BusinessRuleViolation(
          ErrorCode.SALE_HAS_CREDIT_NOTES,
          sale.saleNumber() + " has " + notes + " credit note(s); correct it with another one");
    }
  }
}
