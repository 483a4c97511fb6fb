package com.ledgerline.payments.rest;

import com.ledgerline.approvals.boundary.ApprovalRequestView;
import com.ledgerline.payments.boundary.PaymentView;
import com.ledgerline.payments.boundary.Payments;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/payments/{paymentNumber}}: read a payment (with its reversal); {@code
 * .../deletion-requests}: ask for its deletion with a reason (201 with the approval request as
 * {@code SUBMITTED}; the approvals queue routes it under the policy, after which it is {@code
 * AWAITING_APPROVAL} with its approvers and expiry, or {@code REFUSED}, and approvers decide it
 * under {@code /api/approvals}) and list the requests made for it.
 */
@RequestScoped
@Path("payments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Payments")
public class PaymentsResource {
  @EJB private Payments payments;

  /**
   * @param reason why the payment should go, required
   */
  public record DeletionRequest(String reason) {}

  @Operation(summary = "A payment with its journal entry and reversal")
  @GET
  @Path("{paymentNumber}")
  public PaymentView one(@PathParam("paymentNumber") String paymentNumber) {
    return payments
        .find(paymentNumber)
        .orElseThrow(() -> new NotFoundException("no payment " + paymentNumber));
  }

  @Operation(
      summary =
          "Request a payment's deletion (SUBMITTED, then routed by the approval policy on the"
              + " approvals queue); an approver other than the requester decides")
  @POST
  @Path("{paymentNumber}/deletion-requests")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response requestDeletion(
      @PathParam("paymentNumber") String paymentNumber, DeletionRequest body) {
    ApprovalRequestView request =
        payments.requestDeletion(paymentNumber, body == null ? null : body.reason());
    return Response.created(URI.create("approvals/" + request.requestNumber()))
        .entity(request)
        .build();
  }

  @Operation(summary = "The deletion requests made for a payment")
  @GET
  @Path("{paymentNumber}/deletion-requests")
  public List<ApprovalRequestView> deletionRequests(
      @PathParam("paymentNumber") String paymentNumber) {
    return payments.deletionRequests(paymentNumber);
  }
}
