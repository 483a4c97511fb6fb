package com.ledgerline.shared;

/**
 * Stable codes of the business rules a request can break. Each is named after the rule that failed;
 * clients key on the name, never on the message text.
 */
public enum ErrorCode {
  /** A line asks for more units than the variant has on hand and backorders are not allowed. */
  INSUFFICIENT_STOCK(409),
  /** The customer number is not known. */
  UNKNOWN_CUSTOMER(404),
  /** The SKU is not known. */
  UNKNOWN_VARIANT(404),
  /** The sale number is not known. */
  UNKNOWN_SALE(404),
  /** The user name is not known. */
  UNKNOWN_USER(404),
  /** The customer is archived or on hold and may not buy. */
  CUSTOMER_NOT_ACTIVE(409),
  /** No tax rate is in force for the jurisdiction, category and posting date. */
  NO_TAX_RATE_IN_FORCE(422),
  /** The jurisdiction is not known. */
  UNKNOWN_TAX_JURISDICTION(422),
  /** A document's currency differs from the customer's or the variant's. */
  CURRENCY_MISMATCH(422),
  /** The totals the client sent differ from the server's calculation. */
  TOTALS_MISMATCH(422),
  /** A required field is missing or malformed. */
  INVALID_REQUEST(400),
  /** A quantity is zero, negative, or has more decimals than allowed. */
  INVALID_QUANTITY(422),
  /** A price or cost is negative or has more decimals than allowed. */
  INVALID_AMOUNT(422),
  /** The same channel transaction id was posted before with other content. */
  IDEMPOTENCY_KEY_REUSED(409),
  /** A customer, product or variant with this key exists already. */
  ALREADY_EXISTS(409),
  /** The posting date falls in a closed accounting period. */
  ACCOUNTING_PERIOD_CLOSED(409),
  /**
   * The caller is signed in but their role may not do this (or may not decide their own request).
   */
  NOT_ALLOWED(403),
  /** A new password is shorter than the password rules allow (12 characters). */
  PASSWORD_TOO_SHORT(422),
  /** The payment terms code is not known (see {@code GET /api/payment-terms}). */
  UNKNOWN_PAYMENT_TERMS(422),
  /** A customer with customer ledger entries or sales is never hard-deleted; archive it instead. */
  CUSTOMER_HAS_TRANSACTIONS(409),
  /** The customer's currency cannot change while its customer ledger balance is not zero. */
  CUSTOMER_HAS_OPEN_BALANCE(409),
  /** The product code is not known. */
  UNKNOWN_PRODUCT(404),
  /** The tax category is not known. */
  UNKNOWN_TAX_CATEGORY(422),
  /** Backorders cannot be switched off while the variant's stock on hand is below zero. */
  NEGATIVE_STOCK_NEEDS_BACKORDER(409),
  /** A tax rate's validity overlaps another rate of the same jurisdiction and category. */
  TAX_RATE_OVERLAPS(409),
  /** The components of a combined tax rate do not add up to the rate. */
  TAX_RATE_COMPONENTS_MUST_SUM_TO_RATE(422),
  /** A new tax rate would start before sales already posted under the rate it replaces. */
  TAX_RATE_START_BEFORE_POSTED_SALES(409),
  /** The general ledger account code is not known. */
  UNKNOWN_ACCOUNT(404),
  /** An account's type or normal balance cannot change once journal lines use the account. */
  ACCOUNT_HAS_JOURNAL_LINES(409),
  /** The accounting period is closed already. */
  ACCOUNTING_PERIOD_ALREADY_CLOSED(409),
  /** The accounting period is open already. */
  ACCOUNTING_PERIOD_ALREADY_OPEN(409),
  /** A month can be closed only after its last day. */
  ACCOUNTING_PERIOD_NOT_ENDED(409),
  /** A payment is dated before the sale it pays. */
  PAYMENT_DATED_BEFORE_SALE(422),
  /** The payment method (tender) is not known or no longer accepted. */
  UNKNOWN_TENDER(422),
  /** The payment number is not known. */
  UNKNOWN_PAYMENT(404),
  /** The payment was reversed already; a reversed payment stays as it is. */
  PAYMENT_ALREADY_REVERSED(409),
  /**
   * Reversing the payment would take the sale's amount paid below zero (part of it was refunded).
   */
  REVERSAL_EXCEEDS_AMOUNT_PAID(409),
  /** A refund asks for more than the credit the sale left the customer. */
  REFUND_EXCEEDS_CUSTOMER_CREDIT(409),
  /** The approval request number is not known. */
  UNKNOWN_APPROVAL_REQUEST(404),
  /** The document already has an approval request of this type awaiting a decision. */
  APPROVAL_ALREADY_REQUESTED(409),
  /** No approval policy exists for the request type and currency (policies are data: add one). */
  NO_APPROVAL_POLICY(422),
  /** An approver already decided this request; a second approval must come from someone else. */
  APPROVERS_MUST_BE_DISTINCT(409),
  /** The approval request passed its expiry time without a decision. */
  APPROVAL_REQUEST_EXPIRED(409),
  /** The approval request was approved or rejected already. */
  APPROVAL_REQUEST_ALREADY_DECIDED(409),
  /**
   * A customer ledger entry names an open item (invoice) of another customer; refused by the
   * database (trigger {@code ar_open_item_apply_entry}, V0050).
   */
  OPEN_ITEM_CUSTOMER_MISMATCH(500),
  /**
   * A customer ledger entry names an open item (invoice) in another currency; refused by the
   * database (trigger {@code ar_open_item_apply_entry}, V0050).
   */
  OPEN_ITEM_CURRENCY_MISMATCH(500),
  /** Debits and credits of a journal entry differ. */
  DEBITS_MUST_EQUAL_CREDITS(500),
  /** An approval decision was asked of the user who created or submitted the request. */
  APPROVER_MUST_DIFFER_FROM_REQUESTER(403),
  /** A decision, amendment, credit note or void needs a reason and none was given. */
  REASON_REQUIRED(422),
  /** Only a draft can be changed, discarded or posted as a draft. */
  SALE_NOT_DRAFT(409),
  /** Only a sale waiting for approval can be released or rejected. */
  SALE_NOT_PENDING_APPROVAL(409),
  /** Only a posted sale can be amended, credited or voided. */
  SALE_NOT_POSTED(409),
  /** The sale changed (another amendment, an edit) since the revision the request was based on. */
  SALE_CHANGED_CONCURRENTLY(409),
  /** An amendment must change the sale's lines. */
  NOTHING_TO_AMEND(422),
  /** Payments, refunds or write-offs apply to the sale: it can no longer be voided. */
  SALE_HAS_PAYMENTS(409),
  /** Credit notes exist against the sale: it can no longer be voided or amended. */
  SALE_HAS_CREDIT_NOTES(409),
  /** A credit note asks for more than the line has left after earlier credit notes. */
  CREDIT_EXCEEDS_INVOICED(409),
  /** A credit note names a line number the sale does not have. */
  UNKNOWN_SALE_LINE(422),
  /** The credit note number is not known. */
  UNKNOWN_CREDIT_NOTE(404),
  /** A correcting document is dated before the document it corrects. */
  DATE_BEFORE_ORIGINAL(422),
  /** A channel message's type is not one its queue takes, or has no published contract. */
  UNKNOWN_MESSAGE_TYPE(422),
  /** A channel message's {@code channel} property names no configured channel. */
  UNKNOWN_CHANNEL(422),
  /** A channel message's body is not one JSON object. */
  MALFORMED_MESSAGE(400),
  /** A channel message breaks its published contract (the detail names each field). */
  SCHEMA_VIOLATION(422),
  /** A POS message's tenders do not add up to its amount. */
  PAYMENTS_MISMATCH(422),
  /** The rejection or dead letter is not known (or was already replayed). */
  UNKNOWN_MESSAGE(404),
  /**
   * A refund naming a credit note asks for more than the credit note's total less what earlier
   * refunds of it paid out (issue 3; also refused by the database, trigger {@code
   * pay_refund_within_credit_note}, V0069).
   */
  REFUND_EXCEEDS_CREDIT_NOTE(409),
  /** A refund names a credit note issued to another customer than the sale's. */
  CREDIT_NOTE_OF_ANOTHER_CUSTOMER(422),
  /** A refund names a credit note of the same customer but against another sale. */
  CREDIT_NOTE_OF_ANOTHER_SALE(422),
  /** A variant stays with the product it was defined under; an upsert naming another is refused. */
  VARIANT_BELONGS_TO_ANOTHER_PRODUCT(409),
  /**
   * Whether a variant holds stock is fixed when it is defined (its revenue account and stock
   * history depend on it); define a new SKU instead.
   */
  STOCK_TRACKING_NEVER_CHANGES(409),
  /**
   * The approval request was submitted and is still being routed (its policy not yet applied): it
   * cannot be decided before it awaits approval.
   */
  APPROVAL_REQUEST_NOT_ROUTED(409),
  /**
   * The payment is matched to a bank statement line: its deletion is refused outright (the seam for
   * reconciliation, issue 6; no payment is reconciled yet).
   */
  PAYMENT_ALREADY_RECONCILED(409),
  /** A channel refund names an original sale that was sold to another customer (issue 4). */
  SALE_OF_ANOTHER_CUSTOMER(422),
  /** A channel refund names another tax jurisdiction than its original sale's (issue 4). */
  TAX_JURISDICTION_MISMATCH(422),
  /**
   * A bank statement file could not be read: the detail names the file, where (a camt element path
   * such as {@code /Document/BkToCstmrStmt/Stmt[1]/Ntry[2]/Amt}, or an MT940/CSV line number) and
   * why. Nothing of the file is kept (issue 6).
   */
  STATEMENT_MALFORMED(422),
  /**
   * A bank statement file in a format the import does not read (not camt.052/053/054, MT940 or a
   * mapped CSV), or a format named that does not exist (issue 6).
   */
  STATEMENT_UNSUPPORTED_FORMAT(415),
  /**
   * A statement's opening balance plus its entries differs from its closing balance (checked when
   * both balances are given and every entry is in the balances' currency; issue 6).
   */
  STATEMENT_BALANCE_MISMATCH(422),
  /**
   * The bank statement was imported before: the same bytes (SHA-256 of the file), or a statement of
   * the same account with the same statement id and sequence number (issue 6).
   */
  STATEMENT_ALREADY_IMPORTED(409),
  /**
   * A stock receipt, adjustment or count names a service, fee or voucher ({@code stockTracked =
   * false}): it holds no stock, so there is nothing to receive, write off or count.
   */
  SERVICE_HOLDS_NO_STOCK(409),
  /** A bank account of the statements is registered for reconciliation once (issue 6). */
  BANK_ACCOUNT_ALREADY_REGISTERED(409),
  /** No bank account of that id is registered for reconciliation (issue 6). */
  UNKNOWN_BANK_ACCOUNT(404),
  /** No reconciliation discrepancy with that id (issue 6). */
  UNKNOWN_DISCREPANCY(404),
  /** The discrepancy was resolved before: a discrepancy is resolved once (issue 6). */
  DISCREPANCY_ALREADY_RESOLVED(409),
  /**
   * The resolution's action does not fit the discrepancy's class or direction (e.g. {@code
   * MARK_DUPLICATE} on a fee difference, {@code RECORD_RECEIPT} for a bank debit; issue 6).
   */
  RESOLUTION_NOT_ALLOWED_FOR_DISCREPANCY(409),
  /** No statement line with that id on a registered account (issue 6). */
  UNKNOWN_STATEMENT_LINE(404),
  /**
   * No open book item with that key ({@code PAY:…}, {@code RFD:…}, {@code CARD:GBP:…}; issue 6).
   */
  UNKNOWN_BOOK_ITEM(404),
  /** The statement line is matched already: a line is matched at most once (issue 6). */
  STATEMENT_LINE_ALREADY_MATCHED(409),
  /** The book item is matched already: an item is matched at most once (issue 6). */
  BOOK_ITEM_ALREADY_MATCHED(409),
  /**
   * A manual match whose lines do not add up to its book items (less a non-negative card fee where
   * card batches are matched; issue 6).
   */
  MATCH_AMOUNTS_DIFFER(422),
  /** No reconciliation match with that id (issue 6). */
  UNKNOWN_MATCH(404),
  /** The match was unmatched before, or is itself an unmatch (issue 6). */
  MATCH_ALREADY_REVERSED(409),
  /** No report has this name ({@code GET /api/reports/{report}}; issue 6). */
  REPORT_UNKNOWN(404),
  /**
   * The report is not offered in the asked format: every report is PDF; the books people work the
   * numbers of (aging, sales journal, trial balance, general ledger detail, margin) also XLSX and
   * CSV (issue 6).
   */
  REPORT_FORMAT_NOT_SUPPORTED(400),
  /**
   * A report's period is missing, not ISO dates, or ends before it starts ({@code from} &gt; {@code
   * to}), or a date is outside years 1..9999 (issue 6).
   */
  REPORT_PERIOD_INVALID(400),
  /** A report needs a filter that was not given (a customer for the statement; issue 6). */
  REPORT_PARAMETER_MISSING(400),
  /**
   * The report would hold more rows than one report is rendered with ({@code
   * ReportQueries.MAX_ROWS}, 200,000): narrow the period or filter by channel, customer or account.
   * Nothing is cut off silently (issue 6).
   */
  REPORT_TOO_LARGE(422);

  private final int httpStatus;

  ErrorCode(int httpStatus) {
    this.httpStatus = httpStatus;
  }

  /** The HTTP status a REST answer carrying this code uses (RFC 9457 problem document). */
  public int httpStatus() {
    return httpStatus;
  }
}
