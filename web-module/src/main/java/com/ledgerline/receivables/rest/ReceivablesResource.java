package com.ledgerline.receivables.rest;

import com.ledgerline.receivables.boundary.AgingReport;
import com.ledgerline.receivables.boundary.CustomerBalances;
import com.ledgerline.receivables.boundary.Receivables;
import com.ledgerline.receivables.boundary.WorkQueue;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/receivables}: reports over all customers as of a date ({@code asOf=YYYY-MM-DD},
 * default today). 400 {@code INVALID_REQUEST} for a malformed date or paging value.
 *
 * <ul>
 *   <li>{@code GET aging?asOf&after&limit=50}: totals per currency and bucket, and one page of
 *       customers with open items by customer number (next page: {@code after} = the answer's
 *       {@code nextAfterCustomerNumber});
 *   <li>{@code GET work-queue?asOf&currency&offset=0&limit=50}: customers with overdue amounts,
 *       most overdue first;
 *   <li>{@code GET customers?asOf&after&limit=50}: all customers with balance, overdue amount and
 *       unapplied credit.
 * </ul>
 */
@RequestScoped
@Tag(name = "Receivables")
@Path("receivables")
@Produces(MediaType.APPLICATION_JSON)
public class ReceivablesResource {
  @EJB private Receivables receivables;

  @GET
  @Path("aging")
  @Operation(
      summary = "Aging of all customers as of a date: totals per currency, one page of customers")
  public AgingReport aging(
      @QueryParam("asOf") String asOf,
      @QueryParam("after") String after,
      @QueryParam("limit") @DefaultValue("50") int limit) {
    return receivables.aging(AsOfDates.parse(asOf), after, limit);
  }

  @GET
  @Path("work-queue")
  @Operation(summary = "Customers with overdue amounts, most overdue first")
  public WorkQueue workQueue(
      @QueryParam("asOf") String asOf,
      @QueryParam("currency") String currency,
      @QueryParam("offset") @DefaultValue("0") int offset,
      @QueryParam("limit") @DefaultValue("50") int limit) {
    return receivables.workQueue(AsOfDates.parse(asOf), currency, offset, limit);
  }

  @GET
  @Path("customers")
  @Operation(summary = "All customers with balance, overdue amount and unapplied credit")
  public CustomerBalances customers(
      @QueryParam("asOf") String asOf,
      @QueryParam("after") String after,
      @QueryParam("limit") @DefaultValue("50") int limit) {
    return receivables.customers(AsOfDates.parse(asOf), after, limit);
  }
}
