package com.ledgerline.catalog.rest;

import com.ledgerline.catalog.boundary.Catalog;
import com.ledgerline.catalog.boundary.NewProduct;
import com.ledgerline.catalog.boundary.ProductView;
import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
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
 * {@code /api/products}: products with their variants. Create with variants, list, read, change
 * name or tax category ({@code PUT}), add a variant. Changes apply to future sales only.
 */
@RequestScoped
@Path("products")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProductsResource {
  @EJB private Catalog catalog;

  @GET
  public List<ProductView> list(
      @QueryParam("offset") @DefaultValue("0") int offset,
      @QueryParam("limit") @DefaultValue("100") int limit) {
    return catalog.list(offset, limit);
  }

  @GET
  @Path("{code}")
  public ProductView get(@PathParam("code") String code) {
    return catalog
        .productView(code)
        .orElseThrow(
            () -> new BusinessRuleViolation(ErrorCode.UNKNOWN_PRODUCT, "no product " + code));
  }

  @POST
  public Response create(NewProduct product) {
    ProductView view = catalog.createProduct(product);
    return Response.created(URI.create("products/" + view.productCode())).entity(view).build();
  }

  @PUT
  @Path("{code}")
  public ProductView update(@PathParam("code") String code, Catalog.ProductChange change) {
    return catalog.updateProduct(code, change);
  }

  @POST
  @Path("{code}/variants")
  public Response addVariant(@PathParam("code") String code, NewProduct.Variant variant) {
    ProductView view = catalog.addVariant(code, variant);
    return Response.created(URI.create("variants/" + variant.sku())).entity(view).build();
  }
}
