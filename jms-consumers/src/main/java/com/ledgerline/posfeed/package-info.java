/**
 * POS feed: thin message-driven beans that parse a POS message and hand it to a boundary in the
 * message's transaction. Never holds a business rule; a failure rolls back and is redelivered.
 */
package com.ledgerline.posfeed;
