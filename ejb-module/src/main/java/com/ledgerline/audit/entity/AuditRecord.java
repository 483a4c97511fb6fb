package com.ledgerline.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * One line of the audit trail: who did what to which document, when and why. Inserted only; the
 * database refuses updates and deletes.
 */
@Entity
@Table(name = "aud_record")
@NamedQuery(
    name = AuditRecord.BY_DOCUMENT,
    query =
        "select a from AuditRecord a where a.documentType = :type and a.documentNumber = :number"
            + " order by a.id")
public class AuditRecord {
  public static final String BY_DOCUMENT = "AuditRecord.byDocument";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "occurred_at", nullable = false)
  private OffsetDateTime occurredAt;

  @Column(nullable = false)
  private String actor;

  @Column(nullable = false)
  private String action;

  @Column(name = "document_type", nullable = false)
  private String documentType;

  @Column(name = "document_number", nullable = false)
  private String documentNumber;

  private String reason;

  private String detail;

  protected AuditRecord() {}

  public AuditRecord(
      OffsetDateTime occurredAt,
      String actor,
      String action,
      String documentType,
      String documentNumber,
      String reason,
      String detail) {
    this.occurredAt = occurredAt;
    this.actor = actor;
    this.action = action;
    this.documentType = documentType;
    this.documentNumber = documentNumber;
    this.reason = reason;
    this.detail = detail;
  }

  public Long id() {
    return id;
  }

  public OffsetDateTime occurredAt() {
    return occurredAt;
  }

  public String actor() {
    return actor;
  }

  public String action() {
    return action;
  }

  public String documentType() {
    return documentType;
  }

  public String documentNumber() {
    return documentNumber;
  }

  public String reason() {
    return reason;
  }

  public String detail() {
    return detail;
  }
}
