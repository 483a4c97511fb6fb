/**
 * Platform: schema migrations at start-up, readiness checks and the outbound event channel. Holds
 * no business rule.
 */
package com.ledgerline.platform;
