package com.ledgerline.imports.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an import run did, in the figures an accountant reconciles it by. Three identities hold for
 * every finished run (checked here and by the database, V0007):
 *
 * <ul>
 *   <li>{@code rowsRead = linesRead + rowsOutsideRange + rowsUnreadable}: every data row of the
 *       file is accounted for;
 *   <li>{@code invoicesRead = salesPosted + duplicates + invoicesNotPosted};
 *   <li>{@code linesRead = linesPosted + duplicateLines + linesNotPosted}.
 * </ul>
 *
 * @param rowsRead data records in the file (header excluded)
 * @param rowsOutsideRange records of invoices dated outside the run's range
 * @param rowsUnreadable records that could not be placed in an invoice (each has an issue row)
 * @param invoicesRead invoices in the range
 * @param linesRead rows of those invoices
 * @param salesPosted invoices posted as new sales by this run
 * @param linesPosted their lines
 * @param duplicates invoices that had been posted before (absorbed by the idempotency key)
 * @param duplicateLines their lines
 * @param invoicesNotPosted invoices not posted (each has an issue row)
 * @param linesNotPosted their lines
 * @param notPostedByCode issue code → invoices not posted for it; sums to {@code invoicesNotPosted}
 * @param customersRegistered customers this run registered (existing ones are kept)
 * @param variantsDefined variants this run defined (existing ones are kept)
 * @param openingStockReceipts opening stock receipts this run posted
 * @param setupIssues customers, variants or receipts the run could not create (each has an issue
 *     row; the invoices that needed them are refused by the sale path and counted above)
 */
public record ImportCounts(
    int rowsRead,
    int rowsOutsideRange,
    int rowsUnreadable,
    int invoicesRead,
    int linesRead,
    int salesPosted,
    int linesPosted,
    int duplicates,
    int duplicateLines,
    int invoicesNotPosted,
    int linesNotPosted,
    Map<String, Integer> notPostedByCode,
    int customersRegistered,
    int variantsDefined,
    int openingStockReceipts,
    int setupIssues) {

  public ImportCounts {
    notPostedByCode = Map.copyOf(notPostedByCode);
  }

  /** The by-code counts sorted by code, for stable output. */
  public Map<String, Integer> notPostedByCodeSorted() {
    return new TreeMap<>(notPostedByCode);
  }

  /**
   * The identities above, as a list of the ones that fail (empty when the run reconciles).
   *
   * @return human-readable descriptions of the broken identities
   */
  public List<String> brokenIdentities() {
    List<String> broken = new ArrayList<>();
    if (rowsRead != linesRead + rowsOutsideRange + rowsUnreadable) {
      broken.add(
          "rows read "
              + rowsRead
              + " ≠ lines read "
              + linesRead
              + " + rows outside range "
              + rowsOutsideRange
              + " + unreadable rows "
              + rowsUnreadable);
    }
    if (invoicesRead != salesPosted + duplicates + invoicesNotPosted) {
      broken.add(
          "invoices read "
              + invoicesRead
              + " ≠ posted "
              + salesPosted
              + " + duplicates "
              + duplicates
              + " + not posted "
              + invoicesNotPosted);
    }
    if (linesRead != linesPosted + duplicateLines + linesNotPosted) {
      broken.add(
          "lines read "
              + linesRead
              + " ≠ posted "
              + linesPosted
              + " + duplicate "
              + duplicateLines
              + " + not posted "
              + linesNotPosted);
    }
    int byCode = notPostedByCode.values().stream().mapToInt(Integer::intValue).sum();
    if (byCode != invoicesNotPosted) {
      broken.add("not posted by code sums to " + byCode + " ≠ " + invoicesNotPosted);
    }
    return broken;
  }
}
