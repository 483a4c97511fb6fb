package com.ledgerline.sales.rest;

import com.ledgerline.sales.boundary.AmendSale;
import com.ledgerline.sales.boundary.CreditNoteView;
import com.ledgerline.sales.boundary.DeliveryDetails;
import com.ledgerline.sales.boundary.IssueCreditNote;
import com.ledgerline.sales.boundary.PostSale;
import com.ledgerline.sales.boundary.Reason;
import com.ledgerline.sales.boundary.SaleDraft;
import com.ledgerline.sales.boundary.SaleRevisionView;
import com.ledgerline.sales.boundary.SaleSummary;
import com.ledgerline.sales.boundary.SaleView;
import com.ledgerline.sales.boundary.Sales;
import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/sales}: the sale's lifecycle (DESIGN.md 4). Refusals are RFC 9457 problem documents
 * with a stable {@code code}.
 *
 * <ul>
 *   <li>{@code POST /api/sales}: post in one step: 201 with the posted sale; 202 with the sale held
 *       in {@code PENDING_APPROVAL} (credit limit); 200 with the first result when the same channel
 *       transaction id is sent again.
 *   <li>{@code POST /api/sales/drafts}, {@code PUT /api/sales/drafts/{draft}}, {@code DELETE
 *       /api/sales/drafts/{draft}?reason=…}, {@code POST /api/sales/drafts/{draft}/post}: drafts.
 *   <li>{@code POST /api/sales/{draft}/release}, {@code …/reject} with {@code {"reason":…}}:
 *       approvers decide on held sales.
 *   <li>{@code POST /api/sales/{sale}/amendments}, {@code …/credit-notes}, {@code …/void}:
 *       corrections of a posted sale.
 *   <li>{@code GET /api/sales}, {@code GET /api/sales/{sale or draft}}, {@code …/revisions}, {@code
 *       …/credit-notes}; {@code PUT …/delivery}.
 * </ul>
 */
@RequestScoped
@Path("sales")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "Sales",
    description =
        "The sale lifecycle: drafts, posting, credit-limit approval, amendments, credit notes, voids")
public class SalesResource {
  @EJB private Sales sales;

  /**
   * @param expectedTotal the gross total the client shows, only checked; null = not checked
   */
  public record PostDraft(BigDecimal expectedTotal) {}

  @POST
  @Operation(summary = "Post a sale: stock, receivable, journal entry and event in one transaction")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response post(PostSale command, @Context UriInfo uri) {
    if (command == null) {
      throw new BusinessRuleViolation(
          ErrorCode.INVALID_REQUEST, "a JSON sale document is required");
    }
    SaleView posted = sales.post(command);
    if (posted.duplicate()) {
      return Response.ok(posted).build();
    }
    return submitted(posted, uri);
  }

  @Operation(
      summary =
          "List sales newest first, optionally by status (PENDING_APPROVAL: the approvers' queue)")
  @GET
  public List<SaleSummary> list(
      @QueryParam("status") String status,
      @QueryParam("offset") @DefaultValue("0") int offset,
      @QueryParam("limit") @DefaultValue("50") int limit) {
    return sales.list(status, offset, limit);
  }

  @Operation(
      summary =
          "A sale by invoice or draft number, with its journal entries, stock movements and credit notes")
  @GET
  @Path("{reference}")
  public SaleView one(@PathParam("reference") String reference) {
    return sales.find(reference).orElseThrow(() -> new NotFoundException("no sale " + reference));
  }

  @Operation(summary = "Create a draft: no invoice number, no effect")
  @POST
  @Path("drafts")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response createDraft(SaleDraft draft, @Context UriInfo uri) {
    if (draft == null) {
      throw new BusinessRuleViolation(ErrorCode.INVALID_REQUEST, "a JSON draft is required");
    }
    SaleView created = sales.createDraft(draft);
    return Response.created(saleUri(uri, created.draftNumber())).entity(created).build();
  }

  @Operation(summary = "Replace a draft's content; totals are recalculated by the server")
  @PUT
  @Path("drafts/{draftNumber}")
  @Consumes(MediaType.APPLICATION_JSON)
  public SaleView updateDraft(@PathParam("draftNumber") String draftNumber, SaleDraft draft) {
    if (draft == null) {
      throw new BusinessRuleViolation(ErrorCode.INVALID_REQUEST, "a JSON draft is required");
    }
    return sales.updateDraft(draftNumber, draft);
  }

  @Operation(summary = "Discard a draft for good")
  @DELETE
  @Path("drafts/{draftNumber}")
  public SaleView discardDraft(
      @PathParam("draftNumber") String draftNumber, @QueryParam("reason") String reason) {
    return sales.discardDraft(draftNumber, reason);
  }

  @Operation(summary = "Post a draft: 201 posted, or 202 held for approval over the credit limit")
  @POST
  @Path("drafts/{draftNumber}/post")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response postDraft(
      @PathParam("draftNumber") String draftNumber, PostDraft command, @Context UriInfo uri) {
    SaleView posted =
        sales.postDraft(draftNumber, command == null ? null : command.expectedTotal());
    return submitted(posted, uri);
  }

  @Operation(summary = "Release a held sale (an approver other than its requester): it posts now")
  @POST
  @Path("{reference}/release")
  @Consumes(MediaType.APPLICATION_JSON)
  public SaleView release(@PathParam("reference") String reference, Reason reason) {
    return sales.release(reference, reason == null ? null : reason.reason());
  }

  @Operation(summary = "Reject a held sale: REJECTED for good, nothing posted")
  @POST
  @Path("{reference}/reject")
  @Consumes(MediaType.APPLICATION_JSON)
  public SaleView reject(@PathParam("reference") String reference, Reason reason) {
    return sales.reject(reference, reason == null ? null : reason.reason());
  }

  @Operation(summary = "Amend a posted sale's lines: a new revision, the delta posted")
  @POST
  @Path("{saleNumber}/amendments")
  @Consumes(MediaType.APPLICATION_JSON)
  public SaleView amend(@PathParam("saleNumber") String saleNumber, AmendSale amendment) {
    return sales.amend(saleNumber, amendment);
  }

  @Operation(summary = "Every revision of a posted sale's lines")
  @GET
  @Path("{saleNumber}/revisions")
  public List<SaleRevisionView> revisions(@PathParam("saleNumber") String saleNumber) {
    return sales.revisions(saleNumber);
  }

  @Operation(summary = "Issue a credit note (full or per line, with or without restock)")
  @POST
  @Path("{saleNumber}/credit-notes")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response issueCreditNote(
      @PathParam("saleNumber") String saleNumber,
      IssueCreditNote creditNote,
      @Context UriInfo uri) {
    CreditNoteView issued = sales.issueCreditNote(saleNumber, creditNote);
    URI location =
        uri.getBaseUriBuilder().path("credit-notes").path(issued.creditNoteNumber()).build();
    return Response.created(location).entity(issued).build();
  }

  @Operation(summary = "The credit notes against a sale")
  @GET
  @Path("{saleNumber}/credit-notes")
  public List<CreditNoteView> creditNotes(@PathParam("saleNumber") String saleNumber) {
    return sales.creditNotes(saleNumber);
  }

  @Operation(
      summary = "Void an unpaid sale without credit notes: the mirror of everything it posted")
  @POST
  @Path("{saleNumber}/void")
  @Consumes(MediaType.APPLICATION_JSON)
  public SaleView voidSale(@PathParam("saleNumber") String saleNumber, Reason reason) {
    return sales.voidSale(saleNumber, reason == null ? null : reason.reason());
  }

  @Operation(summary = "Change delivery details and status; never moves stock")
  @PUT
  @Path("{reference}/delivery")
  @Consumes(MediaType.APPLICATION_JSON)
  public SaleView changeDelivery(
      @PathParam("reference") String reference, DeliveryDetails delivery) {
    return sales.changeDelivery(reference, delivery);
  }

  /** 201 for a posted sale, 202 for one held for approval. */
  private static Response submitted(SaleView sale, UriInfo uri) {
    if ("PENDING_APPROVAL".equals(sale.status())) {
      return Response.accepted(sale).location(saleUri(uri, sale.draftNumber())).build();
    }
    return Response.created(saleUri(uri, sale.saleNumber())).entity(sale).build();
  }

  private static URI saleUri(UriInfo uri, String reference) {
    return uri.getBaseUriBuilder().path("sales").path(reference).build();
  }
}
