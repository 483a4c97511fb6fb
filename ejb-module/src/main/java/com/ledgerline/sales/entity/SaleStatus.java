package com.ledgerline.sales.entity;

/** Where a sale is in its lifecycle (DESIGN.md 4); payment and delivery status are separate. */
public enum SaleStatus {
  /** Editable, no effects, known by its {@code DRAFT-} number. */
  DRAFT,
  /** Asked to post but over the customer's credit limit: waits for an approver, no effects yet. */
  PENDING_APPROVAL,
  /** The invoice: numbered, with its stock, customer ledger and journal effects. */
  POSTED,
  /** Fully reversed while nothing was paid or credited; final. */
  VOIDED,
  /** A held sale the approver refused; final, never posts. */
  REJECTED,
  /** A draft given up; final, never posts. */
  DISCARDED
}
