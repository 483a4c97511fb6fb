package com.ledgerline.reconciliation.control;

import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
import java.math.BigDecimal;

/** The refusals of a statement file, each naming the file, where in it and why. */
public final class StatementRefusals {
  private StatementRefusals() {}

  /** {@code STATEMENT_MALFORMED}: "{file}: {where}: {reason}". */
  public static BusinessRuleViolation malformed(String file, String where, String reason) {
    return new BusinessRuleViolation(
        ErrorCode.STATEMENT_MALFORMED, file + ": " + where + ": " + reason);
  }

  /** {@code STATEMENT_UNSUPPORTED_FORMAT}: "{file}: {reason}". */
  public static BusinessRuleViolation unsupported(String file, String reason) {
    return new BusinessRuleViolation(ErrorCode.STATEMENT_UNSUPPORTED_FORMAT, file + ": " + reason);
  }

  /**
   * Refuses {@code STATEMENT_BALANCE_MISMATCH} unless opening + Σ lines = closing; does nothing
   * when a balance is missing or a line is in another currency than the balances (a foreign
   * currency entry does not move the balance by its own amount).
   */
  public static void checkBalances(String file, StatementData.Statement statement) {
    if (statement.opening() == null || statement.closing() == null) {
      return;
    }
    String currency = statement.opening().currency();
    if (!currency.equals(statement.closing().currency())
        || statement.lines().stream().anyMatch(l -> !currency.equals(l.currency()))) {
      return;
    }
    BigDecimal sum =
        statement.lines().stream()
            .map(StatementData.Line::amount)
            .reduce(statement.opening().amount(), BigDecimal::add);
    if (sum.compareTo(statement.closing().amount()) != 0) {
      throw new BusinessRuleViolation(
          ErrorCode.STATEMENT_BALANCE_MISMATCH,
          file
              + ": "
              + statement.where()
              + ": opening balance "
              + statement.opening().amount().toPlainString()
              + " plus "
              + statement.lines().size()
              + " entries gives "
              + sum.toPlainString()
              + " "
              + currency
              + ", the closing balance says "
              + statement.closing().amount().toPlainString());
    }
  }
}
