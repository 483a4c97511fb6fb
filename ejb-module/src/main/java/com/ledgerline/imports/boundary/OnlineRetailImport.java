package com.ledgerline.imports.boundary;

import com.ledgerline.catalog.boundary.Catalog;
import com.ledgerline.customers.boundary.Customers;
import com.ledgerline.imports.control.OnlineRetailCsv;
import com.ledgerline.imports.control.OnlineRetailLoad;
import com.ledgerline.imports.control.OnlineRetailRules;
import com.ledgerline.imports.control.OnlineRetailRules.CustomerSpec;
import com.ledgerline.imports.control.OnlineRetailRules.OpeningStock;
import com.ledgerline.imports.control.OnlineRetailRules.VariantSpec;
import com.ledgerline.imports.entity.ImportCounts;
import com.ledgerline.inventory.boundary.Inventory;
import com.ledgerline.sales.boundary.PostSale;
import com.ledgerline.sales.boundary.Sales;
import com.ledgerline.security.Roles;
import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Loads the UCI Online Retail invoices (DESIGN.md 8) into the ledger: one sale per invoice through
 * {@link Sales#post}, the same atomic path every channel uses, under channel {@value
 * OnlineRetailRules#CHANNEL} with the invoice number as idempotency key. The rules that supply what
 * the data lacks (customers, services, opening stock and cost) are {@link OnlineRetailRules}; the
 * order of the steps is {@link OnlineRetailLoad}.
 *
 * <p>Runs outside any transaction ({@code NOT_SUPPORTED}): each call to another boundary is its own
 * transaction, so every invoice posts or is refused on its own, and a run that stops half-way keeps
 * what it posted. Running it again over the same file and range posts nothing new: customers,
 * variants and opening stock that exist are kept, and every invoice answers as a duplicate.
 *
 * <p>Administrators start an import; the import then acts as the system ({@code @RunAs(SYSTEM)}),
 * the identity every channel feed posts under, so the boundaries it calls need not let
 * administrators sell.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
@RunAs(Roles.SYSTEM)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OnlineRetailImport {
  /** The {@code imp_import_run.source} of these runs. */
  public static final String SOURCE = "online-retail";

  private static final Logger LOG = Logger.getLogger(OnlineRetailImport.class.getName());

  @EJB private Customers customers;
  @EJB private Catalog catalog;
  @EJB private Inventory inventory;
  @EJB private Sales sales;
  @EJB private ImportLog log;

  /**
   * Imports the invoices dated {@code from..to} (by the date of each invoice's first row) from an
   * Online Retail CSV file, plain or gzip (recognised by its magic bytes).
   *
   * <p>Every data row is accounted for in the answer and every invoice or row not posted has an
   * issue row (code and detail) under the run: cancellations ({@code
   * CANCELLATION_NOT_SUPPORTED_YET}), stock write-offs ({@code STOCK_WRITE_OFF_NOT_SUPPORTED_YET})
   * and the other {@link OnlineRetailRules.Reason}s, and invoices the sale path refused, under its
   * {@link ErrorCode} ({@code INVALID_QUANTITY}, {@code INSUFFICIENT_STOCK}, …).
   *
   * @param csvOrGzip the file's bytes; read to the end, not closed
   * @param from first invoice date, inclusive (opening stock is dated the day before)
   * @param to last invoice date, inclusive, ≥ {@code from}
   * @return the run's figures; they reconcile (see {@link ImportSummary})
   * @throws BusinessRuleViolation {@code INVALID_REQUEST} when a parameter is missing, the range is
   *     reversed, or the body is not a readable CSV with the Online Retail header (the run is
   *     recorded {@code FAILED}, nothing is posted)
   */
  public ImportSummary importFile(InputStream csvOrGzip, LocalDate from, LocalDate to) {
    if (csvOrGzip == null) {
      throw new BusinessRuleViolation(ErrorCode.INVALID_REQUEST, "a CSV or gzip body is required");
    }
    if (from == null || to == null) {
      throw new BusinessRuleViolation(
          ErrorCode.INVALID_REQUEST, "from and to (ISO dates) are required");
    }
    if (to.isBefore(from)) {
      throw new BusinessRuleViolation(
          ErrorCode.INVALID_REQUEST, "to " + to + " is before from " + from);
    }
    long startedNanos = System.nanoTime();
    long runId = log.open(SOURCE, from, to);
    LOG.info(() -> "import run " + runId + ": Online Retail " + from + ".." + to);
    try {
      OnlineRetailCsv.Result file = OnlineRetailCsv.read(csvOrGzip, from, to);
      ImportCounts counts = OnlineRetailLoad.load(file, from, new BoundaryLedger(runId));
      log.finish(runId, counts);
      ImportSummary summary =
          ImportSummary.of(
              runId,
              SOURCE,
              from,
              to,
              counts,
              TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos));
      LOG.info(() -> "import run " + runId + " finished: " + summary);
      return summary;
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "import run " + runId + " failed", e);
      try {
        log.fail(runId, e.toString());
      } catch (RuntimeException recording) {
        e.addSuppressed(recording);
      }
      throw e;
    }
  }

  /** The ledger through the real boundaries: each call one transaction. */
  private final class BoundaryLedger implements OnlineRetailLoad.Ledger {
    private final long runId;

    private BoundaryLedger(long runId) {
      this.runId = runId;
    }

    @Override
    public boolean customerExists(String customerNumber) {
      return customers.find(customerNumber).isPresent();
    }

    @Override
    public void registerCustomer(CustomerSpec customer) {
      customers.register(
          customer.customerNumber(),
          customer.name(),
          customer.country(),
          OnlineRetailRules.CURRENCY,
          customer.paymentTermsDays());
    }

    @Override
    public boolean variantExists(String sku) {
      return catalog.find(sku).isPresent();
    }

    @Override
    public void defineVariant(VariantSpec variant) {
      catalog.defineVariant(
          variant.sku(),
          variant.name(),
          OnlineRetailRules.TAX_CATEGORY,
          variant.sellingPrice(),
          OnlineRetailRules.CURRENCY,
          variant.stockTracked());
    }

    @Override
    public boolean stockEverHeld(String sku) {
      return inventory.level(sku).isPresent();
    }

    @Override
    public void receiveOpeningStock(OpeningStock stock, LocalDate postingDate) {
      inventory.receive(
          stock.sku(),
          stock.quantity(),
          stock.unitCost(),
          postingDate,
          Inventory.ReceiptKind.OPENING_BALANCE);
    }

    @Override
    public boolean postSale(PostSale sale) {
      return sales.post(sale).duplicate();
    }

    @Override
    public void recordIssues(List<OnlineRetailLoad.Issue> issues) {
      log.record(runId, issues);
    }
  }
}
