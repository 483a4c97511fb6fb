package com.ledgerline.ledger.control;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Writes the general ledger in hledger's journal format (hledger 1.25 as Debian ships it, <a
 * href="https://hledger.org/1.25/hledger.html#journal-format">journal format</a>), so a tool no one
 * here wrote can check the books. Pure formatting: what is written is decided by the caller.
 *
 * <p>Mapping, stated once here:
 *
 * <ul>
 *   <li>Account types become hledger's top-level accounts, declared with their account type tag:
 *       {@code ASSET} → {@code assets} ({@code type: A}), {@code LIABILITY} → {@code liabilities}
 *       ({@code L}), {@code EQUITY} → {@code equity} ({@code E}), {@code REVENUE} → {@code
 *       revenues} ({@code R}), {@code EXPENSE} → {@code expenses} ({@code X}). Contra accounts
 *       (sales returns, a revenue account with a debit normal balance) stay under their type.
 *   <li>An account becomes {@code <top>:<code> <name>}, e.g. {@code assets:1100 Accounts
 *       receivable}. The code (digits, upper-case letters, {@code .}, {@code -}) identifies it; in
 *       the name, {@code :} (hledger's separator) becomes {@code -} and every run of white space
 *       one space (two spaces end an account name in a posting).
 *   <li>A currency becomes a commodity named by its ISO code, declared with its minor-unit decimals
 *       ({@code commodity GBP 1000.00}); the declaration sets how hledger displays it, never what
 *       is stored.
 *   <li>An amount is written exactly as stored (trailing zeros beyond the currency's decimals
 *       dropped, nothing rounded): debits positive, credits negative, so every transaction sums to
 *       zero.
 *   <li>A journal entry becomes one transaction: its posting date, its entry number as the code,
 *       its description, and a {@code document:} tag with the document type and number.
 * </ul>
 */
public final class HledgerJournal {
  private final Appendable out;

  public HledgerJournal(Appendable out) {
    this.out = out;
  }

  /**
   * hledger's top-level account for an account type.
   *
   * @param accountType {@code ASSET}, {@code LIABILITY}, {@code EQUITY}, {@code REVENUE} or {@code
   *     EXPENSE} ({@code gl_account.account_type})
   * @throws IllegalArgumentException for any other type
   */
  public static String topLevel(String accountType) {
    return switch (accountType) {
      case "ASSET" -> "assets";
      case "LIABILITY" -> "liabilities";
      case "EQUITY" -> "equity";
      case "REVENUE" -> "revenues";
      case "EXPENSE" -> "expenses";
      default -> throw new IllegalArgumentException("unknown account type " + accountType);
    };
  }

  /** hledger's account type letter of a top-level account (its {@code type:} tag). */
  private static String typeLetter(String accountType) {
    return switch (accountType) {
      case "ASSET" -> "A";
      case "LIABILITY" -> "L";
      case "EQUITY" -> "E";
      case "REVENUE" -> "R";
      case "EXPENSE" -> "X";
      default -> throw new IllegalArgumentException("unknown account type " + accountType);
    };
  }

  /** The five account types, in the order of the chart. */
  public static final String[] ACCOUNT_TYPES = {
    "ASSET", "LIABILITY", "EQUITY", "REVENUE", "EXPENSE"
  };

  /**
   * The hledger account of a general ledger account: {@code <top>:<code> <name>}.
   *
   * @param accountType the account's type (see {@link #topLevel})
   * @param code the account code (no white space, no {@code :})
   * @param name the account's name; {@code :} becomes {@code -}, white space runs one space
   */
  public static String accountName(String accountType, String code, String name) {
    String cleanName = name.replace(':', '-').replaceAll("\\s+", " ").strip();
    return topLevel(accountType) + ":" + code + (cleanName.isEmpty() ? "" : " " + cleanName);
  }

  /**
   * An amount as hledger reads it: {@code GBP 12.34}, {@code GBP -1.2345}, {@code BHD 1.125}.
   *
   * @param amount the exact amount, positive for a debit, negative for a credit
   * @param currency ISO 4217 code
   * @param scale the currency's minor-unit decimals: fewer decimals are padded to it, more are kept
   *     (never rounded)
   */
  public static String amount(BigDecimal amount, String currency, int scale) {
    BigDecimal exact = amount.stripTrailingZeros();
    if (exact.scale() < scale) {
      exact = exact.setScale(scale);
    }
    return currency + " " + exact.toPlainString();
  }

  /** Text on one line without {@code ;} (which starts a comment in hledger). */
  private static String oneLine(String text) {
    return text == null ? "" : text.replace(';', ',').replaceAll("\\s+", " ").strip();
  }

  /** The header: what the file is, and the five top-level accounts with their types. */
  public void header(String source) throws IOException {
    out.append("; The Ledgerline general ledger as an hledger journal (").append(oneLine(source));
    out.append(")\n; every journal entry one transaction: debits positive, credits negative\n\n");
    for (String type : ACCOUNT_TYPES) {
      out.append("account ").append(topLevel(type)).append("  ; type: ");
      out.append(typeLetter(type)).append('\n');
    }
    out.append('\n');
  }

  /** {@code account <top>:<code> <name>}, declaring one general ledger account. */
  public void account(String accountType, String code, String name) throws IOException {
    out.append("account ").append(accountName(accountType, code, name)).append('\n');
  }

  /**
   * {@code commodity GBP 1000.00}: a currency with its minor-unit decimals.
   *
   * @param scale the currency's decimals (ISO 4217 exponent, {@code shared_currency_scale})
   */
  public void commodity(String currency, int scale) throws IOException {
    out.append("commodity ").append(currency).append(" 1000");
    if (scale > 0) {
      out.append('.').append("0".repeat(scale));
    }
    out.append('\n');
  }

  /**
   * A transaction's first lines: {@code 2010-12-01 (JE-00000001) description} and the document tag.
   */
  public void transaction(
      LocalDate postingDate,
      String entryNumber,
      String description,
      String documentType,
      String documentNumber)
      throws IOException {
    out.append('\n').append(postingDate.toString());
    out.append(" (").append(oneLine(entryNumber).replace(")", "")).append(") ");
    out.append(oneLine(description)).append('\n');
    out.append("    ; document: ").append(oneLine(documentType)).append(' ');
    out.append(oneLine(documentNumber)).append('\n');
  }

  /**
   * One posting of the current transaction.
   *
   * @param debit the line's debit (0 or more)
   * @param credit the line's credit (0 or more)
   */
  public void posting(
      String accountType,
      String code,
      String name,
      BigDecimal debit,
      BigDecimal credit,
      String currency,
      int scale)
      throws IOException {
    out.append("    ").append(accountName(accountType, code, name)).append("  ");
    out.append(amount(debit.subtract(credit), currency, scale)).append('\n');
  }
}
