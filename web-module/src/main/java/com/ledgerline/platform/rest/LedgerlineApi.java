package com.ledgerline.platform.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The REST API root: every resource answers under {@code /api}, for signed-in users only (HTTP
 * Basic). The server publishes the OpenAPI document at {@code /openapi} (MicroProfile OpenAPI),
 * open to all; refusals are RFC 9457 problem documents with a stable {@code code}.
 */
@ApplicationPath("api")
@OpenAPIDefinition(
    info =
        @Info(
            title = "Ledgerline",
            version = "0.1",
            description =
                "Sales, receivables and the general ledger as one atomic posting. Every call needs"
                    + " HTTP Basic credentials; what a user may do depends on their roles (CASHIER,"
                    + " APPROVER, FINANCE, ADMIN, AUDITOR). Refusals are RFC 9457 problem documents"
                    + " (application/problem+json) whose 'code' names the rule broken."),
    security = @SecurityRequirement(name = LedgerlineApi.SECURITY_SCHEME))
@SecurityScheme(
    securitySchemeName = LedgerlineApi.SECURITY_SCHEME,
    type = SecuritySchemeType.HTTP,
    scheme = "basic",
    description = "A Ledgerline user name and password")
public class LedgerlineApi extends Application {
  /** The name of the HTTP Basic scheme in the OpenAPI document. */
  public static final String SECURITY_SCHEME = "basic";
}
