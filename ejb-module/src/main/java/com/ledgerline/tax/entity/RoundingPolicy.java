package com.ledgerline.tax.entity;

/** Where a jurisdiction rounds tax: on each line, or once per document and rate. */
public enum RoundingPolicy {
  PER_LINE,
  PER_DOCUMENT
}
