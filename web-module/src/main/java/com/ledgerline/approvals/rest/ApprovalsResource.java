package com.ledgerline.approvals.rest;

import com.ledgerline.approvals.boundary.ApprovalRequestView;
import com.ledgerline.approvals.boundary.Approvals;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/approvals}: the requests awaiting a decision (or in another {@code status}), one
 * request with its decisions, and an approver's decision: {@code POST .../approve} (reason
 * optional) or {@code POST .../reject} (reason required), body {@code {"reason":"..."}}.
 */
@RequestScoped
@Path("approvals")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Approvals", description = "Approval requests and the approvers' decisions")
public class ApprovalsResource {
  @EJB private Approvals approvals;

  /**
   * @param reason why the approver decided so
   */
  public record Decision(String reason) {}

  @Operation(summary = "Approval requests in one status (default: awaiting approval), oldest first")
  @GET
  public List<ApprovalRequestView> list(
      @QueryParam("status") @DefaultValue("AWAITING_APPROVAL") String status,
      @QueryParam("offset") @DefaultValue("0") int offset,
      @QueryParam("limit") @DefaultValue("50") int limit) {
    return approvals.list(status, offset, limit);
  }

  @Operation(summary = "One approval request with every decision")
  @GET
  @Path("{requestNumber}")
  public ApprovalRequestView one(@PathParam("requestNumber") String requestNumber) {
    return approvals
        .find(requestNumber)
        .orElseThrow(() -> new NotFoundException("no approval request " + requestNumber));
  }

  @Operation(
      summary =
          "Approve as the signed-in APPROVER; the last approval needed carries the request out")
  @POST
  @Path("{requestNumber}/approve")
  @Consumes(MediaType.APPLICATION_JSON)
  public ApprovalRequestView approve(
      @PathParam("requestNumber") String requestNumber, Decision decision) {
    return approvals.approve(requestNumber, decision == null ? null : decision.reason());
  }

  @Operation(summary = "Reject as the signed-in APPROVER, with a reason")
  @POST
  @Path("{requestNumber}/reject")
  @Consumes(MediaType.APPLICATION_JSON)
  public ApprovalRequestView reject(
      @PathParam("requestNumber") String requestNumber, Decision decision) {
    return approvals.reject(requestNumber, decision == null ? null : decision.reason());
  }
}
