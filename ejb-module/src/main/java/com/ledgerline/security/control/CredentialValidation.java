package com.ledgerline.security.control;

import jakarta.security.enterprise.identitystore.PasswordHash;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a user name and password against the identity store, the way every sign-in does:
 *
 * <ol>
 *   <li>read the user's current row (stored hash, enabled, roles): one indexed query per request,
 *       so a user disabled or given a new password on any instance is refused from the next request
 *       on;
 *   <li>an unknown user still costs one full verification against a fixed dummy hash, so the answer
 *       time does not tell which user names exist;
 *   <li>a disabled user is refused after the same work, and their remembered sign-ins dropped;
 *   <li>a verification remembered by {@link CredentialCache} for this user, password and current
 *       stored hash counts without hashing again; otherwise the password is verified with PBKDF2
 *       (the parameters come from the stored hash) and a success is remembered.
 * </ol>
 */
public final class CredentialValidation {

  /** What the identity store holds for one user. */
  public record StoredCredential(String passwordHash, boolean enabled, Set<String> roles) {}

  /** Reads the stored credential of a user name. */
  @FunctionalInterface
  public interface Lookup {
    Optional<StoredCredential> find(String userName);
  }

  /** A well-formed hash no password is known to match; costs what a real one costs. */
  static final String DUMMY_HASH =
      "PBKDF2WithHmacSHA256:600000:3q2+7wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=:"
          + "UXVpdGUgYSBsb25nIGZha2UgZGVyaXZlZCBrZXkgISE=";

  private final Lookup lookup;
  private final PasswordHash hash;
  private final CredentialCache cache;

  public CredentialValidation(Lookup lookup, PasswordHash hash, CredentialCache cache) {
    this.lookup = lookup;
    this.hash = hash;
    this.cache = cache;
  }

  /**
   * @return the user's roles when the user exists, is enabled and the password matches; empty
   *     otherwise (the reason is not told to the caller)
   */
  public Optional<Set<String>> validate(String userName, char[] password) {
    if (userName == null
        || userName.isEmpty()
        || userName.length() > 100
        || password == null
        || password.length == 0
        || password.length > PasswordHashing.MAX_PASSWORD_LENGTH) {
      return Optional.empty();
    }
    Optional<StoredCredential> stored = lookup.find(userName);
    if (stored.isEmpty()) {
      hash.verify(password, DUMMY_HASH);
      return Optional.empty();
    }
    StoredCredential credential = stored.get();
    if (!credential.enabled()) {
      cache.forget(userName);
      hash.verify(password, DUMMY_HASH);
      return Optional.empty();
    }
    if (cache.isVerified(userName, password, credential.passwordHash())) {
      return Optional.of(credential.roles());
    }
    if (hash.verify(password, credential.passwordHash())) {
      cache.rememberVerified(userName, password, credential.passwordHash());
      return Optional.of(credential.roles());
    }
    return Optional.empty();
  }
}
