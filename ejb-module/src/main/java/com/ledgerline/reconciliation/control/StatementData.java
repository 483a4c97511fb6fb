package com.ledgerline.reconciliation.control;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A statement file as read, before it is stored: what every reader ({@link CamtReader}, {@link
 * Mt940Reader}, {@link CsvStatementReader}) answers.
 *
 * @param format the file's format
 * @param messageType e.g. {@code camt.053.001.02}, {@code MT940}, {@code CSV:ledgerline}
 * @param statements in file order, at least one
 */
public record StatementData(
    StatementFormat format, String messageType, List<Statement> statements) {

  /** The number of entries of all statements. */
  public int lineCount() {
    return statements.stream().mapToInt(s -> s.lines().size()).sum();
  }

  /**
   * One statement (camt {@code Stmt}/{@code Rpt}/{@code Ntfctn}, MT940 {@code :20:} block).
   *
   * @param where where it starts in the file (element path or line), for refusals
   * @param accountId the IBAN, else the bank's account number
   * @param statementId camt {@code Id}, MT940 {@code :20:}
   * @param sequenceNumber camt {@code ElctrncSeqNb} (else {@code LglSeqNb}), MT940 {@code :28C:};
   *     empty when none
   * @param currency ISO 4217 code of the account (its balances)
   * @param opening opening balance (camt OPBD, else PRCD; MT940 {@code :60F:}/{@code :60M:}), null
   *     when none
   * @param closing closing balance (camt CLBD; MT940 the last {@code :62F:}/{@code :62M:}), null
   *     when none
   */
  public record Statement(
      String where,
      String accountId,
      String statementId,
      String sequenceNumber,
      String currency,
      Balance opening,
      Balance closing,
      List<Line> lines) {}

  /**
   * A balance.
   *
   * @param amount signed (credit positive), at the scale the bank gave
   */
  public record Balance(LocalDate date, BigDecimal amount, String currency) {}

  /**
   * One entry.
   *
   * @param where element path or line number of the entry in the file
   * @param amount signed: credit to the account positive, debit negative; the bank's scale
   * @param bankReference the bank's reference (camt {@code AcctSvcrRef}, MT940 {@code :61:}
   *     subfield 8 or 7)
   * @param endToEndId camt {@code EndToEndId} (MT940: {@code EREF+} in {@code :86:}), null when
   *     none
   * @param remittanceInfo unstructured remittance information, null when none
   * @param counterparty the debtor of a credit, the creditor of a debit, null when not given
   * @param description the bank's free text ({@code AddtlNtryInf}, {@code :86:}), null when none
   */
  public record Line(
      String where,
      LocalDate bookingDate,
      LocalDate valueDate,
      BigDecimal amount,
      String currency,
      String bankReference,
      String endToEndId,
      String remittanceInfo,
      String counterparty,
      String description) {}
}
