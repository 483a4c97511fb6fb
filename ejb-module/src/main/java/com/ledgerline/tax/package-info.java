/**
 * Tax: jurisdictions with their one declared rounding policy, categories and effective-dated rates;
 * the one tax calculation used everywhere. Owns {@code tax_*}. Never rounds a figure any other way.
 */
package com.ledgerline.tax;
