package com.ledgerline.imports.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * One run of an import over a file and a date range ({@code imp_import_run}).
 *
 * <p>Lifecycle: {@code RUNNING} when opened → {@code FINISHED} with its {@link ImportCounts}, or
 * {@code FAILED} with the technical failure that stopped it (what it posted before stays posted; a
 * repeated run absorbs it as duplicates). Invariant: a finished run reconciles ({@link
 * ImportCounts#brokenIdentities()} is empty; the table checks the same).
 */
@Entity
@Table(name = "imp_import_run")
public class ImportRun {
  /** How a run ended, or that it has not yet. */
  public enum Status {
    RUNNING,
    FINISHED,
    FAILED
  }

  private static final int DETAIL_LENGTH = 1000;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private String source;

  @Column(name = "from_date")
  private LocalDate fromDate;

  @Column(name = "to_date")
  private LocalDate toDate;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Status status;

  // OffsetDateTime (UTC), not Instant: EclipseLink 4.0 (Payara 6's 4.0.1 and 4.0.9) maps an Instant
  // as a serialized byte[], which PostgreSQL refuses for a timestamptz column.
  @Column(name = "started_at", nullable = false)
  private OffsetDateTime startedAt;

  @Column(name = "finished_at")
  private OffsetDateTime finishedAt;

  @Column(name = "rows_read", nullable = false)
  private int rowsRead;

  @Column(name = "rows_outside_range", nullable = false)
  private int rowsOutsideRange;

  @Column(name = "rows_unreadable", nullable = false)
  private int rowsUnreadable;

  @Column(name = "invoices_read", nullable = false)
  private int invoicesRead;

  @Column(name = "lines_read", nullable = false)
  private int linesRead;

  @Column(name = "sales_posted", nullable = false)
  private int salesPosted;

  @Column(name = "lines_posted", nullable = false)
  private int linesPosted;

  @Column(nullable = false)
  private int duplicates;

  @Column(name = "duplicate_lines", nullable = false)
  private int duplicateLines;

  @Column(name = "invoices_not_posted", nullable = false)
  private int invoicesNotPosted;

  @Column(name = "lines_not_posted", nullable = false)
  private int linesNotPosted;

  @Column(name = "customers_registered", nullable = false)
  private int customersRegistered;

  @Column(name = "variants_defined", nullable = false)
  private int variantsDefined;

  @Column(name = "opening_stock_receipts", nullable = false)
  private int openingStockReceipts;

  @Column(name = "setup_issues", nullable = false)
  private int setupIssues;

  @Column(name = "failure_detail")
  private String failureDetail;

  protected ImportRun() {}

  /** Opens a run. */
  public ImportRun(String source, LocalDate fromDate, LocalDate toDate) {
    this.source = source;
    this.fromDate = fromDate;
    this.toDate = toDate;
    this.status = Status.RUNNING;
    this.startedAt = OffsetDateTime.now(ZoneOffset.UTC);
  }

  /**
   * Closes the run with its figures.
   *
   * @throws IllegalStateException when the run is not running or the figures do not reconcile
   */
  public void finish(ImportCounts counts) {
    requireRunning();
    if (!counts.brokenIdentities().isEmpty()) {
      throw new IllegalStateException("import run " + id + ": " + counts.brokenIdentities());
    }
    rowsRead = counts.rowsRead();
    rowsOutsideRange = counts.rowsOutsideRange();
    rowsUnreadable = counts.rowsUnreadable();
    invoicesRead = counts.invoicesRead();
    linesRead = counts.linesRead();
    salesPosted = counts.salesPosted();
    linesPosted = counts.linesPosted();
    duplicates = counts.duplicates();
    duplicateLines = counts.duplicateLines();
    invoicesNotPosted = counts.invoicesNotPosted();
    linesNotPosted = counts.linesNotPosted();
    customersRegistered = counts.customersRegistered();
    variantsDefined = counts.variantsDefined();
    openingStockReceipts = counts.openingStockReceipts();
    setupIssues = counts.setupIssues();
    status = Status.FINISHED;
    finishedAt = OffsetDateTime.now(ZoneOffset.UTC);
  }

  /** Closes the run as failed by a technical error; the counts stay as they were. */
  public void fail(String detail) {
    requireRunning();
    failureDetail = ImportIssue.clip(detail == null ? "no detail" : detail, DETAIL_LENGTH);
    status = Status.FAILED;
    finishedAt = OffsetDateTime.now(ZoneOffset.UTC);
  }

  private void requireRunning() {
    if (status != Status.RUNNING) {
      throw new IllegalStateException("import run " + id + " is " + status);
    }
  }

  public Long id() {
    return id;
  }

  public String source() {
    return source;
  }

  public LocalDate fromDate() {
    return fromDate;
  }

  public LocalDate toDate() {
    return toDate;
  }

  public Status status() {
    return status;
  }

  public Instant startedAt() {
    return startedAt.toInstant();
  }

  public Instant finishedAt() {
    return finishedAt == null ? null : finishedAt.toInstant();
  }

  public String failureDetail() {
    return failureDetail;
  }
}
