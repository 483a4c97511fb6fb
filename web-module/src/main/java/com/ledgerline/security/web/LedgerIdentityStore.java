package com.ledgerline.security.web;

import com.ledgerline.security.control.CredentialCache;
import com.ledgerline.security.control.CredentialValidation;
import com.ledgerline.security.control.UserDirectory;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The database identity store: users and roles in {@code sec_user} / {@code sec_user_role} of the
 * ledger datasource, passwords as PBKDF2 hashes (600,000 iterations). It both validates and
 * provides the groups, whose names are the roles ({@code security.Roles}).
 *
 * <p>A small custom store rather than {@code @DatabaseIdentityStoreDefinition}: the built-in store
 * hashes on every request, which at 600,000 iterations would cost ~0.3 s of CPU per HTTP Basic
 * call, and it has no notion of a disabled user. This one reads the user's row on each request
 * (hash, enabled, roles: one query) and verifies through {@link CredentialValidation}, which skips
 * the hashing when {@link CredentialCache} remembers this exact user, password and stored hash.
 */
@ApplicationScoped
public class LedgerIdentityStore implements IdentityStore {
  @Resource(lookup = "jdbc/ledgerline")
  private DataSource dataSource;

  @Inject private Pbkdf2PasswordHash pbkdf2;
  @Inject private CredentialCache cache;

  private CredentialValidation validation;
  private UserDirectory directory;

  @PostConstruct
  void init() {
    directory = new UserDirectory(dataSource);
    validation = new CredentialValidation(directory, pbkdf2, cache);
  }

  /**
   * A SHA-256 fingerprint of the user's stored password hash (hex), to tell later whether the
   * password changed since the user signed in; empty for an unknown user.
   */
  public Optional<String> hashFingerprint(String userName) {
    return directory.find(userName).map(stored -> fingerprint(stored.passwordHash()));
  }

  /**
   * The user of a signed-in session as the store holds them now: their current roles when the user
   * is still enabled and their password hash still has the fingerprint it had at sign-in; empty
   * otherwise (the session is then signed out). One query, no hashing.
   */
  public Optional<CredentialValidationResult> current(String userName, String hashFingerprint) {
    return directory
        .find(userName)
        .filter(stored -> stored.enabled())
        .filter(
            stored ->
                MessageDigest.isEqual(
                    fingerprint(stored.passwordHash()).getBytes(StandardCharsets.US_ASCII),
                    hashFingerprint.getBytes(StandardCharsets.US_ASCII)))
        .map(stored -> new CredentialValidationResult(userName, Set.copyOf(stored.roles())));
  }

  private static String fingerprint(String passwordHash) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(passwordHash.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public CredentialValidationResult validate(Credential credential) {
    if (!(credential instanceof UsernamePasswordCredential login)) {
      return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
    return validation
        .validate(login.getCaller(), login.getPassword().getValue())
        .map(roles -> new CredentialValidationResult(login.getCaller(), Set.copyOf(roles)))
        .orElse(CredentialValidationResult.INVALID_RESULT);
  }
}
