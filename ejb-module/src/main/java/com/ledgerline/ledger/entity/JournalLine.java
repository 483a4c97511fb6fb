package com.ledgerline.ledger.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** One debit or one credit to one general ledger account, within a {@link JournalEntry}. */
@Entity
@Table(name = "gl_journal_line")
public class JournalLine {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "journal_entry_id")
  private JournalEntry journalEntry;

  @Column(name = "line_number", nullable = false)
  private int lineNumber;

  @Column(name = "account_code", nullable = false)
  private String accountCode;

  @Column(nullable = false)
  private BigDecimal debit;

  @Column(nullable = false)
  private BigDecimal credit;

  private String memo;

  protected JournalLine() {}

  JournalLine(
      JournalEntry journalEntry,
      int lineNumber,
      String accountCode,
      BigDecimal debit,
      BigDecimal credit,
      String memo) {
    if (debit.signum() < 0
        || credit.signum() < 0
        || (debit.signum() > 0) == (credit.signum() > 0)) {
      throw new IllegalArgumentException(
          "a journal line is a positive debit or a positive credit: " + debit + " / " + credit);
    }
    this.journalEntry = journalEntry;
    this.lineNumber = lineNumber;
    this.accountCode = accountCode;
    this.debit = debit;
    this.credit = credit;
    this.memo = memo;
  }

  public int lineNumber() {
    return lineNumber;
  }

  public String accountCode() {
    return accountCode;
  }

  public BigDecimal debit() {
    return debit;
  }

  public BigDecimal credit() {
    return credit;
  }

  public String memo() {
    return memo;
  }
}
