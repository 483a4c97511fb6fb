package com.ledgerline.it.support;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The test's own JDBC view of the ledger database, to check rows as an auditor would. */
public final class TestDatabase {
  private TestDatabase() {}

  public static Connection connect() throws SQLException {
    String url =
        "jdbc:postgresql://"
            + System.getProperty("ledgerline.db.host", "127.0.0.1")
            + ":"
            + System.getProperty("ledgerline.db.port", "5432")
            + "/"
            + System.getProperty("ledgerline.db.name", "ledgerline_test");
    return DriverManager.getConnection(
        url,
        System.getProperty("ledgerline.db.user", "ledgerline"),
        System.getProperty("ledgerline.db.password", "ledgerline-dev"));
  }

  public static void execute(String sql) throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /** The first column of the single row the query returns, as a long. */
  public static long count(String sql, Object... parameters) throws SQLException {
    return value(sql, parameters).longValue();
  }

  /** The first column of the single row the query returns (0 when it is null). */
  public static BigDecimal value(String sql, Object... parameters) throws SQLException {
    try (Connection c = connect();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        s.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          throw new AssertionError("no row for " + sql);
        }
        BigDecimal value = rs.getBigDecimal(1);
        return value == null ? BigDecimal.ZERO : value;
      }
    }
  }

  /** The first column of the single row the query returns, as text (null when it is null). */
  public static String text(String sql, Object... parameters) throws SQLException {
    try (Connection c = connect();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        s.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          throw new AssertionError("no row for " + sql);
        }
        return rs.getString(1);
      }
    }
  }
}
