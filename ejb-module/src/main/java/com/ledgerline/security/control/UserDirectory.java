package com.ledgerline.security.control;

import com.ledgerline.security.control.CredentialValidation.StoredCredential;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * Reads a user's stored credential for a sign-in: plain JDBC over the ledger datasource, one query,
 * outside any transaction (authentication happens before a request reaches a boundary).
 */
public final class UserDirectory implements CredentialValidation.Lookup {
  private static final String SQL =
      "select u.password_hash, u.enabled, coalesce(string_agg(r.role, ',' order by r.role), '')"
          + " from sec_user u left join sec_user_role r on r.user_id = u.id"
          + " where u.user_name = ? group by u.id";

  private final DataSource dataSource;

  public UserDirectory(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * @throws IllegalStateException when the database cannot be read (the sign-in then fails)
   */
  @Override
  public Optional<StoredCredential> find(String userName) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(SQL)) {
      statement.setString(1, userName);
      try (ResultSet rs = statement.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        String roles = rs.getString(3);
        return Optional.of(
            new StoredCredential(
                rs.getString(1),
                rs.getBoolean(2),
                roles.isEmpty()
                    ? Set.of()
                    : Set.copyOf(new TreeSet<>(Arrays.asList(roles.split(","))))));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("the identity store could not be read", e);
    }
  }
}
