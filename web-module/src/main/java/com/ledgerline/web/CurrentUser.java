package com.ledgerline.web;

import com.ledgerline.security.Roles;
import com.ledgerline.security.web.Authentication;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.security.Principal;
import java.util.List;
import java.util.stream.Stream;

/**
 * The signed-in user as the page header and the navigation show them: the name, the roles, what
 * each role may open, and the logout action (a POST). The navigation is a convenience: the pages'
 * security constraints and the boundaries' {@code @RolesAllowed} refuse the rest anyway.
 */
@Named
@RequestScoped
public class CurrentUser {
  @Inject private SecurityContext security;

  public boolean isSignedIn() {
    return security.getCallerPrincipal() != null;
  }

  public String getName() {
    Principal caller = security.getCallerPrincipal();
    return caller == null ? "" : caller.getName();
  }

  /** The user's roles in a fixed order, e.g. "CASHIER". */
  public List<String> getRoles() {
    return Stream.of(Roles.CASHIER, Roles.APPROVER, Roles.FINANCE, Roles.ADMIN, Roles.AUDITOR)
        .filter(security::isCallerInRole)
        .toList();
  }

  public boolean isCashier() {
    return security.isCallerInRole(Roles.CASHIER);
  }

  public boolean isApprover() {
    return security.isCallerInRole(Roles.APPROVER);
  }

  public boolean isFinance() {
    return security.isCallerInRole(Roles.FINANCE);
  }

  public boolean isAdmin() {
    return security.isCallerInRole(Roles.ADMIN);
  }

  public boolean isAuditor() {
    return security.isCallerInRole(Roles.AUDITOR);
  }

  /** May enter sales (the sale entry screen): cashiers and finance. */
  public boolean isMaySell() {
    return isCashier() || isFinance();
  }

  /** Signs out: the session ends; back to the login form. */
  public void logout() throws ServletException, IOException {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    Authentication.signOut((HttpServletRequest) external.getRequest());
    external.redirect(
        external.getRequestContextPath() + Authentication.LOGIN_PAGE + "?signedOut=true");
    FacesContext.getCurrentInstance().responseComplete();
  }
}
