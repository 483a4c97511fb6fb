/**
 * Imports: loads sample and legacy data into Ledgerline through the same boundaries every other
 * caller uses. For now one source, the UCI Online Retail invoices (DESIGN.md 8), posted one sale
 * per invoice through {@code Sales.post}, with every run and every row it did not post recorded
 * ({@code imp_import_run}, {@code imp_import_issue}).
 *
 * <p>Owns the import runs and their issues. Must never write another component's tables, never post
 * a sale, a receipt or a customer by any other path than that component's boundary, and never drop
 * an input row without counting it.
 */
package com.ledgerline.imports;
