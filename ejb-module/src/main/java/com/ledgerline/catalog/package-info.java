/**
 * Catalog: products and their variants (SKUs), tax category, list price, whether stock is tracked
 * and backorders allowed. Owns {@code cat_*}. Never moves stock or posts to the ledger; a change
 * applies to future sales only (posted lines keep their snapshots).
 */
package com.ledgerline.catalog;
