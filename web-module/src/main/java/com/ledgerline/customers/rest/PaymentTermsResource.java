package com.ledgerline.customers.rest;

import com.ledgerline.customers.boundary.Customers;
import com.ledgerline.customers.entity.PaymentTerms;
import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/** {@code /api/payment-terms}: the named payment terms customers choose from. */
@RequestScoped
@Path("payment-terms")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PaymentTermsResource {
  @EJB private Customers customers;

  /**
   * @param code e.g. {@code NET_30}
   * @param days from the invoice's posting date to its due date
   */
  public record Terms(String code, String name, Integer days) {
    static Terms of(PaymentTerms t) {
      return new Terms(t.code(), t.name(), t.days());
    }
  }

  @GET
  public List<Terms> list() {
    return customers.paymentTerms().stream().map(Terms::of).toList();
  }

  @POST
  public Response add(Terms terms) {
    if (terms == null || terms.days() == null) {
      throw new BusinessRuleViolation(
          ErrorCode.INVALID_REQUEST, "code, name and days are required");
    }
    Terms added = Terms.of(customers.addPaymentTerms(terms.code(), terms.name(), terms.days()));
    return Response.created(URI.create("payment-terms/" + added.code())).entity(added).build();
  }
}
