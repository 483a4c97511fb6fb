package com.ledgerline.audit.rest;

import com.ledgerline.audit.boundary.AuditEntryView;
import com.ledgerline.audit.boundary.AuditLog;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /api/audit?documentType=SALE_INVOICE&documentNumber=INV-00000042}: the audit trail of
 * one document, oldest first ({@link AuditEntryView}); auditors, administrators and finance.
 * Missing parameters: 400 {@code INVALID_REQUEST}.
 */
@RequestScoped
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "Who did what to a document, when and why")
public class AuditResource {
  @EJB private AuditLog log;

  @GET
  @Operation(summary = "The audit trail of one document, oldest first")
  public List<AuditEntryView> of(
      @QueryParam("documentType") String documentType,
      @QueryParam("documentNumber") String documentNumber) {
    return log.of(documentType, documentNumber);
  }
}
