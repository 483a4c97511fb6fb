package com.ledgerline.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CredentialCacheTest {
  private final AtomicLong now = new AtomicLong(1_000);

  private CredentialCache cache(Duration ttl, int max) {
    return new CredentialCache(ttl, max, now::get);
  }

  @Test
  void aRememberedVerificationCountsForTheSameUserPasswordAndStoredHash() {
    CredentialCache cache = cache(Duration.ofMinutes(5), 10);
    cache.rememberVerified("anna", "correct horse".toCharArray(), "H1");

    assertTrue(cache.isVerified("anna", "correct horse".toCharArray(), "H1"));
    assertFalse(cache.isVerified("anna", "correct horsE".toCharArray(), "H1"), "other password");
    assertFalse(cache.isVerified("anne", "correct horse".toCharArray(), "H1"), "other user");
    assertFalse(cache.isVerified("ann", "acorrect horse".toCharArray(), "H1"), "shifted split");
  }

  @Test
  void aChangedStoredHashVoidsTheEntry() {
    CredentialCache cache = cache(Duration.ofMinutes(5), 10);
    cache.rememberVerified("anna", "correct horse".toCharArray(), "H1");

    assertFalse(cache.isVerified("anna", "correct horse".toCharArray(), "H2"));
    assertEquals(0, cache.size(), "a void entry is dropped");
    assertFalse(cache.isVerified("anna", "correct horse".toCharArray(), "H1"));
  }

  @Test
  void anEntryExpiresAfterItsTimeToLive() {
    CredentialCache cache = cache(Duration.ofSeconds(300), 10);
    cache.rememberVerified("anna", "correct horse".toCharArray(), "H1");

    now.addAndGet(Duration.ofSeconds(300).toNanos() - 1);
    assertTrue(cache.isVerified("anna", "correct horse".toCharArray(), "H1"));
    now.addAndGet(1);
    assertFalse(cache.isVerified("anna", "correct horse".toCharArray(), "H1"));
  }

  @Test
  void forgetDropsEveryEntryOfTheUserOnly() {
    CredentialCache cache = cache(Duration.ofMinutes(5), 10);
    cache.rememberVerified("anna", "first password".toCharArray(), "H1");
    cache.rememberVerified("anna", "second password".toCharArray(), "H1");
    cache.rememberVerified("bert", "first password".toCharArray(), "H2");

    cache.forget("anna");

    assertEquals(1, cache.size());
    assertFalse(cache.isVerified("anna", "first password".toCharArray(), "H1"));
    assertTrue(cache.isVerified("bert", "first password".toCharArray(), "H2"));
  }

  @Test
  void theLeastRecentlyUsedEntryGoesWhenFull() {
    CredentialCache cache = cache(Duration.ofMinutes(5), 3);
    for (int i = 0; i < 3; i++) {
      cache.rememberVerified("user" + i, "password".toCharArray(), "H");
    }
    assertTrue(cache.isVerified("user0", "password".toCharArray(), "H"), "user0 used again");

    cache.rememberVerified("user3", "password".toCharArray(), "H");

    assertEquals(3, cache.size());
    assertTrue(cache.isVerified("user0", "password".toCharArray(), "H"));
    assertFalse(cache.isVerified("user1", "password".toCharArray(), "H"), "least recently used");
    assertTrue(cache.isVerified("user3", "password".toCharArray(), "H"));
  }

  @Test
  void twoCachesDoNotShareKeys() {
    CredentialCache one = cache(Duration.ofMinutes(5), 10);
    CredentialCache other = cache(Duration.ofMinutes(5), 10);
    one.rememberVerified("anna", "correct horse".toCharArray(), "H1");
    assertFalse(other.isVerified("anna", "correct horse".toCharArray(), "H1"));
  }

  @Test
  void sizeAndTimeToLiveMustBePositive() {
    assertThrows(IllegalArgumentException.class, () -> cache(Duration.ZERO, 10));
    assertThrows(IllegalArgumentException.class, () -> cache(Duration.ofMinutes(1), 0));
  }
}
