package com.ledgerline.catalog.rest;

import com.ledgerline.catalog.boundary.Catalog;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;

/** {@code /api/variants}: define a sellable variant (minimal catalog until the core issue). */
@RequestScoped
@Path("variants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class VariantsResource {
  @EJB private Catalog catalog;

  /**
   * @param sellingPrice tax-exclusive list price per unit, up to 6 decimals
   * @param stockTracked false for services and fees
   */
  public record NewVariant(
      String sku,
      String name,
      String taxCategory,
      BigDecimal sellingPrice,
      String currency,
      boolean stockTracked) {}

  @POST
  public Response define(NewVariant variant) {
    String sku =
        catalog.defineVariant(
            variant.sku(),
            variant.name(),
            variant.taxCategory() == null ? "STANDARD" : variant.taxCategory(),
            variant.sellingPrice(),
            variant.currency(),
            variant.stockTracked());
    return Response.created(URI.create("variants/" + sku)).entity(variant).build();
  }
}
