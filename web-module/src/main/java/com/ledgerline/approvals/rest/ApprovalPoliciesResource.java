package com.ledgerline.approvals.rest;

import com.ledgerline.approvals.boundary.ApprovalPolicyView;
import com.ledgerline.approvals.boundary.Approvals;
import com.ledgerline.approvals.boundary.PolicyFigures;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/approval-policies}: the approval policies; {@code PUT
 * /api/approval-policies/{requestType}/{currency}} (ADMIN) creates or changes one, body {@code
 * {"thresholdAmount":500.00,"approversRequired":1,"approversAboveThreshold":2,
 * "expirySeconds":259200}}.
 */
@RequestScoped
@Path("approval-policies")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Approvals")
public class ApprovalPoliciesResource {
  @EJB private Approvals approvals;

  @Operation(summary = "The approval policies by request type and currency")
  @GET
  public List<ApprovalPolicyView> list() {
    return approvals.policies();
  }

  @Operation(summary = "Create or change an approval policy (ADMIN)")
  @PUT
  @Path("{requestType}/{currency}")
  @Consumes(MediaType.APPLICATION_JSON)
  public ApprovalPolicyView set(
      @PathParam("requestType") String requestType,
      @PathParam("currency") String currency,
      PolicyFigures figures) {
    return approvals.setPolicy(requestType, currency, figures);
  }
}
