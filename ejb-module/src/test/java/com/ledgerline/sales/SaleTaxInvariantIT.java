package com.ledgerline.sales;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ledgerline.catalog.entity.Product;
import com.ledgerline.catalog.entity.Variant;
import com.ledgerline.customers.entity.Customer;
import com.ledgerline.harness.LedgerHarness;
import com.ledgerline.ledger.boundary.InvariantChecks;
import com.ledgerline.ledger.control.Accounts;
import com.ledgerline.sales.boundary.AmendSale;
import com.ledgerline.sales.boundary.IssueCreditNote;
import com.ledgerline.sales.boundary.PostSale;
import com.ledgerline.sales.control.CreditNoteIssue;
import com.ledgerline.sales.control.SaleAmendment;
import com.ledgerline.sales.control.SalePosting;
import com.ledgerline.sales.control.SaleReferences;
import com.ledgerline.sales.entity.Sale;
import com.ledgerline.sales.entity.SaleLine;
import com.ledgerline.tax.entity.PriceBasis;
import com.ledgerline.tax.entity.RoundingPolicy;
import com.ledgerline.tax.entity.TaxJurisdiction;
import com.ledgerline.tax.entity.TaxRate;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The tax invariants of DESIGN.md 7 against sales the real workflows post (SalePosting,
 * SaleAmendment, CreditNoteIssue in the container-free harness, real PostgreSQL): in a jurisdiction
 * of every price basis, rounding policy and rounding mode the tax master allows, in a two- and a
 * three-decimal currency, random sales, amendments and partial credit notes keep every invariant,
 * the SQL recomputation of each line's tax among them; an inclusive sale's total is what was
 * quoted. A tax minor unit moved from one line to another (document totals unchanged) is caught.
 */
class SaleTaxInvariantIT {
  private static final String USER = "harness";
  private static final LocalDate DAY = LocalDate.of(2024, 5, 2);
  private static final List<RoundingMode> MODES =
      List.of(RoundingMode.HALF_UP, RoundingMode.HALF_EVEN, RoundingMode.DOWN, RoundingMode.UP);
  private static final List<Currency> CURRENCIES =
      List.of(Currency.getInstance("GBP"), Currency.getInstance("BHD"));

  private static LedgerHarness harness;

  @BeforeAll
  static void start() {
    harness = LedgerHarness.start();
  }

  @AfterAll
  static void stop() {
    if (harness != null) {
      harness.close();
    }
  }

  /** A jurisdiction with a standard and a reduced rate, a customer and three services in it. */
  private record Place(
      String jurisdiction,
      Currency currency,
      PriceBasis basis,
      RoundingPolicy policy,
      RoundingMode mode,
      String customer,
      List<String> skus) {}

  private static Place place(
      String key,
      int index,
      Currency currency,
      PriceBasis basis,
      RoundingPolicy policy,
      RoundingMode mode)
      throws Exception {
    String code = "TI" + key + index;
    String customer = "TI-" + key + "-" + index;
    List<String> skus = new ArrayList<>();
    harness.inTransaction(
        em -> {
          em.persist(
              new TaxJurisdiction(
                  code,
                  "Tax invariant " + code,
                  currency,
                  policy,
                  mode,
                  basis == PriceBasis.TAX_INCLUSIVE,
                  TaxJurisdiction.TaxType.VAT));
          em.persist(
              new TaxRate(code, "STANDARD", new BigDecimal("17.5"), DAY.minusYears(1), null));
          em.persist(new TaxRate(code, "REDUCED", new BigDecimal("7.25"), DAY.minusYears(1), null));
          em.persist(new Customer(customer, "Customer " + customer, "Bahrain", currency, 30));
          for (int i = 0; i < 3; i++) {
            String sku = customer + "-S" + i;
            Product product = new Product(sku, "Service " + sku, i == 2 ? "REDUCED" : "STANDARD");
            em.persist(product);
            em.persist(
                new Variant(
                    product,
                    sku,
                    "Service " + sku,
                    BigDecimal.ONE,
                    currency,
                    false,
                    Accounts.SALES_REVENUE_SERVICES));
            skus.add(sku);
          }
          em.flush();
          return null;
        });
    return new Place(code, currency, basis, policy, mode, customer, skus);
  }

  private static List<PostSale.Line> randomLines(Random random, Place place) {
    List<PostSale.Line> lines = new ArrayList<>();
    for (int i = 0, n = 2 + random.nextInt(4); i < n; i++) {
      lines.add(
          new PostSale.Line(
              place.skus().get(random.nextInt(place.skus().size())),
              BigDecimal.valueOf(1 + random.nextInt(900), random.nextInt(3)),
              BigDecimal.valueOf(random.nextInt(4_000_000), 3 + random.nextInt(4)),
              null));
    }
    return lines;
  }

  /**
   * What the customer was quoted: Σ quantity × price, each rounded with the jurisdiction's mode.
   */
  private static BigDecimal quoted(List<PostSale.Line> lines, Place place) {
    BigDecimal sum = BigDecimal.ZERO;
    for (PostSale.Line line : lines) {
      sum =
          sum.add(
              line.quantity()
                  .multiply(line.unitPrice())
                  .setScale(place.currency().getDefaultFractionDigits(), place.mode()));
    }
    return sum;
  }

  private static Sale post(Place place, List<PostSale.Line> lines) throws Exception {
    return harness.inTransaction(
        em ->
            new SalePosting(em, harness.events())
                .post(
                    new PostSale(
                        place.customer(), DAY, place.jurisdiction(), null, null, null, null, lines),
                    USER)
                .sale());
  }

  private static List<InvariantChecks.Result> invariants() throws Exception {
    return harness.inTransaction(
        em -> {
          InvariantChecks checks = new InvariantChecks();
          Field field = InvariantChecks.class.getDeclaredField("em");
          field.setAccessible(true);
          field.set(checks, em);
          return checks.run();
        });
  }

  @Test
  void salesAmendmentsAndCreditNotesUnderEveryBasisPolicyAndModeKeepTheTaxInvariants()
      throws Exception {
    Random random = new Random(2024_05_02);
    String key = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    int index = 0;
    for (Currency currency : CURRENCIES) {
      for (PriceBasis basis : PriceBasis.values()) {
        for (RoundingPolicy policy : RoundingPolicy.values()) {
          for (RoundingMode mode : MODES) {
            Place place = place(key, index++, currency, basis, policy, mode);
            String where = place.toString();

            List<PostSale.Line> lines = randomLines(random, place);
            Sale sale = post(place, lines);
            assertEquals(basis, sale.priceBasis(), where);
            if (basis == PriceBasis.TAX_INCLUSIVE) {
              assertEquals(0, quoted(lines, place).compareTo(sale.total()), where + " " + sale);
            } else {
              assertEquals(0, quoted(lines, place).compareTo(sale.subtotal()), where);
            }

            List<PostSale.Line> amended = randomLines(random, place);
            String saleNumber = sale.saleNumber();
            Sale after =
                harness.inTransaction(
                    em -> {
                      Sale s = new SaleReferences(em).sale(saleNumber);
                      return new SaleAmendment(em, harness.events())
                          .amend(
                              s,
                              new AmendSale(null, DAY, "customer changed the order", null, amended),
                              USER);
                    });
            BigDecimal expected = quoted(amended, place);
            assertEquals(
                0,
                expected.compareTo(
                    basis == PriceBasis.TAX_INCLUSIVE ? after.total() : after.subtotal()),
                where);

            Sale credited = post(place, randomLines(random, place));
            String creditedNumber = credited.saleNumber();
            for (int note = 0; note < 3; note++) {
              boolean last = note == 2;
              harness.inTransaction(
                  em -> {
                    Sale s = new SaleReferences(em).sale(creditedNumber);
                    List<IssueCreditNote.Line> asked = new ArrayList<>();
                    if (!last) {
                      // at most a quarter of a line per partial note: two never exceed it
                      for (SaleLine line : s.lines()) {
                        BigDecimal quarter =
                            line.quantity().divide(BigDecimal.valueOf(4), 2, RoundingMode.DOWN);
                        if (quarter.signum() > 0 && random.nextBoolean()) {
                          asked.add(new IssueCreditNote.Line(line.lineNumber(), quarter));
                        }
                      }
                      if (asked.isEmpty()) {
                        return null;
                      }
                    }
                    return new CreditNoteIssue(em, harness.events())
                        .issue(s, new IssueCreditNote(asked, false, "returned", DAY), USER);
                  });
            }
            BigDecimal open =
                harness
                    .database()
                    .decimal(
                        "select coalesce(sum(amount), 0) from ar_customer_ledger_entry where"
                            + " applies_to_number = ?",
                        creditedNumber);
            assertEquals(0, open.signum(), where + ": fully credited, nothing is owed");
          }
        }
      }
    }
    for (InvariantChecks.Result result : invariants()) {
      assertEquals(0, result.violations(), result.toString());
    }
  }

  @Test
  void aTaxMinorUnitMovedBetweenTwoLinesIsCaughtUnderEveryPolicyAndBasis() throws Exception {
    String key = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    int index = 50;
    for (PriceBasis basis : PriceBasis.values()) {
      for (RoundingPolicy policy : RoundingPolicy.values()) {
        Place place = place(key, index++, CURRENCIES.get(0), basis, policy, RoundingMode.HALF_EVEN);
        // two lines of one rate (17.5 %), each with tax to spare
        Sale sale =
            post(
                place,
                List.of(
                    new PostSale.Line(
                        place.skus().get(0), new BigDecimal("3"), new BigDecimal("7.77"), null),
                    new PostSale.Line(
                        place.skus().get(1), new BigDecimal("2"), new BigDecimal("5.55"), null)));
        assertEquals(
            Map.of("line_tax_equals_rate_snapshot_under_rounding_policy", 2L),
            violationsAfterMovingAMinorUnit(sale.id()),
            place.toString());
      }
    }
  }

  /**
   * Moves 0.01 of tax from line 2 to line 1 of the sale's first revision (nets the other way, so
   * every line's gross and the document's totals stay), runs every check, and rolls back.
   *
   * @return the violated checks with their counts
   */
  private static Map<String, Long> violationsAfterMovingAMinorUnit(long saleId) throws Exception {
    try (Connection c = harness.database().open()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute("alter table sal_sale_line disable trigger sal_sale_line_immutable");
        s.executeUpdate(
            "update sal_sale_line set tax_amount = tax_amount + case line_number when 1 then 0.01"
                + " else -0.01 end, net_amount = net_amount - case line_number when 1 then 0.01"
                + " else -0.01 end where sale_id = "
                + saleId
                + " and revision = 1 and line_number in (1, 2)");
        Map<String, Long> violated = new java.util.TreeMap<>();
        for (InvariantChecks.Check check : InvariantChecks.checks()) {
          try (ResultSet rs = s.executeQuery(check.sql())) {
            rs.next();
            if (rs.getLong(1) != 0) {
              violated.put(check.name(), rs.getLong(1));
            }
          }
        }
        assertTrue(violated.size() < InvariantChecks.checks().size(), violated.toString());
        return violated;
      } finally {
        c.rollback();
      }
    }
  }
}
