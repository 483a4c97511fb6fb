/**
 * Bank reconciliation (issue 6). Owns the bank statements as the bank sent them: imported from ISO
 * 20022 camt.052/053/054, SWIFT MT940 and mapped CSV files into {@code rec_statement_file}, {@code
 * rec_bank_statement} and {@code rec_statement_line}, append-only. A file is taken whole or not at
 * all: a malformed one, one whose balances do not add up and one imported before are refused with a
 * stable code and leave no row.
 *
 * <p>Owns the matching too: the registered bank accounts, runs, matches (an unmatch is a new row),
 * discrepancies and their resolutions ({@code rec_bank_account}, {@code rec_run}, {@code
 * rec_match}, {@code rec_match_item}, {@code rec_discrepancy}, {@code rec_discrepancy_resolution}),
 * all append-only. It posts journal entries only through {@code ledger/control/Journal}
 * (settlements, resolutions and their reversals, document type {@code BANK_RECONCILIATION}); it
 * must never change a payment, a sale or a posted entry.
 */
package com.ledgerline.reconciliation;
