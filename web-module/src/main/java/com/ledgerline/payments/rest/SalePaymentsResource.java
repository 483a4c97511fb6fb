package com.ledgerline.payments.rest;

import com.ledgerline.payments.boundary.Payments;
import com.ledgerline.payments.boundary.RecordPayments;
import com.ledgerline.payments.boundary.SalePaymentsView;
import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
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
 * {@code /api/sales/{saleNumber}/payments}: record a payment or a split tender against a posted
 * sale (201 with the sale's payment side: amount paid, status, open amount, customer credit, every
 * payment), and read it.
 *
 * <p>Body: {@code {"date":"2011-02-01","method":"cash","amount":9.18,"reference":"till 3"}} or
 * {@code {"date":"2011-02-01","tenders":[{"method":"card","amount":5.00},{"method":"cash",
 * "amount":4.18}]}}.
 */
@RequestScoped
@Path("sales/{saleNumber}/payments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "Payments",
    description = "Payments against posted sales, deletion requests and refunds")
public class SalePaymentsResource {
  @EJB private Payments payments;

  @Operation(
      summary = "Record a payment or a split tender against a posted sale (CASHIER, FINANCE)")
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response record(
      @PathParam("saleNumber") String saleNumber, RecordPayments command, @Context UriInfo uri) {
    if (command == null) {
      throw new BusinessRuleViolation(
          ErrorCode.INVALID_REQUEST, "a JSON payment document is required");
    }
    SalePaymentsView view = payments.record(saleNumber, command);
    return Response.created(uri.getAbsolutePath()).entity(view).build();
  }

  @Operation(
      summary = "A sale's payments, refunds, amount paid, status, open amount and customer credit")
  @GET
  public SalePaymentsView read(@PathParam("saleNumber") String saleNumber) {
    return payments
        .ofSale(saleNumber)
        .orElseThrow(() -> new NotFoundException("no sale " + saleNumber));
  }
}
