package com.ledgerline.web;

import com.ledgerline.security.web.Authentication;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The login form ({@code login.xhtml}): a POST hands the user name and password to Jakarta Security
 * ({@link Authentication}); a success goes on to the page the user first asked for (a path inside
 * the application only) or the home page, a failure says so without telling whether the user
 * exists.
 */
@Named
@RequestScoped
public class LoginView {
  @Inject private SecurityContext security;

  private String userName;
  private String password;

  public String getUserName() {
    return userName;
  }

  public void setUserName(String userName) {
    this.userName = userName;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public void login() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext external = faces.getExternalContext();
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    AuthenticationStatus status =
        security.authenticate(
            request,
            (HttpServletResponse) external.getResponse(),
            AuthenticationParameters.withParams()
                .newAuthentication(true)
                .credential(
                    new UsernamePasswordCredential(
                        userName == null ? "" : userName.strip(),
                        new Password(password == null ? "" : password))));
    password = null;
    if (status != AuthenticationStatus.SUCCESS) {
      faces.addMessage(
          null, new FacesMessage(FacesMessage.SEVERITY_ERROR, Messages.text("login.failed"), null));
      return;
    }
    String returnTo = external.getRequestParameterMap().get(Authentication.RETURN_TO);
    external.redirect(external.getRequestContextPath() + safe(returnTo));
    faces.responseComplete();
  }

  /** Only a path inside this application (never another host): "/…" but not "//…" nor "/\…". */
  private static String safe(String path) {
    if (path != null
        && path.startsWith("/")
        && !path.startsWith("//")
        && !path.startsWith("/\\")
        && !path.startsWith(Authentication.LOGIN_PAGE)) {
      return path;
    }
    return "/index.xhtml";
  }
}
