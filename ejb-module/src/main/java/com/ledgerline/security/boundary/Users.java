package com.ledgerline.security.boundary;

import com.ledgerline.security.Roles;
import com.ledgerline.security.control.CredentialCache;
import com.ledgerline.security.control.PasswordHashing;
import com.ledgerline.security.control.UserAccounts;
import com.ledgerline.security.entity.UserAccount;
import com.ledgerline.shared.BusinessRuleViolation;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.List;
import java.util.Set;

/**
 * User administration: create users, disable and enable them, replace passwords. Administrators
 * only; auditors may list. Every change is one transaction with its audit record ({@code
 * user.created}, {@code user.disabled}, {@code user.enabled}, {@code user.password_changed}, actor
 * the caller). A disabled user or a replaced password takes effect from the next request on, on
 * every instance (the sign-in reads the user's row each time; see {@code
 * control.CredentialValidation}).
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class Users {
  @PersistenceContext private EntityManager em;
  @Resource private SessionContext session;
  @Inject private Pbkdf2PasswordHash pbkdf2;
  @Inject private CredentialCache cache;

  /**
   * Creates an enabled user.
   *
   * @param name 1..40 characters: a lower case letter, then lower case letters, digits, '.', '_',
   *     '-'; not {@code system}
   * @param password at least {@value PasswordHashing#MIN_PASSWORD_LENGTH} characters
   * @param roles one or more of CASHIER, APPROVER, FINANCE, ADMIN, AUDITOR
   * @throws BusinessRuleViolation {@code INVALID_REQUEST}, {@code ALREADY_EXISTS}, {@code
   *     PASSWORD_TOO_SHORT}
   */
  public UserView create(String name, String password, Set<String> roles) {
    return UserView.of(accounts().create(caller(), name, password, roles, null));
  }

  /**
   * Disables a user: every sign-in as them is refused from the next request on.
   *
   * @param reason why, for the audit trail; may be null
   * @throws BusinessRuleViolation {@code UNKNOWN_USER}, {@code INVALID_REQUEST} (disabling oneself)
   */
  public UserView disable(String name, String reason) {
    UserAccount user = accounts().setEnabled(caller(), name, false, reason);
    cache.forget(name);
    return UserView.of(user);
  }

  /**
   * Enables a disabled user again.
   *
   * @throws BusinessRuleViolation {@code UNKNOWN_USER}
   */
  public UserView enable(String name, String reason) {
    return UserView.of(accounts().setEnabled(caller(), name, true, reason));
  }

  /**
   * Replaces a user's password; the old one stops working from the next request on.
   *
   * @throws BusinessRuleViolation {@code UNKNOWN_USER}, {@code PASSWORD_TOO_SHORT}
   */
  public UserView changePassword(String name, String password, String reason) {
    UserAccount user = accounts().changePassword(caller(), name, password, reason);
    cache.forget(name);
    return UserView.of(user);
  }

  /** Every user, by name. */
  @RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<UserView> list() {
    return em.createNamedQuery(UserAccount.ALL, UserAccount.class)
        .getResultStream()
        .map(UserView::of)
        .toList();
  }

  private UserAccounts accounts() {
    return new UserAccounts(em, new PasswordHashing(pbkdf2));
  }

  private String caller() {
    return session.getCallerPrincipal().getName();
  }
}
