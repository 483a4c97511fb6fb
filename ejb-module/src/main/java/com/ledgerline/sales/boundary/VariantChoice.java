package com.ledgerline.sales.boundary;

import java.math.BigDecimal;

/**
 * A variant as the sale entry offers it: the catalogue price and the stock on hand now.
 *
 * @param sellingPrice the catalogue price, net of tax, 6 decimals at most
 * @param onHand units on hand (4 decimals); null for a service (not stock-tracked)
 * @param backorderAllowed whether a sale beyond stock on hand is accepted
 */
public record VariantChoice(
    String sku,
    String name,
    BigDecimal sellingPrice,
    String currency,
    boolean stockTracked,
    boolean backorderAllowed,
    BigDecimal onHand) {}
