package com.ledgerline.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.ledgerline.security.control.ConfiguredUsers.ConfiguredUser;
import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Password length, user names, roles, the configured user list and the stored hash form. */
class PasswordRulesTest {

  private static ErrorCode code(Runnable r) {
    return assertThrows(BusinessRuleViolation.class, r::run).code();
  }

  @Test
  void passwordsNeedTwelveToOneThousandTwentyFourCharacters() {
    assertEquals(
        ErrorCode.PASSWORD_TOO_SHORT,
        code(() -> PasswordHashing.requireAcceptable("a".repeat(11))));
    PasswordHashing.requireAcceptable("a".repeat(12));
    PasswordHashing.requireAcceptable("a".repeat(1024));
    assertEquals(
        ErrorCode.INVALID_REQUEST, code(() -> PasswordHashing.requireAcceptable("a".repeat(1025))));
    assertEquals(ErrorCode.INVALID_REQUEST, code(() -> PasswordHashing.requireAcceptable("")));
    assertEquals(ErrorCode.INVALID_REQUEST, code(() -> PasswordHashing.requireAcceptable(null)));
    // characters, not UTF-16 units: 11 emoji are 22 chars but 11 characters
    assertEquals(
        ErrorCode.PASSWORD_TOO_SHORT,
        code(() -> PasswordHashing.requireAcceptable("\uD83D\uDD11".repeat(11))));
  }

  @Test
  void theParametersAskForPbkdf2WithHmacSha256At600000Iterations() {
    assertEquals(
        "PBKDF2WithHmacSHA256", PasswordHashing.parameters().get("Pbkdf2PasswordHash.Algorithm"));
    assertEquals("600000", PasswordHashing.parameters().get("Pbkdf2PasswordHash.Iterations"));
    String stored = new JdkPbkdf2(600_000).generate("correct horse battery".toCharArray());
    assertEquals(600_000, PasswordHashing.iterationsOf(stored));
    assertEquals("PBKDF2WithHmacSHA256", PasswordHashing.algorithmOf(stored));
    assertThrows(IllegalArgumentException.class, () -> PasswordHashing.iterationsOf("plain"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a",
        "cashier",
        "cashier2",
        "jane.doe",
        "j_doe-2",
        "a234567890123456789012345678901234567890"
      })
  void acceptedUserNames(String name) {
    UserAccounts.requireName(name);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "Admin",
        "2cashier",
        "jane doe",
        "jane@doe",
        "a2345678901234567890123456789012345678901",
        "system"
      })
  void refusedUserNames(String name) {
    assertEquals(ErrorCode.INVALID_REQUEST, code(() -> UserAccounts.requireName(name)));
  }

  @Test
  void rolesMustBePersonRoles() {
    assertEquals(Set.of("ADMIN", "AUDITOR"), UserAccounts.requireRoles(Set.of("AUDITOR", "ADMIN")));
    assertEquals(ErrorCode.INVALID_REQUEST, code(() -> UserAccounts.requireRoles(Set.of())));
    assertEquals(
        ErrorCode.INVALID_REQUEST, code(() -> UserAccounts.requireRoles(Set.of("SYSTEM"))));
    assertEquals(
        ErrorCode.INVALID_REQUEST, code(() -> UserAccounts.requireRoles(Set.of("cashier"))));
    Set<String> withNull = new HashSet<>();
    withNull.add(null);
    assertEquals(ErrorCode.INVALID_REQUEST, code(() -> UserAccounts.requireRoles(withNull)));
  }

  @Test
  void theConfiguredUserListReadsNamesAndRoles() {
    assertEquals(
        List.of(
            new ConfiguredUser("cashier", Set.of("CASHIER")),
            new ConfiguredUser("boss", Set.of("ADMIN", "AUDITOR"))),
        ConfiguredUsers.parseList(" cashier:CASHIER , boss:ADMIN+AUDITOR,"));
    assertEquals(List.of(), ConfiguredUsers.parseList(""));
    assertEquals(List.of(), ConfiguredUsers.parseList(null));
    assertEquals("ledgerline.user.cashier2.password", ConfiguredUsers.passwordProperty("cashier2"));
    for (String bad : List.of("cashier", "cashier:", ":CASHIER", "a:B:C", "a:ADMIN+")) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> ConfiguredUsers.parse(bad));
      assertEquals(true, e.getMessage().contains("'" + bad + "'"), e.getMessage());
    }
  }
}
