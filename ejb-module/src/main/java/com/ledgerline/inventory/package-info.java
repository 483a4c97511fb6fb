/**
 * Inventory: stock movements (immutable, the source of truth) and the locked running stock level
 * with its moving-average cost. Owns {@code inv_*}. Never clamps stock: a shortage is refused
 * {@code INSUFFICIENT_STOCK}.
 */
package com.ledgerline.inventory;
