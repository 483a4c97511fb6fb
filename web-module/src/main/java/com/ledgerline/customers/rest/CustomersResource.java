package com.ledgerline.customers.rest;

import com.ledgerline.customers.boundary.CustomerDetails;
import com.ledgerline.customers.boundary.CustomerView;
import com.ledgerline.customers.boundary.Customers;
import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/**
 * {@code /api/customers}: customer master data. Register ({@code POST}), read, replace ({@code
 * PUT}), change status ({@code PUT …/status}: hold, archive, reactivate) and delete one that never
 * traded. Refusals are problem documents with a stable code (see {@link Customers}).
 */
@RequestScoped
@Path("customers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CustomersResource {
  @EJB private Customers customers;

  /**
   * @param status {@code ACTIVE}, {@code ON_HOLD} or {@code ARCHIVED}
   * @param reason why, required (audited)
   */
  public record StatusChange(String status, String reason) {}

  /** Registers a customer; answers 201 with its master data. */
  @POST
  public Response register(CustomerDetails customer) {
    CustomerView view = customers.register(customer);
    return Response.created(URI.create("customers/" + view.customerNumber())).entity(view).build();
  }

  /**
   * Customers by number.
   *
   * @param status only this status; absent = all
   */
  @GET
  public List<CustomerView> list(
      @QueryParam("status") String status,
      @QueryParam("offset") @DefaultValue("0") int offset,
      @QueryParam("limit") @DefaultValue("100") int limit) {
    return customers.list(status, offset, limit);
  }

  @GET
  @Path("{number}")
  public CustomerView get(@PathParam("number") String number) {
    return customers
        .view(number)
        .orElseThrow(
            () -> new BusinessRuleViolation(ErrorCode.UNKNOWN_CUSTOMER, "no customer " + number));
  }

  /** Replaces the customer's master data (every field; the number and status stay). */
  @PUT
  @Path("{number}")
  public CustomerView update(@PathParam("number") String number, CustomerDetails customer) {
    return customers.update(number, customer);
  }

  @PUT
  @Path("{number}/status")
  public CustomerView changeStatus(@PathParam("number") String number, StatusChange change) {
    if (change == null) {
      throw new BusinessRuleViolation(ErrorCode.INVALID_REQUEST, "status and reason are required");
    }
    return customers.changeStatus(number, change.status(), change.reason());
  }

  /** Deletes a customer that never traded; one with transactions is refused 409. */
  @DELETE
  @Path("{number}")
  public Response delete(@PathParam("number") String number, @QueryParam("reason") String reason) {
    customers.delete(number, reason);
    return Response.noContent().build();
  }
}
