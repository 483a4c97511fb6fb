package com.ledgerline.security.web;

import com.ledgerline.security.Roles;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * How callers sign in. Jakarta Security allows one mechanism per application, so this one serves
 * both kinds of caller, each validated by {@link LedgerIdentityStore}:
 *
 * <ul>
 *   <li>{@code /api/*}: HTTP Basic (RFC 7617) on every request, no session. Without credentials, or
 *       with wrong ones, a protected call answers 401 with {@code WWW-Authenticate: Basic
 *       realm="Ledgerline"}. A session cookie is ignored here: machines and scripts sign every
 *       call.
 *   <li>the screens: a login form ({@code /login.xhtml}, posted, never GET) that hands the user
 *       name and password to {@code SecurityContext.authenticate}; a success puts the user name and
 *       a fingerprint of the stored password hash into the (new) HTTP session. Every later page
 *       request re-reads the user's row: a disabled user, or one whose password changed, is signed
 *       out on the next request; the roles are the current ones. A protected page without a session
 *       redirects to the login form, which returns to that page afterwards (the path travels as the
 *       form's {@code continue} parameter and is followed only inside the application).
 * </ul>
 *
 * <p>A signed-in caller whose roles do not allow a page gets the 403 page ({@code
 * WEB-INF/web.xml}); a boundary method refuses with {@code NOT_ALLOWED} either way
 * ({@code @RolesAllowed}). Health, metrics and OpenAPI are served by the server outside the
 * application and stay open.
 */
@ApplicationScoped
@DeclareRoles({Roles.CASHIER, Roles.APPROVER, Roles.FINANCE, Roles.ADMIN, Roles.AUDITOR})
public class Authentication implements HttpAuthenticationMechanism {
  public static final String REALM = "Ledgerline";

  /** The login form (the only page open to everyone, besides the error pages and resources). */
  public static final String LOGIN_PAGE = "/login.xhtml";

  /** Login form parameter: the page a signed-out user asked for, to return to after signing in. */
  public static final String RETURN_TO = "continue";

  private static final String SIGNED_IN = "ledgerline.signedIn";

  @Inject private LedgerIdentityStore store;

  /** What the session remembers of a form sign-in: never the password nor the hash itself. */
  record SignedIn(String user, String hashFingerprint) implements java.io.Serializable {}

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    if (isApi(request)) {
      return basic(request, response, context);
    }
    if (isResource(request)) {
      // style sheets, scripts and images: open, and not worth a look-up of the user each
      return context.doNothing();
    }
    Credential credential =
        context.getAuthParameters() == null ? null : context.getAuthParameters().getCredential();
    if (context.isAuthenticationRequest()
        && credential instanceof UsernamePasswordCredential form) {
      return formSignIn(request, form, context);
    }
    return session(request, context);
  }

  private static boolean isApi(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.equals("/api") || path.startsWith("/api/");
  }

  private static boolean isResource(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.startsWith("/jakarta.faces.resource/") || path.startsWith("/resources/");
  }

  private AuthenticationStatus basic(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    String header = request.getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
      Optional<UsernamePasswordCredential> credential = decodeBasic(header.substring(6).trim());
      if (credential.isPresent()) {
        CredentialValidationResult result = store.validate(credential.get());
        if (result.getStatus() == CredentialValidationResult.Status.VALID) {
          return context.notifyContainerAboutLogin(result);
        }
      }
      return challenge(response, context);
    }
    if (context.isProtected()) {
      return challenge(response, context);
    }
    return context.doNothing();
  }

  private static Optional<UsernamePasswordCredential> decodeBasic(String token) {
    try {
      String decoded = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      if (colon < 0) {
        return Optional.empty();
      }
      return Optional.of(
          new UsernamePasswordCredential(
              decoded.substring(0, colon), decoded.substring(colon + 1)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static AuthenticationStatus challenge(
      HttpServletResponse response, HttpMessageContext context) {
    response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
    return context.responseUnauthorized();
  }

  private AuthenticationStatus formSignIn(
      HttpServletRequest request, UsernamePasswordCredential form, HttpMessageContext context) {
    CredentialValidationResult result = store.validate(form);
    if (result.getStatus() != CredentialValidationResult.Status.VALID) {
      return AuthenticationStatus.SEND_FAILURE;
    }
    String fingerprint = store.hashFingerprint(form.getCaller()).orElse("");
    HttpSession old = request.getSession(false);
    // a new session id at sign-in: a session id known before signing in is worthless after it
    if (old != null) {
      old.invalidate();
    }
    request.getSession(true).setAttribute(SIGNED_IN, new SignedIn(form.getCaller(), fingerprint));
    return context.notifyContainerAboutLogin(result);
  }

  private AuthenticationStatus session(HttpServletRequest request, HttpMessageContext context) {
    HttpSession session = request.getSession(false);
    SignedIn signedIn = session == null ? null : (SignedIn) session.getAttribute(SIGNED_IN);
    if (signedIn != null) {
      Optional<CredentialValidationResult> current =
          store.current(signedIn.user(), signedIn.hashFingerprint());
      if (current.isPresent()) {
        return context.notifyContainerAboutLogin(current.get());
      }
      session.invalidate();
    }
    if (!context.isProtected()) {
      return context.doNothing();
    }
    StringBuilder login = new StringBuilder(request.getContextPath()).append(LOGIN_PAGE);
    if (signedIn != null) {
      login.append("?expired=true");
    }
    if ("GET".equals(request.getMethod())) {
      String path = request.getRequestURI().substring(request.getContextPath().length());
      String query = request.getQueryString();
      login
          .append(signedIn != null ? '&' : '?')
          .append(RETURN_TO)
          .append('=')
          .append(
              URLEncoder.encode(query == null ? path : path + "?" + query, StandardCharsets.UTF_8));
    }
    try {
      context.getResponse().sendRedirect(login.toString());
    } catch (IOException e) {
      throw new IllegalStateException("could not redirect to the login page", e);
    }
    return AuthenticationStatus.SEND_CONTINUE;
  }

  /** Signs the session out (the logout action): the session is invalidated. */
  public static void signOut(HttpServletRequest request) throws jakarta.servlet.ServletException {
    request.logout();
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
  }
}
