package com.ledgerline.security.control;

import jakarta.security.enterprise.identitystore.PasswordHash;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2 through the JDK, in Jakarta Security's stored form ({@code
 * algorithm:iterations:salt:hash}), the same computation the container's {@code Pbkdf2PasswordHash}
 * does; counts verifications so tests can see what the cache saves.
 */
final class JdkPbkdf2 implements PasswordHash {
  final AtomicInteger verifications = new AtomicInteger();
  private final int iterations;

  JdkPbkdf2(int iterations) {
    this.iterations = iterations;
  }

  @Override
  public String generate(char[] password) {
    byte[] salt = new byte[32];
    new SecureRandom().nextBytes(salt);
    return "PBKDF2WithHmacSHA256:"
        + iterations
        + ":"
        + Base64.getEncoder().encodeToString(salt)
        + ":"
        + Base64.getEncoder().encodeToString(derive(password, salt, iterations, 32));
  }

  @Override
  public boolean verify(char[] password, String hashedPassword) {
    verifications.incrementAndGet();
    String[] parts = hashedPassword.split(":");
    byte[] salt = Base64.getDecoder().decode(parts[2]);
    byte[] expected = Base64.getDecoder().decode(parts[3]);
    return MessageDigest.isEqual(
        expected, derive(password, salt, Integer.parseInt(parts[1]), expected.length));
  }

  private static byte[] derive(char[] password, byte[] salt, int iterations, int bytes) {
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
          .generateSecret(new PBEKeySpec(password, salt, iterations, bytes * 8))
          .getEncoded();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
