package com.ledgerline.ledger.entity;

import com.ledgerline.customers.entity.Customer;
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
 * One event in a customer's account (the accounts receivable sub-ledger), with a signed amount: +
 * raises what the customer owes, - lowers it. Immutable; the customer's balance is the sum of the
 * entries, and the Accounts receivable control account equals the sum over all customers.
 */
@Entity
@Table(name = "ar_customer_ledger_entry")
public class CustomerLedgerEntry {

  /** The seed playbook's customer ledger event names (stored as written). */
  public enum Type {
    invoice,
    invoice_update,
    credit_note,
    payment,
    payment_reversal,
    refund,
    write_off
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "customer_id")
  private Customer customer;

  @Column(name = "entry_type", nullable = false)
  private String entryType;

  @Column(name = "document_type", nullable = false)
  private String documentType;

  @Column(name = "document_number", nullable = false)
  private String documentNumber;

  @Column(nullable = false)
  private BigDecimal amount;

  @Column(nullable = false)
  private String currency;

  @Column(name = "posting_date", nullable = false)
  private LocalDate postingDate;

  @Column(name = "due_date")
  private LocalDate dueDate;

  @ManyToOne
  @JoinColumn(name = "journal_entry_id")
  private JournalEntry journalEntry;

  /** The invoice this entry belongs to (an invoice names itself): the open-item key. */
  @Column(name = "applies_to_number")
  private String appliesToNumber;

  protected CustomerLedgerEntry() {}

  public CustomerLedgerEntry(
      Customer customer,
      Type entryType,
      String documentType,
      String documentNumber,
      BigDecimal amount,
      String currency,
      LocalDate postingDate,
      LocalDate dueDate,
      JournalEntry journalEntry,
      String appliesToNumber) {
    this.customer = customer;
    this.entryType = entryType.name();
    this.documentType = documentType;
    this.documentNumber = documentNumber;
    this.amount = amount;
    this.currency = currency;
    this.postingDate = postingDate;
    this.dueDate = dueDate;
    this.journalEntry = journalEntry;
    this.appliesToNumber = appliesToNumber;
  }

  /** The invoice number this entry adjusts or settles; the entry's own number for an invoice. */
  public String appliesToNumber() {
    return appliesToNumber;
  }

  public String documentType() {
    return documentType;
  }

  public LocalDate postingDate() {
    return postingDate;
  }

  public String currency() {
    return currency;
  }

  public Customer customer() {
    return customer;
  }

  public JournalEntry journalEntry() {
    return journalEntry;
  }

  public Type entryType() {
    return Type.valueOf(entryType);
  }

  public BigDecimal amount() {
    return amount;
  }

  public String documentNumber() {
    return documentNumber;
  }

  public LocalDate dueDate() {
    return dueDate;
  }
}
