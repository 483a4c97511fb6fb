package com.ledgerline.audit.control;

import com.ledgerline.audit.entity.AuditRecord;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Writes the audit trail inside the caller's transaction, so a record exists exactly when the
 * change it describes commits. Every posting, amendment, approval decision and reversal calls
 * {@link #record}.
 */
public final class AuditTrail {
  private final EntityManager em;

  public AuditTrail(EntityManager em) {
    this.em = em;
  }

  /**
   * Records one action.
   *
   * @param actor the caller's user name ({@code system} for the platform's own work)
   * @param action what was done, a stable lower-case verb phrase such as {@code sale.posted}
   * @param documentType the document's type, e.g. {@code SALE_INVOICE}
   * @param documentNumber the document's number, e.g. {@code INV-000042}
   * @param reason why, as the user gave it; null when the action needs none
   * @param detail a JSON object with the figures of the action; null when there are none
   */
  public AuditRecord record(
      String actor,
      String action,
      String documentType,
      String documentNumber,
      String reason,
      String detail) {
    AuditRecord record =
        new AuditRecord(
            OffsetDateTime.now(ZoneOffset.UTC),
            actor,
            action,
            documentType,
            documentNumber,
            reason,
            detail);
    em.persist(record);
    return record;
  }
}
