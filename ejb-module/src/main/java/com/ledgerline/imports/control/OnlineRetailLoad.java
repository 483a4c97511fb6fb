package com.ledgerline.imports.control;

import com.ledgerline.imports.control.OnlineRetailCsv.Invoice;
import com.ledgerline.imports.control.OnlineRetailCsv.UnreadableRow;
import com.ledgerline.imports.control.OnlineRetailRules.CustomerSpec;
import com.ledgerline.imports.control.OnlineRetailRules.OpeningStock;
import com.ledgerline.imports.control.OnlineRetailRules.Plan;
import com.ledgerline.imports.control.OnlineRetailRules.Reason;
import com.ledgerline.imports.control.OnlineRetailRules.Refusal;
import com.ledgerline.imports.control.OnlineRetailRules.VariantSpec;
import com.ledgerline.imports.entity.ImportCounts;
import com.ledgerline.sales.boundary.PostSale;
import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Loads the invoices of a read file into the ledger through its boundaries, in this order:
 *
 * <ol>
 *   <li>records an issue for every unreadable row and every invoice {@link
 *       OnlineRetailRules#refusal(Invoice)} holds back;
 *   <li>registers the customers and defines the variants the remaining invoices need, skipping
 *       those that exist;
 *   <li>receives opening stock ({@link OnlineRetailRules#plan(List)}), dated the day before the
 *       range, for each stock-tracked SKU that has never held stock, so a repeated run receives
 *       nothing (and none for a SKU the catalog refused to define);
 *   <li>posts each remaining invoice as one sale, in file order; a sale posted before answers as a
 *       duplicate, a sale the path refuses is recorded as an issue under the path's {@link
 *       ErrorCode} and the whole invoice stays unposted.
 * </ol>
 *
 * <p>Each step is its own transaction on the {@link Ledger} side, so one refused invoice never
 * undoes another. A {@link BusinessRuleViolation} is a business answer and is recorded; any other
 * exception is a technical failure and ends the load (what was posted stays posted; a repeated run
 * absorbs it as duplicates).
 */
public final class OnlineRetailLoad {

  /**
   * The ledger as this load sees it: one call = one transaction of the real boundaries ({@code
   * Customers}, {@code Catalog}, {@code Inventory}, {@code Sales}, {@code ImportLog}). A port with
   * one production implementation, so the load's bookkeeping can be tested without a container.
   */
  public interface Ledger {
    boolean customerExists(String customerNumber);

    /**
     * @throws BusinessRuleViolation as {@code Customers.register}
     */
    void registerCustomer(CustomerSpec customer);

    boolean variantExists(String sku);

    /**
     * @throws BusinessRuleViolation as {@code Catalog.defineVariant}
     */
    void defineVariant(VariantSpec variant);

    /** True when the SKU has a stock position, i.e. stock was ever received or issued. */
    boolean stockEverHeld(String sku);

    /**
     * @throws BusinessRuleViolation as {@code Inventory.receive}
     */
    void receiveOpeningStock(OpeningStock stock, LocalDate postingDate);

    /**
     * Posts a sale.
     *
     * @return true when the channel key had been posted before (nothing new was written)
     * @throws BusinessRuleViolation as {@code Sales.post}; nothing was written
     */
    boolean postSale(PostSale sale);

    /** Stores issue rows of the run, in one transaction. */
    void recordIssues(List<Issue> issues);
  }

  /**
   * One thing read and not posted.
   *
   * @param sourceReference invoice number, {@code row N}, {@code customer …}, {@code SKU …} or
   *     {@code opening stock …}
   * @param lineCount data rows not posted because of it (0 for customers, variants, receipts)
   * @param code a {@link Reason} or an {@link ErrorCode} name
   * @param detail for people
   */
  public record Issue(String sourceReference, int lineCount, String code, String detail) {}

  private final Ledger ledger;
  private int salesPosted;
  private int linesPosted;
  private int duplicates;
  private int duplicateLines;
  private int invoicesNotPosted;
  private int linesNotPosted;
  private final Map<String, Integer> notPostedByCode = new LinkedHashMap<>();
  private int customersRegistered;
  private int variantsDefined;
  private int openingStockReceipts;
  private int setupIssues;

  private OnlineRetailLoad(Ledger ledger) {
    this.ledger = ledger;
  }

  /**
   * Runs the load.
   *
   * @param file what {@link OnlineRetailCsv#read} found for the range
   * @param from first day of the range (opening stock is dated the day before)
   * @return the run's figures; they reconcile ({@link ImportCounts#brokenIdentities()} is empty)
   * @throws RuntimeException other than {@link BusinessRuleViolation}: a technical failure, the
   *     load stops
   */
  public static ImportCounts load(OnlineRetailCsv.Result file, LocalDate from, Ledger ledger) {
    return new OnlineRetailLoad(ledger).run(file, from);
  }

  private ImportCounts run(OnlineRetailCsv.Result file, LocalDate from) {
    List<Invoice> postable = holdBack(file);
    Plan plan = OnlineRetailRules.plan(postable);
    for (CustomerSpec customer : plan.customers()) {
      if (!ledger.customerExists(customer.customerNumber())) {
        customersRegistered +=
            setUp("customer " + customer.customerNumber(), () -> ledger.registerCustomer(customer));
      }
    }
    Set<String> undefined = new HashSet<>();
    for (VariantSpec variant : plan.variants()) {
      if (!ledger.variantExists(variant.sku())) {
        int defined = setUp("SKU " + variant.sku(), () -> ledger.defineVariant(variant));
        variantsDefined += defined;
        if (defined == 0 && !ledger.variantExists(variant.sku())) {
          undefined.add(variant.sku());
        }
      }
    }
    LocalDate openingDate = OnlineRetailRules.openingStockDate(from);
    for (OpeningStock stock : plan.openingStock()) {
      // a SKU the catalog refused has its issue already; its receipt would only repeat it
      if (!undefined.contains(stock.sku()) && !ledger.stockEverHeld(stock.sku())) {
        openingStockReceipts +=
            setUp(
                "opening stock " + stock.sku(),
                () -> ledger.receiveOpeningStock(stock, openingDate));
      }
    }
    for (Invoice invoice : postable) {
      post(invoice);
    }
    return new ImportCounts(
        Math.toIntExact(file.rowsRead()),
        Math.toIntExact(file.rowsOutsideRange()),
        file.unreadable().size(),
        file.invoices().size(),
        Math.toIntExact(file.linesRead()),
        salesPosted,
        linesPosted,
        duplicates,
        duplicateLines,
        invoicesNotPosted,
        linesNotPosted,
        notPostedByCode,
        customersRegistered,
        variantsDefined,
        openingStockReceipts,
        setupIssues);
  }

  /** Records the unreadable rows and the refused invoices; answers the invoices to post. */
  private List<Invoice> holdBack(OnlineRetailCsv.Result file) {
    List<Issue> issues = new ArrayList<>();
    for (UnreadableRow row : file.unreadable()) {
      issues.add(
          new Issue(
              "row " + row.recordNumber(),
              1,
              Reason.UNREADABLE_ROW.name(),
              (row.invoiceNumber().isEmpty() ? "" : "invoice " + row.invoiceNumber() + ": ")
                  + row.detail()));
    }
    List<Invoice> postable = new ArrayList<>();
    for (Invoice invoice : file.invoices()) {
      Optional<Refusal> refusal = OnlineRetailRules.refusal(invoice);
      if (refusal.isPresent()) {
        String code = refusal.get().reason().name();
        issues.add(
            new Issue(
                invoice.invoiceNumber(), invoice.rows().size(), code, refusal.get().detail()));
        notPosted(invoice, code);
      } else {
        postable.add(invoice);
      }
    }
    if (!issues.isEmpty()) {
      ledger.recordIssues(issues);
    }
    return postable;
  }

  private void post(Invoice invoice) {
    try {
      if (ledger.postSale(OnlineRetailRules.toPostSale(invoice))) {
        duplicates++;
        duplicateLines += invoice.rows().size();
      } else {
        salesPosted++;
        linesPosted += invoice.rows().size();
      }
    } catch (BusinessRuleViolation refused) {
      ledger.recordIssues(
          List.of(
              new Issue(
                  invoice.invoiceNumber(),
                  invoice.rows().size(),
                  refused.code().name(),
                  refused.detail())));
      notPosted(invoice, refused.code().name());
    }
  }

  private void notPosted(Invoice invoice, String code) {
    invoicesNotPosted++;
    linesNotPosted += invoice.rows().size();
    notPostedByCode.merge(code, 1, Integer::sum);
  }

  /**
   * Creates one piece of master data. A refusal is recorded as a setup issue (the invoices needing
   * it are then refused by the sale path and counted there), except {@code ALREADY_EXISTS}: another
   * run created it meanwhile.
   *
   * @return 1 when created, 0 otherwise
   */
  private int setUp(String reference, Runnable step) {
    try {
      step.run();
      return 1;
    } catch (BusinessRuleViolation refused) {
      if (refused.code() != ErrorCode.ALREADY_EXISTS) {
        ledger.recordIssues(
            List.of(new Issue(reference, 0, refused.code().name(), refused.detail())));
        setupIssues++;
      }
      return 0;
    }
  }
}
