package com.ledgerline.ledger;

import com.ledgerline.tax.entity.RoundingPolicy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What an accountant expects of the books after a sequence of postings, worked out by hand from the
 * documents asked for, without the application's arithmetic: prices times quantities rounded to the
 * currency, tax by the jurisdiction's declared policy (per line, or per rate over the document), a
 * credit note as the difference of what the credited quantities come to before and after it; a
 * payment settles what is open first and leaves the rest as customer credit, a reversal takes that
 * credit back first, a refund pays out what the sale owes the customer first (DESIGN.md 5). Stock
 * on hand is the opening receipts less what was sold plus what came back.
 */
final class BookModel {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /** A jurisdiction's declarations and the rates in force for the sequence's dates. */
  record Jurisdiction(
      String code,
      Currency currency,
      RoundingPolicy policy,
      RoundingMode mode,
      Map<String, BigDecimal> rateByCategory) {
    int scale() {
      return currency.getDefaultFractionDigits();
    }

    BigDecimal minorUnit() {
      return BigDecimal.ONE.movePointLeft(scale());
    }
  }

  static final class VariantModel {
    final Jurisdiction jurisdiction;
    final String sku;
    final BigDecimal price;
    final BigDecimal ratePercent;
    final boolean stockTracked;
    final boolean backorderAllowed;
    BigDecimal onHand;

    VariantModel(
        Jurisdiction jurisdiction,
        String sku,
        BigDecimal price,
        BigDecimal ratePercent,
        boolean stockTracked,
        boolean backorderAllowed,
        BigDecimal opening) {
      this.jurisdiction = jurisdiction;
      this.sku = sku;
      this.price = price;
      this.ratePercent = ratePercent;
      this.stockTracked = stockTracked;
      this.backorderAllowed = backorderAllowed;
      this.onHand = opening;
    }
  }

  record CustomerModel(String number, Jurisdiction jurisdiction, List<VariantModel> variants) {}

  /** A line of a sale's current revision and what credit notes took from it. */
  static final class LineModel {
    final VariantModel variant;
    final BigDecimal quantity;
    final BigDecimal unitPrice;
    BigDecimal credited = BigDecimal.ZERO;

    LineModel(VariantModel variant, BigDecimal quantity, BigDecimal unitPrice) {
      this.variant = variant;
      this.quantity = quantity;
      this.unitPrice = unitPrice;
    }

    BigDecimal left() {
      return quantity.subtract(credited);
    }

    @Override
    public String toString() {
      return variant.sku + " × " + quantity.toPlainString() + " @" + unitPrice.toPlainString();
    }
  }

  static final class SaleModel {
    final String number;
    final CustomerModel customer;
    List<LineModel> lines;
    boolean voided;
    int creditNotes;

    /** The sum of the customer ledger entries naming the sale. */
    BigDecimal open = BigDecimal.ZERO;

    /** Customer credit held in Customer deposits from the sale's payments. */
    BigDecimal deposits = BigDecimal.ZERO;

    /** Payments not reversed, less refunds. */
    BigDecimal paid = BigDecimal.ZERO;

    SaleModel(String number, CustomerModel customer, List<LineModel> lines) {
      this.number = number;
      this.customer = customer;
      this.lines = lines;
    }

    Jurisdiction jurisdiction() {
      return customer.jurisdiction();
    }

    /** The gross of the current revision. */
    BigDecimal total() {
      return gross(jurisdiction(), lines, l -> l.quantity);
    }

    /** The gross all credit notes together took back. */
    BigDecimal credited() {
      return gross(jurisdiction(), lines, l -> l.credited);
    }

    /** What the sale charges: its current total less its credit notes; nothing once voided. */
    BigDecimal charged() {
      return voided ? BigDecimal.ZERO : total().subtract(credited());
    }

    /** The customer's credit on this sale: what it owes them in receivables, plus deposits. */
    BigDecimal customerCredit() {
      return open.negate().max(BigDecimal.ZERO).add(deposits.max(BigDecimal.ZERO));
    }

    String paymentStatus() {
      if (paid.signum() == 0) {
        return "UNPAID";
      }
      int compared = paid.compareTo(charged());
      return compared < 0 ? "PARTIALLY_PAID" : compared == 0 ? "PAID" : "OVERPAID";
    }

    @Override
    public String toString() {
      return number
          + (voided ? " VOIDED" : "")
          + " "
          + lines
          + " open "
          + open.toPlainString()
          + " deposits "
          + deposits.toPlainString()
          + " paid "
          + paid.toPlainString();
    }
  }

  static final class PaymentModel {
    final String number;
    final SaleModel sale;
    final BigDecimal amount;
    boolean reversed;
    boolean awaitingDeletion;

    PaymentModel(String number, SaleModel sale, BigDecimal amount) {
      this.number = number;
      this.sale = sale;
      this.amount = amount;
    }
  }

  /** The try's key: its customers' numbers and SKUs start with {@code PS-<key>-}. */
  final String key;

  final List<CustomerModel> customers;
  final List<VariantModel> variants = new ArrayList<>();
  final List<SaleModel> sales = new ArrayList<>();
  final List<PaymentModel> payments = new ArrayList<>();

  BookModel(List<CustomerModel> customers, String key) {
    this.key = key;
    this.customers = customers;
    for (CustomerModel customer : customers) {
      for (VariantModel variant : customer.variants()) {
        if (!variants.contains(variant)) {
          variants.add(variant);
        }
      }
    }
  }

  /**
   * The gross of a set of lines at the given quantities: each net is quantity × price rounded to
   * the currency with the jurisdiction's mode; tax per line rounded, or per rate over the
   * document's nets rounded once.
   */
  static BigDecimal gross(
      Jurisdiction jurisdiction,
      List<LineModel> lines,
      Function<LineModel, BigDecimal> quantityOf) {
    int scale = jurisdiction.scale();
    RoundingMode mode = jurisdiction.mode();
    BigDecimal nets = BigDecimal.ZERO;
    BigDecimal taxes = BigDecimal.ZERO;
    Map<BigDecimal, BigDecimal> netByRate = new LinkedHashMap<>();
    for (LineModel line : lines) {
      BigDecimal net = quantityOf.apply(line).multiply(line.unitPrice).setScale(scale, mode);
      nets = nets.add(net);
      BigDecimal rate = line.variant.ratePercent.stripTrailingZeros();
      if (jurisdiction.policy() == RoundingPolicy.PER_LINE) {
        taxes = taxes.add(net.multiply(rate).divide(HUNDRED).setScale(scale, mode));
      } else {
        netByRate.merge(rate, net, BigDecimal::add);
      }
    }
    for (Map.Entry<BigDecimal, BigDecimal> byRate : netByRate.entrySet()) {
      taxes =
          taxes.add(
              byRate.getValue().multiply(byRate.getKey()).divide(HUNDRED).setScale(scale, mode));
    }
    return nets.add(taxes);
  }

  /** Quantity per stock-tracked variant over the lines. */
  static Map<VariantModel, BigDecimal> stockQuantities(List<LineModel> lines) {
    Map<VariantModel, BigDecimal> quantities = new LinkedHashMap<>();
    for (LineModel line : lines) {
      if (line.variant.stockTracked) {
        quantities.merge(line.variant, line.quantity, BigDecimal::add);
      }
    }
    return quantities;
  }

  /** Whether taking {@code wanted} more of each variant out is refused for lack of stock. */
  static boolean short_(Map<VariantModel, BigDecimal> wanted) {
    return wanted.entrySet().stream()
        .anyMatch(
            e ->
                e.getValue().signum() > 0
                    && !e.getKey().backorderAllowed
                    && e.getKey().onHand.compareTo(e.getValue()) < 0);
  }

  /** A payment of {@code amount}: what is open first, the rest as customer credit. */
  static void pay(SaleModel sale, BigDecimal amount) {
    BigDecimal receivable = amount.min(sale.open.max(BigDecimal.ZERO));
    sale.open = sale.open.subtract(receivable);
    sale.deposits = sale.deposits.add(amount.subtract(receivable));
    sale.paid = sale.paid.add(amount);
  }

  /** A reversal of {@code amount}: the customer credit in deposits first, then receivables. */
  static void reverse(SaleModel sale, BigDecimal amount) {
    BigDecimal deposit = amount.min(sale.deposits.max(BigDecimal.ZERO));
    sale.deposits = sale.deposits.subtract(deposit);
    sale.open = sale.open.add(amount.subtract(deposit));
    sale.paid = sale.paid.subtract(amount);
  }

  /** A refund of {@code amount}: what receivables owe the customer first, then deposits. */
  static void refund(SaleModel sale, BigDecimal amount) {
    BigDecimal receivable = amount.min(sale.open.negate().max(BigDecimal.ZERO));
    sale.open = sale.open.add(receivable);
    sale.deposits = sale.deposits.subtract(amount.subtract(receivable));
    sale.paid = sale.paid.subtract(amount);
  }

  /** The receivable balance of a customer: the sum of their sales' open amounts. */
  BigDecimal balanceOf(CustomerModel customer) {
    return sales.stream()
        .filter(s -> s.customer == customer)
        .map(s -> s.open)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  BigDecimal depositsOf(CustomerModel customer) {
    return sales.stream()
        .filter(s -> s.customer == customer)
        .map(s -> s.deposits)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
