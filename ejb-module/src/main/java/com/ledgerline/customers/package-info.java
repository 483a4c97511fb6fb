/**
 * Customers: who buys on account, their currency and payment terms. Owns {@code cus_customer}.
 * Never stores a balance (it is the sum of the customer ledger) and never hard-deletes a customer
 * with transactions.
 */
package com.ledgerline.customers;
