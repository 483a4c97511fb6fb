package com.ledgerline.tax.entity;

/**
 * Whether the prices of a jurisdiction's documents include tax. Declared per jurisdiction ({@code
 * tax_jurisdiction.prices_include_tax}); there are no price lists.
 */
public enum PriceBasis {
  /** Line amounts are net; tax is added on top (B2B, US-style sales tax). */
  TAX_EXCLUSIVE,
  /** Line amounts are gross; the tax inside them is extracted (EU/UK consumer prices). */
  TAX_INCLUSIVE
}
