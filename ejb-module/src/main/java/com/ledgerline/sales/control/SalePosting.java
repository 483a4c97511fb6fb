package com.ledgerline.sales.control;

import static com.ledgerline.shared.Jsonp.JSON;

import com.ledgerline.audit.control.AuditTrail;
import com.ledgerline.catalog.entity.Variant;
import com.ledgerline.customers.entity.Customer;
import com.ledgerline.inventory.control.StockKeeping;
import com.ledgerline.inventory.entity.StockLevel;
import com.ledgerline.inventory.entity.StockMovement;
import com.ledgerline.ledger.control.Accounts;
import com.ledgerline.ledger.control.Journal;
import com.ledgerline.ledger.entity.CustomerLedgerEntry;
import com.ledgerline.ledger.entity.JournalEntry;
import com.ledgerline.platform.messaging.OutboundEvents;
import com.ledgerline.sales.boundary.PostSale;
import com.ledgerline.sales.entity.Delivery;
import com.ledgerline.sales.entity.Sale;
import com.ledgerline.sales.entity.SaleDraftLine;
import com.ledgerline.sales.entity.SaleLine;
import com.ledgerline.sales.entity.SaleRevision;
import com.ledgerline.sales.entity.SaleStatus;
import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.DocumentNumbers;
import com.ledgerline.shared.ErrorCode;
import com.ledgerline.shared.Money;
import com.ledgerline.shared.Quantities;
import com.ledgerline.tax.entity.TaxJurisdiction;
import jakarta.json.JsonArrayBuilder;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Posts a sale and all its effects inside the caller's transaction (DESIGN.md 5, "sale posted"):
 *
 * <ol>
 *   <li>the sale with its lines (revision 1), snapshotting price, tax rate and moving-average cost
 *       per line, under the next gapless {@code INV-} number;
 *   <li>a stock movement out per stock-tracked line, refused {@code INSUFFICIENT_STOCK} otherwise;
 *   <li>the customer ledger {@code invoice} entry for the gross total, due after the terms;
 *   <li>one journal entry: Dr Accounts receivable (gross) / Cr Sales revenue (net, per revenue
 *       account) / Cr Output tax payable; Dr Cost of goods sold / Cr Inventory (cost);
 *   <li>the audit record and the {@code sale.posted} event on the outbound topic.
 * </ol>
 *
 * <p>Credit limit (DESIGN.md 4): when the customer's balance (the sum of their customer ledger
 * entries) plus the sale's total would exceed their credit limit, the sale is held in {@code
 * PENDING_APPROVAL} instead, with its lines and no effect at all; an approver's release posts it
 * then ({@link #release}). The same rule serves a sale posted in one step ({@link #post}) and a
 * draft ({@link #postDraft}).
 *
 * <p>Locks, in this order: the stock levels of the sold variants (ascending id), the sale row (a
 * draft or held sale), the customer row (only when they have a credit limit), then the invoice
 * series, then the journal series. Every sales workflow keeps that order.
 */
public final class SalePosting {
  public static final String DOCUMENT_TYPE = "SALE_INVOICE";
  public static final String DEFAULT_CHANNEL = "api";
  public static final String DEFAULT_JURISDICTION = "GB";

  private final EntityManager em;
  private final OutboundEvents events;
  private final DocumentNumbers numbers;
  private final StockKeeping stock;
  private final Journal journal;
  private final AuditTrail audit;
  private final SaleReferences references;

  public SalePosting(EntityManager em, OutboundEvents events) {
    this.em = em;
    this.events = events;
    this.numbers = new DocumentNumbers(em);
    this.stock = new StockKeeping(em);
    this.journal = new Journal(em, numbers);
    this.audit = new AuditTrail(em);
    this.references = new SaleReferences(em);
  }

  /**
   * What a posting produced: the sale ({@code POSTED}, or {@code PENDING_APPROVAL} when held);
   * {@code duplicate} when the channel key had been used before.
   */
  public record Outcome(Sale sale, boolean duplicate) {}

  /** A line about to be posted: the variant and the price it sells at (6 decimals). */
  public record Planned(
      Variant variant, String description, BigDecimal quantity, BigDecimal unitPrice) {}

  /**
   * Posts a sale in one step (API, POS, imports). A repeated (channel, external reference) with the
   * same content answers the first sale, whatever became of it; with other content it is refused.
   *
   * @throws BusinessRuleViolation {@code INVALID_REQUEST}, {@code INVALID_QUANTITY}, {@code
   *     INVALID_AMOUNT}, {@code UNKNOWN_CUSTOMER}, {@code CUSTOMER_NOT_ACTIVE}, {@code
   *     UNKNOWN_VARIANT}, {@code CURRENCY_MISMATCH}, {@code UNKNOWN_TAX_JURISDICTION}, {@code
   *     NO_TAX_RATE_IN_FORCE}, {@code TOTALS_MISMATCH}, {@code INSUFFICIENT_STOCK}, {@code
   *     IDEMPOTENCY_KEY_REUSED}, {@code ACCOUNTING_PERIOD_CLOSED}
   */
  public Outcome post(PostSale command, String user) {
    validateShape(command);
    String channel = Optional.ofNullable(command.channel()).orElse(DEFAULT_CHANNEL);
    Customer customer = references.activeCustomer(command.customerNumber());
    List<Variant> variants = new ArrayList<>();
    for (PostSale.Line line : command.lines()) {
      variants.add(references.variant(line.sku(), customer.currency()));
    }
    if (command.externalReference() != null) {
      Optional<Sale> earlier = earlier(channel, command.externalReference());
      if (earlier.isPresent()) {
        requireSameContent(earlier.get(), command, customer, variants);
        return new Outcome(earlier.get(), true);
      }
    }
    TaxJurisdiction jurisdiction =
        references.jurisdiction(
            Optional.ofNullable(command.taxJurisdiction()).orElse(DEFAULT_JURISDICTION),
            customer.currency());
    List<Planned> planned = new ArrayList<>();
    for (int i = 0; i < variants.size(); i++) {
      Variant variant = variants.get(i);
      PostSale.Line line = command.lines().get(i);
      planned.add(
          new Planned(
              variant,
              Optional.ofNullable(line.description()).orElse(variant.name()),
              line.quantity().setScale(Quantities.QUANTITY_SCALE),
              Optional.ofNullable(line.unitPrice())
                  .orElse(variant.sellingPrice())
                  .setScale(Quantities.UNIT_AMOUNT_SCALE)));
    }
    Sale sale =
        new Sale(
            customer,
            customer.currency(),
            jurisdiction.code(),
            jurisdiction.roundingPolicy().name(),
            jurisdiction.roundingMode(),
            jurisdiction.priceBasis(),
            channel,
            command.externalReference(),
            Optional.ofNullable(command.capturedAt())
                .orElseGet(Instant::now)
                .atOffset(ZoneOffset.UTC),
            user);
    sale.reviseDraft(
        customer,
        customer.currency(),
        jurisdiction.code(),
        jurisdiction.roundingPolicy().name(),
        jurisdiction.roundingMode(),
        jurisdiction.priceBasis(),
        command.postingDate(),
        Delivery.NONE);
    Priced priced = price(sale, planned);
    requireExpectedTotal(command.expectedTotal(), priced.figures().total());
    Map<Long, StockLevel> levels = stock.lock(variantsOf(planned));
    return new Outcome(submit(sale, planned, priced, levels, user, true), false);
  }

  /**
   * Posts a draft: {@code DRAFT} → {@code POSTED}, or {@code PENDING_APPROVAL} over the credit
   * limit. Prices, tax rates and stock are taken again on the posting date (the draft's requested
   * date, else today).
   *
   * @param expectedTotal the gross total the client shows, only checked; null = not checked
   * @throws BusinessRuleViolation {@code SALE_NOT_DRAFT}, {@code INVALID_REQUEST} (no lines),
   *     {@code TOTALS_MISMATCH}, {@code INSUFFICIENT_STOCK}, {@code NO_TAX_RATE_IN_FORCE}, {@code
   *     ACCOUNTING_PERIOD_CLOSED}, {@code SALE_CHANGED_CONCURRENTLY}
   */
  public Sale postDraft(Sale draft, BigDecimal expectedTotal, String user) {
    requireStatus(draft, SaleStatus.DRAFT, ErrorCode.SALE_NOT_DRAFT);
    Map<Long, StockLevel> levels = stock.lock(variantsOf(planned(draft)));
    references.lock(draft);
    requireStatus(draft, SaleStatus.DRAFT, ErrorCode.SALE_NOT_DRAFT);
    List<Planned> planned = planned(draft);
    if (planned.isEmpty()) {
      throw new BusinessRuleViolation(
          ErrorCode.INVALID_REQUEST, draft.draftNumber() + " has no lines to post");
    }
    requireLocked(levels, planned, draft);
    Priced priced = price(draft, planned);
    requireExpectedTotal(expectedTotal, priced.figures().total());
    return submit(draft, planned, priced, levels, user, true);
  }

  /**
   * Posts a held sale its approver released, with all its effects now (prices and tax rates on the
   * posting date, stock checked again). The credit limit is not checked again: the approver decided
   * on it.
   *
   * @throws BusinessRuleViolation {@code SALE_NOT_PENDING_APPROVAL}, {@code
   *     APPROVER_MUST_DIFFER_FROM_REQUESTER}, {@code REASON_REQUIRED}, {@code INSUFFICIENT_STOCK},
   *     {@code NO_TAX_RATE_IN_FORCE}, {@code ACCOUNTING_PERIOD_CLOSED}, {@code
   *     SALE_CHANGED_CONCURRENTLY}
   */
  public Sale release(Sale held, String approver, String reason) {
    String why = SaleReferences.requireReason(reason, "a release");
    requireStatus(held, SaleStatus.PENDING_APPROVAL, ErrorCode.SALE_NOT_PENDING_APPROVAL);
    SaleApproval.requireDifferentApprover(held, approver);
    Map<Long, StockLevel> levels = stock.lock(variantsOf(planned(held)));
    references.lock(held);
    requireStatus(held, SaleStatus.PENDING_APPROVAL, ErrorCode.SALE_NOT_PENDING_APPROVAL);
    List<Planned> planned = planned(held);
    requireLocked(levels, planned, held);
    held.decide(Sale.Decision.RELEASED, approver, why);
    audit.record(
        approver,
        "sale.released",
        SaleDrafting.DOCUMENT_TYPE,
        held.draftNumber(),
        why,
        JSON.createObjectBuilder()
            .add("requestedBy", Objects.toString(held.submittedBy(), held.createdBy()))
            .add("holdReason", Objects.toString(held.holdReason(), ""))
            .build()
            .toString());
    return submit(held, planned, price(held, planned), levels, approver, false);
  }

  /** The priced lines of a sale and the tax rates they used. */
  record Priced(SaleArithmetic.Priced figures, List<BigDecimal> rates, LocalDate postingDate) {}

  /** Prices the lines on the sale's posting date (the requested one, else today). */
  private Priced price(Sale sale, List<Planned> planned) {
    LocalDate postingDate = Optional.ofNullable(sale.postingDate()).orElseGet(LocalDate::now);
    List<BigDecimal> rates = new ArrayList<>();
    List<SaleArithmetic.PricingLine> lines = new ArrayList<>();
    for (Planned line : planned) {
      BigDecimal rate =
          references.rate(
              sale.jurisdictionCode(), line.variant().product().taxCategoryCode(), postingDate);
      rates.add(rate);
      lines.add(new SaleArithmetic.PricingLine(line.quantity(), line.unitPrice(), rate));
    }
    return new Priced(
        SaleArithmetic.price(lines, SaleArithmetic.Terms.of(sale)), rates, postingDate);
  }

  private Sale submit(
      Sale sale,
      List<Planned> planned,
      Priced priced,
      Map<Long, StockLevel> levels,
      String user,
      boolean creditCheck) {
    stock.requireAvailable(levels, requested(planned));
    if (creditCheck) {
      Optional<CreditLimits.Breach> breach =
          new CreditLimits(em).breach(sale.customer(), priced.figures().total());
      if (breach.isPresent()) {
        return hold(sale, planned, priced, breach.get(), user);
      }
    }
    return postEffects(sale, planned, priced, levels, user);
  }

  /** Holds the sale for an approver: its lines are kept as draft lines, nothing else moves. */
  private Sale hold(
      Sale sale, List<Planned> planned, Priced priced, CreditLimits.Breach breach, String user) {
    if (sale.draftNumber() == null) {
      sale.assignDraftNumber(numbers.next(DocumentNumbers.SALE_DRAFT));
    }
    sale.replaceDraftLines(draftValues(planned, priced));
    if (sale.id() == null) {
      em.persist(sale);
    }
    // the draft lines change while the sale is still a draft (the database allows it only then)
    em.flush();
    sale.hold(user, breach.describe());
    audit.record(
        user,
        "sale.held",
        SaleDrafting.DOCUMENT_TYPE,
        sale.draftNumber(),
        breach.describe(),
        JSON.createObjectBuilder()
            .add("customerNumber", sale.customer().customerNumber())
            .add("balance", breach.balance())
            .add("total", breach.total())
            .add("creditLimit", breach.creditLimit())
            .add("currency", sale.currency().getCurrencyCode())
            .build()
            .toString());
    return sale;
  }

  static List<SaleDraftLine.Values> draftValues(List<Planned> planned, Priced priced) {
    List<SaleDraftLine.Values> values = new ArrayList<>();
    for (int i = 0; i < planned.size(); i++) {
      Planned line = planned.get(i);
      values.add(
          new SaleDraftLine.Values(
              line.variant(),
              line.description(),
              line.quantity(),
              line.unitPrice(),
              priced.figures().nets().get(i).amount(),
              priced.rates().get(i),
              priced.figures().taxes().get(i).amount()));
    }
    return values;
  }

  private Sale postEffects(
      Sale sale, List<Planned> planned, Priced priced, Map<Long, StockLevel> levels, String user) {
    LocalDate postingDate = priced.postingDate();
    Customer customer = sale.customer();
    String currency = sale.currency().getCurrencyCode();
    Money gross = priced.figures().total();
    String saleNumber = numbers.next(DocumentNumbers.SALE_INVOICE);
    sale.post(saleNumber, postingDate, postingDate.plusDays(customer.paymentTermsDays()), user);

    Journal.Draft draft = new Journal.Draft().debit(Accounts.ACCOUNTS_RECEIVABLE, gross.amount());
    for (int i = 0; i < planned.size(); i++) {
      Planned line = planned.get(i);
      Variant variant = line.variant();
      BigDecimal unitCost = null;
      BigDecimal costAmount = null;
      if (variant.stockTracked()) {
        StockMovement out =
            stock.issue(
                levels.get(variant.id()),
                variant,
                StockMovement.Type.SALE,
                line.quantity(),
                DOCUMENT_TYPE,
                saleNumber,
                postingDate);
        unitCost = out.unitCost();
        costAmount = out.value().negate();
        draft.debit(Accounts.COST_OF_GOODS_SOLD, costAmount).credit(Accounts.INVENTORY, costAmount);
      }
      BigDecimal net = priced.figures().nets().get(i).amount();
      BigDecimal tax = priced.figures().taxes().get(i).amount();
      sale.addLine(
          new SaleLine.Values(
              variant,
              line.description(),
              line.quantity(),
              line.unitPrice(),
              net,
              variant.product().taxCategoryCode(),
              priced.rates().get(i),
              tax,
              unitCost,
              costAmount));
      draft.credit(variant.revenueAccount(), net);
      draft.credit(Accounts.OUTPUT_TAX_PAYABLE, tax);
    }
    if (sale.id() == null) {
      em.persist(sale);
    }

    JournalEntry entry =
        journal.post(
            draft,
            postingDate,
            currency,
            DOCUMENT_TYPE,
            saleNumber,
            "Sale " + saleNumber + " to " + customer.customerNumber(),
            user);
    em.persist(
        new CustomerLedgerEntry(
            customer,
            CustomerLedgerEntry.Type.invoice,
            DOCUMENT_TYPE,
            saleNumber,
            gross.amount(),
            currency,
            postingDate,
            sale.dueDate(),
            entry,
            saleNumber));
    em.persist(new SaleRevision(sale, postingDate, entry, null, user));
    var detail =
        JSON.createObjectBuilder()
            .add("customerNumber", customer.customerNumber())
            .add("total", gross.amount())
            .add("currency", currency)
            .add("journalEntryNumber", entry == null ? "" : entry.entryNumber());
    if (sale.draftNumber() != null) {
      detail.add("draftNumber", sale.draftNumber());
    }
    audit.record(user, "sale.posted", DOCUMENT_TYPE, saleNumber, null, detail.build().toString());
    events.publish("sale.posted", customer.customerNumber(), salePostedEvent(sale, entry));
    return sale;
  }

  private static void validateShape(PostSale command) {
    if (command == null || SaleReferences.blank(command.customerNumber())) {
      throw new BusinessRuleViolation(ErrorCode.INVALID_REQUEST, "customerNumber is required");
    }
    if (command.lines() == null || command.lines().isEmpty()) {
      throw new BusinessRuleViolation(ErrorCode.INVALID_REQUEST, "a sale needs at least one line");
    }
    SaleReferences.requireLineShapes(command.lines());
  }

  static void requireExpectedTotal(BigDecimal expected, Money calculated) {
    if (expected != null && expected.compareTo(calculated.amount()) != 0) {
      throw new BusinessRuleViolation(
          ErrorCode.TOTALS_MISMATCH,
          "the client's total "
              + expected.toPlainString()
              + " differs from the calculated total "
              + calculated.amount().toPlainString());
    }
  }

  static void requireStatus(Sale sale, SaleStatus status, ErrorCode code) {
    if (sale.status() != status) {
      throw new BusinessRuleViolation(
          code, sale.reference() + " is " + sale.status() + ", not " + status);
    }
  }

  /** The draft lines of a sale as lines to post. */
  private static List<Planned> planned(Sale sale) {
    return sale.draftLines().stream()
        .map(l -> new Planned(l.variant(), l.description(), l.quantity(), l.unitPrice()))
        .toList();
  }

  static List<Variant> variantsOf(List<Planned> planned) {
    return planned.stream().map(Planned::variant).toList();
  }

  /** Total quantity per stock-tracked variant. */
  static Map<Variant, BigDecimal> requested(List<Planned> planned) {
    Map<Variant, BigDecimal> requested = new LinkedHashMap<>();
    for (Planned line : planned) {
      if (line.variant().stockTracked()) {
        requested.merge(line.variant(), line.quantity(), BigDecimal::add);
      }
    }
    return requested;
  }

  /** Refuses when the lines re-read under the sale's lock name a variant not locked before it. */
  private static void requireLocked(
      Map<Long, StockLevel> levels, List<Planned> planned, Sale sale) {
    for (Planned line : planned) {
      if (line.variant().stockTracked() && !levels.containsKey(line.variant().id())) {
        throw new BusinessRuleViolation(
            ErrorCode.SALE_CHANGED_CONCURRENTLY,
            sale.reference() + " changed while it was being posted; read it again");
      }
    }
  }

  private Optional<Sale> earlier(String channel, String reference) {
    return em.createNamedQuery(Sale.BY_CHANNEL_REFERENCE, Sale.class)
        .setParameter("channel", channel)
        .setParameter("reference", reference)
        .getResultStream()
        .findFirst();
  }

  /** A line of a sale as first submitted, for the exactly-once comparison. */
  private record ContentLine(Long variantId, BigDecimal quantity, BigDecimal unitPrice) {}

  /**
   * The sale as first submitted: revision 1 once posted (amendments come later), else its lines.
   */
  private static List<ContentLine> originalContent(Sale sale) {
    if (sale.saleNumber() != null) {
      return sale.linesOf(1).stream()
          .map(l -> new ContentLine(l.variant().id(), l.quantity(), l.unitPrice()))
          .toList();
    }
    return sale.draftLines().stream()
        .map(l -> new ContentLine(l.variant().id(), l.quantity(), l.unitPrice()))
        .toList();
  }

  /** Same key, same content: the first result. Same key, other content: refused. */
  private static void requireSameContent(
      Sale earlier, PostSale command, Customer customer, List<Variant> variants) {
    List<ContentLine> was = originalContent(earlier);
    boolean same =
        earlier.customer().id().equals(customer.id()) && was.size() == command.lines().size();
    for (int i = 0; same && i < variants.size(); i++) {
      PostSale.Line now = command.lines().get(i);
      same =
          was.get(i).variantId().equals(variants.get(i).id())
              && was.get(i).quantity().compareTo(now.quantity()) == 0
              && (now.unitPrice() == null
                  || was.get(i).unitPrice().compareTo(now.unitPrice()) == 0);
    }
    if (same && command.postingDate() != null && earlier.postingDate() != null) {
      same = Objects.equals(earlier.postingDate(), command.postingDate());
    }
    if (!same) {
      throw new BusinessRuleViolation(
          ErrorCode.IDEMPOTENCY_KEY_REUSED,
          "channel "
              + earlier.channel()
              + " transaction "
              + earlier.externalReference()
              + " was submitted as "
              + earlier.reference()
              + " with other content");
    }
  }

  static JsonArrayBuilder linesJson(List<SaleLine> saleLines) {
    JsonArrayBuilder lines = JSON.createArrayBuilder();
    for (SaleLine line : saleLines) {
      lines.add(
          JSON.createObjectBuilder()
              .add("lineNumber", line.lineNumber())
              .add("sku", line.sku())
              .add("quantity", line.quantity())
              .add("unitPrice", line.unitPrice())
              .add("netAmount", line.netAmount())
              .add("taxRatePercent", line.taxRatePercent())
              .add("taxAmount", line.taxAmount()));
    }
    return lines;
  }

  private static String salePostedEvent(Sale sale, JournalEntry entry) {
    var event =
        JSON.createObjectBuilder()
            .add("eventType", "sale.posted")
            .add("schemaVersion", 1)
            .add("saleNumber", sale.saleNumber())
            .add("customerNumber", sale.customer().customerNumber())
            .add("postingDate", sale.postingDate().toString())
            .add("currency", sale.currency().getCurrencyCode())
            .add("priceBasis", sale.priceBasis().name())
            .add("subtotal", sale.subtotal())
            .add("taxTotal", sale.taxTotal())
            .add("total", sale.total())
            .add("channel", sale.channel())
            .add("lines", linesJson(sale.lines()));
    if (sale.externalReference() != null) {
      event.add("externalReference", sale.externalReference());
    }
    if (sale.draftNumber() != null) {
      event.add("draftNumber", sale.draftNumber());
    }
    if (entry != null) {
      event.add("journalEntryNumber", entry.entryNumber());
    }
    return event.build().toString();
  }
}
