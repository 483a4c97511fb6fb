/**
 * Customers: who buys on account, their legal entity and tax ID, billing and technical contacts,
 * billing and shipping addresses, currency, named payment terms, credit limit and status. Owns
 * {@code cus_*}. Never stores a balance (it is the sum of the customer ledger), never hard-deletes
 * a customer with transactions (archive instead), never changes the currency of a customer who owes
 * money, and never rewrites a posted document: documents keep their own snapshots.
 */
package com.ledgerline.customers;
