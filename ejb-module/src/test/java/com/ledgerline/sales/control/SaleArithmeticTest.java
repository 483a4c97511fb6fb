package com.ledgerline.sales.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ledgerline.ledger.control.Accounts;
import com.ledgerline.tax.entity.PriceBasis;
import com.ledgerline.tax.entity.RoundingPolicy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SaleArithmeticTest {
  private static final Currency GBP = Currency.getInstance("GBP");
  private static final Currency BHD = Currency.getInstance("BHD");
  private static final Currency JPY = Currency.getInstance("JPY");

  /** Terms of a jurisdiction whose prices are net of tax. */
  private static SaleArithmetic.Terms exclusive(
      Currency currency, RoundingPolicy policy, RoundingMode rounding) {
    return new SaleArithmetic.Terms(currency, PriceBasis.TAX_EXCLUSIVE, policy, rounding);
  }

  /** Terms of a jurisdiction whose prices include tax. */
  private static SaleArithmetic.Terms inclusive(
      Currency currency, RoundingPolicy policy, RoundingMode rounding) {
    return new SaleArithmetic.Terms(currency, PriceBasis.TAX_INCLUSIVE, policy, rounding);
  }

  private static BigDecimal d(String value) {
    return new BigDecimal(value);
  }

  private static SaleArithmetic.PricingLine line(String quantity, String price, String rate) {
    return new SaleArithmetic.PricingLine(d(quantity), d(price), d(rate));
  }

  private static void assertAmount(String expected, BigDecimal actual) {
    assertEquals(d(expected), actual, "expected " + expected + ", was " + actual);
  }

  @Test
  void perLinePricingRoundsEachLineToTheMinorUnit() {
    SaleArithmetic.Priced priced =
        SaleArithmetic.price(
            List.of(line("3", "2.55", "20"), line("1", "0.335", "20")),
            exclusive(GBP, RoundingPolicy.PER_LINE, RoundingMode.HALF_UP));
    // 3 x 2.55 = 7.65, tax 1.53; 0.335 -> 0.34, tax 0.068 -> 0.07
    assertAmount("7.65", priced.nets().get(0).amount());
    assertAmount("1.53", priced.taxes().get(0).amount());
    assertAmount("0.34", priced.nets().get(1).amount());
    assertAmount("0.07", priced.taxes().get(1).amount());
    assertAmount("7.99", priced.subtotal().amount());
    assertAmount("1.60", priced.taxTotal().amount());
    assertAmount("9.59", priced.total().amount());
  }

  @Test
  void perDocumentPricingRoundsTheTaxOncePerRate() {
    // three lines of 0.10 at 17.5 %: 0.0175 each; per line 0.02 x 3 = 0.06, per document 0.0525 ->
    // 0.05
    List<SaleArithmetic.PricingLine> lines =
        List.of(line("1", "0.10", "17.5"), line("1", "0.10", "17.5"), line("1", "0.10", "17.5"));
    assertAmount(
        "0.06",
        SaleArithmetic.price(lines, exclusive(GBP, RoundingPolicy.PER_LINE, RoundingMode.HALF_UP))
            .taxTotal()
            .amount());
    assertAmount(
        "0.05",
        SaleArithmetic.price(
                lines, exclusive(GBP, RoundingPolicy.PER_DOCUMENT, RoundingMode.HALF_UP))
            .taxTotal()
            .amount());
  }

  @Test
  void threeDecimalCurrenciesKeepTheirThirdDecimal() {
    // BHD: 7 x 1.2345 = 8.6415 -> 8.642 (half-up), VAT 10 %: 0.8642 -> 0.864
    SaleArithmetic.Priced priced =
        SaleArithmetic.price(
            List.of(line("7", "1.2345", "10")),
            exclusive(BHD, RoundingPolicy.PER_LINE, RoundingMode.HALF_UP));
    assertAmount("8.642", priced.subtotal().amount());
    assertAmount("0.864", priced.taxTotal().amount());
    assertAmount("9.506", priced.total().amount());
  }

  @Test
  void zeroDecimalCurrenciesRoundToWholeUnits() {
    SaleArithmetic.Priced priced =
        SaleArithmetic.price(
            List.of(line("3", "333.5", "10")),
            exclusive(JPY, RoundingPolicy.PER_LINE, RoundingMode.HALF_EVEN));
    // 1000.5 -> 1000 (half-even), tax 100
    assertAmount("1000", priced.subtotal().amount());
    assertAmount("100", priced.taxTotal().amount());
  }

  @Test
  void inclusivePricesAreTheGrossAndTheTaxInsideThemIsExtracted() {
    // 3 x 4.00 = 12.00 gross at 20 %: tax 12.00 x 20 / 120 = 2.00, net 10.00;
    // 1 x 0.99 gross: tax 0.99 / 6 = 0.165 exactly, half-up 0.17 (net 0.82), half-even 0.16
    List<SaleArithmetic.PricingLine> lines =
        List.of(line("3", "4.00", "20"), line("1", "0.99", "20"));
    SaleArithmetic.Priced halfUp =
        SaleArithmetic.price(lines, inclusive(GBP, RoundingPolicy.PER_LINE, RoundingMode.HALF_UP));
    assertAmount("10.00", halfUp.nets().get(0).amount());
    assertAmount("2.00", halfUp.taxes().get(0).amount());
    assertAmount("0.82", halfUp.nets().get(1).amount());
    assertAmount("0.17", halfUp.taxes().get(1).amount());
    assertAmount("10.82", halfUp.subtotal().amount());
    assertAmount("2.17", halfUp.taxTotal().amount());
    // the customer pays what was quoted: quantity x price, whatever the rounding
    assertAmount("12.99", halfUp.total().amount());
    SaleArithmetic.Priced halfEven =
        SaleArithmetic.price(
            lines, inclusive(GBP, RoundingPolicy.PER_LINE, RoundingMode.HALF_EVEN));
    assertAmount("0.83", halfEven.nets().get(1).amount());
    assertAmount("0.16", halfEven.taxes().get(1).amount());
    assertAmount("12.99", halfEven.total().amount());
  }

  @Test
  void inclusivePerDocumentRoundsTheExtractedTaxOnceAndAllotsItToTheLines() {
    // three lines of 0.10 gross at 20 %: 1/60 each; per line 0.02 x 3 = 0.06; per document
    // 0.05 exactly -> 0.05, truncated 0.01 each, the two minor units left go to lines 1 and 2
    // (equal remainders: the earlier line first)
    List<SaleArithmetic.PricingLine> lines =
        List.of(line("1", "0.10", "20"), line("1", "0.10", "20"), line("1", "0.10", "20"));
    assertAmount(
        "0.06",
        SaleArithmetic.price(lines, inclusive(GBP, RoundingPolicy.PER_LINE, RoundingMode.HALF_UP))
            .taxTotal()
            .amount());
    SaleArithmetic.Priced perDocument =
        SaleArithmetic.price(
            lines, inclusive(GBP, RoundingPolicy.PER_DOCUMENT, RoundingMode.HALF_UP));
    assertAmount("0.02", perDocument.taxes().get(0).amount());
    assertAmount("0.02", perDocument.taxes().get(1).amount());
    assertAmount("0.01", perDocument.taxes().get(2).amount());
    assertAmount("0.08", perDocument.nets().get(0).amount());
    assertAmount("0.09", perDocument.nets().get(2).amount());
    assertAmount("0.25", perDocument.subtotal().amount());
    assertAmount("0.05", perDocument.taxTotal().amount());
    assertAmount("0.30", perDocument.total().amount());
  }

  @Test
  void inclusiveThreeDecimalCurrenciesExtractTheTaxToTheFils() {
    // BHD: 7 x 1.2345 = 8.6415 -> 8.642 gross (half-up); VAT 10 %: 8.642 / 11 = 0.785636... ->
    // 0.786, net 7.856; rounded down: 0.785, net 7.857
    SaleArithmetic.Priced halfUp =
        SaleArithmetic.price(
            List.of(line("7", "1.2345", "10")),
            inclusive(BHD, RoundingPolicy.PER_DOCUMENT, RoundingMode.HALF_UP));
    assertAmount("7.856", halfUp.subtotal().amount());
    assertAmount("0.786", halfUp.taxTotal().amount());
    assertAmount("8.642", halfUp.total().amount());
    SaleArithmetic.Priced down =
        SaleArithmetic.price(
            List.of(line("7", "1.2345", "10")),
            inclusive(BHD, RoundingPolicy.PER_LINE, RoundingMode.DOWN));
    // 8.6415 rounded down is 8.641 gross: 8.641 / 11 = 0.785545... -> 0.785, net 7.856
    assertAmount("8.641", down.total().amount());
    assertAmount("0.785", down.taxTotal().amount());
    assertAmount("7.856", down.subtotal().amount());
  }

  /**
   * Property: under a tax-inclusive basis the document's total is the sum of the quoted line
   * amounts (quantity × price, rounded with the sale's mode) under every policy and mode, each
   * line's net + tax is its amount, and the tax is within a minor unit per line of the exact tax
   * fraction {@code amount × rate / (100 + rate)}.
   */
  @Test
  void inclusiveTotalsAreWhatWasQuotedUnderEveryPolicyAndMode() {
    Random random = new Random(20_11);
    List<RoundingMode> modes =
        List.of(RoundingMode.HALF_UP, RoundingMode.HALF_EVEN, RoundingMode.DOWN, RoundingMode.UP);
    for (int round = 0; round < 500; round++) {
      Currency currency = List.of(GBP, BHD, JPY).get(random.nextInt(3));
      RoundingMode mode = modes.get(random.nextInt(modes.size()));
      RoundingPolicy policy = RoundingPolicy.values()[random.nextInt(2)];
      List<SaleArithmetic.PricingLine> lines = new ArrayList<>();
      BigDecimal quoted = BigDecimal.ZERO;
      BigDecimal exactTax = BigDecimal.ZERO;
      for (int i = 0, n = 1 + random.nextInt(6); i < n; i++) {
        BigDecimal quantity = BigDecimal.valueOf(1 + random.nextInt(5000), random.nextInt(4));
        BigDecimal price = BigDecimal.valueOf(random.nextInt(10_000_000), random.nextInt(7));
        BigDecimal rate =
            d(List.of("20", "17.5", "5", "0", "7.25", "8.875").get(random.nextInt(6)));
        lines.add(new SaleArithmetic.PricingLine(quantity, price, rate));
        BigDecimal amount =
            quantity.multiply(price).setScale(currency.getDefaultFractionDigits(), mode);
        quoted = quoted.add(amount);
        exactTax =
            exactTax.add(
                amount
                    .multiply(rate)
                    .divide(BigDecimal.valueOf(100).add(rate), 20, RoundingMode.HALF_EVEN));
      }
      SaleArithmetic.Priced priced = SaleArithmetic.price(lines, inclusive(currency, policy, mode));
      assertEquals(0, quoted.compareTo(priced.total().amount()), "round " + round);
      BigDecimal unit = BigDecimal.ONE.movePointLeft(currency.getDefaultFractionDigits());
      assertTrue(
          exactTax
                  .subtract(priced.taxTotal().amount())
                  .abs()
                  .compareTo(unit.multiply(BigDecimal.valueOf(lines.size())))
              <= 0,
          "round " + round + ": tax " + priced.taxTotal() + " against exact " + exactTax);
      for (int i = 0; i < lines.size(); i++) {
        assertTrue(priced.taxes().get(i).amount().signum() >= 0);
        assertEquals(
            0,
            lines
                .get(i)
                .quantity()
                .multiply(lines.get(i).unitPrice())
                .setScale(currency.getDefaultFractionDigits(), mode)
                .compareTo(priced.nets().get(i).plus(priced.taxes().get(i)).amount()));
      }
    }
  }

  @Test
  void postingRowsDebitReceivableAndCreditRevenueTaxAndInventory() {
    Map<String, BigDecimal> rows =
        SaleArithmetic.postingRows(
            List.of(
                new SaleArithmetic.RowLine(Accounts.SALES_REVENUE, d("7.65"), d("1.53"), d("3.60")),
                new SaleArithmetic.RowLine(
                    Accounts.SALES_REVENUE_SERVICES, d("5.00"), d("1.00"), null)));
    assertAmount("15.18", rows.get(Accounts.ACCOUNTS_RECEIVABLE));
    assertAmount("-7.65", rows.get(Accounts.SALES_REVENUE));
    assertAmount("-5.00", rows.get(Accounts.SALES_REVENUE_SERVICES));
    assertAmount("-2.53", rows.get(Accounts.OUTPUT_TAX_PAYABLE));
    assertAmount("3.60", rows.get(Accounts.COST_OF_GOODS_SOLD));
    assertAmount("-3.60", rows.get(Accounts.INVENTORY));
    assertEquals(0, rows.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add).signum());
  }

  @Test
  void anIncreaseDebitsReceivableByTheGrossDeltaAndCreditsRevenueTaxAndInventory() {
    Map<String, BigDecimal> before =
        SaleArithmetic.postingRows(
            List.of(
                new SaleArithmetic.RowLine(
                    Accounts.SALES_REVENUE, d("7.65"), d("1.53"), d("3.60"))));
    Map<String, BigDecimal> after =
        SaleArithmetic.postingRows(
            List.of(
                new SaleArithmetic.RowLine(
                    Accounts.SALES_REVENUE, d("12.75"), d("2.55"), d("6.10"))));
    Map<String, BigDecimal> delta = SaleArithmetic.delta(before, after);
    assertAmount("6.12", delta.get(Accounts.ACCOUNTS_RECEIVABLE));
    assertAmount("-5.10", delta.get(Accounts.SALES_REVENUE));
    assertAmount("-1.02", delta.get(Accounts.OUTPUT_TAX_PAYABLE));
    assertAmount("2.50", delta.get(Accounts.COST_OF_GOODS_SOLD));
    assertAmount("-2.50", delta.get(Accounts.INVENTORY));
  }

  @Test
  void aDecreaseCreditsReceivableAndDebitsRevenueTaxAndInventory() {
    Map<String, BigDecimal> before =
        SaleArithmetic.postingRows(
            List.of(
                new SaleArithmetic.RowLine(
                    Accounts.SALES_REVENUE, d("12.75"), d("2.55"), d("6.10"))));
    Map<String, BigDecimal> after =
        SaleArithmetic.postingRows(
            List.of(
                new SaleArithmetic.RowLine(
                    Accounts.SALES_REVENUE, d("2.55"), d("0.51"), d("1.22"))));
    Map<String, BigDecimal> delta = SaleArithmetic.delta(before, after);
    assertAmount("-12.24", delta.get(Accounts.ACCOUNTS_RECEIVABLE));
    assertAmount("10.20", delta.get(Accounts.SALES_REVENUE));
    assertAmount("2.04", delta.get(Accounts.OUTPUT_TAX_PAYABLE));
    assertAmount("-4.88", delta.get(Accounts.COST_OF_GOODS_SOLD));
    assertAmount("4.88", delta.get(Accounts.INVENTORY));
  }

  @Test
  void aChangeThatOnlyMovesRevenueBetweenAccountsLeavesReceivableOut() {
    Map<String, BigDecimal> before =
        SaleArithmetic.postingRows(
            List.of(
                new SaleArithmetic.RowLine(Accounts.SALES_REVENUE, d("10.00"), d("2.00"), null)));
    Map<String, BigDecimal> after =
        SaleArithmetic.postingRows(
            List.of(
                new SaleArithmetic.RowLine(
                    Accounts.SALES_REVENUE_SERVICES, d("10.00"), d("2.00"), null)));
    Map<String, BigDecimal> delta = SaleArithmetic.delta(before, after);
    assertEquals(2, delta.size(), delta.toString());
    assertAmount("10.00", delta.get(Accounts.SALES_REVENUE));
    assertAmount("-10.00", delta.get(Accounts.SALES_REVENUE_SERVICES));
  }

  @Test
  void everyDeltaBalancesAndAddsUpToTheLaterRevision() {
    Random random = new Random(20110204);
    List<String> accounts = List.of(Accounts.SALES_REVENUE, Accounts.SALES_REVENUE_SERVICES);
    for (int round = 0; round < 500; round++) {
      List<SaleArithmetic.RowLine> before = randomLines(random, accounts);
      List<SaleArithmetic.RowLine> after = randomLines(random, accounts);
      Map<String, BigDecimal> rowsBefore = SaleArithmetic.postingRows(before);
      Map<String, BigDecimal> rowsAfter = SaleArithmetic.postingRows(after);
      Map<String, BigDecimal> delta = SaleArithmetic.delta(rowsBefore, rowsAfter);
      assertEquals(
          0,
          delta.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add).signum(),
          "delta " + delta + " does not balance");
      for (String account : rowsAfter.keySet()) {
        BigDecimal rebuilt =
            rowsBefore
                .getOrDefault(account, BigDecimal.ZERO)
                .add(delta.getOrDefault(account, BigDecimal.ZERO));
        assertEquals(0, rebuilt.compareTo(rowsAfter.get(account)), account + " in round " + round);
      }
      assertTrue(delta.values().stream().allMatch(v -> v.signum() != 0));
    }
  }

  private static List<SaleArithmetic.RowLine> randomLines(Random random, List<String> accounts) {
    List<SaleArithmetic.RowLine> lines = new ArrayList<>();
    int count = 1 + random.nextInt(4);
    for (int i = 0; i < count; i++) {
      BigDecimal net = BigDecimal.valueOf(random.nextInt(100_000), 2);
      BigDecimal tax = BigDecimal.valueOf(random.nextInt(20_000), 2);
      BigDecimal cost = random.nextBoolean() ? BigDecimal.valueOf(random.nextInt(50_000), 2) : null;
      lines.add(
          new SaleArithmetic.RowLine(
              accounts.get(random.nextInt(accounts.size())), net, tax, cost));
    }
    return lines;
  }
}
