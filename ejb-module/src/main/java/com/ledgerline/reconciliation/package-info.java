/**
 * Bank reconciliation (issue 6). Owns the bank statements as the bank sent them: imported from ISO
 * 20022 camt.052/053/054, SWIFT MT940 and mapped CSV files into {@code rec_statement_file}, {@code
 * rec_bank_statement} and {@code rec_statement_line}, append-only. A file is taken whole or not at
 * all: a malformed one, one whose balances do not add up and one imported before are refused with a
 * stable code and leave no row. Matching statement lines against payments comes later; this
 * component must never change a posted document or the journal while importing.
 */
package com.ledgerline.reconciliation;
