/**
 * Ledger: the chart of accounts, journal entries, the customer ledger and the invariant checks.
 * Owns {@code gl_*} and {@code ar_*}. Never updates or deletes a posted entry: corrections are new
 * entries.
 */
package com.ledgerline.ledger;
