/**
 * Shared value types: money with its ISO 4217 currency and scale, gapless document numbers,
 * business rule codes. Holds no business component's state.
 */
package com.ledgerline.shared;
