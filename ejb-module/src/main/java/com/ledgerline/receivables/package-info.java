/**
 * Receivables: the customer view of the customer ledger. A customer's balance, open items, aging
 * (current, 1-30, 31-60, 61-90, 90+ days past due by the due date the customer's terms set), the
 * late-payer indicator from payment history, the receivables work queue and the customer balance
 * list, each as of a date.
 *
 * <p>It reads {@code ar_customer_ledger_entry} and the open-item summary {@code ar_open_item},
 * which the database maintains from the ledger entries by a trigger in the same transaction as each
 * entry (migration V0050) and which an invariant check proves equal to the sum of the entries. This
 * component never writes: no ledger entry, no open item, no document. It never stores a balance of
 * its own.
 */
package com.ledgerline.receivables;
