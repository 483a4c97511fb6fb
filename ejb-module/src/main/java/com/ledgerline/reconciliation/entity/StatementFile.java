package com.ledgerline.reconciliation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * One imported bank statement file: its name, format and the SHA-256 of its bytes (unique: the same
 * file twice is refused). Written once with all its statements and lines, never changed (a trigger
 * refuses updates and deletes).
 */
@Entity
@Table(name = "rec_statement_file")
public class StatementFile {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "file_name", nullable = false)
  private String fileName;

  @Column(nullable = false)
  private String format;

  @Column(name = "message_type", nullable = false)
  private String messageType;

  @Column(name = "content_digest", nullable = false)
  private String contentDigest;

  @Column(nullable = false)
  private String channel;

  @Column(name = "imported_by", nullable = false)
  private String importedBy;

  @Column(name = "imported_at", nullable = false)
  private OffsetDateTime importedAt;

  protected StatementFile() {}

  public StatementFile(
      String fileName,
      String format,
      String messageType,
      String contentDigest,
      String channel,
      String importedBy,
      OffsetDateTime importedAt) {
    this.fileName = fileName;
    this.format = format;
    this.messageType = messageType;
    this.contentDigest = contentDigest;
    this.channel = channel;
    this.importedBy = importedBy;
    this.importedAt = importedAt;
  }

  public Long id() {
    return id;
  }

  public String fileName() {
    return fileName;
  }

  public String format() {
    return format;
  }

  public String messageType() {
    return messageType;
  }

  public String contentDigest() {
    return contentDigest;
  }

  public String channel() {
    return channel;
  }

  public String importedBy() {
    return importedBy;
  }

  public OffsetDateTime importedAt() {
    return importedAt;
  }
}
