/**
 * Sales: the sale (sales invoice) through its lifecycle (DESIGN.md 4) and its credit notes. Owns
 * {@code sal_*}.
 *
 * <ul>
 *   <li>Drafts ({@code DRAFT-…}) have no effect; posting takes the gapless {@code INV-} number and
 *       moves stock, the customer ledger, the journal and the outbound topic together.
 *   <li>A sale over the customer's credit limit waits in {@code PENDING_APPROVAL} for an approver
 *       other than its requester; a rejected one ends {@code REJECTED}.
 *   <li>A posted sale changes only by amendments (a new revision of its lines, the delta posted),
 *       credit notes ({@code CN-…}) and a void (the mirror of everything it posted).
 * </ul>
 *
 * <p>Never updates or deletes a posted sale's lines, revisions or credit notes (the database
 * refuses it too); never decides payment status (the payments component does).
 */
package com.ledgerline.sales;
