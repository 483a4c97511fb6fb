/**
 * Reports: the documents a customer receives (invoice, credit note, payment receipt, statement) and
 * the books finance and auditors work from (AR aging by terms, sales journal, trial balance,
 * general ledger detail, margin), as PDF through JasperReports, and the books also as XLSX and CSV.
 *
 * <p>Owns no table and writes nothing: every figure is read from the ledger's own tables and
 * boundaries (the trial balance of {@code ledger}, the open items and aging buckets of {@code
 * receivables}); totals are summed by the database or exactly in {@link java.math.BigDecimal},
 * never by the template. Templates live in {@code src/main/jasperreports} and are compiled by the
 * build ({@code control.TemplateCompiler}), never at run time.
 */
package com.ledgerline.reports;
