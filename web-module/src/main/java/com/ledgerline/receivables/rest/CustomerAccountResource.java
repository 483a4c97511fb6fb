package com.ledgerline.receivables.rest;

import com.ledgerline.receivables.boundary.CustomerAccount;
import com.ledgerline.receivables.boundary.Receivables;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /api/customers/{customerNumber}/account?asOf=YYYY-MM-DD&offset=0&limit=100}: the
 * customer's balance, aging, open items (one page, oldest due first) and late-payer indicator as of
 * a date (default today). 404 {@code UNKNOWN_CUSTOMER}; 400 {@code INVALID_REQUEST}.
 */
@RequestScoped
@Tag(name = "Receivables")
@Path("customers/{customerNumber}/account")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerAccountResource {
  @EJB private Receivables receivables;

  @GET
  @Operation(
      summary = "A customer's balance, aging, open items and late-payer indicator as of a date")
  public CustomerAccount account(
      @PathParam("customerNumber") String customerNumber,
      @QueryParam("asOf") String asOf,
      @QueryParam("offset") @DefaultValue("0") int offset,
      @QueryParam("limit") @DefaultValue("100") int limit) {
    return receivables.account(customerNumber, AsOfDates.parse(asOf), offset, limit);
  }
}
