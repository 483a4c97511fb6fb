package com.ledgerline.catalog.rest;

import com.ledgerline.catalog.boundary.Catalog;
import com.ledgerline.catalog.boundary.ProductView;
import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;

/**
 * {@code /api/variants}: define a product with one variant of the same code, read a variant, change
 * its name, list price and backorder policy (future sales only).
 */
@RequestScoped
@Path("variants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class VariantsResource {
  @EJB private Catalog catalog;

  /**
   * @param sellingPrice list price per unit, up to 6 decimals
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
    if (variant == null) {
      throw new BusinessRuleViolation(ErrorCode.INVALID_REQUEST, "a JSON variant is required");
    }
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

  @GET
  @Path("{sku}")
  public ProductView.VariantView get(@PathParam("sku") String sku) {
    return catalog
        .variant(sku)
        .orElseThrow(() -> new BusinessRuleViolation(ErrorCode.UNKNOWN_VARIANT, "no SKU " + sku));
  }

  @PUT
  @Path("{sku}")
  public ProductView.VariantView update(
      @PathParam("sku") String sku, Catalog.VariantChange change) {
    return catalog.updateVariant(sku, change);
  }
}
