package com.ledgerline.ledger.control;

/**
 * The default chart's account codes used by the posting rules (DESIGN.md 5). Migration {@code
 * V0001} creates these accounts.
 */
public final class Accounts {
  public static final String CASH = "1000";
  public static final String BANK = "1010";
  public static final String CARD_CLEARING = "1020";
  public static final String ACCOUNTS_RECEIVABLE = "1100";
  public static final String INVENTORY = "1200";
  public static final String GOODS_RECEIVED_NOT_INVOICED = "2000";
  public static final String OUTPUT_TAX_PAYABLE = "2100";
  public static final String CUSTOMER_DEPOSITS = "2200";
  public static final String VOUCHER_LIABILITY = "2300";
  public static final String OPENING_BALANCE_EQUITY = "3000";
  public static final String SALES_REVENUE = "4000";
  public static final String SALES_REVENUE_SERVICES = "4010";
  public static final String SALES_RETURNS = "4100";
  public static final String COST_OF_GOODS_SOLD = "5000";
  public static final String INVENTORY_ADJUSTMENTS = "5100";
  public static final String MERCHANT_FEES = "6100";
  public static final String ROUNDING_DIFFERENCES = "6900";

  /** V0081 (bank reconciliation): bank charges beyond the card contract's fee. */
  public static final String BANK_CHARGES = "6110";

  /** V0081 (bank reconciliation): money the bank received that no document explains yet. */
  public static final String SUSPENSE = "2900";

  private Accounts() {}
}
