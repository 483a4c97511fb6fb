package com.ledgerline.sales.control;

import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
import com.ledgerline.shared.Money;
import com.ledgerline.tax.control.TaxCalculator;
import com.ledgerline.tax.entity.PriceBasis;
import com.ledgerline.tax.entity.RoundingPolicy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * The figures of a credit note against a sale (DESIGN.md 5, "credit note" and "restock on return").
 * Each line is credited at the sale line's price, tax rate and cost snapshots, under the sale's
 * price basis, rounding policy and mode ({@link SaleArithmetic.Terms}), and <em>cumulatively</em>:
 * what all credit notes of a line have taken after this one is computed from the cumulative
 * credited quantity, and this note takes the difference to what the earlier notes took. So partial
 * notes that together credit a whole line take back exactly its amount, never a minor unit more or
 * less.
 *
 * <ul>
 *   <li>Amount credited so far for quantity {@code c} of a line of quantity {@code q}: {@code c ×
 *       unit price} rounded with the sale's mode, or the line's amount when {@code c = q}. The
 *       amount is the net under a tax-exclusive price basis and the gross under a tax-inclusive
 *       one, as on the invoice ({@link SaleArithmetic}).
 *   <li>Tax, {@code PER_LINE} policy: {@link com.ledgerline.tax.control.TaxCalculator} on the
 *       amount credited so far ({@code round(amount × rate / 100)} exclusive, {@code round(amount ×
 *       rate / (100 + rate))} inclusive), or the line's tax when {@code c = q} (HMRC VAT Notice
 *       700, 17.5: per-line rounding, the same rule the invoice used).
 *   <li>Tax, {@code PER_DOCUMENT} policy: per rate over all lines of the sale, the calculator's
 *       document tax on the amounts credited so far ({@code round(Σ exact tax)}); this note's share
 *       is allotted to its lines of that rate by the largest remainder method. When every line of a
 *       rate is credited, the tax credited equals the invoice's tax of that rate (a single line may
 *       differ from its invoice allotment by a minor unit, the rate's lines together never).
 *   <li>Net: the amount under a tax-exclusive basis; the amount less its tax under a tax-inclusive
 *       one.
 *   <li>Restock cost for restocked quantity {@code r}: {@code r × unit cost snapshot} rounded
 *       half-up, or the line's cost when {@code r = q}; never more than the line's cost.
 * </ul>
 */
public final class CreditNoteArithmetic {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private CreditNoteArithmetic() {}

  /**
   * A line of the sale's current revision with what earlier credit notes took from it.
   *
   * @param quantity units sold, positive, 4 decimals
   * @param unitPrice the price snapshot, 6 decimals
   * @param net the line's net, currency scale
   * @param ratePercent the rate snapshot, percent
   * @param tax the line's tax, currency scale
   * @param unitCost the cost snapshot per unit; null for services
   * @param cost the line's cost, currency scale; null for services
   * @param creditedQuantity units credited by earlier notes
   * @param creditedNet net credited by earlier notes
   * @param creditedTax tax credited by earlier notes
   * @param restockedQuantity units restocked by earlier notes
   * @param restockedCost cost restocked by earlier notes
   */
  public record SoldLine(
      BigDecimal quantity,
      BigDecimal unitPrice,
      BigDecimal net,
      BigDecimal ratePercent,
      BigDecimal tax,
      BigDecimal unitCost,
      BigDecimal cost,
      BigDecimal creditedQuantity,
      BigDecimal creditedNet,
      BigDecimal creditedTax,
      BigDecimal restockedQuantity,
      BigDecimal restockedCost) {

    /** A line nothing was credited from yet. */
    public static SoldLine uncredited(
        BigDecimal quantity,
        BigDecimal unitPrice,
        BigDecimal net,
        BigDecimal ratePercent,
        BigDecimal tax,
        BigDecimal unitCost,
        BigDecimal cost) {
      return new SoldLine(
          quantity,
          unitPrice,
          net,
          ratePercent,
          tax,
          unitCost,
          cost,
          BigDecimal.ZERO,
          BigDecimal.ZERO,
          BigDecimal.ZERO,
          BigDecimal.ZERO,
          BigDecimal.ZERO);
    }

    /** Units not credited yet. */
    public BigDecimal remainingQuantity() {
      return quantity.subtract(creditedQuantity);
    }

    /** The line's amount as the invoice split it: its gross when inclusive, else its net. */
    BigDecimal amount(boolean inclusive) {
      return inclusive ? net.add(tax) : net;
    }

    /** The amount earlier notes took, on the same basis as {@link #amount}. */
    BigDecimal creditedAmount(boolean inclusive) {
      return inclusive ? creditedNet.add(creditedTax) : creditedNet;
    }

    boolean stockTracked() {
      return unitCost != null && cost != null;
    }
  }

  /**
   * What the note takes from one sale line; all zero for a line not on the note.
   *
   * @param quantity units credited, 4 decimals
   * @param net currency scale
   * @param tax currency scale
   * @param restockedQuantity units moved back into stock
   * @param restockCost cost moved back into Inventory, currency scale (zero without restock)
   */
  public record Credited(
      BigDecimal quantity,
      BigDecimal net,
      BigDecimal tax,
      BigDecimal restockedQuantity,
      BigDecimal restockCost) {
    public boolean isOnNote() {
      return quantity.signum() > 0;
    }
  }

  /**
   * Computes a credit note.
   *
   * @param sold every line of the sale's current revision, in line order
   * @param quantities units to credit per line (same order), each ≥ 0
   * @param restock whether the credited goods come back into stock (ignored for services)
   * @param terms the sale's snapshot: currency, price basis, rounding policy and mode
   * @return one result per sale line, same order
   * @throws BusinessRuleViolation {@code CREDIT_EXCEEDS_INVOICED} when a quantity is more than the
   *     line has left after earlier credit notes
   */
  public static List<Credited> credit(
      List<SoldLine> sold,
      List<BigDecimal> quantities,
      boolean restock,
      SaleArithmetic.Terms terms) {
    if (sold.size() != quantities.size()) {
      throw new IllegalArgumentException("one quantity per sale line is needed");
    }
    Currency currency = terms.currency();
    boolean inclusive = terms.basis() == PriceBasis.TAX_INCLUSIVE;
    int n = sold.size();
    List<Money> cumulativeAmounts = new ArrayList<>(n);
    List<BigDecimal> rates = new ArrayList<>(n);
    BigDecimal[] amount = new BigDecimal[n];
    for (int i = 0; i < n; i++) {
      SoldLine line = sold.get(i);
      BigDecimal quantity = quantities.get(i);
      if (quantity.signum() < 0) {
        throw new IllegalArgumentException("line " + (i + 1) + ": a negative quantity");
      }
      if (quantity.compareTo(line.remainingQuantity()) > 0) {
        throw new BusinessRuleViolation(
            ErrorCode.CREDIT_EXCEEDS_INVOICED,
            "line "
                + (i + 1)
                + ": "
                + plain(quantity)
                + " asked, but only "
                + plain(line.remainingQuantity())
                + " of "
                + plain(line.quantity())
                + " are left to credit");
      }
      BigDecimal credited = line.creditedQuantity().add(quantity);
      Money cumulative =
          credited.compareTo(line.quantity()) == 0
              ? Money.of(line.amount(inclusive), currency, RoundingMode.UNNECESSARY)
              : terms.amount(credited, line.unitPrice());
      cumulativeAmounts.add(cumulative);
      rates.add(line.ratePercent());
      amount[i] = cumulative.amount().subtract(line.creditedAmount(inclusive));
    }
    BigDecimal[] tax = new BigDecimal[n];
    List<TaxCalculator.LineSplit> cumulativeSplit = terms.split(cumulativeAmounts, rates);
    if (terms.policy() == RoundingPolicy.PER_LINE) {
      for (int i = 0; i < n; i++) {
        SoldLine line = sold.get(i);
        BigDecimal credited = line.creditedQuantity().add(quantities.get(i));
        BigDecimal cumulativeTax =
            credited.compareTo(line.quantity()) == 0
                ? line.tax()
                : cumulativeSplit.get(i).tax().amount();
        tax[i] = cumulativeTax.subtract(line.creditedTax());
      }
    } else {
      perDocumentTax(sold, quantities, cumulativeSplit, amount, tax, terms);
    }
    List<Credited> result = new ArrayList<>(n);
    int scale = Money.scaleOf(currency);
    BigDecimal zero = BigDecimal.ZERO.setScale(scale);
    for (int i = 0; i < n; i++) {
      SoldLine line = sold.get(i);
      BigDecimal quantity = quantities.get(i);
      if (quantity.signum() == 0) {
        result.add(new Credited(quantity, zero, zero, BigDecimal.ZERO, zero));
        continue;
      }
      BigDecimal restocked = BigDecimal.ZERO;
      BigDecimal restockCost = zero;
      if (restock && line.stockTracked()) {
        restocked = quantity;
        BigDecimal after = line.restockedQuantity().add(quantity);
        BigDecimal cumulativeCost =
            after.compareTo(line.quantity()) == 0
                ? line.cost()
                : Money.of(after.multiply(line.unitCost()), currency, RoundingMode.HALF_UP)
                    .amount()
                    .min(line.cost());
        restockCost = cumulativeCost.subtract(line.restockedCost()).max(zero).setScale(scale);
      }
      BigDecimal net = inclusive ? amount[i].subtract(tax[i]) : amount[i];
      result.add(
          new Credited(
              quantity, net.setScale(scale), tax[i].setScale(scale), restocked, restockCost));
    }
    return result;
  }

  /**
   * Per rate over all the sale's lines: this note's tax is the calculator's document tax of that
   * rate on the cumulative amounts less what earlier notes took, allotted to the note's lines of
   * that rate by their exact tax.
   */
  private static void perDocumentTax(
      List<SoldLine> sold,
      List<BigDecimal> quantities,
      List<TaxCalculator.LineSplit> cumulativeSplit,
      BigDecimal[] amount,
      BigDecimal[] tax,
      SaleArithmetic.Terms terms) {
    int scale = Money.scaleOf(terms.currency());
    List<BigDecimal> rates =
        sold.stream()
            .map(SoldLine::ratePercent)
            .map(BigDecimal::stripTrailingZeros)
            .distinct()
            .toList();
    for (BigDecimal rate : rates) {
      List<Integer> onNote = new ArrayList<>();
      BigDecimal cumulativeTax = BigDecimal.ZERO;
      BigDecimal creditedBefore = BigDecimal.ZERO;
      for (int i = 0; i < sold.size(); i++) {
        SoldLine line = sold.get(i);
        if (line.ratePercent().compareTo(rate) != 0) {
          continue;
        }
        cumulativeTax = cumulativeTax.add(cumulativeSplit.get(i).tax().amount());
        creditedBefore = creditedBefore.add(line.creditedTax());
        if (quantities.get(i).signum() > 0) {
          onNote.add(i);
        }
      }
      BigDecimal noteTax = cumulativeTax.subtract(creditedBefore);
      BigDecimal denominator =
          terms.basis() == PriceBasis.TAX_INCLUSIVE ? HUNDRED.add(rate) : HUNDRED;
      BigDecimal[] numerators = new BigDecimal[sold.size()];
      for (int i : onNote) {
        numerators[i] = amount[i].multiply(rate);
      }
      allot(noteTax, onNote, numerators, denominator, tax, scale);
    }
  }

  /**
   * Splits {@code total} over the lines: each gets its exact share ({@code numerator /
   * denominator}, one denominator per rate) truncated toward zero, then minor units are added to
   * the lines with the largest remainders (ties to the earlier line), or taken from the lines with
   * the largest amounts when the truncated shares already exceed the total, never below zero.
   */
  private static void allot(
      BigDecimal total,
      List<Integer> lines,
      BigDecimal[] numerators,
      BigDecimal denominator,
      BigDecimal[] out,
      int scale) {
    if (lines.isEmpty()) {
      return;
    }
    BigDecimal sum = BigDecimal.ZERO;
    BigDecimal[] remainders = new BigDecimal[out.length];
    for (int i : lines) {
      out[i] = numerators[i].divide(denominator, scale, RoundingMode.DOWN);
      sum = sum.add(out[i]);
      // the truncated-away remainder × denominator: comparable within one rate
      remainders[i] = numerators[i].subtract(out[i].multiply(denominator)).abs();
    }
    BigDecimal unit = BigDecimal.ONE.movePointLeft(scale);
    BigDecimal left = total.subtract(sum);
    List<Integer> order = new ArrayList<>(lines);
    if (left.signum() >= 0) {
      order.sort(
          (a, b) -> {
            int byRemainder = remainders[b].compareTo(remainders[a]);
            return byRemainder != 0 ? byRemainder : Integer.compare(a, b);
          });
      int steps = left.divide(unit).intValueExact();
      for (int k = 0; k < steps; k++) {
        int i = order.get(k % order.size());
        out[i] = out[i].add(unit);
      }
    } else {
      int steps = left.negate().divide(unit).intValueExact();
      for (int k = 0; k < steps; k++) {
        int largest = order.get(0);
        for (int i : order) {
          if (out[i].compareTo(out[largest]) > 0) {
            largest = i;
          }
        }
        out[largest] = out[largest].subtract(unit);
      }
    }
  }

  private static String plain(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }
}
