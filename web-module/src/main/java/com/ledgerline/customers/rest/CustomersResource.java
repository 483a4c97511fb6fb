package com.ledgerline.customers.rest;

import com.ledgerline.customers.boundary.Customers;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** {@code /api/customers}: register a customer (minimal master data until the core issue). */
@RequestScoped
@Path("customers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CustomersResource {
  @EJB private Customers customers;

  /**
   * @param customerNumber the customer's key
   * @param currency ISO 4217 code
   * @param paymentTermsDays 0 = due on receipt, 30 = Net 30, ...
   */
  public record NewCustomer(
      String customerNumber, String name, String country, String currency, int paymentTermsDays) {}

  @POST
  public Response register(NewCustomer customer) {
    String number =
        customers.register(
            customer.customerNumber(),
            customer.name(),
            customer.country(),
            customer.currency(),
            customer.paymentTermsDays());
    return Response.created(URI.create("customers/" + number)).entity(customer).build();
  }
}
