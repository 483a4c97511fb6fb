package com.ledgerline.tax.rest;

import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
import com.ledgerline.tax.boundary.TaxViews;
import com.ledgerline.tax.boundary.Taxes;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/**
 * {@code /api/tax}: jurisdictions with their rounding declarations and effective-dated rates,
 * categories. {@code POST …/jurisdictions/{code}/rates} adds a rate and closes the open rate it
 * replaces; an overlap is refused {@code TAX_RATE_OVERLAPS}.
 */
@RequestScoped
@Path("tax")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TaxResource {
  @EJB private Taxes taxes;

  @GET
  @Path("jurisdictions")
  public List<TaxViews.Jurisdiction> jurisdictions() {
    return taxes.jurisdictions();
  }

  @GET
  @Path("jurisdictions/{code}")
  public TaxViews.Jurisdiction jurisdiction(@PathParam("code") String code) {
    return taxes
        .jurisdiction(code)
        .orElseThrow(
            () ->
                new BusinessRuleViolation(
                    ErrorCode.UNKNOWN_TAX_JURISDICTION, "no tax jurisdiction " + code));
  }

  @POST
  @Path("jurisdictions")
  public Response createJurisdiction(TaxViews.Jurisdiction jurisdiction) {
    TaxViews.Jurisdiction created = taxes.createJurisdiction(jurisdiction);
    return Response.created(URI.create("tax/jurisdictions/" + created.code()))
        .entity(created)
        .build();
  }

  /** Adds a rate; answers 201 with the jurisdiction and all its rates. */
  @POST
  @Path("jurisdictions/{code}/rates")
  public Response addRate(@PathParam("code") String code, Taxes.NewRate rate) {
    TaxViews.Jurisdiction jurisdiction = taxes.addRate(code, rate);
    return Response.created(URI.create("tax/jurisdictions/" + code)).entity(jurisdiction).build();
  }

  @GET
  @Path("categories")
  public List<TaxViews.Category> categories() {
    return taxes.categories();
  }

  @POST
  @Path("categories")
  public Response createCategory(TaxViews.Category category) {
    TaxViews.Category created = taxes.createCategory(category);
    return Response.created(URI.create("tax/categories")).entity(created).build();
  }
}
