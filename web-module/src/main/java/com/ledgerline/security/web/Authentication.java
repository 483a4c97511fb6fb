package com.ledgerline.security.web;

import com.ledgerline.security.Roles;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition;

/**
 * How callers sign in: HTTP Basic (RFC 7617) against {@link LedgerIdentityStore}. Every request
 * under {@code /api} must carry credentials ({@code WEB-INF/web.xml}); without them, or with wrong
 * ones, the answer is 401 with {@code WWW-Authenticate: Basic realm="Ledgerline"}. A signed-in
 * caller whose roles do not allow a boundary method gets 403 {@code NOT_ALLOWED}. Health, metrics
 * and OpenAPI are served by the server outside the application and stay open.
 *
 * <p>Basic sends the password with every request, so the store keeps successful verifications for a
 * few minutes ({@code CredentialCache}). Screens will add a form mechanism with a session (JSF, a
 * later issue): a custom {@code HttpAuthenticationMechanism} that chooses form for pages and Basic
 * for {@code /api}, both validating through the same identity store.
 */
@ApplicationScoped
@BasicAuthenticationMechanismDefinition(realmName = Authentication.REALM)
@DeclareRoles({Roles.CASHIER, Roles.APPROVER, Roles.FINANCE, Roles.ADMIN, Roles.AUDITOR})
public class Authentication {
  public static final String REALM = "Ledgerline";
}
