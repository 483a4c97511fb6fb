package com.ledgerline.ledger;

import com.ledgerline.approvals.control.ApprovalRequests;
import com.ledgerline.approvals.control.ApprovedRequest;
import com.ledgerline.approvals.entity.ApprovalRequest;
import com.ledgerline.catalog.entity.Product;
import com.ledgerline.catalog.entity.Variant;
import com.ledgerline.customers.entity.Customer;
import com.ledgerline.harness.LedgerHarness;
import com.ledgerline.inventory.control.StockKeeping;
import com.ledgerline.ledger.BookModel.CustomerModel;
import com.ledgerline.ledger.BookModel.Jurisdiction;
import com.ledgerline.ledger.BookModel.LineModel;
import com.ledgerline.ledger.BookModel.PaymentModel;
import com.ledgerline.ledger.BookModel.SaleModel;
import com.ledgerline.ledger.BookModel.VariantModel;
import com.ledgerline.ledger.PostingAction.Amend;
import com.ledgerline.ledger.PostingAction.Change;
import com.ledgerline.ledger.PostingAction.ChangeKind;
import com.ledgerline.ledger.PostingAction.Credit;
import com.ledgerline.ledger.PostingAction.CreditPart;
import com.ledgerline.ledger.PostingAction.Decision;
import com.ledgerline.ledger.PostingAction.DeletePayment;
import com.ledgerline.ledger.PostingAction.Pay;
import com.ledgerline.ledger.PostingAction.PayAmount;
import com.ledgerline.ledger.PostingAction.Portion;
import com.ledgerline.ledger.PostingAction.Refund;
import com.ledgerline.ledger.PostingAction.RefundAmount;
import com.ledgerline.ledger.PostingAction.Sell;
import com.ledgerline.ledger.PostingAction.SellLine;
import com.ledgerline.ledger.PostingAction.TenderSpec;
import com.ledgerline.ledger.PostingAction.VoidSale;
import com.ledgerline.ledger.boundary.InvariantChecks;
import com.ledgerline.ledger.control.Accounts;
import com.ledgerline.payments.boundary.PayRefund;
import com.ledgerline.payments.boundary.RecordPayments;
import com.ledgerline.payments.control.PaymentDeletionApprovals;
import com.ledgerline.payments.control.PaymentPosting;
import com.ledgerline.payments.control.PaymentReversals;
import com.ledgerline.payments.control.RefundPosting;
import com.ledgerline.payments.entity.Payment;
import com.ledgerline.sales.boundary.AmendSale;
import com.ledgerline.sales.boundary.IssueCreditNote;
import com.ledgerline.sales.boundary.PostSale;
import com.ledgerline.sales.control.CreditNoteIssue;
import com.ledgerline.sales.control.SaleAmendment;
import com.ledgerline.sales.control.SalePosting;
import com.ledgerline.sales.control.SaleReferences;
import com.ledgerline.sales.control.SaleVoiding;
import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
import com.ledgerline.tax.entity.RoundingPolicy;
import com.ledgerline.tax.entity.TaxJurisdiction;
import com.ledgerline.tax.entity.TaxRate;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Random sequences of sales, amendments, credit notes, voids, payments (split tenders, over and
 * under payment), payment deletions (request, then approval = reversal, rejection or nothing yet)
 * and refunds, run through the real posting control classes in the container-free harness (real
 * PostgreSQL XA, Narayana, Artemis), each action one transaction as its boundary runs it. Three
 * currencies and tax regimes: GBP under GB VAT (per line, half-up), EUR under German VAT (per rate
 * over the document, half-up) and BHD, 3 decimals, under a Bahraini VAT this test declares (per
 * document, half-even). Each customer's currency has a stocked variant, one at a second rate, one
 * sold on backorder and a service.
 *
 * <p>Every action either posts, or is refused with a stable error code and writes nothing (row
 * counts and sums of every ledger table compared before and after); an independent model ({@link
 * BookModel}) says beforehand which it must be and with which code. After each sequence: every
 * invariant of DESIGN.md 7 ({@link InvariantChecks#checks()}), and what an accountant would tick
 * off against the model: each customer's receivable balance and credit, each sale's status, lines,
 * total, open amount, amount paid and payment status, each payment's status, and the stock on hand
 * of each variant (opening + receipts − sold + restocked).
 */
class PostingSequencePropertiesIT {
  private static final String USER = "property-cashier";
  private static final String APPROVER = "property-approver";
  private static final String SECOND_APPROVER = "property-approver-2";
  private static final String CHANNEL = "property";

  /** The first action's date; each later action one day later (all under the same rates). */
  private static final LocalDate START = LocalDate.of(2025, 3, 3);

  private static final LocalDate OPENING = START.minusDays(7);

  /** Units received before the first action: stocked, second rate, backorder; services none. */
  private static final List<BigDecimal> OPENING_STOCK =
      List.of(new BigDecimal("12"), new BigDecimal("6"), new BigDecimal("2"));

  private static final List<BigDecimal> UNIT_COSTS =
      List.of(new BigDecimal("4.0000"), new BigDecimal("1.7500"), new BigDecimal("11.1111"));

  /** Every currency and tax regime of a try, with its catalogue prices (variants 0..3). */
  enum Regime {
    GB("GB", "ZERO", "9.99", "4.50", "25.00", "3.00"),
    DE("DE", "REDUCED", "12.49", "2.10", "19.95", "5.00"),
    BH("BH", "ZERO", "3.125", "0.875", "10.500", "0.750");

    final String jurisdiction;
    final String secondCategory;
    final List<BigDecimal> prices;

    Regime(String jurisdiction, String secondCategory, String... prices) {
      this.jurisdiction = jurisdiction;
      this.secondCategory = secondCategory;
      this.prices = List.of(prices).stream().map(BigDecimal::new).toList();
    }
  }

  /** The regime of each of a try's customers: two GBP customers share the GB variants. */
  private static final List<Regime> CUSTOMER_REGIMES =
      List.of(Regime.GB, Regime.GB, Regime.DE, Regime.BH);

  private static LedgerHarness harness;
  private static Map<Regime, Jurisdiction> jurisdictions;

  @BeforeContainer
  static void start() throws Exception {
    harness = LedgerHarness.start();
    // a 3-decimal currency: the seeded jurisdictions have none, so this test declares one
    harness.inTransaction(
        em -> {
          em.persist(
              new TaxJurisdiction(
                  "BH",
                  "Bahrain VAT (property test)",
                  Currency.getInstance("BHD"),
                  RoundingPolicy.PER_DOCUMENT,
                  RoundingMode.HALF_EVEN,
                  false,
                  TaxJurisdiction.TaxType.VAT));
          em.flush();
          em.persist(new TaxRate("BH", "STANDARD", new BigDecimal("10.0000"), START, null));
          em.persist(new TaxRate("BH", "ZERO", BigDecimal.ZERO, START, null));
          return null;
        });
    jurisdictions = new EnumMap<>(Regime.class);
    for (Regime regime : Regime.values()) {
      jurisdictions.put(regime, jurisdiction(regime));
    }
  }

  @AfterContainer
  static void stop() {
    if (harness != null) {
      harness.close();
    }
  }

  /**
   * The jurisdiction's declarations and rates on {@link #START}, as the reference data has them.
   */
  private static Jurisdiction jurisdiction(Regime regime) {
    Map<String, Object> declared =
        harness
            .database()
            .rows(
                "select currency, rounding_policy, rounding_mode from tax_jurisdiction where code"
                    + " = ?",
                regime.jurisdiction)
            .get(0);
    Map<String, BigDecimal> rates = new LinkedHashMap<>();
    for (String category : List.of("STANDARD", regime.secondCategory)) {
      rates.put(
          category,
          harness
              .database()
              .decimal(
                  "select rate_percent from tax_rate where jurisdiction_code = ? and category_code"
                      + " = ? and valid_from <= ? and (valid_to is null or valid_to > ?)",
                  regime.jurisdiction,
                  category,
                  START,
                  START));
    }
    return new Jurisdiction(
        regime.jurisdiction,
        Currency.getInstance(((String) declared.get("currency")).strip()),
        RoundingPolicy.valueOf((String) declared.get("rounding_policy")),
        RoundingMode.valueOf((String) declared.get("rounding_mode")),
        rates);
  }

  @Property(tries = 30, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.FULL)
  void postingSequencesKeepTheBooks(@ForAll("sequences") List<PostingAction> actions)
      throws Exception {
    runAndCheck(actions);
  }

  /**
   * A sale that charges nothing and was paid all the same holds that payment as the customer's
   * credit, with no receivable entry: it is not voided while the credit is there (a voided sale
   * takes no refund, so the money would stay with no way back to the customer). Once refunded,
   * nothing was paid and it voids.
   */
  @Example
  void aPaidSaleThatChargesNothingIsVoidedOnlyOnceItsCreditIsRefunded() throws Exception {
    runAndCheck(
        List.of(
            new Sell(0, List.of(new SellLine(0, BigDecimal.ONE, BigDecimal.ZERO))),
            new Pay(0, List.of(new TenderSpec("cash", PayAmount.ONE_MINOR_UNIT))),
            new VoidSale(0),
            new Refund(0, RefundAmount.ALL_CREDIT),
            new VoidSale(0)));
  }

  /** Runs the actions on a fresh set of customers and variants, then checks the books. */
  private static void runAndCheck(List<PostingAction> actions) throws Exception {
    try (Run run = new Run(newWorld())) {
      for (int step = 0; step < actions.size(); step++) {
        run.perform(step, actions.get(step));
      }
      run.assertBooks();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // generators

  @Provide
  Arbitrary<List<PostingAction>> sequences() {
    Arbitrary<List<PostingAction>> rest =
        Arbitraries.frequencyOf(
                Tuple.of(4, sells()),
                Tuple.of(3, amendments()),
                Tuple.of(3, creditNotes()),
                Tuple.of(1, voids()),
                Tuple.of(5, payments()),
                Tuple.of(3, deletions()),
                Tuple.of(2, refunds()))
            .list()
            .ofMaxSize(19)
            .withSizeDistribution(RandomDistribution.uniform());
    // a sequence opens with a sale, so that the actions after it have something to act on
    return Combinators.combine(sells(), rest)
        .as(
            (first, more) -> {
              List<PostingAction> actions = new ArrayList<>();
              actions.add(first);
              actions.addAll(more);
              return actions;
            });
  }

  private static Arbitrary<Integer> selectors() {
    return Arbitraries.integers().between(0, 7);
  }

  private static Arbitrary<BigDecimal> quantities() {
    return Arbitraries.of("1", "2", "3", "0.5", "1.25", "0.3333", "4", "7").map(BigDecimal::new);
  }

  /** Explicit prices (6 decimals at most, zero included) or null for the catalogue price. */
  private static Arbitrary<BigDecimal> prices() {
    return Arbitraries.oneOf(
            Arbitraries.of("0", "0.01", "1.005", "2.675", "0.333333", "19.99", "7.125")
                .map(BigDecimal::new),
            Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("250")).ofScale(3))
        .injectNull(0.5);
  }

  private static Arbitrary<PostingAction> sells() {
    Arbitrary<SellLine> line =
        Combinators.combine(Arbitraries.integers().between(0, 3), quantities(), prices())
            .as(SellLine::new);
    return Combinators.combine(
            Arbitraries.integers().between(0, CUSTOMER_REGIMES.size() - 1),
            line.list().ofMinSize(1).ofMaxSize(4))
        .as(Sell::new);
  }

  private static Arbitrary<PostingAction> amendments() {
    Arbitrary<Change> change =
        Combinators.combine(
                Arbitraries.of(ChangeKind.class),
                selectors(),
                Arbitraries.integers().between(0, 3),
                quantities(),
                prices())
            .as(Change::new);
    return Combinators.combine(selectors(), change.list().ofMinSize(1).ofMaxSize(3)).as(Amend::new);
  }

  private static Arbitrary<PostingAction> creditNotes() {
    Arbitrary<CreditPart> part =
        Combinators.combine(selectors(), Arbitraries.of(Portion.class)).as(CreditPart::new);
    return Combinators.combine(selectors(), Arbitraries.of(true, false), part.list().ofMaxSize(3))
        .as(Credit::new);
  }

  private static Arbitrary<PostingAction> voids() {
    return selectors().map(VoidSale::new);
  }

  private static Arbitrary<PostingAction> payments() {
    Arbitrary<PayAmount> amounts =
        Arbitraries.frequency(
            Tuple.of(4, PayAmount.ALL_OPEN),
            Tuple.of(3, PayAmount.HALF_OPEN),
            Tuple.of(2, PayAmount.MORE_THAN_OPEN),
            Tuple.of(1, PayAmount.ONE_MINOR_UNIT),
            Tuple.of(1, PayAmount.TOO_PRECISE));
    Arbitrary<TenderSpec> tender =
        Combinators.combine(Arbitraries.of("cash", "card", "bank_transfer", "voucher"), amounts)
            .as(TenderSpec::new);
    return Combinators.combine(selectors(), tender.list().ofMinSize(1).ofMaxSize(3)).as(Pay::new);
  }

  private static Arbitrary<PostingAction> deletions() {
    return Combinators.combine(
            selectors(),
            Arbitraries.frequency(
                Tuple.of(4, Decision.APPROVE),
                Tuple.of(1, Decision.REJECT),
                Tuple.of(1, Decision.LEAVE_PENDING)))
        .as(DeletePayment::new);
  }

  private static Arbitrary<PostingAction> refunds() {
    return Combinators.combine(selectors(), Arbitraries.of(RefundAmount.class)).as(Refund::new);
  }

  // ---------------------------------------------------------------------------------------------
  // the try's customers, variants and opening stock

  /** Fresh customers and variants with opening stock, committed; the model's starting point. */
  private static BookModel newWorld() throws Exception {
    String key = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    Map<Regime, List<VariantModel>> variants = new EnumMap<>(Regime.class);
    List<CustomerModel> customers = new ArrayList<>();
    harness.inTransaction(
        em -> {
          StockKeeping stock = new StockKeeping(em);
          for (Regime regime : Regime.values()) {
            Jurisdiction jurisdiction = jurisdictions.get(regime);
            List<VariantModel> models = new ArrayList<>();
            for (int v = 0; v < 4; v++) {
              String sku = "PS-" + key + "-" + regime + v;
              String category = v == 1 ? regime.secondCategory : "STANDARD";
              boolean stocked = v < 3;
              boolean backorder = v == 2;
              Product product = new Product(sku, "Property product " + sku, category);
              em.persist(product);
              Variant variant =
                  new Variant(
                      product,
                      sku,
                      "Property product " + sku,
                      regime.prices.get(v),
                      jurisdiction.currency(),
                      stocked,
                      backorder,
                      Accounts.SALES_REVENUE);
              em.persist(variant);
              em.flush();
              BigDecimal opening = BigDecimal.ZERO;
              if (stocked) {
                opening = OPENING_STOCK.get(v);
                stock.postReceipt(
                    variant,
                    opening,
                    UNIT_COSTS.get(v),
                    OPENING,
                    Accounts.GOODS_RECEIVED_NOT_INVOICED,
                    USER);
              }
              models.add(
                  new VariantModel(
                      jurisdiction,
                      sku,
                      regime.prices.get(v),
                      jurisdiction.rateByCategory().get(category),
                      stocked,
                      backorder,
                      opening));
            }
            variants.put(regime, models);
          }
          for (int c = 0; c < CUSTOMER_REGIMES.size(); c++) {
            Regime regime = CUSTOMER_REGIMES.get(c);
            String number = "PS-" + key + "-C" + c;
            Jurisdiction jurisdiction = jurisdictions.get(regime);
            em.persist(
                new Customer(
                    number,
                    "Property customer " + number,
                    "Testland",
                    jurisdiction.currency(),
                    30));
            customers.add(new CustomerModel(number, jurisdiction, variants.get(regime)));
          }
          em.flush();
          return null;
        });
    return new BookModel(customers, key);
  }

  // ---------------------------------------------------------------------------------------------
  // running a sequence

  /** One sequence against the harness and the model, with a transcript for the counterexample. */
  private static final class Run implements AutoCloseable {
    private final BookModel model;

    /** The checks' own auto-commit connection: they see only what was committed. */
    private final Connection connection;

    private final List<String> transcript = new ArrayList<>();
    private LocalDate date;
    private int step;

    Run(BookModel model) throws SQLException {
      this.model = model;
      this.connection = harness.database().open();
    }

    @Override
    public void close() throws SQLException {
      connection.close();
    }

    /** The rows of a query, each as column label → value. */
    private List<Map<String, Object>> rows(String sql, Object... parameters) throws SQLException {
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        for (int i = 0; i < parameters.length; i++) {
          statement.setObject(i + 1, parameters[i]);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery()) {
          ResultSetMetaData meta = rs.getMetaData();
          while (rs.next()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int column = 1; column <= meta.getColumnCount(); column++) {
              row.put(meta.getColumnLabel(column), rs.getObject(column));
            }
            rows.add(row);
          }
        }
        return rows;
      }
    }

    private Object value(String sql, Object... parameters) throws SQLException {
      List<Map<String, Object>> rows = rows(sql, parameters);
      if (rows.size() != 1) {
        throw new IllegalStateException("expected one row from " + sql + ", got " + rows);
      }
      return rows.get(0).values().iterator().next();
    }

    void perform(int step, PostingAction action) throws Exception {
      this.step = step;
      this.date = START.plusDays(step);
      transcript.add(step + ": " + action);
      if (action instanceof Sell sell) {
        sell(sell);
      } else if (action instanceof Amend amend) {
        amend(amend);
      } else if (action instanceof Credit credit) {
        credit(credit);
      } else if (action instanceof VoidSale voidSale) {
        voidSale(voidSale);
      } else if (action instanceof Pay pay) {
        pay(pay);
      } else if (action instanceof DeletePayment deletion) {
        delete(deletion);
      } else if (action instanceof Refund refund) {
        refund(refund);
      } else {
        throw new IllegalArgumentException("no such action " + action);
      }
    }

    private SaleModel sale(int selector) {
      return model.sales.isEmpty()
          ? null
          : model.sales.get(Math.floorMod(selector, model.sales.size()));
    }

    private void skip(String why) {
      Statistics.label("outcome").collect("skipped");
      transcript.add("   skipped: " + why);
    }

    private void sell(Sell action) throws Exception {
      CustomerModel customer =
          model.customers.get(Math.floorMod(action.customer(), model.customers.size()));
      List<LineModel> lines = new ArrayList<>();
      List<PostSale.Line> command = new ArrayList<>();
      for (SellLine line : action.lines()) {
        VariantModel variant = customer.variants().get(Math.floorMod(line.variant(), 4));
        BigDecimal price = line.unitPrice() == null ? variant.price : line.unitPrice();
        lines.add(new LineModel(variant, line.quantity(), price));
        command.add(new PostSale.Line(variant.sku, line.quantity(), line.unitPrice(), null));
      }
      Set<ErrorCode> refusal =
          BookModel.short_(BookModel.stockQuantities(lines))
              ? Set.of(ErrorCode.INSUFFICIENT_STOCK)
              : Set.of();
      PostSale post =
          new PostSale(
              customer.number(),
              date,
              customer.jurisdiction().code(),
              CHANNEL,
              "PS-" + model.key + "-" + step,
              null,
              null,
              command);
      attempt(
          "sell to " + customer.number() + " " + lines,
          refusal,
          em -> new SalePosting(em, harness.events()).post(post, USER).sale().saleNumber(),
          number -> {
            SaleModel sale = new SaleModel(number, customer, lines);
            sale.open = sale.total();
            model.sales.add(sale);
            BookModel.stockQuantities(lines).forEach((v, q) -> v.onHand = v.onHand.subtract(q));
            transcript.add("   " + sale);
          });
    }

    private void amend(Amend action) throws Exception {
      SaleModel sale = sale(action.sale());
      if (sale == null) {
        skip("no sale yet");
        return;
      }
      List<LineModel> next = new ArrayList<>();
      for (LineModel line : sale.lines) {
        next.add(new LineModel(line.variant, line.quantity, line.unitPrice));
      }
      for (Change change : action.changes()) {
        if (change.kind() == ChangeKind.ADD) {
          VariantModel variant = sale.customer.variants().get(Math.floorMod(change.variant(), 4));
          next.add(
              new LineModel(
                  variant,
                  change.quantity(),
                  change.unitPrice() == null ? variant.price : change.unitPrice()));
          continue;
        }
        if (next.isEmpty()) {
          continue;
        }
        int i = Math.floorMod(change.line(), next.size());
        LineModel was = next.get(i);
        switch (change.kind()) {
          case UP ->
              next.set(
                  i,
                  new LineModel(was.variant, was.quantity.add(change.quantity()), was.unitPrice));
          case DOWN -> {
            BigDecimal left = was.quantity.subtract(change.quantity());
            if (left.signum() > 0) {
              next.set(i, new LineModel(was.variant, left, was.unitPrice));
            } else {
              next.remove(i);
            }
          }
          case REMOVE -> next.remove(i);
          case REPRICE ->
              next.set(
                  i,
                  new LineModel(
                      was.variant,
                      was.quantity,
                      change.unitPrice() == null ? was.variant.price : change.unitPrice()));
          default -> throw new IllegalStateException(change.kind().name());
        }
      }
      // a line without a price keeps its SKU's price on the current revision, else the catalogue's
      List<PostSale.Line> command = new ArrayList<>();
      for (LineModel line : next) {
        BigDecimal fallback =
            sale.lines.stream()
                .filter(l -> l.variant == line.variant)
                .map(l -> l.unitPrice)
                .findFirst()
                .orElse(line.variant.price);
        command.add(
            new PostSale.Line(
                line.variant.sku,
                line.quantity,
                line.unitPrice.compareTo(fallback) == 0 ? null : line.unitPrice,
                null));
      }
      Map<VariantModel, BigDecimal> increases = new LinkedHashMap<>();
      BookModel.stockQuantities(next).forEach((v, q) -> increases.merge(v, q, BigDecimal::add));
      BookModel.stockQuantities(sale.lines)
          .forEach((v, q) -> increases.merge(v, q.negate(), BigDecimal::add));
      Set<ErrorCode> refusal = Set.of();
      if (next.isEmpty()) {
        refusal = Set.of(ErrorCode.INVALID_REQUEST);
      } else if (sale.voided) {
        refusal = Set.of(ErrorCode.SALE_NOT_POSTED);
      } else if (sale.creditNotes > 0) {
        refusal = Set.of(ErrorCode.SALE_HAS_CREDIT_NOTES);
      } else if (sameLines(sale.lines, next)) {
        refusal = Set.of(ErrorCode.NOTHING_TO_AMEND);
      } else if (BookModel.short_(increases)) {
        refusal = Set.of(ErrorCode.INSUFFICIENT_STOCK);
      }
      AmendSale amendment = new AmendSale(null, date, "property: amend", null, command);
      attempt(
          "amend " + sale.number + " to " + next,
          refusal,
          em -> {
            new SaleAmendment(em, harness.events())
                .amend(new SaleReferences(em).sale(sale.number), amendment, USER);
            return null;
          },
          ignored -> {
            BigDecimal totalBefore = sale.total();
            sale.lines = next;
            sale.open = sale.open.add(sale.total().subtract(totalBefore));
            increases.forEach((v, q) -> v.onHand = v.onHand.subtract(q));
            transcript.add("   " + sale);
          });
    }

    private static boolean sameLines(List<LineModel> before, List<LineModel> next) {
      if (before.size() != next.size()) {
        return false;
      }
      for (int i = 0; i < before.size(); i++) {
        LineModel a = before.get(i);
        LineModel b = next.get(i);
        if (a.variant != b.variant
            || a.quantity.compareTo(b.quantity) != 0
            || a.unitPrice.compareTo(b.unitPrice) != 0) {
          return false;
        }
      }
      return true;
    }

    private void credit(Credit action) throws Exception {
      SaleModel sale = sale(action.sale());
      if (sale == null) {
        skip("no sale yet");
        return;
      }
      boolean full = action.parts().isEmpty();
      Map<Integer, BigDecimal> asked = new LinkedHashMap<>();
      if (full) {
        for (int i = 0; i < sale.lines.size(); i++) {
          asked.put(i, sale.lines.get(i).left());
        }
      } else {
        for (CreditPart part : action.parts()) {
          int i = Math.floorMod(part.line(), sale.lines.size());
          BigDecimal left = sale.lines.get(i).left();
          BigDecimal quantity =
              switch (part.portion()) {
                case ALL_LEFT -> left;
                case HALF_LEFT -> left.divide(BigDecimal.valueOf(2), 4, RoundingMode.DOWN);
                case ONE_UNIT -> BigDecimal.ONE;
                case MORE_THAN_LEFT -> left.add(BigDecimal.ONE);
              };
          if (quantity.signum() == 0) {
            quantity = left.signum() > 0 ? left : BigDecimal.ONE;
          }
          asked.putIfAbsent(i, quantity);
        }
      }
      Set<ErrorCode> refusal = Set.of();
      if (sale.voided) {
        refusal = Set.of(ErrorCode.SALE_NOT_POSTED);
      } else if (asked.values().stream().allMatch(q -> q.signum() == 0)
          || asked.entrySet().stream()
              .anyMatch(e -> e.getValue().compareTo(sale.lines.get(e.getKey()).left()) > 0)) {
        refusal = Set.of(ErrorCode.CREDIT_EXCEEDS_INVOICED);
      }
      List<IssueCreditNote.Line> lines = new ArrayList<>();
      if (!full) {
        asked.forEach((i, q) -> lines.add(new IssueCreditNote.Line(i + 1, q)));
      }
      IssueCreditNote note =
          new IssueCreditNote(full ? null : lines, action.restock(), "property: credit", date);
      attempt(
          (full ? "full" : "partial")
              + " credit note"
              + (action.restock() ? " with restock" : "")
              + " on "
              + sale.number
              + (full ? "" : " lines " + asked),
          refusal,
          em ->
              new CreditNoteIssue(em, harness.events())
                  .issue(new SaleReferences(em).sale(sale.number), note, USER)
                  .creditNoteNumber(),
          number -> {
            BigDecimal before = sale.credited();
            asked.forEach(
                (i, q) -> {
                  LineModel line = sale.lines.get(i);
                  line.credited = line.credited.add(q);
                  if (action.restock() && line.variant.stockTracked) {
                    line.variant.onHand = line.variant.onHand.add(q);
                  }
                });
            sale.open = sale.open.subtract(sale.credited().subtract(before));
            sale.creditNotes++;
            transcript.add("   " + number + ": " + sale);
          });
    }

    private void voidSale(VoidSale action) throws Exception {
      SaleModel sale = sale(action.sale());
      if (sale == null) {
        skip("no sale yet");
        return;
      }
      boolean moneyMoved = sale.paid.signum() != 0 || sale.deposits.signum() != 0;
      Set<ErrorCode> refusal = Set.of();
      if (sale.voided) {
        refusal = Set.of(ErrorCode.SALE_NOT_POSTED);
      } else if (sale.creditNotes > 0) {
        refusal =
            moneyMoved
                ? Set.of(ErrorCode.SALE_HAS_CREDIT_NOTES, ErrorCode.SALE_HAS_PAYMENTS)
                : Set.of(ErrorCode.SALE_HAS_CREDIT_NOTES);
      } else if (moneyMoved) {
        refusal = Set.of(ErrorCode.SALE_HAS_PAYMENTS);
      }
      attempt(
          "void " + sale.number,
          refusal,
          em -> {
            new SaleVoiding(em, harness.events())
                .voidSale(new SaleReferences(em).sale(sale.number), "property: void", USER);
            return null;
          },
          ignored -> {
            sale.open = sale.open.subtract(sale.total());
            sale.voided = true;
            BookModel.stockQuantities(sale.lines).forEach((v, q) -> v.onHand = v.onHand.add(q));
            transcript.add("   " + sale);
          });
    }

    private void pay(Pay action) throws Exception {
      SaleModel sale = sale(action.sale());
      if (sale == null) {
        skip("no sale yet");
        return;
      }
      Jurisdiction jurisdiction = sale.jurisdiction();
      BigDecimal unit = jurisdiction.minorUnit();
      BigDecimal open = sale.open;
      List<BigDecimal> amounts = new ArrayList<>();
      List<RecordPayments.Tender> tenders = new ArrayList<>();
      boolean tooPrecise = false;
      for (TenderSpec spec : action.tenders()) {
        BigDecimal positiveOpen = open.max(BigDecimal.ZERO);
        BigDecimal amount =
            switch (spec.amount()) {
              case ALL_OPEN -> positiveOpen;
              case HALF_OPEN ->
                  positiveOpen.divide(
                      BigDecimal.valueOf(2), jurisdiction.scale(), RoundingMode.DOWN);
              case MORE_THAN_OPEN -> positiveOpen.add(BigDecimal.ONE);
              case ONE_MINOR_UNIT -> unit;
              case TOO_PRECISE -> BigDecimal.ONE.add(unit.movePointLeft(1));
            };
        if (amount.signum() == 0) {
          amount = unit;
        }
        tooPrecise |= spec.amount() == PayAmount.TOO_PRECISE;
        amounts.add(amount);
        tenders.add(new RecordPayments.Tender(spec.method(), amount, "property " + step));
        open = open.subtract(amount.min(positiveOpen));
      }
      Set<ErrorCode> refusal = Set.of();
      if (sale.voided) {
        refusal = Set.of(ErrorCode.SALE_NOT_POSTED);
      } else if (tooPrecise) {
        refusal = Set.of(ErrorCode.INVALID_AMOUNT);
      }
      RecordPayments command =
          tenders.size() == 1
              ? RecordPayments.single(
                  date, tenders.get(0).method(), amounts.get(0), tenders.get(0).reference())
              : new RecordPayments(date, null, null, null, null, tenders);
      attempt(
          "pay " + sale.number + " " + amounts,
          refusal,
          em ->
              new PaymentPosting(em, harness.events())
                  .record(sale.number, command, USER).stream().map(Payment::paymentNumber).toList(),
          numbers -> {
            for (int i = 0; i < numbers.size(); i++) {
              BookModel.pay(sale, amounts.get(i));
              model.payments.add(new PaymentModel(numbers.get(i), sale, amounts.get(i)));
            }
            transcript.add("   " + numbers + ": " + sale);
          });
    }

    private void delete(DeletePayment action) throws Exception {
      if (model.payments.isEmpty()) {
        skip("no payment yet");
        return;
      }
      PaymentModel payment =
          model.payments.get(Math.floorMod(action.payment(), model.payments.size()));
      SaleModel sale = payment.sale;
      Set<ErrorCode> refusal = Set.of();
      if (payment.reversed) {
        refusal = Set.of(ErrorCode.PAYMENT_ALREADY_REVERSED);
      } else if (payment.amount.compareTo(sale.paid) > 0) {
        refusal = Set.of(ErrorCode.REVERSAL_EXCEEDS_AMOUNT_PAID);
      } else if (payment.awaitingDeletion) {
        refusal = Set.of(ErrorCode.APPROVAL_ALREADY_REQUESTED);
      }
      List<String> request = new ArrayList<>();
      attempt(
          "request the deletion of " + payment.number + " (" + payment.amount + ")",
          refusal,
          em -> {
            Payment locked =
                new PaymentReversals(em, harness.events()).lockReversible(payment.number);
            return new ApprovalRequests(em)
                .open(
                    PaymentDeletionApprovals.REQUEST_TYPE,
                    Payment.DOCUMENT_TYPE,
                    payment.number,
                    locked.amount().amount(),
                    locked.currency().getCurrencyCode(),
                    "property: delete",
                    USER,
                    OffsetDateTime.now(ZoneOffset.UTC))
                .requestNumber();
          },
          request::add);
      if (request.isEmpty()) {
        return;
      }
      String requestNumber = request.get(0);
      payment.awaitingDeletion = true;
      switch (action.decision()) {
        case LEAVE_PENDING -> transcript.add("   " + requestNumber + " left awaiting approval");
        case REJECT ->
            attempt(
                "reject " + requestNumber,
                Set.of(),
                em -> {
                  lockRequest(em, requestNumber)
                      .reject(APPROVER, OffsetDateTime.now(ZoneOffset.UTC), "property: keep it");
                  return null;
                },
                ignored -> payment.awaitingDeletion = false);
        case APPROVE -> approve(payment, requestNumber, APPROVER);
      }
    }

    /** An approval as the approvals boundary decides it; the last one needed reverses. */
    private void approve(PaymentModel payment, String requestNumber, String approver)
        throws Exception {
      Set<ErrorCode> refusal = payment.sale.voided ? Set.of(ErrorCode.SALE_NOT_POSTED) : Set.of();
      List<Boolean> completed = new ArrayList<>();
      attempt(
          "approve " + requestNumber + " as " + approver,
          refusal,
          em -> {
            ApprovalRequest request = lockRequest(em, requestNumber);
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            boolean last = request.approve(approver, now, null);
            if (last) {
              em.flush();
              new PaymentDeletionApprovals(em, harness.events())
                  .approved(
                      new ApprovedRequest(
                          request.requestNumber(),
                          request.requestType(),
                          request.documentType(),
                          request.documentNumber(),
                          request.amount(),
                          request.currency(),
                          request.reason(),
                          request.requestedBy(),
                          request.approvers(),
                          now));
            }
            return last;
          },
          completed::add);
      if (completed.isEmpty()) {
        return;
      }
      if (completed.get(0)) {
        BookModel.reverse(payment.sale, payment.amount);
        payment.reversed = true;
        payment.awaitingDeletion = false;
        transcript.add("   " + payment.number + " reversed: " + payment.sale);
      } else if (approver.equals(APPROVER)) {
        approve(payment, requestNumber, SECOND_APPROVER);
      } else {
        throw failure("two distinct approvals did not complete " + requestNumber);
      }
    }

    private static ApprovalRequest lockRequest(EntityManager em, String requestNumber) {
      return em.createNamedQuery(ApprovalRequest.BY_NUMBER, ApprovalRequest.class)
          .setParameter("number", requestNumber)
          .setLockMode(LockModeType.PESSIMISTIC_WRITE)
          .getSingleResult();
    }

    private void refund(Refund action) throws Exception {
      SaleModel sale = sale(action.sale());
      if (sale == null) {
        skip("no sale yet");
        return;
      }
      BigDecimal unit = sale.jurisdiction().minorUnit();
      BigDecimal credit = sale.customerCredit();
      BigDecimal amount =
          switch (action.amount()) {
            case ALL_CREDIT -> credit;
            case HALF_CREDIT ->
                credit.divide(
                    BigDecimal.valueOf(2), sale.jurisdiction().scale(), RoundingMode.DOWN);
            case MORE_THAN_CREDIT -> credit.add(unit);
          };
      if (amount.signum() == 0) {
        amount = credit.signum() > 0 ? credit : unit;
      }
      Set<ErrorCode> refusal = Set.of();
      if (sale.voided) {
        refusal = Set.of(ErrorCode.SALE_NOT_POSTED);
      } else if (amount.compareTo(credit) > 0) {
        refusal = Set.of(ErrorCode.REFUND_EXCEEDS_CUSTOMER_CREDIT);
      }
      BigDecimal refunded = amount;
      PayRefund command =
          new PayRefund(date, null, "bank_transfer", refunded, null, "property: refund", null);
      attempt(
          "refund " + refunded + " on " + sale.number + " (credit " + credit + ")",
          refusal,
          em ->
              new RefundPosting(em, harness.events())
                  .refund(sale.number, command, USER)
                  .refundNumber(),
          number -> {
            BookModel.refund(sale, refunded);
            transcript.add("   " + number + ": " + sale);
          });
    }

    /**
     * Runs one action in its own transaction. Accepted when {@code refusal} is empty, else it must
     * be refused with one of those codes and leave every ledger table as it was.
     */
    private <T> void attempt(
        String what, Set<ErrorCode> refusal, LedgerHarness.Work<T> work, Consumer<T> accepted)
        throws Exception {
      Map<String, Object> before = fingerprint(this);
      T result;
      try {
        result = harness.inTransaction(work);
      } catch (BusinessRuleViolation violation) {
        Statistics.label("outcome").collect(verb(what) + " refused " + violation.code());
        transcript.add(
            "   " + what + ": refused " + violation.code() + " (" + violation.detail() + ")");
        Map<String, Object> after = fingerprint(this);
        if (!before.equals(after)) {
          throw failure("the refusal wrote: before " + before + ", after " + after);
        }
        if (!refusal.contains(violation.code())) {
          throw failure(
              refusal.isEmpty()
                  ? "expected it to post"
                  : "expected a refusal with " + refusal + ", got " + violation.code());
        }
        return;
      }
      transcript.add("   " + what + ": posted");
      Statistics.label("outcome").collect(verb(what) + " posted");
      if (!refusal.isEmpty()) {
        throw failure("expected a refusal with " + refusal + ", but it posted");
      }
      accepted.accept(result);
    }

    /** What kind of action a description names ("sell", "amend", "partial", ...). */
    private static String verb(String what) {
      return what.substring(0, what.indexOf(' '));
    }

    private AssertionError failure(String message) {
      return new AssertionError(message + "\n" + String.join("\n", transcript));
    }

    // -------------------------------------------------------------------------------------------
    // what an accountant checks afterwards

    void assertBooks() throws Exception {
      List<String> broken = new ArrayList<>();
      try (Statement statement = connection.createStatement()) {
        for (InvariantChecks.Check check : InvariantChecks.checks()) {
          try (ResultSet rs = statement.executeQuery(check.sql())) {
            rs.next();
            if (rs.getLong(1) != 0) {
              broken.add(check.name() + ": " + rs.getLong(1) + " (" + rs.getString(2) + ")");
            }
          }
        }
      }
      String prefix = "PS-" + model.key + "-%";
      for (Map<String, Object> row :
          rows(
              "select c.customer_number,"
                  + " coalesce((select sum(e.amount) from ar_customer_ledger_entry e"
                  + " where e.customer_id = c.id), 0) balance,"
                  + " coalesce((select sum(m.amount) from pay_customer_credit_movement m"
                  + " where m.customer_id = c.id), 0) deposits"
                  + " from cus_customer c where c.customer_number like ?",
              prefix)) {
        CustomerModel customer =
            model.customers.stream()
                .filter(m -> m.number().equals(row.get("customer_number")))
                .findFirst()
                .orElseThrow();
        compare(
            broken, customer.number() + " balance", model.balanceOf(customer), row.get("balance"));
        compare(
            broken,
            customer.number() + " deposits",
            model.depositsOf(customer),
            row.get("deposits"));
      }
      for (SaleModel sale : model.sales) {
        Map<String, Object> row =
            rows(
                    "select s.id, s.status, s.total, s.amount_paid, s.payment_status,"
                        + " s.current_revision,"
                        + " coalesce((select sum(e.amount) from ar_customer_ledger_entry e"
                        + " where e.customer_id = s.customer_id and e.applies_to_number"
                        + " = s.sale_number), 0) open,"
                        + " coalesce((select sum(m.amount) from pay_customer_credit_movement m"
                        + " where m.customer_id = s.customer_id and m.applies_to_number"
                        + " = s.sale_number), 0) deposits"
                        + " from sal_sale s where s.sale_number = ?",
                    sale.number)
                .get(0);
        String status = sale.voided ? "VOIDED" : "POSTED";
        if (!status.equals(row.get("status"))) {
          broken.add(sale.number + " status " + row.get("status") + ", expected " + status);
        }
        compare(broken, sale.number + " total", sale.total(), row.get("total"));
        compare(broken, sale.number + " open amount", sale.open, row.get("open"));
        compare(broken, sale.number + " deposits", sale.deposits, row.get("deposits"));
        compare(broken, sale.number + " amount paid", sale.paid, row.get("amount_paid"));
        if (!sale.paymentStatus().equals(row.get("payment_status"))) {
          broken.add(
              sale.number
                  + " payment status "
                  + row.get("payment_status")
                  + ", expected "
                  + sale.paymentStatus()
                  + " (paid "
                  + sale.paid
                  + ", charged "
                  + sale.charged()
                  + ")");
        }
        List<String> lines =
            rows(
                    "select v.sku, l.quantity, l.unit_price from sal_sale_line l join cat_variant v"
                        + " on v.id = l.variant_id where l.sale_id = ? and l.revision = ?"
                        + " order by l.line_number",
                    row.get("id"),
                    row.get("current_revision"))
                .stream()
                .map(
                    l ->
                        l.get("sku")
                            + " × "
                            + plain(l.get("quantity"))
                            + " @"
                            + plain(l.get("unit_price")))
                .toList();
        List<String> expected =
            sale.lines.stream()
                .map(l -> l.variant.sku + " × " + plain(l.quantity) + " @" + plain(l.unitPrice))
                .toList();
        if (!lines.equals(expected)) {
          broken.add(sale.number + " lines " + lines + ", expected " + expected);
        }
      }
      for (PaymentModel payment : model.payments) {
        Object status =
            value("select status from pay_payment where payment_number = ?", payment.number);
        String expected = payment.reversed ? "REVERSED" : "POSTED";
        if (!expected.equals(status)) {
          broken.add(payment.number + " status " + status + ", expected " + expected);
        }
      }
      for (VariantModel variant : model.variants) {
        if (!variant.stockTracked) {
          continue;
        }
        compare(
            broken,
            variant.sku + " on hand",
            variant.onHand,
            value(
                "select l.quantity_on_hand from inv_stock_level l join cat_variant v"
                    + " on v.id = l.variant_id where v.sku = ?",
                variant.sku));
      }
      if (!broken.isEmpty()) {
        throw failure("the books disagree:\n  " + String.join("\n  ", broken));
      }
    }

    private static void compare(
        List<String> broken, String what, BigDecimal expected, Object actual) {
      if (!(actual instanceof BigDecimal amount) || amount.compareTo(expected) != 0) {
        broken.add(what + " " + actual + ", expected " + expected.toPlainString());
      }
    }

    private static String plain(Object amount) {
      return ((BigDecimal) amount).stripTrailingZeros().toPlainString();
    }
  }

  /**
   * Row counts and sums of every table a posting writes, and the document series: equal before and
   * after means nothing was written.
   */
  private static Map<String, Object> fingerprint(Run run) throws SQLException {
    return run.rows(
            "select (select count(*) from sal_sale) sales,"
                + " (select md5(coalesce(string_agg(status || payment_status || amount_paid"
                + " || current_revision, ',' order by id), '')) from sal_sale) sale_states,"
                + " (select count(*) from sal_sale_line) sale_lines,"
                + " (select count(*) from sal_sale_revision) revisions,"
                + " (select count(*) from sal_credit_note) credit_notes,"
                + " (select count(*) from sal_credit_note_line) credit_note_lines,"
                + " (select count(*) from inv_stock_movement) stock_movements,"
                + " (select coalesce(sum(quantity_on_hand), 0) from inv_stock_level) on_hand,"
                + " (select count(*) from ar_customer_ledger_entry) ledger_entries,"
                + " (select coalesce(sum(open_amount), 0) from ar_open_item) open_items,"
                + " (select count(*) from gl_journal_entry) journal_entries,"
                + " (select count(*) from gl_journal_line) journal_lines,"
                + " (select count(*) from pay_payment) payments,"
                + " (select md5(coalesce(string_agg(status, ',' order by id), '')) from"
                + " pay_payment) payment_states,"
                + " (select count(*) from pay_payment_reversal) reversals,"
                + " (select count(*) from pay_refund) refunds,"
                + " (select count(*) from pay_customer_credit_movement) credit_movements,"
                + " (select count(*) from apr_approval_request) approval_requests,"
                + " (select md5(coalesce(string_agg(status, ',' order by id), '')) from"
                + " apr_approval_request) approval_states,"
                + " (select count(*) from apr_approval_decision) approval_decisions,"
                + " (select count(*) from aud_record) audit_records,"
                + " (select sum(next_number) from doc_number_series) series")
        .get(0);
  }
}
