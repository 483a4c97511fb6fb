package com.ledgerline.sales.control;

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
import com.ledgerline.sales.entity.Sale;
import com.ledgerline.sales.entity.SaleLine;
import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.DocumentNumbers;
import com.ledgerline.shared.ErrorCode;
import com.ledgerline.shared.Money;
import com.ledgerline.shared.Quantities;
import com.ledgerline.tax.control.TaxCalculator;
import com.ledgerline.tax.entity.TaxJurisdiction;
import com.ledgerline.tax.entity.TaxRate;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Posts a sale and all its effects inside the caller's transaction (DESIGN.md 5, "sale posted"):
 *
 * <ol>
 *   <li>the sale with its lines, snapshotting price, tax rate and moving-average cost per line;
 *   <li>a stock movement out per stock-tracked line, refused {@code INSUFFICIENT_STOCK} otherwise;
 *   <li>the customer ledger {@code invoice} entry for the gross total, due after the terms;
 *   <li>one journal entry: Dr Accounts receivable (gross) / Cr Sales revenue (net, per revenue
 *       account) / Cr Output tax payable; Dr Cost of goods sold / Cr Inventory (cost);
 *   <li>the {@code sale.posted} event on the outbound topic.
 * </ol>
 *
 * <p>Locks, in this order: the stock levels of the sold variants (ascending id), then the invoice
 * series, then the journal series. Every posting workflow keeps that order.
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

  public SalePosting(EntityManager em, OutboundEvents events) {
    this.em = em;
    this.events = events;
    this.numbers = new DocumentNumbers(em);
    this.stock = new StockKeeping(em);
    this.journal = new Journal(em, numbers);
    this.audit = new AuditTrail(em);
  }

  /** What a posting produced; {@code duplicate} when the channel key had been posted before. */
  public record Outcome(Sale sale, boolean duplicate) {}

  /**
   * Posts the sale.
   *
   * @throws BusinessRuleViolation {@code INVALID_REQUEST}, {@code INVALID_QUANTITY}, {@code
   *     INVALID_AMOUNT}, {@code UNKNOWN_CUSTOMER}, {@code CUSTOMER_NOT_ACTIVE}, {@code
   *     UNKNOWN_VARIANT}, {@code CURRENCY_MISMATCH}, {@code UNKNOWN_TAX_JURISDICTION}, {@code
   *     NO_TAX_RATE_IN_FORCE}, {@code TOTALS_MISMATCH}, {@code INSUFFICIENT_STOCK}, {@code
   *     IDEMPOTENCY_KEY_REUSED}
   */
  public Outcome post(PostSale command, String user) {
    validateShape(command);
    String channel = Optional.ofNullable(command.channel()).orElse(DEFAULT_CHANNEL);
    Customer customer = customer(command.customerNumber());
    List<Variant> variants = new ArrayList<>();
    for (PostSale.Line line : command.lines()) {
      variants.add(variant(line.sku(), customer.currency()));
    }
    if (command.externalReference() != null) {
      Optional<Sale> earlier = earlier(channel, command.externalReference());
      if (earlier.isPresent()) {
        requireSameContent(earlier.get(), command, customer, variants);
        return new Outcome(earlier.get(), true);
      }
    }
    TaxJurisdiction jurisdiction =
        jurisdiction(
            Optional.ofNullable(command.taxJurisdiction()).orElse(DEFAULT_JURISDICTION),
            customer.currency());
    LocalDate postingDate = Optional.ofNullable(command.postingDate()).orElseGet(LocalDate::now);
    Currency currency = customer.currency();

    List<Money> nets = new ArrayList<>();
    List<BigDecimal> rates = new ArrayList<>();
    List<BigDecimal> prices = new ArrayList<>();
    for (int i = 0; i < variants.size(); i++) {
      Variant variant = variants.get(i);
      PostSale.Line line = command.lines().get(i);
      BigDecimal price = Optional.ofNullable(line.unitPrice()).orElse(variant.sellingPrice());
      prices.add(price.setScale(Quantities.UNIT_AMOUNT_SCALE));
      nets.add(Money.of(line.quantity().multiply(price), currency, jurisdiction.roundingMode()));
      rates.add(rate(jurisdiction, variant.product().taxCategoryCode(), postingDate));
    }
    List<Money> taxes =
        TaxCalculator.lineTaxes(
            nets, rates, jurisdiction.roundingPolicy(), jurisdiction.roundingMode(), currency);
    Money gross = Money.zero(currency);
    for (int i = 0; i < nets.size(); i++) {
      gross = gross.plus(nets.get(i)).plus(taxes.get(i));
    }
    if (command.expectedTotal() != null && command.expectedTotal().compareTo(gross.amount()) != 0) {
      throw new BusinessRuleViolation(
          ErrorCode.TOTALS_MISMATCH,
          "the client's total "
              + command.expectedTotal().toPlainString()
              + " differs from the calculated total "
              + gross.amount().toPlainString());
    }

    Map<Variant, BigDecimal> requested = new LinkedHashMap<>();
    for (int i = 0; i < variants.size(); i++) {
      if (variants.get(i).stockTracked()) {
        requested.merge(variants.get(i), command.lines().get(i).quantity(), BigDecimal::add);
      }
    }
    Map<Long, StockLevel> levels = stock.lock(requested.keySet());
    stock.requireAvailable(levels, requested);

    String saleNumber = numbers.next(DocumentNumbers.SALE_INVOICE);
    Sale sale =
        new Sale(
            saleNumber,
            customer,
            currency,
            jurisdiction.code(),
            jurisdiction.roundingPolicy().name(),
            postingDate,
            postingDate.plusDays(customer.paymentTermsDays()),
            channel,
            command.externalReference(),
            Optional.ofNullable(command.capturedAt())
                .orElseGet(Instant::now)
                .atOffset(ZoneOffset.UTC),
            user);

    Journal.Draft draft = new Journal.Draft().debit(Accounts.ACCOUNTS_RECEIVABLE, gross.amount());
    for (int i = 0; i < variants.size(); i++) {
      Variant variant = variants.get(i);
      PostSale.Line line = command.lines().get(i);
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
      sale.addLine(
          new SaleLine.Values(
              variant,
              Optional.ofNullable(line.description()).orElse(variant.name()),
              line.quantity().setScale(Quantities.QUANTITY_SCALE),
              prices.get(i),
              nets.get(i).amount(),
              variant.product().taxCategoryCode(),
              rates.get(i),
              taxes.get(i).amount(),
              unitCost,
              costAmount));
      draft.credit(variant.revenueAccount(), nets.get(i).amount());
      draft.credit(Accounts.OUTPUT_TAX_PAYABLE, taxes.get(i).amount());
    }
    em.persist(sale);

    JournalEntry entry =
        journal.post(
            draft,
            postingDate,
            currency.getCurrencyCode(),
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
            currency.getCurrencyCode(),
            postingDate,
            sale.dueDate(),
            entry,
            saleNumber));
    audit.record(
        user,
        "sale.posted",
        DOCUMENT_TYPE,
        saleNumber,
        null,
        Json.createObjectBuilder()
            .add("customerNumber", customer.customerNumber())
            .add("total", gross.amount())
            .add("currency", currency.getCurrencyCode())
            .add("journalEntryNumber", entry == null ? "" : entry.entryNumber())
            .build()
            .toString());
    events.publish("sale.posted", customer.customerNumber(), salePostedEvent(sale, entry));
    return new Outcome(sale, false);
  }

  private static void validateShape(PostSale command) {
    if (command == null || blank(command.customerNumber())) {
      throw new BusinessRuleViolation(ErrorCode.INVALID_REQUEST, "customerNumber is required");
    }
    if (command.lines() == null || command.lines().isEmpty()) {
      throw new BusinessRuleViolation(ErrorCode.INVALID_REQUEST, "a sale needs at least one line");
    }
    for (int i = 0; i < command.lines().size(); i++) {
      PostSale.Line line = command.lines().get(i);
      String where = "line " + (i + 1) + ": ";
      if (line == null || blank(line.sku())) {
        throw new BusinessRuleViolation(ErrorCode.INVALID_REQUEST, where + "sku is required");
      }
      Quantities.requireQuantity(line.quantity(), where + "quantity");
      if (line.unitPrice() != null) {
        Quantities.requireUnitAmount(line.unitPrice(), where + "unitPrice");
      }
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private Customer customer(String number) {
    Customer customer =
        em.createNamedQuery(Customer.BY_NUMBER, Customer.class)
            .setParameter("number", number)
            .getResultStream()
            .findFirst()
            .orElseThrow(
                () ->
                    new BusinessRuleViolation(ErrorCode.UNKNOWN_CUSTOMER, "no customer " + number));
    if (customer.status() != Customer.Status.ACTIVE) {
      throw new BusinessRuleViolation(
          ErrorCode.CUSTOMER_NOT_ACTIVE, "customer " + number + " is " + customer.status());
    }
    return customer;
  }

  private Variant variant(String sku, Currency currency) {
    Variant variant =
        em.createNamedQuery(Variant.BY_SKU, Variant.class)
            .setParameter("sku", sku)
            .getResultStream()
            .findFirst()
            .orElseThrow(
                () -> new BusinessRuleViolation(ErrorCode.UNKNOWN_VARIANT, "no SKU " + sku));
    if (!variant.currency().equals(currency)) {
      throw new BusinessRuleViolation(
          ErrorCode.CURRENCY_MISMATCH,
          "SKU "
              + sku
              + " is priced in "
              + variant.currency()
              + ", the customer buys in "
              + currency);
    }
    return variant;
  }

  private TaxJurisdiction jurisdiction(String code, Currency currency) {
    TaxJurisdiction jurisdiction = em.find(TaxJurisdiction.class, code);
    if (jurisdiction == null) {
      throw new BusinessRuleViolation(
          ErrorCode.UNKNOWN_TAX_JURISDICTION, "no tax jurisdiction " + code);
    }
    if (!jurisdiction.currency().equals(currency)) {
      throw new BusinessRuleViolation(
          ErrorCode.CURRENCY_MISMATCH,
          "jurisdiction "
              + code
              + " reports in "
              + jurisdiction.currency()
              + ", the sale is in "
              + currency);
    }
    return jurisdiction;
  }

  private BigDecimal rate(TaxJurisdiction jurisdiction, String category, LocalDate day) {
    return em.createNamedQuery(TaxRate.IN_FORCE, TaxRate.class)
        .setParameter("jurisdiction", jurisdiction.code())
        .setParameter("category", category)
        .setParameter("day", day)
        .getResultStream()
        .findFirst()
        .map(TaxRate::ratePercent)
        .orElseThrow(
            () ->
                new BusinessRuleViolation(
                    ErrorCode.NO_TAX_RATE_IN_FORCE,
                    "no " + category + " rate in " + jurisdiction.code() + " on " + day));
  }

  private Optional<Sale> earlier(String channel, String reference) {
    return em.createNamedQuery(Sale.BY_CHANNEL_REFERENCE, Sale.class)
        .setParameter("channel", channel)
        .setParameter("reference", reference)
        .getResultStream()
        .findFirst();
  }

  /** Same key, same content: the first result. Same key, other content: refused. */
  private static void requireSameContent(
      Sale earlier, PostSale command, Customer customer, List<Variant> variants) {
    boolean same =
        earlier.customer().id().equals(customer.id())
            && earlier.lines().size() == command.lines().size();
    for (int i = 0; same && i < variants.size(); i++) {
      SaleLine was = earlier.lines().get(i);
      PostSale.Line now = command.lines().get(i);
      same =
          was.variant().id().equals(variants.get(i).id())
              && was.quantity().compareTo(now.quantity()) == 0
              && (now.unitPrice() == null || was.unitPrice().compareTo(now.unitPrice()) == 0);
    }
    if (same && command.postingDate() != null) {
      same = Objects.equals(earlier.postingDate(), command.postingDate());
    }
    if (!same) {
      throw new BusinessRuleViolation(
          ErrorCode.IDEMPOTENCY_KEY_REUSED,
          "channel "
              + earlier.channel()
              + " transaction "
              + earlier.externalReference()
              + " was posted as "
              + earlier.saleNumber()
              + " with other content");
    }
  }

  private static String salePostedEvent(Sale sale, JournalEntry entry) {
    JsonArrayBuilder lines = Json.createArrayBuilder();
    for (SaleLine line : sale.lines()) {
      lines.add(
          Json.createObjectBuilder()
              .add("lineNumber", line.lineNumber())
              .add("sku", line.sku())
              .add("quantity", line.quantity())
              .add("unitPrice", line.unitPrice())
              .add("netAmount", line.netAmount())
              .add("taxRatePercent", line.taxRatePercent())
              .add("taxAmount", line.taxAmount()));
    }
    var event =
        Json.createObjectBuilder()
            .add("eventType", "sale.posted")
            .add("schemaVersion", 1)
            .add("saleNumber", sale.saleNumber())
            .add("customerNumber", sale.customer().customerNumber())
            .add("postingDate", sale.postingDate().toString())
            .add("currency", sale.currency().getCurrencyCode())
            .add("subtotal", sale.subtotal())
            .add("taxTotal", sale.taxTotal())
            .add("total", sale.total())
            .add("channel", sale.channel())
            .add("lines", lines);
    if (sale.externalReference() != null) {
      event.add("externalReference", sale.externalReference());
    }
    if (entry != null) {
      event.add("journalEntryNumber", entry.entryNumber());
    }
    return event.build().toString();
  }
}
