package com.ledgerline.sales.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
import com.ledgerline.shared.Money;
import com.ledgerline.tax.entity.PriceBasis;
import com.ledgerline.tax.entity.RoundingPolicy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CreditNoteArithmeticTest {
  private static final Currency GBP = Currency.getInstance("GBP");
  private static final Currency BHD = Currency.getInstance("BHD");
  private static final Currency KWD = Currency.getInstance("KWD");
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

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

  /**
   * A line as the sale would have posted it: net and tax from {@link SaleArithmetic}, cost =
   * quantity × unit cost rounded half-up (null unit cost = a service).
   */
  private static CreditNoteArithmetic.SoldLine sold(
      Currency currency,
      RoundingPolicy policy,
      String quantity,
      String price,
      String rate,
      String unitCost) {
    return soldLines(
            currency, policy, List.<String[]>of(new String[] {quantity, price, rate, unitCost}))
        .get(0);
  }

  private static List<CreditNoteArithmetic.SoldLine> soldLines(
      Currency currency, RoundingPolicy policy, List<String[]> lines) {
    return soldLines(exclusive(currency, policy, RoundingMode.HALF_UP), lines);
  }

  private static List<CreditNoteArithmetic.SoldLine> soldLines(
      SaleArithmetic.Terms terms, List<String[]> lines) {
    Currency currency = terms.currency();
    List<SaleArithmetic.PricingLine> pricing = new ArrayList<>();
    for (String[] l : lines) {
      pricing.add(new SaleArithmetic.PricingLine(d(l[0]), d(l[1]), d(l[2])));
    }
    SaleArithmetic.Priced priced = SaleArithmetic.price(pricing, terms);
    List<CreditNoteArithmetic.SoldLine> sold = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String[] l = lines.get(i);
      BigDecimal unitCost = l[3] == null ? null : d(l[3]);
      BigDecimal cost =
          unitCost == null
              ? null
              : Money.of(d(l[0]).multiply(unitCost), currency, RoundingMode.HALF_UP).amount();
      sold.add(
          CreditNoteArithmetic.SoldLine.uncredited(
              d(l[0]),
              d(l[1]),
              priced.nets().get(i).amount(),
              d(l[2]),
              priced.taxes().get(i).amount(),
              unitCost,
              cost));
    }
    return sold;
  }

  /** The line after a note: what it took is added to what earlier notes took. */
  private static CreditNoteArithmetic.SoldLine after(
      CreditNoteArithmetic.SoldLine line, CreditNoteArithmetic.Credited c) {
    return new CreditNoteArithmetic.SoldLine(
        line.quantity(),
        line.unitPrice(),
        line.net(),
        line.ratePercent(),
        line.tax(),
        line.unitCost(),
        line.cost(),
        line.creditedQuantity().add(c.quantity()),
        line.creditedNet().add(c.net()),
        line.creditedTax().add(c.tax()),
        line.restockedQuantity().add(c.restockedQuantity()),
        line.restockedCost().add(c.restockCost()));
  }

  private static CreditNoteArithmetic.Credited creditOne(
      CreditNoteArithmetic.SoldLine line,
      String quantity,
      boolean restock,
      Currency currency,
      RoundingPolicy policy) {
    return CreditNoteArithmetic.credit(
            List.of(line),
            List.of(d(quantity)),
            restock,
            exclusive(currency, policy, RoundingMode.HALF_UP))
        .get(0);
  }

  private static void assertAmount(BigDecimal expected, BigDecimal actual, String what) {
    assertEquals(
        0, expected.compareTo(actual), what + ": expected " + expected + ", was " + actual);
  }

  @Test
  void aFullCreditTakesBackExactlyTheLine() {
    CreditNoteArithmetic.SoldLine line =
        sold(GBP, RoundingPolicy.PER_LINE, "3", "2.55", "20", "1.20");
    CreditNoteArithmetic.Credited c = creditOne(line, "3", true, GBP, RoundingPolicy.PER_LINE);
    assertAmount(d("7.65"), c.net(), "net");
    assertAmount(d("1.53"), c.tax(), "tax");
    assertAmount(d("3"), c.restockedQuantity(), "restocked");
    assertAmount(d("3.60"), c.restockCost(), "restock cost");
  }

  @Test
  void aPartialCreditUsesTheOriginalRateAndTheSalesRounding() {
    // 3 x 0.335 = 1.005 -> 1.01 net, tax 0.202 -> 0.20; crediting 1: 0.335 -> 0.34, 0.068 -> 0.07
    CreditNoteArithmetic.SoldLine line =
        sold(GBP, RoundingPolicy.PER_LINE, "3", "0.335", "20", "0.10");
    CreditNoteArithmetic.Credited c = creditOne(line, "1", false, GBP, RoundingPolicy.PER_LINE);
    assertAmount(d("0.34"), c.net(), "net");
    assertAmount(d("0.07"), c.tax(), "tax");
    assertAmount(BigDecimal.ZERO, c.restockedQuantity(), "no restock asked");
    assertAmount(BigDecimal.ZERO, c.restockCost(), "no restock cost");
  }

  @Test
  void partialCreditsThatAddUpToTheLineTakeBackExactlyItsFigures() {
    // 3 x 0.3333 = 0.9999 -> 1.00 net, 0.20 tax (20 %); three notes of 1 unit would take
    // 0.33 + 0.33 + 0.33 alone; cumulatively they take 0.33, 0.34 (0.67 - 0.33), 0.33 (1.00 - 0.67)
    CreditNoteArithmetic.SoldLine line =
        sold(GBP, RoundingPolicy.PER_LINE, "3", "0.3333", "20", "0.333333");
    CreditNoteArithmetic.Credited first = creditOne(line, "1", true, GBP, RoundingPolicy.PER_LINE);
    line = after(line, first);
    CreditNoteArithmetic.Credited second = creditOne(line, "1", true, GBP, RoundingPolicy.PER_LINE);
    line = after(line, second);
    CreditNoteArithmetic.Credited third = creditOne(line, "1", true, GBP, RoundingPolicy.PER_LINE);
    line = after(line, third);
    assertAmount(d("0.33"), first.net(), "first net");
    assertAmount(d("0.34"), second.net(), "second net");
    assertAmount(d("0.33"), third.net(), "third net");
    assertAmount(line.net(), line.creditedNet(), "all nets");
    assertAmount(line.tax(), line.creditedTax(), "all taxes");
    assertAmount(line.cost(), line.restockedCost(), "all costs");
  }

  @Test
  void nothingCanBeCreditedBeyondWhatIsLeft() {
    CreditNoteArithmetic.SoldLine line =
        sold(GBP, RoundingPolicy.PER_LINE, "3", "2.55", "20", "1.20");
    line = after(line, creditOne(line, "2", false, GBP, RoundingPolicy.PER_LINE));
    CreditNoteArithmetic.SoldLine credited = line;
    BusinessRuleViolation refused =
        assertThrows(
            BusinessRuleViolation.class,
            () -> creditOne(credited, "1.0001", false, GBP, RoundingPolicy.PER_LINE));
    assertEquals(ErrorCode.CREDIT_EXCEEDS_INVOICED, refused.code());
    assertAmount(
        d("2.55"),
        creditOne(credited, "1", false, GBP, RoundingPolicy.PER_LINE).net(),
        "the last unit");
  }

  @Test
  void servicesAreNeverRestocked() {
    CreditNoteArithmetic.SoldLine postage =
        sold(GBP, RoundingPolicy.PER_LINE, "1", "5.00", "20", null);
    CreditNoteArithmetic.Credited c = creditOne(postage, "1", true, GBP, RoundingPolicy.PER_LINE);
    assertAmount(d("5.00"), c.net(), "net");
    assertAmount(BigDecimal.ZERO, c.restockedQuantity(), "restocked");
    assertAmount(BigDecimal.ZERO, c.restockCost(), "cost");
  }

  @Test
  void linesNotOnTheNoteTakeNothing() {
    List<CreditNoteArithmetic.SoldLine> lines =
        soldLines(
            GBP,
            RoundingPolicy.PER_LINE,
            List.of(
                new String[] {"2", "10.00", "20", "4.00"}, new String[] {"1", "3.00", "0", null}));
    List<CreditNoteArithmetic.Credited> credited =
        CreditNoteArithmetic.credit(
            lines,
            List.of(BigDecimal.ZERO, d("1")),
            true,
            exclusive(GBP, RoundingPolicy.PER_LINE, RoundingMode.HALF_UP));
    assertFalse(credited.get(0).isOnNote());
    assertAmount(BigDecimal.ZERO, credited.get(0).net(), "line 1 net");
    assertTrue(credited.get(1).isOnNote());
    assertAmount(d("3.00"), credited.get(1).net(), "line 2 net");
    assertAmount(BigDecimal.ZERO, credited.get(1).tax(), "zero-rated");
  }

  @Test
  void threeDecimalCurrenciesCreditToTheFils() {
    // BHD, VAT 10 %: 7 x 1.2345 = 8.6415 -> 8.642, tax 0.864; crediting 2: 2.469, tax 0.2469 ->
    // 0.247
    CreditNoteArithmetic.SoldLine line =
        sold(BHD, RoundingPolicy.PER_LINE, "7", "1.2345", "10", "0.5555");
    CreditNoteArithmetic.Credited c = creditOne(line, "2", true, BHD, RoundingPolicy.PER_LINE);
    assertEquals(3, c.net().scale());
    assertAmount(d("2.469"), c.net(), "net");
    assertAmount(d("0.247"), c.tax(), "tax");
    // 2 x 0.5555 = 1.111
    assertAmount(d("1.111"), c.restockCost(), "restock cost");
    line = after(line, c);
    CreditNoteArithmetic.Credited rest = creditOne(line, "5", true, BHD, RoundingPolicy.PER_LINE);
    assertAmount(d("8.642").subtract(d("2.469")), rest.net(), "the rest of the net");
    assertAmount(d("0.864").subtract(d("0.247")), rest.tax(), "the rest of the tax");
    // cost of 7 x 0.5555 = 3.8885 -> 3.889; 3.889 - 1.111
    assertAmount(d("2.778"), rest.restockCost(), "the rest of the cost");
  }

  @Test
  void partialQuantitiesWithDecimalsCreditTheirShare() {
    // KWD 5 % : 2.5 kg x 3.141 = 7.8525 -> 7.853, tax 0.39265 -> 0.393; crediting 0.75 kg:
    // 2.35575 -> 2.356, tax 0.1178 -> 0.118
    CreditNoteArithmetic.SoldLine line =
        sold(KWD, RoundingPolicy.PER_LINE, "2.5", "3.141", "5", null);
    CreditNoteArithmetic.Credited c = creditOne(line, "0.75", false, KWD, RoundingPolicy.PER_LINE);
    assertAmount(d("2.356"), c.net(), "net");
    assertAmount(d("0.118"), c.tax(), "tax");
  }

  @Test
  void perDocumentRoundingCreditsTheDocumentTaxPerRate() {
    // three lines of 0.10 at 17.5 %: the invoice's tax is round(0.0525) = 0.05, allotted 0.02,
    // 0.02, 0.01 (or similar); a full credit takes back exactly 0.05 in all
    List<CreditNoteArithmetic.SoldLine> lines =
        soldLines(
            GBP,
            RoundingPolicy.PER_DOCUMENT,
            List.of(
                new String[] {"1", "0.10", "17.5", null},
                new String[] {"1", "0.10", "17.5", null},
                new String[] {"1", "0.10", "17.5", null}));
    BigDecimal invoiceTax =
        lines.stream()
            .map(CreditNoteArithmetic.SoldLine::tax)
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    assertAmount(d("0.05"), invoiceTax, "invoice tax");
    List<CreditNoteArithmetic.Credited> full =
        CreditNoteArithmetic.credit(
            lines,
            List.of(d("1"), d("1"), d("1")),
            false,
            exclusive(GBP, RoundingPolicy.PER_DOCUMENT, RoundingMode.HALF_UP));
    assertAmount(d("0.05"), taxOf(full), "credited tax");
    // one line alone: round(0.0175) = 0.02 (per document, on the note's cumulative net 0.10)
    List<CreditNoteArithmetic.Credited> one =
        CreditNoteArithmetic.credit(
            lines,
            List.of(d("1"), BigDecimal.ZERO, BigDecimal.ZERO),
            false,
            exclusive(GBP, RoundingPolicy.PER_DOCUMENT, RoundingMode.HALF_UP));
    assertAmount(d("0.02"), taxOf(one), "one line");
  }

  @Test
  void perDocumentPartialCreditsEndAtTheInvoiceTaxPerRate() {
    List<CreditNoteArithmetic.SoldLine> lines =
        soldLines(
            GBP,
            RoundingPolicy.PER_DOCUMENT,
            List.of(
                new String[] {"3", "0.10", "17.5", null},
                new String[] {"1", "0.10", "17.5", null},
                new String[] {"2", "1.99", "5", null}));
    BigDecimal credited = BigDecimal.ZERO;
    for (String[] step :
        List.of(
            new String[] {"1", "0", "1"},
            new String[] {"1", "1", "0"},
            new String[] {"0", "0", "1"})) {
      List<BigDecimal> quantities = List.of(d(step[0]), d(step[1]), d(step[2]));
      List<CreditNoteArithmetic.Credited> note =
          CreditNoteArithmetic.credit(
              lines,
              quantities,
              false,
              exclusive(GBP, RoundingPolicy.PER_DOCUMENT, RoundingMode.HALF_UP));
      assertTrue(note.stream().allMatch(c -> c.tax().signum() >= 0), note.toString());
      credited = credited.add(taxOf(note));
      List<CreditNoteArithmetic.SoldLine> next = new ArrayList<>();
      for (int i = 0; i < lines.size(); i++) {
        next.add(after(lines.get(i), note.get(i)));
      }
      lines = next;
    }
    List<CreditNoteArithmetic.Credited> last =
        CreditNoteArithmetic.credit(
            lines,
            List.of(d("1"), BigDecimal.ZERO, BigDecimal.ZERO),
            false,
            exclusive(GBP, RoundingPolicy.PER_DOCUMENT, RoundingMode.HALF_UP));
    credited = credited.add(taxOf(last));
    BigDecimal invoiceTax =
        lines.stream()
            .map(CreditNoteArithmetic.SoldLine::tax)
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    assertAmount(invoiceTax, credited, "all credit notes together");
  }

  @Test
  void anInclusivePartialCreditExtractsTheTaxFromTheGrossAndTheRestEndsAtTheLine() {
    // 3 x 4.00 gross at 20 %: the line is 10.00 net + 2.00 tax. One unit back: 4.00 gross, tax
    // 4.00 / 6 = 0.666... -> 0.67, net 3.33; the other two: 8.00 gross, tax 2.00 - 0.67 = 1.33,
    // net 6.67, so the two notes take back exactly 10.00 and 2.00
    SaleArithmetic.Terms terms = inclusive(GBP, RoundingPolicy.PER_LINE, RoundingMode.HALF_UP);
    CreditNoteArithmetic.SoldLine line =
        soldLines(terms, List.<String[]>of(new String[] {"3", "4.00", "20", "1.50"})).get(0);
    assertAmount(d("10.00"), line.net(), "line net");
    assertAmount(d("2.00"), line.tax(), "line tax");
    CreditNoteArithmetic.Credited first =
        CreditNoteArithmetic.credit(List.of(line), List.of(d("1")), true, terms).get(0);
    assertAmount(d("3.33"), first.net(), "first net");
    assertAmount(d("0.67"), first.tax(), "first tax");
    assertAmount(d("1.50"), first.restockCost(), "first cost");
    CreditNoteArithmetic.Credited rest =
        CreditNoteArithmetic.credit(List.of(after(line, first)), List.of(d("2")), true, terms)
            .get(0);
    assertAmount(d("6.67"), rest.net(), "rest net");
    assertAmount(d("1.33"), rest.tax(), "rest tax");
    assertAmount(d("3.00"), rest.restockCost(), "rest cost");
  }

  @Test
  void anInclusivePerDocumentNoteInThreeDecimalsSplitsItsTaxByRate() {
    // KWD, prices include tax, per document, half-even. Lines: 2 x 1.155 = 2.310 at 5 %,
    // 1 x 0.021 at 5 %, 3 x 0.700 = 2.100 at 15 %. Invoice tax: 5 %: (2.310 + 0.021) x 5 / 105
    // = 0.111 exactly; 15 %: 2.100 x 15 / 115 = 0.27391... -> 0.274.
    SaleArithmetic.Terms terms =
        inclusive(KWD, RoundingPolicy.PER_DOCUMENT, RoundingMode.HALF_EVEN);
    List<CreditNoteArithmetic.SoldLine> lines =
        soldLines(
            terms,
            List.of(
                new String[] {"2", "1.155", "5", null},
                new String[] {"1", "0.021", "5", null},
                new String[] {"3", "0.700", "15", null}));
    assertAmount(d("0.111"), lines.get(0).tax().add(lines.get(1).tax()), "invoice tax at 5 %");
    assertAmount(d("0.274"), lines.get(2).tax(), "invoice tax at 15 %");
    // one of each of lines 1 and 3 back: 1.155 x 5 / 105 = 0.055 exactly; 0.700 x 15 / 115 =
    // 0.091304... -> 0.091; nets 1.100 and 0.609
    List<CreditNoteArithmetic.Credited> note =
        CreditNoteArithmetic.credit(lines, List.of(d("1"), d("0"), d("1")), false, terms);
    assertAmount(d("0.055"), note.get(0).tax(), "tax at 5 %");
    assertAmount(d("1.100"), note.get(0).net(), "net at 5 %");
    assertAmount(d("0.091"), note.get(2).tax(), "tax at 15 %");
    assertAmount(d("0.609"), note.get(2).net(), "net at 15 %");
    assertFalse(note.get(1).isOnNote());
    // the rest: each rate ends at the invoice's tax, each line at its gross
    List<CreditNoteArithmetic.SoldLine> next = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      next.add(after(lines.get(i), note.get(i)));
    }
    List<CreditNoteArithmetic.Credited> rest =
        CreditNoteArithmetic.credit(next, List.of(d("1"), d("1"), d("2")), false, terms);
    assertAmount(
        d("0.111"),
        note.get(0).tax().add(rest.get(0).tax()).add(rest.get(1).tax()),
        "credited at 5 %");
    assertAmount(d("0.274"), note.get(2).tax().add(rest.get(2).tax()), "credited at 15 %");
    for (int i = 0; i < lines.size(); i++) {
      assertAmount(
          lines.get(i).net().add(lines.get(i).tax()),
          note.get(i).net().add(note.get(i).tax()).add(rest.get(i).net()).add(rest.get(i).tax()),
          "gross of line " + (i + 1));
    }
  }

  /**
   * Property: any split of a sale's lines into credit notes, under either policy and price basis,
   * every rounding mode a jurisdiction may declare, in GBP or a three-decimal currency, takes back
   * exactly the sale's net, tax and cost once everything is credited (line by line the amount the
   * tax came from: the net, or the gross when prices include tax; net and tax line by line under
   * PER_LINE, per document under PER_DOCUMENT); every note is non-negative; under PER_LINE a note's
   * tax on a line is within one minor unit of the tax on its own amount at the line's rate.
   */
  @Test
  void anySequenceOfCreditNotesEndsAtTheSalesFigures() {
    Random random = new Random(1_2011);
    for (int round = 0; round < 800; round++) {
      Currency currency = random.nextBoolean() ? GBP : BHD;
      RoundingPolicy policy =
          random.nextBoolean() ? RoundingPolicy.PER_LINE : RoundingPolicy.PER_DOCUMENT;
      PriceBasis basis = random.nextBoolean() ? PriceBasis.TAX_EXCLUSIVE : PriceBasis.TAX_INCLUSIVE;
      RoundingMode mode =
          List.of(RoundingMode.HALF_UP, RoundingMode.HALF_EVEN, RoundingMode.DOWN, RoundingMode.UP)
              .get(random.nextInt(4));
      SaleArithmetic.Terms terms = new SaleArithmetic.Terms(currency, basis, policy, mode);
      boolean inclusive = basis == PriceBasis.TAX_INCLUSIVE;
      int count = 1 + random.nextInt(4);
      List<String[]> spec = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        spec.add(
            new String[] {
              BigDecimal.valueOf(1 + random.nextInt(400), random.nextInt(3)).toPlainString(),
              BigDecimal.valueOf(random.nextInt(5_000_000), 4 + random.nextInt(3)).toPlainString(),
              List.of("20", "17.5", "5", "0", "10").get(random.nextInt(5)),
              random.nextInt(4) == 0
                  ? null
                  : BigDecimal.valueOf(random.nextInt(2_000_000), 6).toPlainString()
            });
      }
      List<CreditNoteArithmetic.SoldLine> lines = soldLines(terms, spec);
      List<CreditNoteArithmetic.SoldLine> original = lines;
      boolean restock = random.nextBoolean();
      int unit = Money.scaleOf(currency);
      for (int note = 0; note < 6 && !allCredited(lines); note++) {
        List<BigDecimal> quantities = new ArrayList<>();
        for (CreditNoteArithmetic.SoldLine line : lines) {
          BigDecimal left = line.remainingQuantity();
          BigDecimal share =
              note == 5 || random.nextInt(3) == 0
                  ? left
                  : left.multiply(BigDecimal.valueOf(random.nextInt(101), 2))
                      .setScale(4, RoundingMode.DOWN);
          quantities.add(share);
        }
        List<CreditNoteArithmetic.Credited> credited =
            CreditNoteArithmetic.credit(lines, quantities, restock, terms);
        for (int i = 0; i < lines.size(); i++) {
          CreditNoteArithmetic.Credited c = credited.get(i);
          assertTrue(c.net().signum() >= 0 && c.restockCost().signum() >= 0, c.toString());
          assertEquals(unit, c.net().scale());
          if (policy == RoundingPolicy.PER_LINE && c.isOnNote()) {
            BigDecimal rate = lines.get(i).ratePercent();
            BigDecimal own =
                inclusive
                    ? c.net().add(c.tax()).multiply(rate).divide(HUNDRED.add(rate), unit, mode)
                    : c.net().multiply(rate).divide(HUNDRED).setScale(unit, mode);
            assertTrue(
                own.subtract(c.tax()).abs().compareTo(BigDecimal.ONE.movePointLeft(unit)) <= 0,
                "tax " + c.tax() + " on net " + c.net() + " at " + lines.get(i).ratePercent());
          }
        }
        assertTrue(taxOf(credited).signum() >= 0);
        List<CreditNoteArithmetic.SoldLine> next = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
          next.add(after(lines.get(i), credited.get(i)));
        }
        lines = next;
      }
      assertTrue(allCredited(lines), "round " + round);
      for (int i = 0; i < lines.size(); i++) {
        CreditNoteArithmetic.SoldLine line = lines.get(i);
        assertAmount(
            original.get(i).net().add(inclusive ? original.get(i).tax() : BigDecimal.ZERO),
            line.creditedNet().add(inclusive ? line.creditedTax() : BigDecimal.ZERO),
            "amount of line " + i);
        if (policy == RoundingPolicy.PER_LINE || !inclusive) {
          assertAmount(original.get(i).net(), line.creditedNet(), "net of line " + i);
        }
        if (policy == RoundingPolicy.PER_LINE) {
          assertAmount(original.get(i).tax(), line.creditedTax(), "tax of line " + i);
        }
        if (restock && line.cost() != null) {
          assertAmount(line.cost(), line.restockedCost(), "cost of line " + i);
        }
      }
      BigDecimal invoiceTax =
          original.stream()
              .map(CreditNoteArithmetic.SoldLine::tax)
              .reduce(BigDecimal.ZERO, BigDecimal::add);
      BigDecimal creditedTax =
          lines.stream()
              .map(CreditNoteArithmetic.SoldLine::creditedTax)
              .reduce(BigDecimal.ZERO, BigDecimal::add);
      assertAmount(invoiceTax, creditedTax, "document tax, round " + round + " " + policy);
    }
  }

  private static boolean allCredited(List<CreditNoteArithmetic.SoldLine> lines) {
    return lines.stream().allMatch(l -> l.remainingQuantity().signum() == 0);
  }

  private static BigDecimal taxOf(List<CreditNoteArithmetic.Credited> credited) {
    return credited.stream()
        .map(CreditNoteArithmetic.Credited::tax)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
