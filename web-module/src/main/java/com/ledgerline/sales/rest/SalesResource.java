package com.ledgerline.sales.rest;

import com.ledgerline.sales.boundary.PostSale;
import com.ledgerline.sales.boundary.SaleSummary;
import com.ledgerline.sales.boundary.SaleView;
import com.ledgerline.sales.boundary.Sales;
import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/sales}: post a sale (201 with the posted sale and its journal entry; 200 with the
 * first result when the same channel transaction id is sent again), list sales, read one.
 */
@RequestScoped
@Path("sales")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sales", description = "Posting and reading sales")
public class SalesResource {
  @EJB private Sales sales;

  @POST
  @Operation(summary = "Post a sale: stock, receivable, journal entry and event in one transaction")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response post(PostSale command, @Context UriInfo uri) {
    if (command == null) {
      throw new BusinessRuleViolation(
          ErrorCode.INVALID_REQUEST, "a JSON sale document is required");
    }
    SaleView posted = sales.post(command);
    if (posted.duplicate()) {
      return Response.ok(posted).build();
    }
    return Response.created(uri.getAbsolutePathBuilder().path(posted.saleNumber()).build())
        .entity(posted)
        .build();
  }

  @GET
  public List<SaleSummary> list(
      @QueryParam("offset") @DefaultValue("0") int offset,
      @QueryParam("limit") @DefaultValue("50") int limit) {
    return sales.list(offset, limit);
  }

  @GET
  @Path("{saleNumber}")
  public SaleView one(@PathParam("saleNumber") String saleNumber) {
    return sales.find(saleNumber).orElseThrow(() -> new NotFoundException("no sale " + saleNumber));
  }
}
