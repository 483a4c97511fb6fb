package com.ledgerline.sales.control;

import com.ledgerline.ledger.control.Accounts;
import com.ledgerline.shared.Money;
import com.ledgerline.tax.control.TaxCalculator;
import com.ledgerline.tax.entity.RoundingPolicy;
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
 *   <li>A line's net is {@code quantity × unit price} rounded to the currency's minor unit with the
 *       jurisdiction's rounding mode; its tax comes from {@link TaxCalculator} under the declared
 *       rounding policy; the document's totals are the sums of the lines.
 *   <li>The rows a set of lines posts (DESIGN.md 5, "sale posted"): Dr Accounts receivable (gross),
 *       Cr revenue per account (net), Cr Output tax payable (tax), Dr Cost of goods sold / Cr
 *       Inventory (cost). An amendment posts the difference of the rows of two revisions.
 * </ul>
 */
public final class SaleArithmetic {

  private SaleArithmetic() {}

  /**
   * @param quantity units, positive, 4 decimals
   * @param unitPrice tax-exclusive, 6 decimals
   * @param ratePercent the tax rate applied, percent
   */
  public record PricingLine(BigDecimal quantity, BigDecimal unitPrice, BigDecimal ratePercent) {}

  /** Per line net and tax (same order as the input) and the document totals. */
  public record Priced(
      List<Money> nets, List<Money> taxes, Money subtotal, Money taxTotal, Money total) {}

  /** Prices the lines of one document. */
  public static Priced price(
      List<PricingLine> lines, Currency currency, RoundingPolicy policy, RoundingMode rounding) {
    List<Money> nets = new ArrayList<>(lines.size());
    List<BigDecimal> rates = new ArrayList<>(lines.size());
    for (PricingLine line : lines) {
      nets.add(Money.of(line.quantity().multiply(line.unitPrice()), currency, rounding));
      rates.add(line.ratePercent());
    }
    List<Money> taxes = TaxCalculator.lineTaxes(nets, rates, policy, rounding, currency);
    Money subtotal = Money.zero(currency);
    Money taxTotal = Money.zero(currency);
    for (int i = 0; i < nets.size(); i++) {
      subtotal = subtotal.plus(nets.get(i));
      taxTotal = taxTotal.plus(taxes.get(i));
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
