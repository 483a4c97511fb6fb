package com.ledgerline.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ledgerline.security.control.CredentialValidation.StoredCredential;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CredentialValidationTest {
  /** Few iterations keep these tests fast; the benchmark below uses the real count. */
  private final JdkPbkdf2 pbkdf2 = new JdkPbkdf2(1_000);

  private final Map<String, StoredCredential> store = new HashMap<>();
  private final CredentialCache cache = new CredentialCache();
  private final CredentialValidation validation =
      new CredentialValidation(name -> Optional.ofNullable(store.get(name)), pbkdf2, cache);

  private void user(String name, String password, boolean enabled, String... roles) {
    store.put(
        name,
        new StoredCredential(pbkdf2.generate(password.toCharArray()), enabled, Set.of(roles)));
  }

  @Test
  void theRightPasswordAnswersTheRolesAndIsVerifiedOnceWhileCached() {
    user("anna", "correct horse battery", true, "CASHIER", "AUDITOR");

    for (int i = 0; i < 5; i++) {
      assertEquals(
          Optional.of(Set.of("CASHIER", "AUDITOR")),
          validation.validate("anna", "correct horse battery".toCharArray()));
    }
    assertEquals(1, pbkdf2.verifications.get(), "hashed once, then answered from the cache");
  }

  @Test
  void aWrongPasswordIsRefusedAndVerifiedEveryTime() {
    user("anna", "correct horse battery", true, "CASHIER");

    for (int i = 0; i < 3; i++) {
      assertEquals(
          Optional.empty(), validation.validate("anna", "wrong horse battery".toCharArray()));
    }
    assertEquals(3, pbkdf2.verifications.get(), "failures are never cached");
  }

  @Test
  void anUnknownUserIsRefusedAfterTheSameWorkAsAKnownOne() {
    assertEquals(
        Optional.empty(), validation.validate("nobody", "whatever password".toCharArray()));
    assertEquals(1, pbkdf2.verifications.get(), "one verification against the dummy hash");
  }

  @Test
  void aDisabledUserIsRefusedEvenWithACachedSignIn() {
    user("anna", "correct horse battery", true, "CASHIER");
    assertTrue(validation.validate("anna", "correct horse battery".toCharArray()).isPresent());

    StoredCredential enabled = store.get("anna");
    store.put("anna", new StoredCredential(enabled.passwordHash(), false, enabled.roles()));

    assertEquals(
        Optional.empty(), validation.validate("anna", "correct horse battery".toCharArray()));
    assertEquals(0, cache.size(), "the disabled user's entries are dropped");
    assertEquals(2, pbkdf2.verifications.get(), "sign-in, then the same work as a wrong password");
  }

  @Test
  void aNewPasswordStopsTheOldOneAtOnceEvenWhileCached() {
    user("anna", "correct horse battery", true, "CASHIER");
    assertTrue(validation.validate("anna", "correct horse battery".toCharArray()).isPresent());

    user("anna", "another long password", true, "CASHIER");

    assertEquals(
        Optional.empty(), validation.validate("anna", "correct horse battery".toCharArray()));
    assertTrue(validation.validate("anna", "another long password".toCharArray()).isPresent());
  }

  @Test
  void missingOrOversizedInputIsRefusedWithoutAnyLookup() {
    assertEquals(Optional.empty(), validation.validate(null, "x".toCharArray()));
    assertEquals(Optional.empty(), validation.validate("anna", new char[0]));
    assertEquals(Optional.empty(), validation.validate("anna", null));
    assertEquals(Optional.empty(), validation.validate("anna", new char[1025]));
    assertEquals(0, pbkdf2.verifications.get());
  }

  @Test
  void theDummyHashIsInTheStoredFormWithTheRealCost() {
    assertEquals(
        PasswordHashing.ITERATIONS, PasswordHashing.iterationsOf(CredentialValidation.DUMMY_HASH));
  }

  /**
   * Prints what one sign-in costs at 600,000 iterations, verified and from the cache. A figure, not
   * an assertion.
   */
  @Test
  void benchmarkOfOneVerificationAgainstACachedOne() {
    JdkPbkdf2 real = new JdkPbkdf2(PasswordHashing.ITERATIONS);
    Map<String, StoredCredential> one =
        Map.of(
            "anna",
            new StoredCredential(
                real.generate("correct horse battery".toCharArray()), true, Set.of("CASHIER")));
    CredentialCache fresh = new CredentialCache(Duration.ofMinutes(5), 100, System::nanoTime);
    CredentialValidation measured =
        new CredentialValidation(name -> Optional.ofNullable(one.get(name)), real, fresh);
    char[] password = "correct horse battery".toCharArray();

    long start = System.nanoTime();
    assertTrue(measured.validate("anna", password).isPresent());
    long verifiedNanos = System.nanoTime() - start;
    int cachedRounds = 10_000;
    start = System.nanoTime();
    for (int i = 0; i < cachedRounds; i++) {
      measured.validate("anna", password);
    }
    long cachedNanos = (System.nanoTime() - start) / cachedRounds;

    assertEquals(1, real.verifications.get());
    System.out.printf(
        "PBKDF2-HMAC-SHA256 %d iterations: one verification %.1f ms, a cached sign-in %.1f µs%n",
        PasswordHashing.ITERATIONS, verifiedNanos / 1e6, cachedNanos / 1e3);
  }
}
