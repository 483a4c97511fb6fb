package com.ledgerline.imports.boundary;

import com.ledgerline.imports.entity.ImportCounts;
import java.time.LocalDate;
import java.util.Map;

/**
 * The answer to an import: what was read, posted, absorbed as duplicate and not posted. It
 * reconciles: {@code invoicesRead = salesPosted + duplicates + invoicesNotPosted}, {@code linesRead
 * = linesPosted + duplicateLines + linesNotPosted}, {@code rowsRead = linesRead + rowsOutsideRange
 * + rowsUnreadable}, and {@code notPostedByCode} sums to {@code invoicesNotPosted}. Every invoice
 * not posted and every unreadable row is listed, with its code and detail, under {@code GET
 * /api/imports/{runId}/issues}.
 *
 * @param runId the {@code imp_import_run} id
 * @param source {@code online-retail}
 * @param from first invoice date imported, inclusive
 * @param to last invoice date imported, inclusive
 * @param invoicesRead invoices in the range
 * @param linesRead their rows
 * @param salesPosted invoices posted as new sales now
 * @param linesPosted their lines
 * @param duplicates invoices posted by an earlier run (the channel key absorbed them)
 * @param duplicateLines their lines
 * @param invoicesNotPosted invoices not posted
 * @param linesNotPosted their rows
 * @param notPostedByCode issue code → invoices not posted for it (import reasons such as {@code
 *     CANCELLATION_NOT_SUPPORTED_YET}, or the sale path's {@code ErrorCode} names)
 * @param rowsRead data rows in the file
 * @param rowsOutsideRange rows of invoices outside {@code from..to}
 * @param rowsUnreadable rows that could not be placed in an invoice
 * @param customersRegistered new customers
 * @param variantsDefined new variants
 * @param openingStockReceipts opening stock receipts posted
 * @param setupIssues customers, variants or receipts that could not be created
 * @param elapsedMillis wall-clock time of the run, milliseconds
 */
public record ImportSummary(
    long runId,
    String source,
    LocalDate from,
    LocalDate to,
    int invoicesRead,
    int linesRead,
    int salesPosted,
    int linesPosted,
    int duplicates,
    int duplicateLines,
    int invoicesNotPosted,
    int linesNotPosted,
    Map<String, Integer> notPostedByCode,
    int rowsRead,
    int rowsOutsideRange,
    int rowsUnreadable,
    int customersRegistered,
    int variantsDefined,
    int openingStockReceipts,
    int setupIssues,
    long elapsedMillis) {

  /** The summary of a finished run. */
  public static ImportSummary of(
      long runId,
      String source,
      LocalDate from,
      LocalDate to,
      ImportCounts counts,
      long elapsedMillis) {
    return new ImportSummary(
        runId,
        source,
        from,
        to,
        counts.invoicesRead(),
        counts.linesRead(),
        counts.salesPosted(),
        counts.linesPosted(),
        counts.duplicates(),
        counts.duplicateLines(),
        counts.invoicesNotPosted(),
        counts.linesNotPosted(),
        counts.notPostedByCodeSorted(),
        counts.rowsRead(),
        counts.rowsOutsideRange(),
        counts.rowsUnreadable(),
        counts.customersRegistered(),
        counts.variantsDefined(),
        counts.openingStockReceipts(),
        counts.setupIssues(),
        elapsedMillis);
  }
}
