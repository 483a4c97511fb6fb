package com.ledgerline.security.control;

import static com.ledgerline.shared.Jsonp.JSON;

import com.ledgerline.audit.control.AuditTrail;
import com.ledgerline.security.Roles;
import com.ledgerline.security.entity.UserAccount;
import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
import jakarta.json.JsonArrayBuilder;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The rules of user administration, inside the caller's transaction: names, roles, password length,
 * hashing, and an audit record for every change ({@code user.created}, {@code user.disabled},
 * {@code user.enabled}, {@code user.password_changed}; document type {@value #DOCUMENT_TYPE},
 * document number the user name). Never records a password or its hash in the trail.
 */
public final class UserAccounts {
  /** The audit trail's document type of user administration. */
  public static final String DOCUMENT_TYPE = "USER";

  /** Lower case letter first, then lower case letters, digits, '.', '_', '-'; 1..40 characters. */
  public static final Pattern NAME = Pattern.compile("^[a-z][a-z0-9._-]{0,39}$");

  private final EntityManager em;
  private final PasswordHashing hashing;
  private final AuditTrail audit;

  public UserAccounts(EntityManager em, PasswordHashing hashing) {
    this.em = em;
    this.hashing = hashing;
    this.audit = new AuditTrail(em);
  }

  public Optional<UserAccount> find(String name) {
    return em.createNamedQuery(UserAccount.BY_NAME, UserAccount.class)
        .setParameter("name", name)
        .getResultStream()
        .findFirst();
  }

  /**
   * Creates an enabled user.
   *
   * @param actor who creates it ({@code system} at start-up)
   * @param name see {@link #NAME}; not {@value Roles#SYSTEM_PRINCIPAL}
   * @param password {@value PasswordHashing#MIN_PASSWORD_LENGTH}.. characters; stored only hashed
   * @param roles one or more of {@link Roles#PERSON_ROLES}
   * @param reason why, for the audit trail; may be null
   * @throws BusinessRuleViolation {@code INVALID_REQUEST} (name, roles), {@code ALREADY_EXISTS},
   *     {@code PASSWORD_TOO_SHORT}
   */
  public UserAccount create(
      String actor, String name, String password, Set<String> roles, String reason) {
    requireName(name);
    Set<String> checkedRoles = requireRoles(roles);
    if (find(name).isPresent()) {
      throw new BusinessRuleViolation(ErrorCode.ALREADY_EXISTS, "user " + name + " exists already");
    }
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    UserAccount user = new UserAccount(name, hashing.hash(password), checkedRoles, now, actor);
    em.persist(user);
    JsonArrayBuilder roleList = JSON.createArrayBuilder();
    checkedRoles.forEach(roleList::add);
    audit.record(
        actor,
        "user.created",
        DOCUMENT_TYPE,
        name,
        reason,
        JSON.createObjectBuilder().add("roles", roleList).build().toString());
    return user;
  }

  /**
   * Disables or enables a user; a no-op change is still recorded.
   *
   * @throws BusinessRuleViolation {@code UNKNOWN_USER}, {@code INVALID_REQUEST} (a user disabling
   *     themselves)
   */
  public UserAccount setEnabled(String actor, String name, boolean enabled, String reason) {
    UserAccount user = require(name);
    if (!enabled && name.equals(actor)) {
      throw new BusinessRuleViolation(ErrorCode.INVALID_REQUEST, "users cannot disable themselves");
    }
    user.enable(enabled, OffsetDateTime.now(ZoneOffset.UTC));
    audit.record(
        actor, enabled ? "user.enabled" : "user.disabled", DOCUMENT_TYPE, name, reason, null);
    return user;
  }

  /**
   * Replaces a user's password.
   *
   * @throws BusinessRuleViolation {@code UNKNOWN_USER}, {@code PASSWORD_TOO_SHORT}
   */
  public UserAccount changePassword(String actor, String name, String password, String reason) {
    UserAccount user = require(name);
    user.replacePasswordHash(hashing.hash(password), OffsetDateTime.now(ZoneOffset.UTC));
    audit.record(actor, "user.password_changed", DOCUMENT_TYPE, name, reason, null);
    return user;
  }

  private UserAccount require(String name) {
    return find(name)
        .orElseThrow(() -> new BusinessRuleViolation(ErrorCode.UNKNOWN_USER, "no user " + name));
  }

  /**
   * @throws BusinessRuleViolation {@code INVALID_REQUEST} when the name breaks {@link #NAME} or is
   *     the system's
   */
  public static void requireName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new BusinessRuleViolation(
          ErrorCode.INVALID_REQUEST,
          "a user name is 1..40 characters: a lower case letter, then lower case letters, digits,"
              + " '.', '_' or '-'; was '"
              + name
              + "'");
    }
    if (Roles.SYSTEM_PRINCIPAL.equals(name)) {
      throw new BusinessRuleViolation(
          ErrorCode.INVALID_REQUEST, "the user name " + name + " is reserved for the system");
    }
  }

  /**
   * @return the roles, sorted
   * @throws BusinessRuleViolation {@code INVALID_REQUEST} when empty or naming a role no person may
   *     hold
   */
  public static Set<String> requireRoles(Set<String> roles) {
    if (roles == null || roles.isEmpty()) {
      throw new BusinessRuleViolation(ErrorCode.INVALID_REQUEST, "a user needs at least one role");
    }
    for (String role : roles) {
      if (role == null || !Roles.PERSON_ROLES.contains(role)) {
        throw new BusinessRuleViolation(
            ErrorCode.INVALID_REQUEST,
            "unknown role " + role + "; a user may hold " + new TreeSet<>(Roles.PERSON_ROLES));
      }
    }
    return new TreeSet<>(roles);
  }
}
