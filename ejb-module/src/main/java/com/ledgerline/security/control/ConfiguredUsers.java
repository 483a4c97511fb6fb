package com.ledgerline.security.control;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The users the configuration asks for: MicroProfile Config {@code ledgerline.users}, a list of
 * {@code name:ROLE} entries ({@code name:ROLE+ROLE} for several roles), e.g. {@code
 * cashier:CASHIER,admin:ADMIN,auditor:AUDITOR}; each user's password is the property {@code
 * ledgerline.user.<name>.password} (environment variable {@code LEDGERLINE_USER_<NAME>_PASSWORD}).
 */
public final class ConfiguredUsers {
  /** The property listing the users. */
  public static final String USERS_PROPERTY = "ledgerline.users";

  /** One configured user. */
  public record ConfiguredUser(String name, Set<String> roles) {
    /** The property holding the password of this user. */
    public String passwordProperty() {
      return ConfiguredUsers.passwordProperty(name);
    }
  }

  private ConfiguredUsers() {}

  /** The property holding a user's password: {@code ledgerline.user.<name>.password}. */
  public static String passwordProperty(String name) {
    return "ledgerline.user." + name + ".password";
  }

  /**
   * Reads one list entry.
   *
   * @param entry {@code name:ROLE} or {@code name:ROLE+ROLE}, blanks around parts ignored
   * @throws IllegalArgumentException naming the entry when it has no name or no role (name and role
   *     rules are checked when the user is created)
   */
  public static ConfiguredUser parse(String entry) {
    String[] parts = entry == null ? new String[0] : entry.trim().split(":", -1);
    if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
      throw new IllegalArgumentException(
          "'" + entry + "' in " + USERS_PROPERTY + " is not name:ROLE or name:ROLE+ROLE");
    }
    Set<String> roles = new LinkedHashSet<>();
    for (String role : parts[1].split("\\+", -1)) {
      if (role.isBlank()) {
        throw new IllegalArgumentException(
            "'" + entry + "' in " + USERS_PROPERTY + " has an empty role");
      }
      roles.add(role.trim());
    }
    return new ConfiguredUser(parts[0].trim(), roles);
  }

  /** Reads a whole comma-separated list; see {@link #parse}. */
  public static List<ConfiguredUser> parseList(String list) {
    List<ConfiguredUser> users = new ArrayList<>();
    if (list == null || list.isBlank()) {
      return users;
    }
    Arrays.stream(list.split(","))
        .filter(e -> !e.isBlank())
        .map(ConfiguredUsers::parse)
        .forEach(users::add);
    return users;
  }
}
