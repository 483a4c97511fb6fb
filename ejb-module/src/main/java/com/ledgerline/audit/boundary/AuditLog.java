package com.ledgerline.audit.boundary;

import com.ledgerline.audit.entity.AuditRecord;
import com.ledgerline.security.Roles;
import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * Reading the audit trail: who did what to a document, when and why. Auditors, administrators and
 * finance read it; nobody changes it (the application only inserts, through {@code
 * control.AuditTrail}, and the database refuses updates and deletes).
 */
@Stateless
@RolesAllowed({Roles.AUDITOR, Roles.ADMIN, Roles.FINANCE})
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class AuditLog {
  /** Most records answered for one document. */
  public static final int MAX_RECORDS = 1000;

  @PersistenceContext private EntityManager em;

  /**
   * The trail of one document, oldest first.
   *
   * @param documentType e.g. {@code SALE_INVOICE}, {@code USER}, {@code STOCK_RECEIPT}
   * @param documentNumber e.g. {@code INV-00000042}, a user name
   * @return at most {@value #MAX_RECORDS} records; empty when the document has none
   * @throws BusinessRuleViolation {@code INVALID_REQUEST} when either is missing
   */
  public List<AuditEntryView> of(String documentType, String documentNumber) {
    if (documentType == null
        || documentType.isBlank()
        || documentNumber == null
        || documentNumber.isBlank()) {
      throw new BusinessRuleViolation(
          ErrorCode.INVALID_REQUEST, "documentType and documentNumber are required");
    }
    return em.createNamedQuery(AuditRecord.BY_DOCUMENT, AuditRecord.class)
        .setParameter("type", documentType)
        .setParameter("number", documentNumber)
        .setMaxResults(MAX_RECORDS)
        .getResultStream()
        .map(AuditEntryView::of)
        .toList();
  }
}
