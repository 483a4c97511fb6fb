package com.ledgerline.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Remembers successful password verifications for a short time, so that HTTP Basic, which sends the
 * password with every request, does not cost a PBKDF2 verification (600,000 iterations, about 0.3 s
 * of CPU) per request.
 *
 * <p>What is kept, and why it is safe:
 *
 * <ul>
 *   <li>The key is SHA-256 over a random 32-byte salt drawn when the application starts, the user
 *       name and the password. The password itself is never kept, and the salt makes the keys
 *       useless outside this process (no precomputed tables, no comparison across instances).
 *   <li>The value is the stored hash the password was verified against and when the entry expires
 *       ({@link #DEFAULT_TIME_TO_LIVE}, 5 minutes, counted from the verification). A hit counts
 *       only while the user's <em>current</em> stored hash, read from the database on every
 *       request, is that same hash. So a changed password stops the old one at once, on every
 *       instance, even without {@link #forget}; and a disabled user is refused before the cache is
 *       consulted ({@link CredentialValidation}).
 *   <li>Only successes are kept, so a wrong password always costs a full verification.
 *   <li>At most {@link #DEFAULT_MAX_ENTRIES} entries; the least recently used goes first.
 * </ul>
 *
 * <p>{@link #forget} drops a user's entries; the user administration calls it when it disables a
 * user or replaces a password, so nothing about them lingers in memory. One instance per
 * application (CDI application scope), shared by the sign-in and the user administration.
 */
@ApplicationScoped
public class CredentialCache {
  public static final Duration DEFAULT_TIME_TO_LIVE = Duration.ofMinutes(5);
  public static final int DEFAULT_MAX_ENTRIES = 10_000;

  private record Entry(String user, String storedHash, long expiresAtNanos) {}

  private final byte[] salt = new byte[32];
  private final long timeToLiveNanos;
  private final int maxEntries;
  private final LongSupplier nanoClock;
  private final Map<String, Entry> entries;

  public CredentialCache() {
    this(DEFAULT_TIME_TO_LIVE, DEFAULT_MAX_ENTRIES, System::nanoTime);
  }

  /**
   * @param timeToLive how long a verification counts, > 0
   * @param maxEntries how many verifications are kept at most, > 0
   * @param nanoClock a monotonic clock in nanoseconds ({@link System#nanoTime()})
   */
  public CredentialCache(Duration timeToLive, int maxEntries, LongSupplier nanoClock) {
    if (timeToLive.isNegative() || timeToLive.isZero() || maxEntries < 1) {
      throw new IllegalArgumentException("time to live and size must be positive");
    }
    new SecureRandom().nextBytes(salt);
    this.timeToLiveNanos = timeToLive.toNanos();
    this.maxEntries = maxEntries;
    this.nanoClock = nanoClock;
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > CredentialCache.this.maxEntries;
          }
        };
  }

  /**
   * Whether this user and password were verified against {@code currentStoredHash} within the time
   * to live.
   */
  public boolean isVerified(String user, char[] password, String currentStoredHash) {
    String key = key(user, password);
    synchronized (entries) {
      Entry entry = entries.get(key);
      if (entry == null) {
        return false;
      }
      if (nanoClock.getAsLong() - entry.expiresAtNanos() >= 0
          || !entry.storedHash().equals(currentStoredHash)) {
        entries.remove(key);
        return false;
      }
      return true;
    }
  }

  /** Remembers that this user and password verified against {@code storedHash} just now. */
  public void rememberVerified(String user, char[] password, String storedHash) {
    String key = key(user, password);
    Entry entry = new Entry(user, storedHash, nanoClock.getAsLong() + timeToLiveNanos);
    synchronized (entries) {
      entries.put(key, entry);
    }
  }

  /** Drops every remembered verification of the user. */
  public void forget(String user) {
    synchronized (entries) {
      entries.values().removeIf(entry -> entry.user().equals(user));
    }
  }

  /** How many verifications are remembered now (expired ones included until touched). */
  public int size() {
    synchronized (entries) {
      return entries.size();
    }
  }

  private String key(String user, char[] password) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update(salt);
      sha256.update(user.getBytes(StandardCharsets.UTF_8));
      // a separator that cannot occur in a user name keeps ("ab","c") and ("a","bc") apart
      sha256.update((byte) 0);
      sha256.update(StandardCharsets.UTF_8.encode(CharBuffer.wrap(password)));
      return Base64.getEncoder().encodeToString(sha256.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }
}
