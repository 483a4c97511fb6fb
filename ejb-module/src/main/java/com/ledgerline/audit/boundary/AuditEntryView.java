package com.ledgerline.audit.boundary;

import static com.ledgerline.shared.Jsonp.JSON;

import com.ledgerline.audit.entity.AuditRecord;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.OffsetDateTime;

/**
 * One line of the audit trail as auditors read it.
 *
 * @param id the record's id; ascending ids are the order actions happened in
 * @param occurredAt when, UTC
 * @param actor who: a user name, or {@code system} for channel feeds and start-up work
 * @param action what, e.g. {@code sale.posted}, {@code user.created}
 * @param reason why, as the user gave it; null when the action needs none
 * @param detail the action's figures as a JSON object; null when there are none
 */
public record AuditEntryView(
    long id,
    OffsetDateTime occurredAt,
    String actor,
    String action,
    String documentType,
    String documentNumber,
    String reason,
    JsonValue detail) {

  static AuditEntryView of(AuditRecord record) {
    return new AuditEntryView(
        record.id(),
        record.occurredAt(),
        record.actor(),
        record.action(),
        record.documentType(),
        record.documentNumber(),
        record.reason(),
        record.detail() == null
            ? null
            : JSON.createReader(new StringReader(record.detail())).readValue());
  }
}
