package com.ledgerline.sales.control;

import com.ledgerline.ledger.control.Accounts;
import com.ledgerline.sales.entity.Sale;
import com.ledgerline.shared.Money;
import com.ledgerline.tax.control.TaxCalculator;
import com.ledgerline.tax.entity.PriceBasis;
import com.ledgerline.tax.entity.RoundingPolicy;
import com.ledgerline.tax.entity.TaxJurisdiction;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of a sale, computed one way for posting, drafts, amendments and the totals check: the
 * server's calculation is the source of truth, a client's total is only compared with it.
 *
 * <ul>
 *   <li>A line's amount is {@code quantity × unit price} rounded to the currency's minor unit with
 *       the sale's rounding mode. Under the {@link PriceBasis#TAX_EXCLUSIVE} basis that amount is
 *       the line's net and its tax is added on top; under {@link PriceBasis#TAX_INCLUSIVE} it is
 *       the line's gross (what the customer was quoted) and the tax inside it is extracted, net =
 *       gross − tax. {@link TaxCalculator#split} does either under the sale's rounding policy; the
 *       document's totals are the sums of the lines.
 *   <li>The rows a set of lines posts (DESIGN.md 5, "sale posted"): Dr Accounts receivable (gross),
 *       Cr revenue per account (net), Cr Output tax payable (tax), Dr Cost of goods sold / Cr
 *       Inventory (cost). An amendment posts the difference of the rows of two revisions.
 * </ul>
 */
public final class SaleArithmetic {

  private SaleArithmetic() {}

  /**
   * How a sale's lines are taxed: its snapshot of the jurisdiction's declarations (never the
   * jurisdiction as it is now) and its currency, whose minor unit every amount is rounded to.
   */
  public record Terms(
      Currency currency, PriceBasis basis, RoundingPolicy policy, RoundingMode rounding) {

    /** The sale's own snapshot: what drafts, postings, amendments and credit notes use. */
    public static Terms of(Sale sale) {
      return new Terms(
          sale.currency(),
          sale.priceBasis(),
          RoundingPolicy.valueOf(sale.roundingPolicy()),
          sale.roundingMode());
    }

    /** A jurisdiction's declarations, for a sale in its currency being drafted or posted now. */
    public static Terms of(TaxJurisdiction jurisdiction) {
      return new Terms(
          jurisdiction.currency(),
          jurisdiction.priceBasis(),
          jurisdiction.roundingPolicy(),
          jurisdiction.roundingMode());
    }

    /** {@code quantity × unit price} rounded to the currency with the sale's rounding mode. */
    public Money amount(BigDecimal quantity, BigDecimal unitPrice) {
      return Money.of(quantity.multiply(unitPrice), currency, rounding);
    }

    /** Splits line amounts (see {@link #amount}) into net, tax and gross. */
    public List<TaxCalculator.LineSplit> split(List<Money> amounts, List<BigDecimal> rates) {
      return TaxCalculator.split(amounts, rates, basis, policy, rounding, currency);
    }
  }

  /**
   * @param quantity units, positive, 4 decimals
   * @param unitPrice price per unit, 6 decimals: net of tax or including it, as the sale's price
   *     basis says
   * @param ratePercent the tax rate applied, percent
   */
  public record PricingLine(BigDecimal quantity, BigDecimal unitPrice, BigDecimal ratePercent) {}

  /**
   * Per line net and tax (same order as the input) and the document totals; {@code total = subtotal
   * + taxTotal}, and each line's net + tax is its gross.
   */
  public record Priced(
      List<Money> nets, List<Money> taxes, Money subtotal, Money taxTotal, Money total) {}

  /** Prices the lines of one document under the sale's terms. */
  public static Priced price(List<PricingLine> lines, Terms terms) {
    List<Money> amounts = new ArrayList<>(lines.size());
    List<BigDecimal> rates = new ArrayList<>(lines.size());
    for (PricingLine line : lines) {
      amounts.add(terms.amount(line.quantity(), line.unitPrice()));
      rates.add(line.ratePercent());
    }
    List<TaxCalculator.LineSplit> split = terms.split(amounts, rates);
    List<Money> nets = new ArrayList<>(lines.size());
    List<Money> taxes = new ArrayList<>(lines.size());
    Money subtotal = Money.zero(terms.currency());
    Money taxTotal = Money.zero(terms.currency());
    for (TaxCalculator.LineSplit line : split) {
      nets.add(line.net());
      taxes.add(line.tax());
      subtotal = subtotal.plus(line.net());
      taxTotal = taxTotal.plus(line.tax());
    }
    return new Priced(nets, taxes, subtotal, taxTotal, subtotal.plus(taxTotal));
  }

  /**
   * One line as it posts.
   *
   * @param revenueAccount the account its net is credited to
   * @param net currency scale
   * @param tax currency scale
   * @param cost currency scale; null for services (no stock, no cost)
   */
  public record RowLine(String revenueAccount, BigDecimal net, BigDecimal tax, BigDecimal cost) {}

  /**
   * The journal rows a set of sale lines posts, per account, signed: debit positive, credit
   * negative. The values sum to zero.
   */
  public static Map<String, BigDecimal> postingRows(List<RowLine> lines) {
    Map<String, BigDecimal> rows = new LinkedHashMap<>();
    for (RowLine line : lines) {
      rows.merge(Accounts.ACCOUNTS_RECEIVABLE, line.net().add(line.tax()), BigDecimal::add);
      rows.merge(line.revenueAccount(), line.net().negate(), BigDecimal::add);
      rows.merge(Accounts.OUTPUT_TAX_PAYABLE, line.tax().negate(), BigDecimal::add);
      if (line.cost() != null) {
        rows.merge(Accounts.COST_OF_GOODS_SOLD, line.cost(), BigDecimal::add);
        rows.merge(Accounts.INVENTORY, line.cost().negate(), BigDecimal::add);
      }
    }
    return rows;
  }

  /**
   * The difference {@code after − before} of two sets of rows, per account, signed as {@link
   * #postingRows}; accounts whose difference is zero are left out. The values sum to zero when both
   * inputs do.
   */
  public static Map<String, BigDecimal> delta(
      Map<String, BigDecimal> before, Map<String, BigDecimal> after) {
    Map<String, BigDecimal> delta = new LinkedHashMap<>();
    after.forEach((account, amount) -> delta.merge(account, amount, BigDecimal::add));
    before.forEach((account, amount) -> delta.merge(account, amount.negate(), BigDecimal::add));
    delta.values().removeIf(amount -> amount.signum() == 0);
    return delta;
  }
}
