/**
 * Channels (DESIGN.md 6): POS registers, the online store and the ERP exchange versioned JSON
 * messages with the ledger over the broker. Every inbound message is validated against its
 * published contract ({@code contracts/*.schema.json}), posted exactly once under its idempotency
 * key (channel, transaction id) in the same XA transaction as the documents it produces, or refused
 * with a stable code, recorded with its payload and announced; a technical failure rolls back and
 * is redelivered.
 */
package com.ledgerline.channels;
