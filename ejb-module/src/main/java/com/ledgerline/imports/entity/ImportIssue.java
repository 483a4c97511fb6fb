package com.ledgerline.imports.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Something an import run read and did not post ({@code imp_import_issue}): an invoice (source
 * reference = its number, line count = its rows), an unreadable row ({@code row N}, 1 line) or a
 * customer, variant or opening stock receipt the run could not create ({@code customer …}, {@code
 * SKU …}, {@code opening stock …}, 0 lines). The code is an import reason ({@code
 * CANCELLATION_NOT_SUPPORTED_YET}, …) or the name of the {@code ErrorCode} the posting path
 * answered. Written once, never changed.
 */
@Entity
@Table(name = "imp_import_issue")
@NamedQuery(
    name = ImportIssue.BY_RUN,
    query = "select i from ImportIssue i where i.importRunId = :run order by i.id")
public class ImportIssue {
  public static final String BY_RUN = "ImportIssue.byRun";
  public static final int REFERENCE_LENGTH = 80;
  public static final int CODE_LENGTH = 60;
  public static final int DETAIL_LENGTH = 1000;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "import_run_id", nullable = false)
  private Long importRunId;

  @Column(name = "source_reference", nullable = false)
  private String sourceReference;

  @Column(name = "line_count", nullable = false)
  private int lineCount;

  @Column(nullable = false)
  private String code;

  @Column(nullable = false)
  private String detail;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  protected ImportIssue() {}

  /**
   * @param lineCount rows of the source not posted because of this issue, ≥ 0
   * @param detail for people; clipped to {@value #DETAIL_LENGTH} characters
   */
  public ImportIssue(
      Long importRunId, String sourceReference, int lineCount, String code, String detail) {
    if (lineCount < 0) {
      throw new IllegalArgumentException("line count must be ≥ 0, was " + lineCount);
    }
    this.importRunId = importRunId;
    this.sourceReference = clip(sourceReference, REFERENCE_LENGTH);
    this.lineCount = lineCount;
    this.code = clip(code, CODE_LENGTH);
    this.detail = clip(detail == null || detail.isEmpty() ? "-" : detail, DETAIL_LENGTH);
    this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
  }

  /** {@code text} cut to {@code length} characters, ending in an ellipsis when cut. */
  static String clip(String text, int length) {
    return text.length() <= length ? text : text.substring(0, length - 1) + "…";
  }

  public Long id() {
    return id;
  }

  public Long importRunId() {
    return importRunId;
  }

  public String sourceReference() {
    return sourceReference;
  }

  public int lineCount() {
    return lineCount;
  }

  public String code() {
    return code;
  }

  public String detail() {
    return detail;
  }

  public Instant createdAt() {
    return createdAt.toInstant();
  }
}
