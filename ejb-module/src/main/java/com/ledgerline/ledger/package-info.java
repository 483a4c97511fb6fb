/**
 * Ledger: the chart of accounts (types and normal balances), accounting periods, journal entries,
 * the customer ledger and the invariant checks. Owns {@code gl_*} and {@code ar_*}. Never updates
 * or deletes a posted entry (corrections are new entries), never reclassifies an account that
 * journal lines use, never accepts a posting dated in a closed month.
 */
package com.ledgerline.ledger;
