/**
 * The audit trail: who did what, when and why. Owns {@code aud_record}. Other components write
 * through {@code control.AuditTrail} inside their own transaction; auditors read it through {@code
 * boundary.AuditLog} ({@code GET /api/audit}); nothing ever updates or deletes a record.
 */
package com.ledgerline.audit;
