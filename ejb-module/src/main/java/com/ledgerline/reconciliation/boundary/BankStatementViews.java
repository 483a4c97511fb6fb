package com.ledgerline.reconciliation.boundary;

import com.ledgerline.reconciliation.entity.BankStatement;
import com.ledgerline.reconciliation.entity.StatementLine;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** What the bank statement boundary answers; entities never leave it. */
public final class BankStatementViews {
  private BankStatementViews() {}

  /**
   * An imported file.
   *
   * @param statementIds the stored statements' ids, in file order
   * @param lineCount the entries of all its statements
   */
  public record ImportedFile(
      long fileId,
      String fileName,
      String format,
      String messageType,
      String contentDigest,
      List<Long> statementIds,
      int lineCount) {}

  /**
   * A statement without its lines; balances signed (credit positive) at the bank's scale, null when
   * the statement gave none.
   */
  public record StatementSummary(
      long id,
      long fileId,
      String fileName,
      String format,
      String messageType,
      String accountId,
      String statementId,
      String sequenceNumber,
      String currency,
      LocalDate openingDate,
      BigDecimal openingBalance,
      LocalDate closingDate,
      BigDecimal closingBalance,
      int lineCount,
      String importedBy,
      OffsetDateTime importedAt) {
    static StatementSummary of(BankStatement s) {
      return new StatementSummary(
          s.id(),
          s.file().id(),
          s.file().fileName(),
          s.file().format(),
          s.file().messageType(),
          s.accountId(),
          s.statementId(),
          s.sequenceNumber(),
          s.currency(),
          s.openingDate(),
          s.openingBalance(),
          s.closingDate(),
          s.closingBalance(),
          s.lineCount(),
          s.file().importedBy(),
          s.file().importedAt());
    }
  }

  /** One entry; amount signed (credit positive) at the bank's scale. */
  public record Line(
      int lineNumber,
      LocalDate bookingDate,
      LocalDate valueDate,
      BigDecimal amount,
      String currency,
      String bankReference,
      String endToEndId,
      String remittanceInfo,
      String counterparty,
      String description) {
    static Line of(StatementLine l) {
      return new Line(
          l.lineNumber(),
          l.bookingDate(),
          l.valueDate(),
          l.amount(),
          l.currency(),
          l.bankReference(),
          l.endToEndId(),
          l.remittanceInfo(),
          l.counterparty(),
          l.description());
    }
  }

  /** A statement with its lines in statement order. */
  public record StatementDetail(StatementSummary statement, List<Line> lines) {}
}
