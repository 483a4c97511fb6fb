package com.ledgerline.security;

import java.util.Set;

/**
 * The application roles. Every boundary names the roles allowed to call it with
 * {@code @RolesAllowed}; the names are stored as the users' roles in the identity store ({@code
 * sec_user_role}) and reach the containers as group names, mapped one to one onto these roles
 * ({@code glassfish-web.xml}, {@code glassfish-application.xml}).
 *
 * <ul>
 *   <li>{@link #CASHIER}: sells, takes payments, requests payment deletions.
 *   <li>{@link #APPROVER}: releases or rejects held sales, decides payment deletion requests.
 *   <li>{@link #FINANCE}: credit notes, voids, refunds, receivables, reconciliation.
 *   <li>{@link #ADMIN}: master data, users, imports, accounting periods.
 *   <li>{@link #AUDITOR}: reads everything, changes nothing.
 * </ul>
 */
public final class Roles {
  public static final String CASHIER = "CASHIER";
  public static final String APPROVER = "APPROVER";
  public static final String FINANCE = "FINANCE";
  public static final String ADMIN = "ADMIN";
  public static final String AUDITOR = "AUDITOR";

  /**
   * The technical identity message-driven beans and channel imports run as ({@code @RunAs}). No
   * person holds it: the identity store refuses it, and it is mapped to the principal {@value
   * #SYSTEM_PRINCIPAL} only, a user name the identity store also refuses.
   */
  public static final String SYSTEM = "SYSTEM";

  /** The caller name of work done under {@link #SYSTEM}, as recorded in the audit trail. */
  public static final String SYSTEM_PRINCIPAL = "system";

  /** The roles a person may hold and sign in with. */
  public static final Set<String> PERSON_ROLES = Set.of(CASHIER, APPROVER, FINANCE, ADMIN, AUDITOR);

  private Roles() {}
}
