package com.ledgerline.security.boundary;

import com.ledgerline.security.entity.UserAccount;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A user as administrators and auditors see it; never the password or its hash.
 *
 * @param roles role names, sorted
 */
public record UserView(
    String name,
    List<String> roles,
    boolean enabled,
    OffsetDateTime createdAt,
    String createdBy,
    OffsetDateTime changedAt) {

  static UserView of(UserAccount user) {
    return new UserView(
        user.name(),
        List.copyOf(user.roles()),
        user.enabled(),
        user.createdAt(),
        user.createdBy(),
        user.changedAt());
  }
}
