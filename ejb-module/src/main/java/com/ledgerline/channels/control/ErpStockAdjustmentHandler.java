package com.ledgerline.channels.control;

import com.ledgerline.channels.boundary.ChannelHandler;
import com.ledgerline.channels.boundary.InboundMessage;
import com.ledgerline.inventory.boundary.AdjustStock;
import com.ledgerline.inventory.boundary.AdjustmentView;
import com.ledgerline.inventory.boundary.Inventory;
import com.ledgerline.inventory.control.StockKeeping;
import com.ledgerline.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

/**
 * {@code erp.stock-adjustment} v1 (contracts/erp.stock-adjustment.v1.schema.json): a change of
 * stock on hand with a reason. Posts the stock adjustment of {@link Inventory#adjust} as the
 * system: an {@code ADJ-} number, the movement, the journal entry (a decrease Dr Inventory
 * adjustments / Cr Inventory at the moving-average cost, an increase the reverse), the audit record
 * and the {@code stock.changed} event. Never clamped. Answers {@code STOCK_ADJUSTMENT} and the
 * {@code ADJ-} number.
 *
 * <p>Refused, nothing written: {@code UNKNOWN_VARIANT}, {@code INSUFFICIENT_STOCK} (a decrease
 * beyond stock on hand without backorders), {@code CURRENCY_MISMATCH} (a unit cost in another
 * currency than the variant's), {@code INVALID_REQUEST} (a reason against the sign, a unit cost on
 * a decrease, a service SKU), {@code INVALID_QUANTITY}, {@code INVALID_AMOUNT}, {@code
 * ACCOUNTING_PERIOD_CLOSED}.
 */
@Stateless
@Local(ChannelHandler.class)
@RolesAllowed(Roles.SYSTEM)
public class ErpStockAdjustmentHandler implements ChannelHandler {
  public static final String TYPE = "erp.stock-adjustment";

  @PersistenceContext private EntityManager em;
  @EJB private Inventory inventory;

  @Override
  public Set<String> messageTypes() {
    return Set.of(TYPE);
  }

  @Override
  public Posted apply(JsonObject document, InboundMessage message) {
    String sku = document.getString("sku");
    if (document.containsKey("currency")) {
      VariantCurrency.require(em, sku, document.getString("currency"));
    }
    AdjustmentView adjustment =
        inventory.adjust(
            new AdjustStock(
                sku,
                new BigDecimal(document.getString("quantity")),
                document.getString("reason"),
                document.containsKey("unitCost")
                    ? new BigDecimal(document.getString("unitCost"))
                    : null,
                LocalDate.parse(document.getString("postingDate")),
                document.getString("note", null)));
    return new Posted(StockKeeping.ADJUSTMENT_DOCUMENT_TYPE, adjustment.adjustmentNumber());
  }
}
