package com.ledgerline.inventory.rest;

import com.ledgerline.inventory.boundary.Inventory;
import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.LocalDate;

/** {@code /api/stock}: receive stock at a unit cost, read a variant's stock position. */
@RequestScoped
@Path("stock")
@Produces(MediaType.APPLICATION_JSON)
public class StockReceiptsResource {
  @EJB private Inventory inventory;

  /**
   * @param quantity units, positive, up to 4 decimals
   * @param unitCost per unit, up to 6 decimals
   * @param postingDate null = today
   */
  public record Receipt(
      String sku, BigDecimal quantity, BigDecimal unitCost, LocalDate postingDate) {}

  @POST
  @Path("receipts")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response receive(Receipt receipt) {
    if (receipt == null) {
      throw new BusinessRuleViolation(ErrorCode.INVALID_REQUEST, "a JSON receipt is required");
    }
    String number =
        inventory.receive(
            receipt.sku(),
            receipt.quantity(),
            receipt.unitCost(),
            receipt.postingDate() == null ? LocalDate.now() : receipt.postingDate(),
            Inventory.ReceiptKind.PURCHASE);
    return Response.status(Response.Status.CREATED)
        .entity(Json.createObjectBuilder().add("receiptNumber", number).build().toString())
        .build();
  }

  @GET
  @Path("{sku}")
  public String level(@PathParam("sku") String sku) {
    return inventory
        .level(sku)
        .map(
            level ->
                Json.createObjectBuilder()
                    .add("sku", sku)
                    .add("quantityOnHand", level.quantityOnHand())
                    .add("inventoryValue", level.inventoryValue())
                    .add("averageUnitCost", level.averageUnitCost())
                    .build()
                    .toString())
        .orElseThrow(() -> new NotFoundException("no stock position for " + sku));
  }
}
