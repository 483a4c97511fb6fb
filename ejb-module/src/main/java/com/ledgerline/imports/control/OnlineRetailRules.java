package com.ledgerline.imports.control;

import com.ledgerline.imports.control.OnlineRetailCsv.Invoice;
import com.ledgerline.imports.control.OnlineRetailCsv.Row;
import com.ledgerline.sales.boundary.PostSale;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The stated, deterministic rules that turn Online Retail invoices into Ledgerline master data,
 * opening stock and sales (DESIGN.md 8; the data's facts: shared/data/online-retail/README.md). The
 * data has no stock levels, costs, customer names or payment terms, so these rules supply them.
 * Pure functions: the same file and range always give the same customers, variants, opening stock
 * and sales.
 *
 * <ul>
 *   <li>Which invoices are posted: see {@link #refusal(Invoice)}.
 *   <li>Customers: {@link #customerNumber(String)}, {@link #customerName(String)}, {@link
 *       #paymentTermsDays(String)}; currency {@value #CURRENCY}; country = the first one seen.
 *   <li>Products: one variant per {@code StockCode}, letter case kept ({@code 85123A} and {@code
 *       85123a} are two SKUs, as in the data); {@link #isService(String)}; tax category {@value
 *       #TAX_CATEGORY} for all (the rate comes from the tax table by posting date: 17.5 % until
 *       2011-01-03, 20 % from 2011-01-04); {@link #plan(List)} for name and selling price.
 *   <li>Opening stock: {@link #openingQuantity(BigDecimal)}, {@link #openingUnitCost(BigDecimal)},
 *       dated {@link #openingStockDate(LocalDate)}.
 *   <li>Sales: {@link #toPostSale(Invoice)}.
 * </ul>
 */
public final class OnlineRetailRules {
  /**
   * The sales channel the invoices are posted under; with the invoice number the idempotency key.
   */
  public static final String CHANNEL = "online-retail";

  /** Every price in the data is in pounds sterling. */
  public static final String CURRENCY = "GBP";

  /**
   * Every product and service is standard-rated (prices are net of UK VAT at the standard rate).
   */
  public static final String TAX_CATEGORY = "STANDARD";

  /** UK VAT. */
  public static final String TAX_JURISDICTION = "GB";

  /** {@code InvoiceDate} is UK local time. */
  public static final ZoneId INVOICE_TIME_ZONE = ZoneId.of("Europe/London");

  public static final String CUSTOMER_NUMBER_PREFIX = "OR-";

  /** The one customer every invoice without a {@code CustomerID} is posted to. */
  public static final String WALK_IN_CUSTOMER_NUMBER = "OR-WALKIN";

  /** Payment terms of a customer with a {@code CustomerID}: Net 30. */
  public static final int KNOWN_CUSTOMER_TERMS_DAYS = 30;

  /** Payment terms of the walk-in customer: due on receipt. */
  public static final int WALK_IN_TERMS_DAYS = 0;

  /** Opening stock = units sold in the range × this factor, rounded up to whole units. */
  public static final BigDecimal OPENING_STOCK_FACTOR = new BigDecimal("1.10");

  /** Opening unit cost = the lowest positive unit price × this share. */
  public static final BigDecimal OPENING_COST_SHARE = new BigDecimal("0.60");

  /** Decimals of the opening unit cost (half-up). */
  public static final int OPENING_COST_SCALE = 4;

  /**
   * Stock codes that are services, fees, charges or vouchers, not goods (the data README, "Non-
   * product StockCodes"): postage, dotcom postage, manual, carriage, discount, samples, bad debt,
   * bank charges, Amazon fee, charity, pads. Matched exactly, letter case included ({@code m} is
   * listed on its own).
   */
  public static final Set<String> SERVICE_CODES =
      Set.of(
          "POST",
          "DOT",
          "C2",
          "M",
          "m",
          "D",
          "S",
          "B",
          "BANK CHARGES",
          "AMAZONFEE",
          "CRUK",
          "PADS");

  /** Prefixes of service stock codes: {@code DCGS…} and gift vouchers {@code gift_0001_…}. */
  public static final List<String> SERVICE_CODE_PREFIXES = List.of("DCGS", "gift_0001_");

  /**
   * Why an invoice, or a row, is not posted by this import. Stored as the issue code; the sale
   * path's own refusals are stored under their {@code ErrorCode} name instead.
   */
  public enum Reason {
    /** A {@code C} invoice: a credit note not linked to its sale. Credit notes come later. */
    CANCELLATION_NOT_SUPPORTED_YET,
    /** Negative quantities at price 0 without a customer: a stock adjustment, not a sale. */
    STOCK_WRITE_OFF_NOT_SUPPORTED_YET,
    /** An {@code A} invoice: a bad-debt adjustment (only in the held-back part of the data). */
    BAD_DEBT_ADJUSTMENT_NOT_SUPPORTED_YET,
    /** A row of the invoice has an unreadable quantity, price or customer, or no stock code. */
    MALFORMED_ROW,
    /** The rows of one invoice name different customers: the invoice's customer is unknown. */
    CUSTOMER_DIFFERS_WITHIN_INVOICE,
    /** A row that could not be placed in any invoice (no invoice number or no readable date). */
    UNREADABLE_ROW
  }

  /**
   * Why an invoice is not posted.
   *
   * @param reason the rule
   * @param detail for people: which rows and what they hold
   */
  public record Refusal(Reason reason, String detail) {}

  /** A customer to register unless it exists. */
  public record CustomerSpec(
      String customerNumber, String name, String country, int paymentTermsDays) {}

  /**
   * A variant to define unless it exists.
   *
   * @param sellingPrice GBP per unit, tax-exclusive, ≥ 0
   */
  public record VariantSpec(
      String sku, String name, boolean stockTracked, BigDecimal sellingPrice) {}

  /**
   * Opening stock of a stock-tracked variant.
   *
   * @param quantity whole units, ≥ 1
   * @param unitCost GBP per unit, ≥ 0, 4 decimals
   */
  public record OpeningStock(String sku, BigDecimal quantity, BigDecimal unitCost) {}

  /** What must exist before the invoices are posted, in first-seen order. */
  public record Plan(
      List<CustomerSpec> customers, List<VariantSpec> variants, List<OpeningStock> openingStock) {
    public Plan {
      customers = List.copyOf(customers);
      variants = List.copyOf(variants);
      openingStock = List.copyOf(openingStock);
    }
  }

  private OnlineRetailRules() {}

  /**
   * Decides whether an invoice goes to the sale path. Checked in this order:
   *
   * <ol>
   *   <li>a row with a defect or an unreadable {@code CustomerID} → {@link Reason#MALFORMED_ROW};
   *   <li>{@code InvoiceNo} starting with {@code C} → {@link
   *       Reason#CANCELLATION_NOT_SUPPORTED_YET};
   *   <li>{@code InvoiceNo} starting with {@code A} → {@link
   *       Reason#BAD_DEBT_ADJUSTMENT_NOT_SUPPORTED_YET};
   *   <li>every row with quantity &lt; 0, price 0 and no customer → {@link
   *       Reason#STOCK_WRITE_OFF_NOT_SUPPORTED_YET};
   *   <li>rows naming different {@code CustomerID}s → {@link
   *       Reason#CUSTOMER_DIFFERS_WITHIN_INVOICE}.
   * </ol>
   *
   * Anything else is handed to the sale path whole, including lines at price 0 and identical
   * repeated lines; whatever that path refuses (a quantity ≤ 0 inside a sale, say) is recorded
   * under the path's error code and the whole invoice stays unposted.
   *
   * @return empty when the invoice is to be posted
   */
  public static Optional<Refusal> refusal(Invoice invoice) {
    List<String> defects = new ArrayList<>();
    for (Row row : invoice.rows()) {
      if (row.defect() != null) {
        defects.add("row " + row.recordNumber() + ": " + row.defect());
      } else if (!validCustomerId(row.customerId())) {
        defects.add(
            "row "
                + row.recordNumber()
                + ": CustomerID '"
                + row.customerId()
                + "' is not a number");
      }
    }
    if (!defects.isEmpty()) {
      return refuse(Reason.MALFORMED_ROW, String.join("; ", defects));
    }
    String number = invoice.invoiceNumber();
    if (number.regionMatches(true, 0, "C", 0, 1)) {
      return refuse(
          Reason.CANCELLATION_NOT_SUPPORTED_YET,
          "cancellation "
              + number
              + " of "
              + invoice.rows().size()
              + " lines, net "
              + netAmount(invoice).toPlainString()
              + " GBP");
    }
    if (number.regionMatches(true, 0, "A", 0, 1)) {
      return refuse(
          Reason.BAD_DEBT_ADJUSTMENT_NOT_SUPPORTED_YET,
          "bad-debt adjustment " + number + ", net " + netAmount(invoice).toPlainString() + " GBP");
    }
    boolean writeOff =
        invoice.rows().stream()
            .allMatch(
                row ->
                    row.quantity().signum() < 0
                        && row.unitPrice().signum() == 0
                        && row.withoutCustomer());
    if (writeOff) {
      return refuse(
          Reason.STOCK_WRITE_OFF_NOT_SUPPORTED_YET,
          invoice.rows().stream()
              .map(
                  row ->
                      row.stockCode()
                          + " "
                          + row.quantity().toPlainString()
                          + (row.description().isEmpty() ? "" : " (" + row.description() + ")"))
              .reduce((a, b) -> a + "; " + b)
              .orElse(""));
    }
    List<String> customers =
        invoice.rows().stream().map(row -> customerNumber(row.customerId())).distinct().toList();
    if (customers.size() > 1) {
      return refuse(
          Reason.CUSTOMER_DIFFERS_WITHIN_INVOICE,
          "invoice " + number + " names customers " + String.join(", ", customers));
    }
    return Optional.empty();
  }

  private static Optional<Refusal> refuse(Reason reason, String detail) {
    return Optional.of(new Refusal(reason, detail));
  }

  /** Σ quantity × unit price of the rows, GBP, as written (not rounded). */
  public static BigDecimal netAmount(Invoice invoice) {
    return invoice.rows().stream()
        .map(row -> row.quantity().multiply(row.unitPrice()))
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /**
   * True for service, fee, charge and voucher codes ({@link #SERVICE_CODES}, {@link
   * #SERVICE_CODE_PREFIXES}): variants with {@code stockTracked = false}, revenue to the services
   * account, no stock and no cost of goods sold.
   */
  public static boolean isService(String stockCode) {
    return SERVICE_CODES.contains(stockCode)
        || SERVICE_CODE_PREFIXES.stream().anyMatch(stockCode::startsWith);
  }

  /**
   * The Ledgerline customer number of a {@code CustomerID}: {@code 17850.0} → {@code OR-17850};
   * empty → {@value #WALK_IN_CUSTOMER_NUMBER}.
   *
   * @throws IllegalArgumentException when the id is not a whole number (see {@link
   *     Reason#MALFORMED_ROW})
   */
  public static String customerNumber(String customerId) {
    if (customerId == null || customerId.isBlank()) {
      return WALK_IN_CUSTOMER_NUMBER;
    }
    try {
      BigDecimal id = new BigDecimal(customerId.trim());
      if (id.signum() <= 0) {
        throw new IllegalArgumentException("CustomerID " + customerId + " is not positive");
      }
      return CUSTOMER_NUMBER_PREFIX + id.toBigIntegerExact();
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException("CustomerID " + customerId + " is not a whole number", e);
    }
  }

  private static boolean validCustomerId(String customerId) {
    try {
      customerNumber(customerId);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * The data has no names: {@code Online Retail customer 17850}; walk-in: {@code Online Retail
   * walk-in customer}.
   */
  public static String customerName(String customerId) {
    String number = customerNumber(customerId);
    if (WALK_IN_CUSTOMER_NUMBER.equals(number)) {
      return "Online Retail walk-in customer";
    }
    return "Online Retail customer " + number.substring(CUSTOMER_NUMBER_PREFIX.length());
  }

  /**
   * Net {@value #KNOWN_CUSTOMER_TERMS_DAYS} days for a customer with a {@code CustomerID} (many are
   * wholesalers buying on account), {@value #WALK_IN_TERMS_DAYS} (due on receipt) for walk-in.
   */
  public static int paymentTermsDays(String customerId) {
    return WALK_IN_CUSTOMER_NUMBER.equals(customerNumber(customerId))
        ? WALK_IN_TERMS_DAYS
        : KNOWN_CUSTOMER_TERMS_DAYS;
  }

  /**
   * Opening stock for {@code soldUnits} sold in the imported range: × 1.10 ({@link
   * #OPENING_STOCK_FACTOR}), rounded up to whole units (454 → 500, 6 → 7, 1 → 2). Never below what
   * the range sells, so no sale of the range is refused for stock.
   *
   * @param soldUnits units on the postable lines of the range, &gt; 0
   * @return whole units, ≥ {@code soldUnits}
   */
  public static BigDecimal openingQuantity(BigDecimal soldUnits) {
    if (soldUnits.signum() <= 0) {
      throw new IllegalArgumentException("sold units must be positive, were " + soldUnits);
    }
    return soldUnits.multiply(OPENING_STOCK_FACTOR).setScale(0, RoundingMode.CEILING);
  }

  /**
   * Opening unit cost: 0.60 ({@link #OPENING_COST_SHARE}) × the lowest positive unit price seen for
   * the SKU on the postable lines of the range, half-up to {@value #OPENING_COST_SCALE} decimals
   * (2.55 → 1.5300, 1.69 → 1.0140); 0.0000 when the SKU was only sold at price 0.
   *
   * @param lowestPositivePrice GBP per unit, &gt; 0, or null when there is none
   * @return GBP per unit, ≥ 0, 4 decimals
   */
  public static BigDecimal openingUnitCost(BigDecimal lowestPositivePrice) {
    if (lowestPositivePrice == null) {
      return BigDecimal.ZERO.setScale(OPENING_COST_SCALE);
    }
    if (lowestPositivePrice.signum() <= 0) {
      throw new IllegalArgumentException("price must be positive, was " + lowestPositivePrice);
    }
    return lowestPositivePrice
        .multiply(OPENING_COST_SHARE)
        .setScale(OPENING_COST_SCALE, RoundingMode.HALF_UP);
  }

  /** Opening stock is received the day before the range starts. */
  public static LocalDate openingStockDate(LocalDate from) {
    return from.minusDays(1);
  }

  /** The name of a SKU whose rows carry no description. */
  public static String unnamedVariant(String stockCode) {
    return "Online Retail stock code " + stockCode;
  }

  /**
   * What must exist before {@code postable} can be posted, each list in first-seen order:
   *
   * <ul>
   *   <li>customers: one per customer number; country = the first {@code Country} seen for it
   *       (walk-in: none, it stands for buyers from anywhere);
   *   <li>variants: one per {@code StockCode}; name = the first non-empty description seen, else
   *       {@link #unnamedVariant(String)}; selling price = the first positive unit price seen, else
   *       0 (a price-0 row is a giveaway, not a list price);
   *   <li>opening stock for every stock-tracked SKU with units sold: {@link
   *       #openingQuantity(BigDecimal)} of the positive quantities, {@link
   *       #openingUnitCost(BigDecimal)} of the lowest positive price on those rows.
   * </ul>
   *
   * @param postable invoices {@link #refusal(Invoice)} let through
   */
  public static Plan plan(List<Invoice> postable) {
    return plan(postable, List.of(), List.of());
  }

  /**
   * {@link #plan(List)} for a replay that also sends the cancellations (returns) and the stock
   * write-offs of the range. Sales are read first, then returns, then write-offs, so names and
   * selling prices come from sales where there are any.
   *
   * <ul>
   *   <li>returns add their customers and SKUs (a return's positive unit price can be a SKU's
   *       selling price when no sale names it); they add no opening stock (a return brings goods
   *       back);
   *   <li>write-offs add their SKUs and count their units (the absolute value of their negative
   *       quantities) with the units sold: opening quantity = {@link #openingQuantity(BigDecimal)}
   *       of sold + written off, so neither a sale nor a write-off of the range is refused for
   *       stock, whatever order they post in. A SKU only ever written off has no positive price:
   *       its unit cost is 0.0000 ({@link #openingUnitCost(BigDecimal)} of none). Write-offs name
   *       no customer and add none.
   * </ul>
   *
   * @param sales invoices {@link #refusal(Invoice)} let through
   * @param returns {@link Reason#CANCELLATION_NOT_SUPPORTED_YET} invoices
   * @param writeOffs {@link Reason#STOCK_WRITE_OFF_NOT_SUPPORTED_YET} invoices
   */
  public static Plan plan(List<Invoice> sales, List<Invoice> returns, List<Invoice> writeOffs) {
    Map<String, CustomerSpec> customers = new LinkedHashMap<>();
    Map<String, SkuFacts> skus = new LinkedHashMap<>();
    for (List<Invoice> invoices : List.of(sales, returns)) {
      for (Invoice invoice : invoices) {
        for (Row row : invoice.rows()) {
          String number = customerNumber(row.customerId());
          customers.computeIfAbsent(
              number,
              key ->
                  new CustomerSpec(
                      key,
                      customerName(row.customerId()),
                      row.withoutCustomer() || row.country().isEmpty() ? null : row.country(),
                      paymentTermsDays(row.customerId())));
          skus.computeIfAbsent(row.stockCode(), SkuFacts::new).add(row);
        }
      }
    }
    for (Invoice invoice : writeOffs) {
      for (Row row : invoice.rows()) {
        skus.computeIfAbsent(row.stockCode(), SkuFacts::new).writeOff(row);
      }
    }
    List<VariantSpec> variants = new ArrayList<>();
    List<OpeningStock> openingStock = new ArrayList<>();
    for (SkuFacts facts : skus.values()) {
      boolean stockTracked = !isService(facts.sku);
      variants.add(
          new VariantSpec(
              facts.sku,
              facts.name == null ? unnamedVariant(facts.sku) : facts.name,
              stockTracked,
              facts.firstPositivePrice == null ? BigDecimal.ZERO : facts.firstPositivePrice));
      BigDecimal needed = facts.soldUnits.add(facts.writtenOffUnits);
      if (stockTracked && needed.signum() > 0) {
        openingStock.add(
            new OpeningStock(
                facts.sku, openingQuantity(needed), openingUnitCost(facts.lowestPositivePrice)));
      }
    }
    return new Plan(List.copyOf(customers.values()), variants, openingStock);
  }

  /** What the rows of one SKU tell, gathered in file order. */
  private static final class SkuFacts {
    private final String sku;
    private String name;
    private BigDecimal firstPositivePrice;
    private BigDecimal lowestPositivePrice;
    private BigDecimal soldUnits = BigDecimal.ZERO;
    private BigDecimal writtenOffUnits = BigDecimal.ZERO;

    private SkuFacts(String sku) {
      this.sku = sku;
    }

    private void add(Row row) {
      if (name == null && !row.description().isEmpty()) {
        name = row.description();
      }
      if (firstPositivePrice == null && row.unitPrice().signum() > 0) {
        firstPositivePrice = row.unitPrice();
      }
      if (row.quantity().signum() > 0) {
        soldUnits = soldUnits.add(row.quantity());
        if (row.unitPrice().signum() > 0
            && (lowestPositivePrice == null
                || row.unitPrice().compareTo(lowestPositivePrice) < 0)) {
          lowestPositivePrice = row.unitPrice();
        }
      }
    }

    private void writeOff(Row row) {
      if (name == null && !row.description().isEmpty()) {
        name = row.description();
      }
      writtenOffUnits = writtenOffUnits.add(row.quantity().abs());
    }
  }

  /**
   * The sale request for an invoice {@link #refusal(Invoice)} let through: channel {@value
   * #CHANNEL} and external reference = {@code InvoiceNo} (the idempotency key), customer {@link
   * #customerNumber(String)}, posting date = the invoice date, captured at = the invoice time in
   * Europe/London, jurisdiction {@value #TAX_JURISDICTION}, no expected total; one line per row in
   * file order (identical rows stay separate lines) with the row's stock code, quantity, unit price
   * and description (none when empty: the variant's name is printed).
   */
  public static PostSale toPostSale(Invoice invoice) {
    List<PostSale.Line> lines =
        invoice.rows().stream()
            .map(
                row ->
                    new PostSale.Line(
                        row.stockCode(),
                        row.quantity(),
                        row.unitPrice(),
                        row.description().isEmpty() ? null : row.description()))
            .toList();
    return new PostSale(
        customerNumber(invoice.rows().get(0).customerId()),
        invoice.invoiceDate(),
        TAX_JURISDICTION,
        CHANNEL,
        invoice.invoiceNumber(),
        invoice.invoicedAt().atZone(INVOICE_TIME_ZONE).toInstant(),
        null,
        lines);
  }
}
