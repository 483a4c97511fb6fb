package com.ledgerline.sales.entity;

/** Where a sale is in its lifecycle (DESIGN.md 4). */
public enum SaleStatus {
  DRAFT,
  PENDING_APPROVAL,
  POSTED,
  VOIDED
}
