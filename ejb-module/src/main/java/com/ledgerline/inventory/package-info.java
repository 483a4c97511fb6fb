/**
 * Inventory: stock movements (immutable, the source of truth), stock receipts, stock adjustments
 * with a reason ({@code ADJ-…}) and the locked running stock level with its moving-average cost.
 * Owns {@code inv_*}. Never clamps stock: a shortage is refused {@code INSUFFICIENT_STOCK} unless
 * the variant allows backorders.
 */
package com.ledgerline.inventory;
