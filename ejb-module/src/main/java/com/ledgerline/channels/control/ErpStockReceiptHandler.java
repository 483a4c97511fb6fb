package com.ledgerline.channels.control;

import com.ledgerline.channels.boundary.ChannelHandler;
import com.ledgerline.channels.boundary.InboundMessage;
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
 * {@code erp.stock-receipt} v1 (contracts/erp.stock-receipt.v1.schema.json): goods received at a
 * unit cost. Posts the stock receipt of {@link Inventory#receive} as the system: a {@code GRN-}
 * number, the receipt movement (the moving-average cost takes the receipt in), Dr Inventory / Cr
 * Goods received not invoiced ({@code PURCHASE}) or Opening balance equity ({@code
 * OPENING_BALANCE}). Answers {@code STOCK_RECEIPT} and the {@code GRN-} number.
 *
 * <p>Refused, nothing written: {@code UNKNOWN_VARIANT}, {@code CURRENCY_MISMATCH} (the cost's
 * currency is not the variant's), {@code INVALID_REQUEST} (a service SKU), {@code
 * INVALID_QUANTITY}, {@code INVALID_AMOUNT}, {@code ACCOUNTING_PERIOD_CLOSED}.
 */
@Stateless
@Local(ChannelHandler.class)
@RolesAllowed(Roles.SYSTEM)
public class ErpStockReceiptHandler implements ChannelHandler {
  public static final String TYPE = "erp.stock-receipt";

  @PersistenceContext private EntityManager em;
  @EJB private Inventory inventory;

  @Override
  public Set<String> messageTypes() {
    return Set.of(TYPE);
  }

  @Override
  public Posted apply(JsonObject document, InboundMessage message) {
    String sku = document.getString("sku");
    VariantCurrency.require(em, sku, document.getString("currency"));
    String receiptNumber =
        inventory.receive(
            sku,
            new BigDecimal(document.getString("quantity")),
            new BigDecimal(document.getString("unitCost")),
            LocalDate.parse(document.getString("postingDate")),
            Inventory.ReceiptKind.valueOf(document.getString("kind", "PURCHASE")));
    return new Posted(StockKeeping.RECEIPT_DOCUMENT_TYPE, receiptNumber);
  }
}
