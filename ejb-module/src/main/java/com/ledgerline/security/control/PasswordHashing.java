package com.ledgerline.security.control;

import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How passwords are hashed: Jakarta Security's {@link Pbkdf2PasswordHash} with PBKDF2 over
 * HMAC-SHA-256, {@value #ITERATIONS} iterations, a 32-byte random salt and a 32-byte derived key
 * (OWASP Password Storage Cheat Sheet, PBKDF2-HMAC-SHA256: at least 600,000 iterations). The stored
 * form is the implementation's {@code <algorithm>:<iterations>:<base64 salt>:<base64 hash>}, e.g.
 * {@code PBKDF2WithHmacSHA256:600000:…:…}; verification reads the parameters from the stored form,
 * so raising the iteration count later leaves older hashes verifiable. The database refuses a
 * stored hash with fewer iterations ({@code V0010}).
 *
 * <p>One verification costs about 0.3 s of CPU on the reference machine; that is the point of the
 * count, and why {@link CredentialCache} keeps successful sign-ins for a few minutes.
 */
public final class PasswordHashing {
  public static final String ALGORITHM = "PBKDF2WithHmacSHA256";
  public static final int ITERATIONS = 600_000;
  public static final int SALT_SIZE_BYTES = 32;
  public static final int KEY_SIZE_BYTES = 32;

  /** Shortest password accepted, in characters (NIST SP 800-63B asks for at least 8). */
  public static final int MIN_PASSWORD_LENGTH = 12;

  /** Longest password accepted, in characters. */
  public static final int MAX_PASSWORD_LENGTH = 1024;

  private static final Pattern STORED =
      Pattern.compile("^(PBKDF2WithHmacSHA\\d+):(\\d{1,9}):([A-Za-z0-9+/=]+):([A-Za-z0-9+/=]+)$");

  private final Pbkdf2PasswordHash hash;

  /**
   * @param hash a fresh {@link Pbkdf2PasswordHash} (the container's built-in bean); it is
   *     initialised here with this class's parameters
   */
  public PasswordHashing(Pbkdf2PasswordHash hash) {
    this.hash = hash;
    hash.initialize(parameters());
  }

  /** The {@link Pbkdf2PasswordHash#initialize} parameters of new hashes. */
  public static Map<String, String> parameters() {
    return Map.of(
        "Pbkdf2PasswordHash.Algorithm", ALGORITHM,
        "Pbkdf2PasswordHash.Iterations", String.valueOf(ITERATIONS),
        "Pbkdf2PasswordHash.SaltSizeBytes", String.valueOf(SALT_SIZE_BYTES),
        "Pbkdf2PasswordHash.KeySizeBytes", String.valueOf(KEY_SIZE_BYTES));
  }

  /**
   * Hashes a new password.
   *
   * @param password {@value #MIN_PASSWORD_LENGTH}..{@value #MAX_PASSWORD_LENGTH} characters
   * @return the stored form, {@code PBKDF2WithHmacSHA256:600000:<salt>:<hash>}
   * @throws BusinessRuleViolation {@code PASSWORD_TOO_SHORT}, {@code INVALID_REQUEST} (missing or
   *     longer than {@value #MAX_PASSWORD_LENGTH})
   */
  public String hash(String password) {
    requireAcceptable(password);
    return hash.generate(password.toCharArray());
  }

  /**
   * The password rules new passwords must meet (length only: composition rules make passwords
   * weaker, NIST SP 800-63B 5.1.1.2).
   *
   * @throws BusinessRuleViolation {@code PASSWORD_TOO_SHORT}, {@code INVALID_REQUEST}
   */
  public static void requireAcceptable(String password) {
    if (password == null || password.isEmpty()) {
      throw new BusinessRuleViolation(ErrorCode.INVALID_REQUEST, "a password is required");
    }
    // the messages never tell the password's length: they end up in logs
    int length = password.codePointCount(0, password.length());
    if (length < MIN_PASSWORD_LENGTH) {
      throw new BusinessRuleViolation(
          ErrorCode.PASSWORD_TOO_SHORT,
          "a password needs at least " + MIN_PASSWORD_LENGTH + " characters");
    }
    if (length > MAX_PASSWORD_LENGTH) {
      throw new BusinessRuleViolation(
          ErrorCode.INVALID_REQUEST,
          "a password has at most " + MAX_PASSWORD_LENGTH + " characters");
    }
  }

  /**
   * The iteration count a stored hash was made with.
   *
   * @throws IllegalArgumentException when the text is not in the stored form
   */
  public static int iterationsOf(String storedHash) {
    Matcher m = STORED.matcher(storedHash == null ? "" : storedHash);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a stored PBKDF2 password hash");
    }
    return Integer.parseInt(m.group(2));
  }

  /** The algorithm a stored hash was made with, e.g. {@code PBKDF2WithHmacSHA256}. */
  public static String algorithmOf(String storedHash) {
    Matcher m = STORED.matcher(storedHash == null ? "" : storedHash);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a stored PBKDF2 password hash");
    }
    return m.group(1);
  }
}
