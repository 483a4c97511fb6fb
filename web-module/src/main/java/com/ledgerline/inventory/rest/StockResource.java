package com.ledgerline.inventory.rest;

import static com.ledgerline.shared.Jsonp.JSON;

import com.ledgerline.inventory.boundary.AdjustStock;
import com.ledgerline.inventory.boundary.AdjustmentView;
import com.ledgerline.inventory.boundary.Inventory;
import com.ledgerline.inventory.entity.StockMovement;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code /api/stock}: receive stock at a unit cost, adjust stock with a reason, read a variant's
 * stock position and its movements.
 */
@RequestScoped
@Path("stock")
@Produces(MediaType.APPLICATION_JSON)
public class StockResource {
  @EJB private Inventory inventory;

  /**
   * @param quantity units, positive, up to 4 decimals
   * @param unitCost per unit, up to 6 decimals
   * @param postingDate null = today
   */
  public record Receipt(
      String sku, BigDecimal quantity, BigDecimal unitCost, LocalDate postingDate) {}

  /**
   * One stock movement.
   *
   * @param quantity signed, 4 decimals
   * @param value signed, at the currency's scale
   */
  public record Movement(
      String movementType,
      BigDecimal quantity,
      BigDecimal unitCost,
      BigDecimal value,
      String currency,
      String documentType,
      String documentNumber,
      LocalDate postingDate) {
    static Movement of(StockMovement m) {
      return new Movement(
          m.movementType().name(),
          m.quantity(),
          m.unitCost(),
          m.value(),
          m.currency(),
          m.documentType(),
          m.documentNumber(),
          m.postingDate());
    }
  }

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
        .entity(JSON.createObjectBuilder().add("receiptNumber", number).build().toString())
        .build();
  }

  /** Posts a stock adjustment; answers 201 with the adjustment and its journal entry number. */
  @POST
  @Path("adjustments")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response adjust(AdjustStock adjustment) {
    AdjustmentView view = inventory.adjust(adjustment);
    return Response.created(URI.create("stock/adjustments/" + view.adjustmentNumber()))
        .entity(view)
        .build();
  }

  @GET
  @Path("adjustments/{number}")
  public AdjustmentView adjustment(@PathParam("number") String number) {
    return inventory
        .adjustment(number)
        .orElseThrow(() -> new NotFoundException("no stock adjustment " + number));
  }

  @GET
  @Path("{sku}")
  public String level(@PathParam("sku") String sku) {
    return inventory
        .level(sku)
        .map(
            level ->
                JSON.createObjectBuilder()
                    .add("sku", sku)
                    .add("quantityOnHand", level.quantityOnHand())
                    .add("inventoryValue", level.inventoryValue())
                    .add("averageUnitCost", level.averageUnitCost())
                    .build()
                    .toString())
        .orElseThrow(() -> new NotFoundException("no stock position for " + sku));
  }

  /** The variant's stock movements, oldest first; their sum is the stock position. */
  @GET
  @Path("{sku}/movements")
  public List<Movement> movements(
      @PathParam("sku") String sku, @QueryParam("limit") @DefaultValue("200") int limit) {
    return inventory.movements(sku, limit).stream().map(Movement::of).toList();
  }
}
