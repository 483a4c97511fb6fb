/**
 * Tax: jurisdictions with their currency, one declared rounding policy and mode and their price
 * basis (tax-inclusive or exclusive), categories, effective-dated rates that never overlap (with
 * the authorities' components of a combined rate), and the one tax calculation used everywhere.
 * Owns {@code tax_*}. Never rounds a figure any other way, and never changes a jurisdiction's
 * declarations once created.
 */
package com.ledgerline.tax;
