/**
 * Sales: the sale (sales invoice) and its posting, the atomic event that moves stock, the customer
 * ledger, the journal and the outbound topic together. Owns {@code sal_*}. Never updates a posted
 * sale's lines in place.
 */
package com.ledgerline.sales;
