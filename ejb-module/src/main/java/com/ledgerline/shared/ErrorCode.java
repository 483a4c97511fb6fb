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
  /** Debits and credits of a journal entry differ. */
  DEBITS_MUST_EQUAL_CREDITS(500);

  private final int httpStatus;

  ErrorCode(int httpStatus) {
    this.httpStatus = httpStatus;
  }

  /** The HTTP status a REST answer carrying this code uses (RFC 9457 problem document). */
  public int httpStatus() {
    return httpStatus;
  }
}
