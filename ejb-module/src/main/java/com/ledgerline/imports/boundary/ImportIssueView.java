package com.ledgerline.imports.boundary;

/**
 * One recorded issue of an import run, as people read it.
 *
 * @param id issue id, ascending in the order recorded
 * @param sourceReference the invoice number, {@code row N} (1-based data row of the file), {@code
 *     customer …}, {@code SKU …} or {@code opening stock …}
 * @param lineCount data rows not posted because of it (0 for customers, variants and receipts)
 * @param code an import reason ({@code CANCELLATION_NOT_SUPPORTED_YET}, {@code
 *     STOCK_WRITE_OFF_NOT_SUPPORTED_YET}, {@code BAD_DEBT_ADJUSTMENT_NOT_SUPPORTED_YET}, {@code
 *     MALFORMED_ROW}, {@code CUSTOMER_DIFFERS_WITHIN_INVOICE}, {@code UNREADABLE_ROW}) or the
 *     {@code ErrorCode} the posting path answered ({@code INVALID_QUANTITY}, {@code
 *     INSUFFICIENT_STOCK}, …)
 * @param detail what was wrong, for people
 */
public record ImportIssueView(
    long id, String sourceReference, int lineCount, String code, String detail) {}
