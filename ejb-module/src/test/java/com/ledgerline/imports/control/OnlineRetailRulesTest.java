package com.ledgerline.imports.control;

import static com.ledgerline.imports.control.Fixtures.FIRST_DAY;
import static com.ledgerline.imports.control.Fixtures.HEADER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ledgerline.imports.control.OnlineRetailCsv.Invoice;
import com.ledgerline.imports.control.OnlineRetailCsv.Result;
import com.ledgerline.imports.control.OnlineRetailRules.CustomerSpec;
import com.ledgerline.imports.control.OnlineRetailRules.OpeningStock;
import com.ledgerline.imports.control.OnlineRetailRules.Plan;
import com.ledgerline.imports.control.OnlineRetailRules.Reason;
import com.ledgerline.imports.control.OnlineRetailRules.VariantSpec;
import com.ledgerline.sales.boundary.PostSale;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OnlineRetailRulesTest {
  private static final LocalDate WIDE_FROM = LocalDate.of(2010, 1, 1);
  private static final LocalDate WIDE_TO = LocalDate.of(2011, 12, 31);

  private static Invoice invoice(String resource, String number) {
    return Fixtures.read(resource, WIDE_FROM, WIDE_TO).invoices().stream()
        .filter(invoice -> invoice.invoiceNumber().equals(number))
        .findFirst()
        .orElseThrow();
  }

  private static Invoice only(String rows) {
    return OnlineRetailCsv.read(Fixtures.csv(HEADER + rows), WIDE_FROM, WIDE_TO).invoices().get(0);
  }

  private static Optional<Reason> reason(Invoice invoice) {
    return OnlineRetailRules.refusal(invoice).map(OnlineRetailRules.Refusal::reason);
  }

  // --- services

  @ParameterizedTest
  @ValueSource(
      strings = {
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
        "PADS",
        "DCGS0003",
        "DCGSSGIRL",
        "gift_0001_20",
        "gift_0001_50"
      })
  void servicesFeesAndVouchersAreNotStock(String stockCode) {
    assertTrue(OnlineRetailRules.isService(stockCode));
  }

  @ParameterizedTest
  @ValueSource(strings = {"85123A", "85123a", "22139", "90214M", "post", "Post", "DOTS", "gift"})
  void productsAreStock(String stockCode) {
    assertFalse(OnlineRetailRules.isService(stockCode));
  }

  // --- customers

  @ParameterizedTest
  @CsvSource({"17850.0,OR-17850", "17850,OR-17850", "12583.00,OR-12583", "' 14606.0 ',OR-14606"})
  void aCustomerIdBecomesACustomerNumber(String customerId, String customerNumber) {
    assertEquals(customerNumber, OnlineRetailRules.customerNumber(customerId));
  }

  @Test
  void noCustomerIdIsTheWalkInCustomer() {
    assertEquals("OR-WALKIN", OnlineRetailRules.customerNumber(""));
    assertEquals("OR-WALKIN", OnlineRetailRules.customerNumber(null));
    assertEquals("Online Retail walk-in customer", OnlineRetailRules.customerName(""));
    assertEquals(0, OnlineRetailRules.paymentTermsDays(""));
  }

  @Test
  void aKnownCustomerIsNamedAfterItsIdAndPaysNet30() {
    assertEquals("Online Retail customer 17850", OnlineRetailRules.customerName("17850.0"));
    assertEquals(30, OnlineRetailRules.paymentTermsDays("17850.0"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"12345.5", "abc", "-17850.0", "0"})
  void aCustomerIdThatIsNotAPositiveWholeNumberIsRefused(String customerId) {
    assertThrows(
        IllegalArgumentException.class, () -> OnlineRetailRules.customerNumber(customerId));
  }

  // --- opening stock and cost

  @ParameterizedTest
  @CsvSource({"454,500", "224,247", "181,200", "79,87", "10,11", "6,7", "2,3", "1,2", "100,110"})
  void openingStockIsTheUnitsSoldPlusTenPercentRoundedUp(String sold, String opening) {
    assertEquals(new BigDecimal(opening), OnlineRetailRules.openingQuantity(new BigDecimal(sold)));
  }

  @Test
  void openingStockCoversWhatIsSoldAndNeverMuchMore() {
    for (int sold = 1; sold <= 5000; sold++) {
      BigDecimal units = BigDecimal.valueOf(sold);
      BigDecimal opening = OnlineRetailRules.openingQuantity(units);
      assertTrue(opening.compareTo(units) > 0, "opening " + opening + " for " + sold);
      assertTrue(
          opening.compareTo(units.multiply(new BigDecimal("1.1")).add(BigDecimal.ONE)) < 0,
          "opening " + opening + " for " + sold);
      assertEquals(0, opening.scale());
    }
  }

  @Test
  void openingStockNeedsUnitsSold() {
    assertThrows(
        IllegalArgumentException.class, () -> OnlineRetailRules.openingQuantity(BigDecimal.ZERO));
  }

  @ParameterizedTest
  @CsvSource({
    "2.55,1.5300",
    "1.69,1.0140",
    "4.25,2.5500",
    "0.001,0.0006",
    "0.29,0.1740",
    "34.04,20.4240",
    "0.0005,0.0003"
  })
  void openingCostIsSixtyPercentOfTheLowestPriceToFourDecimals(String price, String cost) {
    assertEquals(new BigDecimal(cost), OnlineRetailRules.openingUnitCost(new BigDecimal(price)));
  }

  @Test
  void aSkuOnlyEverSoldAtPriceZeroCostsNothing() {
    assertEquals(new BigDecimal("0.0000"), OnlineRetailRules.openingUnitCost(null));
  }

  @Test
  void openingStockIsDatedTheDayBeforeTheRange() {
    assertEquals(LocalDate.of(2010, 11, 30), OnlineRetailRules.openingStockDate(FIRST_DAY));
  }

  // --- which invoices are posted

  @Test
  void aCancellationIsNotPostedYet() {
    assertEquals(
        Optional.of(Reason.CANCELLATION_NOT_SUPPORTED_YET),
        reason(invoice(Fixtures.SAMPLE, "C536391")));
    assertTrue(
        OnlineRetailRules.refusal(invoice(Fixtures.SAMPLE, "C536391"))
            .orElseThrow()
            .detail()
            .contains("2 lines, net -26.76 GBP"));
  }

  @Test
  void aStockWriteOffIsNotPostedYet() {
    assertEquals(
        Optional.of(Reason.STOCK_WRITE_OFF_NOT_SUPPORTED_YET),
        reason(invoice(Fixtures.SAMPLE, "536589")));
  }

  @Test
  void aBadDebtAdjustmentIsNotPostedYet() {
    assertEquals(
        Optional.of(Reason.BAD_DEBT_ADJUSTMENT_NOT_SUPPORTED_YET),
        reason(invoice(Fixtures.MALFORMED, "A900008")));
  }

  @Test
  void anInvoiceWithAnUnreadableRowIsNotPosted() {
    assertEquals(Optional.of(Reason.MALFORMED_ROW), reason(invoice(Fixtures.MALFORMED, "900002")));
    assertEquals(Optional.of(Reason.MALFORMED_ROW), reason(invoice(Fixtures.MALFORMED, "900007")));
    assertEquals(Optional.of(Reason.MALFORMED_ROW), reason(invoice(Fixtures.MALFORMED, "900009")));
  }

  @Test
  void anInvoiceNamingTwoCustomersIsNotPosted() {
    assertEquals(
        Optional.of(Reason.CUSTOMER_DIFFERS_WITHIN_INVOICE),
        reason(invoice(Fixtures.MALFORMED, "900005")));
  }

  @Test
  void aNegativeLineInsideASaleIsLeftToTheSalePathToRefuse() {
    assertEquals(Optional.empty(), reason(invoice(Fixtures.MALFORMED, "900006")));
  }

  @Test
  void aPositiveLineAtPriceZeroWithoutCustomerIsASale() {
    assertEquals(Optional.empty(), reason(invoice(Fixtures.SAMPLE, "536414")));
  }

  @Test
  void aNegativeLineWithAPriceIsNotAWriteOff() {
    Invoice invoice = only("700001,11111,X,-1,2010-12-01 10:00:00,1.00,,United Kingdom\n");

    assertEquals(Optional.empty(), reason(invoice));
  }

  @Test
  void ordinarySalesArePosted() {
    for (String number : List.of("536365", "536370", "536409", "536591", "536600", "536982")) {
      assertEquals(Optional.empty(), reason(invoice(Fixtures.SAMPLE, number)), number);
    }
  }

  // --- what must exist

  @Test
  void planRegistersEachCustomerOnceWithTheFirstCountrySeen() {
    Result sample = Fixtures.read(Fixtures.SAMPLE, WIDE_FROM, WIDE_TO);
    Plan plan = OnlineRetailRules.plan(postable(sample));

    assertEquals(
        List.of(
            new CustomerSpec("OR-17850", "Online Retail customer 17850", "United Kingdom", 30),
            new CustomerSpec("OR-12583", "Online Retail customer 12583", "France", 30),
            new CustomerSpec("OR-17908", "Online Retail customer 17908", "United Kingdom", 30),
            new CustomerSpec("OR-WALKIN", "Online Retail walk-in customer", null, 0),
            new CustomerSpec("OR-14606", "Online Retail customer 14606", "United Kingdom", 30)),
        plan.customers());
  }

  @Test
  void stockCodesDifferingOnlyInLetterCaseAreDistinctSkus() {
    Plan plan =
        OnlineRetailRules.plan(postable(Fixtures.read(Fixtures.SAMPLE, WIDE_FROM, WIDE_TO)));
    Map<String, VariantSpec> variants = bySku(plan.variants(), VariantSpec::sku);
    Map<String, OpeningStock> stock = bySku(plan.openingStock(), OpeningStock::sku);

    assertEquals(new BigDecimal("2.55"), variants.get("85123A").sellingPrice());
    assertEquals(new BigDecimal("6.77"), variants.get("85123a").sellingPrice());
    assertEquals(new BigDecimal("14"), stock.get("85123A").quantity()); // 6 + 6 sold → 13.2 → 14
    assertEquals(new BigDecimal("39"), stock.get("85123a").quantity()); // 35 sold → 38.5 → 39
  }

  @Test
  void planDefinesServicesWithoutStockAndGoodsWithOpeningStock() {
    Plan plan =
        OnlineRetailRules.plan(postable(Fixtures.read(Fixtures.SAMPLE, WIDE_FROM, WIDE_TO)));
    Map<String, VariantSpec> variants = bySku(plan.variants(), VariantSpec::sku);
    Map<String, OpeningStock> stock = bySku(plan.openingStock(), OpeningStock::sku);

    assertFalse(variants.get("POST").stockTracked());
    assertFalse(variants.get("gift_0001_20").stockTracked());
    assertFalse(variants.get("DCGSSGIRL").stockTracked());
    assertFalse(stock.containsKey("POST"));
    assertEquals(new BigDecimal("18.0"), variants.get("POST").sellingPrice());
    assertTrue(variants.get("22111").stockTracked());
    assertEquals(
        new OpeningStock("22111", new BigDecimal("3"), new BigDecimal("2.9700")),
        stock.get("22111"));
    assertEquals(
        plan.variants().stream().filter(VariantSpec::stockTracked).count(),
        plan.openingStock().size());
  }

  @Test
  void aSkuSoldOnlyAtPriceZeroWithoutDescriptionGetsAPlaceholderNameAndNoCost() {
    Plan plan =
        OnlineRetailRules.plan(postable(Fixtures.read(Fixtures.SAMPLE, FIRST_DAY, FIRST_DAY)));
    VariantSpec variant = bySku(plan.variants(), VariantSpec::sku).get("22139");

    assertEquals("Online Retail stock code 22139", variant.name());
    assertEquals(BigDecimal.ZERO, variant.sellingPrice());
    assertEquals(
        new OpeningStock("22139", new BigDecimal("62"), new BigDecimal("0.0000")),
        bySku(plan.openingStock(), OpeningStock::sku).get("22139"));
  }

  @Test
  void theNameIsTheFirstDescriptionAndThePriceTheFirstPositivePrice() {
    Invoice invoice =
        only(
            "700001,11111,,2,2010-12-01 10:00:00,0.0,12345.0,United Kingdom\n"
                + "700001,11111,FIRST NAME ,1,2010-12-01 10:00:00,3.00,12345.0,United Kingdom\n"
                + "700001,11111,SECOND NAME,1,2010-12-01 10:00:00,2.00,12345.0,United Kingdom\n");
    Plan plan = OnlineRetailRules.plan(List.of(invoice));

    assertEquals(
        List.of(new VariantSpec("11111", "FIRST NAME", true, new BigDecimal("3.00"))),
        plan.variants());
    // 4 units sold → 4.4 → 5; cost = 60 % of the lowest positive price 2.00
    assertEquals(
        List.of(new OpeningStock("11111", new BigDecimal("5"), new BigDecimal("1.2000"))),
        plan.openingStock());
  }

  // --- the sale request

  @Test
  void anInvoiceBecomesOneSaleWithOneLinePerRow() {
    PostSale sale = OnlineRetailRules.toPostSale(invoice(Fixtures.SAMPLE, "536409"));

    assertEquals("OR-17908", sale.customerNumber());
    assertEquals("online-retail", sale.channel());
    assertEquals("536409", sale.externalReference());
    assertEquals("GB", sale.taxJurisdiction());
    assertEquals(FIRST_DAY, sale.postingDate());
    assertEquals(Instant.parse("2010-12-01T11:45:00Z"), sale.capturedAt());
    assertNull(sale.expectedTotal());
    assertEquals(
        List.of(
            new PostSale.Line(
                "90199C",
                new BigDecimal("3"),
                new BigDecimal("6.35"),
                "5 STRAND GLASS NECKLACE CRYSTAL"),
            new PostSale.Line(
                "22111",
                new BigDecimal("1"),
                new BigDecimal("4.95"),
                "SCOTTIE DOG HOT WATER BOTTLE"),
            new PostSale.Line(
                "22111",
                new BigDecimal("1"),
                new BigDecimal("4.95"),
                "SCOTTIE DOG HOT WATER BOTTLE")),
        sale.lines());
  }

  @Test
  void aWalkInSaleWithoutDescriptionPrintsTheVariantName() {
    PostSale sale = OnlineRetailRules.toPostSale(invoice(Fixtures.SAMPLE, "536414"));

    assertEquals("OR-WALKIN", sale.customerNumber());
    assertNull(sale.lines().get(0).description());
    assertEquals(0, sale.lines().get(0).unitPrice().signum());
  }

  @Test
  void theCaptureTimeIsUkTimeSoSummerInvoicesAreAnHourAheadOfUtc() {
    PostSale sale =
        OnlineRetailRules.toPostSale(
            only("700001,11111,X,1,2011-06-01 10:00:00,1.00,12345.0,United Kingdom\n"));

    assertEquals(Instant.parse("2011-06-01T09:00:00Z"), sale.capturedAt());
    assertEquals(LocalDate.of(2011, 6, 1), sale.postingDate());
  }

  private static List<Invoice> postable(Result result) {
    return result.invoices().stream()
        .filter(invoice -> OnlineRetailRules.refusal(invoice).isEmpty())
        .toList();
  }

  private static <T> Map<String, T> bySku(List<T> items, Function<T, String> sku) {
    return items.stream().collect(Collectors.toMap(sku, Function.identity()));
  }
}
