package com.ledgerline.imports.replay;

import static com.ledgerline.shared.Jsonp.JSON;

import com.ledgerline.imports.control.OnlineRetailCsv.Invoice;
import com.ledgerline.imports.control.OnlineRetailCsv.Row;
import com.ledgerline.imports.control.OnlineRetailRules;
import com.ledgerline.imports.control.OnlineRetailRules.CustomerSpec;
import com.ledgerline.imports.control.OnlineRetailRules.OpeningStock;
import com.ledgerline.imports.control.OnlineRetailRules.Plan;
import com.ledgerline.imports.control.OnlineRetailRules.Reason;
import com.ledgerline.imports.control.OnlineRetailRules.Refusal;
import com.ledgerline.imports.control.OnlineRetailRules.VariantSpec;
import com.ledgerline.sales.control.SaleArithmetic;
import com.ledgerline.sales.control.SaleArithmetic.PricingLine;
import com.ledgerline.shared.Money;
import com.ledgerline.tax.entity.PriceBasis;
import com.ledgerline.tax.entity.RoundingPolicy;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Turns the Online Retail invoices of a range into the channel messages a live online store and its
 * ERP would send (DESIGN.md 8), by the stated rules of {@link OnlineRetailRules} plus the replay's
 * own, stated here. Pure: the same invoices, range and tax table give byte-identical messages, so a
 * second replay of the same file and range is answered as duplicates.
 *
 * <p>Phases, each sent only after the one before has settled (the queues are consumed in parallel):
 *
 * <ol>
 *   <li>{@link Kind#CUSTOMER} {@code erp.customer} and {@link Kind#VARIANT} {@code erp.variant}:
 *       {@link OnlineRetailRules#plan(List, List, List)} of the range's sales, returns and
 *       write-offs;
 *   <li>{@link Kind#OPENING_STOCK} {@code erp.stock-receipt}: its opening stock, dated {@link
 *       OnlineRetailRules#openingStockDate(LocalDate)};
 *   <li>the invoices in file order: a sale ({@link OnlineRetailRules#refusal} lets it through) as
 *       {@code pos.sale}; a {@code C} invoice as {@code pos.refund} (a return, not linked to an
 *       original sale, goods back to stock); a stock write-off as {@code erp.stock-adjustment}
 *       (reason {@value #WRITE_OFF_REASON}). Any other refusal of {@link OnlineRetailRules#refusal}
 *       is not sent and is reported by the replay under its reason.
 * </ol>
 *
 * <p><b>Tenders</b> (the data has none): the walk-in customer ({@value
 * OnlineRetailRules#WALK_IN_CUSTOMER_NUMBER}, due on receipt) pays by {@value #CARD}, {@value
 * #SETTLED}; a known customer (Net 30) buys on account: one {@value #BANK_TRANSFER} tender, {@value
 * #PENDING}, so the invoice stays open in receivables. A sale whose lines are all at price 0 (a
 * giveaway or a stock correction booked as an invoice) has no tender. Returns are paid back the
 * same way: walk-in by card, settled; a known customer's credit stays on account, pending.
 *
 * <p><b>Amounts</b>: a message's {@code amount} is the gross of its lines computed by {@link
 * SaleArithmetic#price} with the {@code GB}/{@code STANDARD} rate in force on the posting date, as
 * the tax table the replay reads from the ledger holds it ({@link TaxTable}); no rate in force
 * gives the net and the ledger refuses the sale {@code NO_TAX_RATE_IN_FORCE}.
 */
public final class ReplayMessages {
  /** The channel the ERP announcements come on. */
  public static final String ERP_CHANNEL = "erp";

  public static final String CARD = "card";
  public static final String BANK_TRANSFER = "bank_transfer";
  public static final String SETTLED = "settled";
  public static final String PENDING = "pending";

  /** Opening stock is credited to opening balance equity, not bought. */
  public static final String OPENING_BALANCE = "OPENING_BALANCE";

  /**
   * A write-off invoice of several rows is not sent: {@code erp.stock-adjustment} v1 moves one SKU,
   * and an invoice is never split (the half year has none).
   */
  public static final String WRITE_OFF_OF_SEVERAL_SKUS = "WRITE_OFF_OF_SEVERAL_SKUS";

  /** Every write-off of the data is booked as shrinkage (the data gives no reason). */
  public static final String WRITE_OFF_REASON = "SHRINKAGE";

  /** Prefix of the ERP message ids the replay sends, so they never meet another sender's. */
  public static final String ERP_KEY_PREFIX = "online-retail:";

  /** What a message announces or posts. */
  public enum Kind {
    CUSTOMER("erp.customer", "ledgerline.erp.customers", ERP_CHANNEL),
    VARIANT("erp.variant", "ledgerline.erp.products", ERP_CHANNEL),
    OPENING_STOCK("erp.stock-receipt", "ledgerline.erp.stock", ERP_CHANNEL),
    SALE("pos.sale", "ledgerline.pos.sales", OnlineRetailRules.CHANNEL),
    RETURN("pos.refund", "ledgerline.pos.refunds", OnlineRetailRules.CHANNEL),
    WRITE_OFF("erp.stock-adjustment", "ledgerline.erp.stock", ERP_CHANNEL);

    public final String messageType;
    public final String queue;
    public final String channel;

    Kind(String messageType, String queue, String channel) {
      this.messageType = messageType;
      this.queue = queue;
      this.channel = channel;
    }

    /** True for the messages that carry an invoice of the file (sale, return, write-off). */
    public boolean isInvoice() {
      return this == SALE || this == RETURN || this == WRITE_OFF;
    }
  }

  /**
   * One message to send.
   *
   * @param key the idempotency key within the channel ({@code transactionId} or {@code messageId})
   * @param groupId {@code JMSXGroupID}: the customer number, or the SKU for product and stock
   *     messages
   * @param body the JSON document
   * @param lines the file's rows it carries (0 for announcements)
   */
  public record Outbound(Kind kind, String key, String groupId, String body, int lines) {}

  /** An invoice of the range the replay does not send, with the rule that keeps it back. */
  public record Withheld(String invoiceNumber, int lines, String reason, String detail) {}

  /** Everything a range turns into. */
  public record Messages(
      List<Outbound> announcements,
      List<Outbound> openingStock,
      List<Outbound> invoices,
      List<Withheld> withheld) {
    public Messages {
      announcements = List.copyOf(announcements);
      openingStock = List.copyOf(openingStock);
      invoices = List.copyOf(invoices);
      withheld = List.copyOf(withheld);
    }
  }

  private static final Currency GBP = Currency.getInstance(OnlineRetailRules.CURRENCY);
  private static final DateTimeFormatter INSTANT = DateTimeFormatter.ISO_INSTANT;

  private ReplayMessages() {}

  /**
   * The messages of a range.
   *
   * @param invoices the range's invoices in file order
   * @param from first day of the range (opening stock is dated the day before)
   * @param to last day of the range (with {@code from} part of the opening stock's key)
   */
  public static Messages of(List<Invoice> invoices, LocalDate from, LocalDate to, TaxTable tax) {
    List<Invoice> sales = new ArrayList<>();
    List<Invoice> returns = new ArrayList<>();
    List<Invoice> writeOffs = new ArrayList<>();
    List<Outbound> sent = new ArrayList<>();
    List<Withheld> withheld = new ArrayList<>();
    for (Invoice invoice : invoices) {
      Optional<Refusal> refusal = OnlineRetailRules.refusal(invoice);
      if (refusal.isEmpty()) {
        sales.add(invoice);
        sent.add(sale(invoice, tax));
      } else if (refusal.get().reason() == Reason.CANCELLATION_NOT_SUPPORTED_YET) {
        returns.add(invoice);
        sent.add(refund(invoice, tax));
      } else if (refusal.get().reason() == Reason.STOCK_WRITE_OFF_NOT_SUPPORTED_YET
          && invoice.rows().size() > 1) {
        withheld.add(
            new Withheld(
                invoice.invoiceNumber(),
                invoice.rows().size(),
                WRITE_OFF_OF_SEVERAL_SKUS,
                refusal.get().detail()));
      } else if (refusal.get().reason() == Reason.STOCK_WRITE_OFF_NOT_SUPPORTED_YET) {
        writeOffs.add(invoice);
        sent.add(writeOff(invoice));
      } else {
        withheld.add(
            new Withheld(
                invoice.invoiceNumber(),
                invoice.rows().size(),
                refusal.get().reason().name(),
                refusal.get().detail()));
      }
    }
    Plan plan = OnlineRetailRules.plan(sales, returns, writeOffs);
    List<Outbound> announcements = new ArrayList<>();
    plan.customers().forEach(c -> announcements.add(customer(c)));
    plan.variants().forEach(v -> announcements.add(variant(v)));
    LocalDate openingDate = OnlineRetailRules.openingStockDate(from);
    List<Outbound> opening = new ArrayList<>();
    plan.openingStock().forEach(s -> opening.add(openingStock(s, openingDate, from, to)));
    return new Messages(announcements, opening, sent, withheld);
  }

  static Outbound customer(CustomerSpec customer) {
    JsonObjectBuilder body =
        JSON.createObjectBuilder()
            .add("customerNumber", customer.customerNumber())
            .add("name", customer.name())
            .add("currency", OnlineRetailRules.CURRENCY)
            .add("paymentTermsDays", customer.paymentTermsDays());
    if (customer.country() != null) {
      body.add("country", customer.country());
    }
    return announcement(Kind.CUSTOMER, customer.customerNumber(), customer.customerNumber(), body);
  }

  static Outbound variant(VariantSpec variant) {
    JsonObjectBuilder body =
        JSON.createObjectBuilder()
            .add("sku", variant.sku())
            .add("productCode", variant.sku())
            .add("productName", variant.name())
            .add("sellingPrice", variant.sellingPrice().toPlainString())
            .add("currency", OnlineRetailRules.CURRENCY)
            .add("taxCategory", OnlineRetailRules.TAX_CATEGORY)
            .add("stockTracked", variant.stockTracked())
            .add("backorderAllowed", false);
    return announcement(Kind.VARIANT, variant.sku(), variant.sku(), body);
  }

  static Outbound openingStock(OpeningStock stock, LocalDate date, LocalDate from, LocalDate to) {
    String key = ERP_KEY_PREFIX + "opening:" + stock.sku() + ":" + from + ".." + to;
    JsonObject body =
        JSON.createObjectBuilder()
            .add("messageId", key)
            .add("sku", stock.sku())
            .add("quantity", stock.quantity().toPlainString())
            .add("unitCost", stock.unitCost().toPlainString())
            .add("currency", OnlineRetailRules.CURRENCY)
            .add("postingDate", date.toString())
            .add("kind", OPENING_BALANCE)
            .build();
    return new Outbound(Kind.OPENING_STOCK, key, stock.sku(), body.toString(), 0);
  }

  /**
   * An upsert's id: the subject and a digest of the content, so the same content is a duplicate and
   * changed content (another range's first-seen country, say) a new upsert.
   */
  private static Outbound announcement(
      Kind kind, String subject, String groupId, JsonObjectBuilder content) {
    JsonObject withoutId = content.build();
    String key =
        ERP_KEY_PREFIX
            + kind.name().toLowerCase(java.util.Locale.ROOT)
            + ":"
            + subject
            + ":"
            + sha256(withoutId.toString()).substring(0, 16);
    JsonObject body = JSON.createObjectBuilder(withoutId).add("messageId", key).build();
    return new Outbound(kind, key, groupId, body.toString(), 0);
  }

  static Outbound sale(Invoice invoice, TaxTable tax) {
    JsonObjectBuilder body = document(invoice, tax, false);
    return new Outbound(
        Kind.SALE,
        invoice.invoiceNumber(),
        customerOf(invoice),
        body.build().toString(),
        invoice.rows().size());
  }

  static Outbound refund(Invoice invoice, TaxTable tax) {
    JsonObjectBuilder body = document(invoice, tax, true);
    return new Outbound(
        Kind.RETURN,
        invoice.invoiceNumber(),
        customerOf(invoice),
        body.build().toString(),
        invoice.rows().size());
  }

  /** A write-off of one row: its SKU and (negative) quantity as a shrinkage adjustment. */
  static Outbound writeOff(Invoice invoice) {
    String key = ERP_KEY_PREFIX + "write-off:" + invoice.invoiceNumber();
    Row row = invoice.rows().get(0);
    JsonObject body =
        JSON.createObjectBuilder()
            .add("messageId", key)
            .add("sku", row.stockCode())
            .add("quantity", row.quantity().toPlainString())
            .add("reason", WRITE_OFF_REASON)
            .add("postingDate", invoice.invoiceDate().toString())
            .add(
                "note",
                "Online Retail "
                    + invoice.invoiceNumber()
                    + (row.description().isEmpty() ? "" : ": " + row.description()))
            .build();
    return new Outbound(Kind.WRITE_OFF, key, row.stockCode(), body.toString(), 1);
  }

  /**
   * The common body of a sale and a return: quantities as positive units (a return's are the
   * negated quantities of its rows), the invoice's unit prices, the gross {@code amount} and the
   * tenders.
   */
  private static JsonObjectBuilder document(Invoice invoice, TaxTable tax, boolean isReturn) {
    LocalDate date = invoice.invoiceDate();
    BigDecimal rate = tax.ratePercent(date).orElse(BigDecimal.ZERO);
    List<PricingLine> pricing = new ArrayList<>();
    JsonArrayBuilder lines = JSON.createArrayBuilder();
    for (Row row : invoice.rows()) {
      BigDecimal quantity = isReturn ? row.quantity().negate() : row.quantity();
      pricing.add(new PricingLine(quantity, row.unitPrice(), rate));
      JsonObjectBuilder line =
          JSON.createObjectBuilder()
              .add("sku", row.stockCode())
              .add("quantity", quantity.toPlainString())
              .add("unitPrice", row.unitPrice().toPlainString());
      if (!row.description().isEmpty()) {
        line.add("description", row.description());
      }
      if (isReturn) {
        // returned goods go back into stock; services, fees and discounts have none
        line.add("restock", !OnlineRetailRules.isService(row.stockCode()));
      }
      lines.add(line);
    }
    Money gross =
        SaleArithmetic.price(
                pricing, new SaleArithmetic.Terms(GBP, tax.basis(), tax.policy(), tax.rounding()))
            .total();
    String customer = customerOf(invoice);
    JsonArrayBuilder tenders = JSON.createArrayBuilder();
    if (gross.amount().signum() != 0) {
      boolean walkIn = OnlineRetailRules.WALK_IN_CUSTOMER_NUMBER.equals(customer);
      tenders.add(
          JSON.createObjectBuilder()
              .add("method", walkIn ? CARD : BANK_TRANSFER)
              .add("amount", gross.amount().toPlainString())
              .add("status", walkIn ? SETTLED : PENDING)
              .add("reference", "Online Retail " + invoice.invoiceNumber()));
    }
    return JSON.createObjectBuilder()
        .add("transactionId", invoice.invoiceNumber())
        .add(
            "capturedAt",
            INSTANT.format(
                invoice.invoicedAt().atZone(OnlineRetailRules.INVOICE_TIME_ZONE).toInstant()))
        .add("customerNumber", customer)
        .add("currency", OnlineRetailRules.CURRENCY)
        .add("taxJurisdiction", OnlineRetailRules.TAX_JURISDICTION)
        .add("postingDate", date.toString())
        .add("amount", gross.amount().toPlainString())
        .add("lines", lines)
        .add(isReturn ? "refunds" : "payments", tenders);
  }

  private static String customerOf(Invoice invoice) {
    return OnlineRetailRules.customerNumber(invoice.rows().get(0).customerId());
  }

  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
    }
  }

  /**
   * The {@code GB}/{@code STANDARD} rates and the jurisdiction's rounding, as the ledger's tax
   * table holds them.
   *
   * @param rates effective-dated rates, {@code validTo} exclusive (null = open)
   */
  public record TaxTable(
      List<Rate> rates, PriceBasis basis, RoundingPolicy policy, RoundingMode rounding) {
    public TaxTable {
      rates = List.copyOf(rates);
    }

    /** A rate in percent, valid from {@code validFrom} until before {@code validTo}. */
    public record Rate(BigDecimal ratePercent, LocalDate validFrom, LocalDate validTo) {}

    /** The rate in force on a day, if any. */
    public Optional<BigDecimal> ratePercent(LocalDate day) {
      return rates.stream()
          .filter(r -> !day.isBefore(r.validFrom()))
          .filter(r -> r.validTo() == null || day.isBefore(r.validTo()))
          .map(Rate::ratePercent)
          .findFirst();
    }
  }
}
