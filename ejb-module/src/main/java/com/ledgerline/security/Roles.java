package com.ledgerline.security;

/**
 * The application roles. Every boundary names the roles allowed to call it with
 * {@code @RolesAllowed}; the names are stored as group names in the identity store.
 *
 * <ul>
 *   <li>{@link #CASHIER}: sells, takes payments, requests payment deletions.
 *   <li>{@link #APPROVER}: releases or rejects held sales, decides payment deletion requests.
 *   <li>{@link #FINANCE}: credit notes, voids, refunds, receivables, reconciliation.
 *   <li>{@link #ADMIN}: master data, users, accounting periods.
 *   <li>{@link #AUDITOR}: reads everything, changes nothing.
 * </ul>
 */
public final class Roles {
  public static final String CASHIER = "CASHIER";
  public static final String APPROVER = "APPROVER";
  public static final String FINANCE = "FINANCE";
  public static final String ADMIN = "ADMIN";
  public static final String AUDITOR = "AUDITOR";

  /** The technical identity message-driven beans run as ({@code @RunAs}). */
  public static final String SYSTEM = "SYSTEM";

  private Roles() {}
}
