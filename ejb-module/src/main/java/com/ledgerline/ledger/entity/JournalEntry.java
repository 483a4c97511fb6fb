package com.ledgerline.ledger.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A balanced set of debits and credits posted on one date for one source document.
 *
 * <p>Lifecycle: built in memory by {@code Journal}, checked to balance, then persisted once and
 * never changed; the database refuses updates and deletes and re-checks the balance at commit
 * (deferred trigger {@code gl_journal_line_balanced}). A correction is a new entry whose {@code
 * reverses} points at the original.
 */
@Entity
@Table(name = "gl_journal_entry")
@NamedQuery(
    name = JournalEntry.BY_DOCUMENT,
    query =
        "select e from JournalEntry e where e.documentType = :type and e.documentNumber = :number"
            + " order by e.id")
public class JournalEntry {
  public static final String BY_DOCUMENT = "JournalEntry.byDocument";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "entry_number", nullable = false, unique = true)
  private String entryNumber;

  @Column(name = "posting_date", nullable = false)
  private LocalDate postingDate;

  @Column(nullable = false)
  private String currency;

  @Column(name = "document_type", nullable = false)
  private String documentType;

  @Column(name = "document_number", nullable = false)
  private String documentNumber;

  @Column(nullable = false)
  private String description;

  @Column(name = "reverses_id")
  private Long reversesId;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "created_by", nullable = false)
  private String createdBy;

  @OneToMany(mappedBy = "journalEntry", cascade = CascadeType.PERSIST)
  @OrderBy("lineNumber")
  private List<JournalLine> lines = new ArrayList<>();

  protected JournalEntry() {}

  public JournalEntry(
      String entryNumber,
      LocalDate postingDate,
      String currency,
      String documentType,
      String documentNumber,
      String description,
      String createdBy) {
    this.entryNumber = entryNumber;
    this.postingDate = postingDate;
    this.currency = currency;
    this.documentType = documentType;
    this.documentNumber = documentNumber;
    this.description = description;
    this.createdBy = createdBy;
    this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
  }

  /** A new entry that reverses {@code original} (it mirrors the original's lines). */
  public JournalEntry(
      String entryNumber,
      LocalDate postingDate,
      JournalEntry original,
      String documentType,
      String documentNumber,
      String description,
      String createdBy) {
    this(
        entryNumber,
        postingDate,
        original.currency(),
        documentType,
        documentNumber,
        description,
        createdBy);
    this.reversesId = original.id();
  }

  /** Adds a line; amounts at the currency's scale, exactly one of them positive. */
  public void addLine(String accountCode, BigDecimal debit, BigDecimal credit, String memo) {
    lines.add(new JournalLine(this, lines.size() + 1, accountCode, debit, credit, memo));
  }

  public BigDecimal totalDebit() {
    return lines.stream().map(JournalLine::debit).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  public BigDecimal totalCredit() {
    return lines.stream().map(JournalLine::credit).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  public Long id() {
    return id;
  }

  public String entryNumber() {
    return entryNumber;
  }

  public LocalDate postingDate() {
    return postingDate;
  }

  public String currency() {
    return currency;
  }

  public String documentType() {
    return documentType;
  }

  public String documentNumber() {
    return documentNumber;
  }

  public String description() {
    return description;
  }

  /** The id of the entry this one reverses; null for an original entry. */
  public Long reversesId() {
    return reversesId;
  }

  public List<JournalLine> lines() {
    return Collections.unmodifiableList(lines);
  }
}
