package com.ledgerline.payments.rest;

import com.ledgerline.payments.boundary.PayRefund;
import com.ledgerline.payments.boundary.Payments;
import com.ledgerline.payments.boundary.RefundView;
import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/sales/{saleNumber}/refunds}: pay money back out of the credit the sale left its
 * customer (FINANCE). Body: {@code {"date":"2011-02-02","method":"cash","amount":2.00,
 * "reason":"overpaid at the till"}}. The refunds are listed with the sale's payments.
 */
@RequestScoped
@Path("sales/{saleNumber}/refunds")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Payments")
public class SaleRefundsResource {
  @EJB private Payments payments;

  @Operation(summary = "Pay a refund out of the credit a sale left its customer (FINANCE)")
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response refund(
      @PathParam("saleNumber") String saleNumber, PayRefund command, @Context UriInfo uri) {
    if (command == null) {
      throw new BusinessRuleViolation(
          ErrorCode.INVALID_REQUEST, "a JSON refund document is required");
    }
    RefundView refund = payments.refund(saleNumber, command);
    return Response.created(uri.getAbsolutePathBuilder().path(refund.refundNumber()).build())
        .entity(refund)
        .build();
  }
}
