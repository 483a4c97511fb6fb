package com.ledgerline.imports.control;

import static com.ledgerline.imports.control.Fixtures.FIRST_DAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ledgerline.imports.control.OnlineRetailCsv.Invoice;
import com.ledgerline.imports.control.OnlineRetailCsv.Result;
import com.ledgerline.imports.control.OnlineRetailRules.OpeningStock;
import com.ledgerline.imports.control.OnlineRetailRules.Plan;
import com.ledgerline.imports.control.OnlineRetailRules.VariantSpec;
import com.ledgerline.imports.entity.ImportCounts;
import com.ledgerline.sales.boundary.PostSale;
import com.ledgerline.shared.Money;
import com.ledgerline.tax.control.TaxCalculator;
import com.ledgerline.tax.entity.RoundingPolicy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The figures of the real first day, 2010-12-01, read from a fixture that is that day copied
 * unchanged from the data set (3,108 rows): what {@code ledgerline start} loads on an empty
 * database.
 */
class OnlineRetailFirstDayTest {
  private static final Currency GBP = Currency.getInstance("GBP");
  private static final BigDecimal UK_VAT_2010_PERCENT = new BigDecimal("17.5");

  private static List<Invoice> postable(Result day) {
    return day.invoices().stream()
        .filter(invoice -> OnlineRetailRules.refusal(invoice).isEmpty())
        .toList();
  }

  @Test
  void theFirstDayHas143InvoicesOf3108Rows() {
    Result day = Fixtures.firstDay();

    assertEquals(3108, day.rowsRead());
    assertEquals(143, day.invoices().size());
    assertEquals(3108, day.linesRead());
    assertEquals(0, day.rowsOutsideRange());
    assertTrue(day.unreadable().isEmpty());
  }

  @Test
  void sixAreCancellationsOneIsAWriteOffAndTheRest136AreSales() {
    Result day = Fixtures.firstDay();
    Map<String, List<Invoice>> byOutcome =
        day.invoices().stream()
            .collect(
                Collectors.groupingBy(
                    invoice ->
                        OnlineRetailRules.refusal(invoice)
                            .map(refusal -> refusal.reason().name())
                            .orElse("SALE")));

    assertEquals(6, byOutcome.get("CANCELLATION_NOT_SUPPORTED_YET").size());
    assertEquals(26, lines(byOutcome.get("CANCELLATION_NOT_SUPPORTED_YET")));
    assertEquals(
        List.of("536589"),
        byOutcome.get("STOCK_WRITE_OFF_NOT_SUPPORTED_YET").stream()
            .map(Invoice::invoiceNumber)
            .toList());
    assertEquals(136, byOutcome.get("SALE").size());
    assertEquals(3081, lines(byOutcome.get("SALE")));
    assertEquals(3, byOutcome.size());
  }

  @Test
  void theSalesTotal58960_79NetAnd10321_10VatAt17_5Percent() {
    BigDecimal net = BigDecimal.ZERO;
    BigDecimal vat = BigDecimal.ZERO;
    for (Invoice invoice : postable(Fixtures.firstDay())) {
      PostSale sale = OnlineRetailRules.toPostSale(invoice);
      List<Money> nets = new ArrayList<>();
      List<BigDecimal> rates = new ArrayList<>();
      for (PostSale.Line line : sale.lines()) {
        nets.add(Money.of(line.quantity().multiply(line.unitPrice()), GBP, RoundingMode.HALF_UP));
        rates.add(UK_VAT_2010_PERCENT);
      }
      for (Money tax :
          TaxCalculator.lineTaxes(
              nets, rates, RoundingPolicy.PER_LINE, RoundingMode.HALF_UP, GBP)) {
        vat = vat.add(tax.amount());
      }
      for (Money line : nets) {
        net = net.add(line.amount());
      }
    }

    assertEquals(new BigDecimal("58960.79"), net);
    assertEquals(new BigDecimal("10321.10"), vat);
    assertEquals(new BigDecimal("69281.89"), net.add(vat));
  }

  @Test
  void salesGoTo96CustomersOneOfThemTheWalkInCustomerWith15Invoices() {
    List<Invoice> sales = postable(Fixtures.firstDay());
    Plan plan = OnlineRetailRules.plan(sales);

    assertEquals(96, plan.customers().size());
    assertEquals(
        15,
        sales.stream()
            .map(OnlineRetailRules::toPostSale)
            .filter(sale -> sale.customerNumber().equals("OR-WALKIN"))
            .count());
  }

  @Test
  void theCatalogHas1348SkusOfWhich4AreServicesAndEveryGoodGetsOpeningStock() {
    Plan plan = OnlineRetailRules.plan(postable(Fixtures.firstDay()));

    assertEquals(1348, plan.variants().size());
    assertEquals(
        List.of("POST", "C2", "DOT", "M"),
        plan.variants().stream().filter(v -> !v.stockTracked()).map(VariantSpec::sku).toList());
    assertEquals(1344, plan.openingStock().size());
    assertEquals(
        new BigDecimal("30544"),
        plan.openingStock().stream()
            .map(OpeningStock::quantity)
            .reduce(BigDecimal.ZERO, BigDecimal::add));
    BigDecimal openingValue =
        plan.openingStock().stream()
            .map(s -> s.quantity().multiply(s.unitCost()).setScale(2, RoundingMode.HALF_UP))
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    assertEquals(new BigDecimal("37286.60"), openingValue);
    assertTrue(plan.openingStock().stream().allMatch(s -> s.unitCost().signum() >= 0));
    Map<String, OpeningStock> stock =
        plan.openingStock().stream()
            .collect(Collectors.toMap(OpeningStock::sku, Function.identity()));
    // WHITE HANGING HEART T-LIGHT HOLDER: 454 sold at 2.55, 2.95 and 5.91
    assertEquals(
        new OpeningStock("85123A", new BigDecimal("500"), new BigDecimal("1.5300")),
        stock.get("85123A"));
  }

  @Test
  void theOpeningStockLetsEverySaleOfTheDayPostInFileOrder() {
    List<Invoice> sales = postable(Fixtures.firstDay());
    Plan plan = OnlineRetailRules.plan(sales);
    Map<String, BigDecimal> onHand = new HashMap<>();
    plan.openingStock().forEach(s -> onHand.put(s.sku(), s.quantity()));
    Map<String, Boolean> tracked =
        plan.variants().stream()
            .collect(Collectors.toMap(VariantSpec::sku, VariantSpec::stockTracked));

    for (Invoice invoice : sales) {
      for (PostSale.Line line : OnlineRetailRules.toPostSale(invoice).lines()) {
        assertTrue(line.quantity().signum() > 0, invoice.invoiceNumber());
        assertTrue(line.unitPrice().signum() >= 0, invoice.invoiceNumber());
        assertTrue(tracked.containsKey(line.sku()), line.sku());
        if (tracked.get(line.sku())) {
          BigDecimal left = onHand.get(line.sku()).subtract(line.quantity());
          assertTrue(left.signum() >= 0, invoice.invoiceNumber() + " " + line.sku());
          onHand.put(line.sku(), left);
        }
      }
    }
  }

  @Test
  void loadingTheDayPosts136SalesAndAccountsForEveryRow() {
    LedgerDouble ledger = new LedgerDouble();

    ImportCounts counts = OnlineRetailLoad.load(Fixtures.firstDay(), FIRST_DAY, ledger);

    assertEquals(List.of(), counts.brokenIdentities());
    assertEquals(143, counts.invoicesRead());
    assertEquals(136, counts.salesPosted());
    assertEquals(3081, counts.linesPosted());
    assertEquals(7, counts.invoicesNotPosted());
    assertEquals(27, counts.linesNotPosted());
    assertEquals(
        Map.of("CANCELLATION_NOT_SUPPORTED_YET", 6, "STOCK_WRITE_OFF_NOT_SUPPORTED_YET", 1),
        counts.notPostedByCode());
    assertEquals(96, counts.customersRegistered());
    assertEquals(1348, counts.variantsDefined());
    assertEquals(1344, counts.openingStockReceipts());
    assertEquals(0, counts.setupIssues());
    assertEquals(7, ledger.issues.size());
    assertEquals(27, ledger.issues.stream().mapToInt(OnlineRetailLoad.Issue::lineCount).sum());
  }

  @Test
  void loadingTheDayAgainPostsNothingNew() {
    LedgerDouble ledger = new LedgerDouble();
    OnlineRetailLoad.load(Fixtures.firstDay(), FIRST_DAY, ledger);
    int receipts = ledger.receipts.size();

    ImportCounts again = OnlineRetailLoad.load(Fixtures.firstDay(), FIRST_DAY, ledger);

    assertEquals(List.of(), again.brokenIdentities());
    assertEquals(0, again.salesPosted());
    assertEquals(136, again.duplicates());
    assertEquals(3081, again.duplicateLines());
    assertEquals(7, again.invoicesNotPosted());
    assertEquals(0, again.customersRegistered());
    assertEquals(0, again.variantsDefined());
    assertEquals(0, again.openingStockReceipts());
    assertEquals(receipts, ledger.receipts.size());
    assertEquals(136, ledger.posted.size());
  }

  private static int lines(List<Invoice> invoices) {
    return invoices.stream().mapToInt(invoice -> invoice.rows().size()).sum();
  }
}
