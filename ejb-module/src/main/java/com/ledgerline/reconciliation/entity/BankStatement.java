package com.ledgerline.reconciliation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A bank statement as the bank sent it: account, statement id and sequence (unique together: the
 * same statement twice is refused), opening and closing balance (either may be absent, e.g. an
 * MT942 or a CSV export), and its {@link StatementLine}s. When both balances are given, opening +
 * lines = closing (checked at import). Append-only.
 */
@Entity
@Table(name = "rec_bank_statement")
public class BankStatement {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "file_id")
  private StatementFile file;

  @Column(name = "position_in_file", nullable = false)
  private int positionInFile;

  @Column(name = "account_id", nullable = false)
  private String accountId;

  @Column(name = "statement_id", nullable = false)
  private String statementId;

  @Column(name = "sequence_number", nullable = false)
  private String sequenceNumber;

  @Column(nullable = false)
  private String currency;

  @Column(name = "opening_date")
  private LocalDate openingDate;

  @Column(name = "opening_balance")
  private BigDecimal openingBalance;

  @Column(name = "closing_date")
  private LocalDate closingDate;

  @Column(name = "closing_balance")
  private BigDecimal closingBalance;

  @Column(name = "line_count", nullable = false)
  private int lineCount;

  protected BankStatement() {}

  public BankStatement(
      StatementFile file,
      int positionInFile,
      String accountId,
      String statementId,
      String sequenceNumber,
      String currency,
      LocalDate openingDate,
      BigDecimal openingBalance,
      LocalDate closingDate,
      BigDecimal closingBalance,
      int lineCount) {
    this.file = file;
    this.positionInFile = positionInFile;
    this.accountId = accountId;
    this.statementId = statementId;
    this.sequenceNumber = sequenceNumber;
    this.currency = currency;
    this.openingDate = openingDate;
    this.openingBalance = openingBalance;
    this.closingDate = closingDate;
    this.closingBalance = closingBalance;
    this.lineCount = lineCount;
  }

  public Long id() {
    return id;
  }

  public StatementFile file() {
    return file;
  }

  public int positionInFile() {
    return positionInFile;
  }

  public String accountId() {
    return accountId;
  }

  public String statementId() {
    return statementId;
  }

  public String sequenceNumber() {
    return sequenceNumber;
  }

  public String currency() {
    return currency;
  }

  public LocalDate openingDate() {
    return openingDate;
  }

  public BigDecimal openingBalance() {
    return openingBalance;
  }

  public LocalDate closingDate() {
    return closingDate;
  }

  public BigDecimal closingBalance() {
    return closingBalance;
  }

  public int lineCount() {
    return lineCount;
  }
}
