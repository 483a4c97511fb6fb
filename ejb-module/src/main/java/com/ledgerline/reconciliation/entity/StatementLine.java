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
 * One entry of a bank statement: signed amount (credit to the account positive) with its currency,
 * at the scale the bank gave; booking and value date; the bank's reference, end-to-end id,
 * remittance information and counterparty as given. Append-only.
 */
@Entity
@Table(name = "rec_statement_line")
public class StatementLine {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "statement_id")
  private BankStatement statement;

  @Column(name = "line_number", nullable = false)
  private int lineNumber;

  @Column(name = "booking_date", nullable = false)
  private LocalDate bookingDate;

  @Column(name = "value_date")
  private LocalDate valueDate;

  @Column(nullable = false)
  private BigDecimal amount;

  @Column(nullable = false)
  private String currency;

  @Column(name = "bank_reference")
  private String bankReference;

  @Column(name = "end_to_end_id")
  private String endToEndId;

  @Column(name = "remittance_info")
  private String remittanceInfo;

  private String counterparty;

  private String description;

  protected StatementLine() {}

  public StatementLine(
      BankStatement statement,
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
    this.statement = statement;
    this.lineNumber = lineNumber;
    this.bookingDate = bookingDate;
    this.valueDate = valueDate;
    this.amount = amount;
    this.currency = currency;
    this.bankReference = bankReference;
    this.endToEndId = endToEndId;
    this.remittanceInfo = remittanceInfo;
    this.counterparty = counterparty;
    this.description = description;
  }

  public int lineNumber() {
    return lineNumber;
  }

  public LocalDate bookingDate() {
    return bookingDate;
  }

  public LocalDate valueDate() {
    return valueDate;
  }

  public BigDecimal amount() {
    return amount;
  }

  public String currency() {
    return currency;
  }

  public String bankReference() {
    return bankReference;
  }

  public String endToEndId() {
    return endToEndId;
  }

  public String remittanceInfo() {
    return remittanceInfo;
  }

  public String counterparty() {
    return counterparty;
  }

  public String description() {
    return description;
  }
}
