package com.ledgerline.security.boundary;

import com.ledgerline.security.Roles;
import com.ledgerline.security.control.ConfiguredUsers;
import com.ledgerline.security.control.ConfiguredUsers.ConfiguredUser;
import com.ledgerline.security.control.PasswordHashing;
import com.ledgerline.security.control.UserAccounts;
import com.ledgerline.shared.BusinessRuleViolation;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Creates the configured users when the application starts, after the schema is migrated: every
 * user named in {@code ledgerline.users} that does not exist yet is created with its roles and the
 * password from {@code ledgerline.user.<name>.password} (see {@link ConfiguredUsers}), recorded in
 * the audit trail as {@code user.created} by {@code system}. A user that exists is left as it is
 * (its password and roles are changed through {@link Users}, not by the configuration).
 *
 * <p>A configured user without a password, or with one the password rules refuse, is not created;
 * the log says which user and which rule, never the password. Two instances starting at once create
 * each user once (a transaction-scoped advisory lock serialises them).
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrations")
public class UserProvisioning {
  private static final Logger LOG = Logger.getLogger(UserProvisioning.class.getName());

  /** Key of the advisory lock held while users are provisioned ('LLUSERS' in ASCII). */
  private static final long ADVISORY_LOCK_KEY = 0x4C4C5553455253L;

  @PersistenceContext private EntityManager em;
  @Inject private Pbkdf2PasswordHash pbkdf2;

  @PostConstruct
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  void createConfiguredUsers() {
    Config config = ConfigProvider.getConfig();
    String list = config.getOptionalValue(ConfiguredUsers.USERS_PROPERTY, String.class).orElse("");
    List<ConfiguredUser> users;
    try {
      users = ConfiguredUsers.parseList(list);
    } catch (IllegalArgumentException e) {
      LOG.severe(() -> "no users created: " + e.getMessage());
      return;
    }
    if (users.isEmpty()) {
      LOG.info(() -> "no users configured (" + ConfiguredUsers.USERS_PROPERTY + " is empty)");
      return;
    }
    em.createNativeQuery("select pg_advisory_xact_lock(" + ADVISORY_LOCK_KEY + ")")
        .getSingleResult();
    UserAccounts accounts = new UserAccounts(em, new PasswordHashing(pbkdf2));
    int created = 0;
    for (ConfiguredUser user : users) {
      if (accounts.find(user.name()).isPresent()) {
        continue;
      }
      Optional<String> password = config.getOptionalValue(user.passwordProperty(), String.class);
      if (password.isEmpty() || password.get().isEmpty()) {
        LOG.severe(
            () ->
                "user "
                    + user.name()
                    + " is configured but has no password ("
                    + user.passwordProperty()
                    + "); not created");
        continue;
      }
      try {
        accounts.create(
            Roles.SYSTEM_PRINCIPAL,
            user.name(),
            password.get(),
            user.roles(),
            "configured in " + ConfiguredUsers.USERS_PROPERTY);
        created++;
        LOG.info(() -> "created user " + user.name() + " with roles " + user.roles());
      } catch (BusinessRuleViolation e) {
        LOG.severe(() -> "user " + user.name() + " not created: " + e.getMessage());
      }
    }
    int total = created;
    LOG.info(() -> total + " of " + users.size() + " configured users created now");
  }
}
