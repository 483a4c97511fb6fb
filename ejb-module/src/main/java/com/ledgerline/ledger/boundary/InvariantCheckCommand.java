package com.ledgerline.ledger.boundary;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * {@code deployment/ledgerline check}: runs the invariant checks ({@link InvariantChecks#checks()},
 * the same SQL the application runs) against a database over plain JDBC, in one read-only
 * transaction, so it needs neither a running application server nor an application user. Prints one
 * line per invariant, {@code ok} or {@code VIOLATED} with the number of offending rows and what was
 * compared, then {@code invariants: N checked, M violated}.
 *
 * <p>Arguments: host, port, database, user; the password comes from the environment variable {@code
 * LEDGERLINE_DB_PASSWORD} (never the command line). Exit status 0 when every invariant holds, 1
 * when any is violated, 2 when the checks could not run (usage, connection, SQL).
 *
 * <p>Runs on the EJB module's classes and the PostgreSQL driver alone: nothing here may need the
 * Jakarta EE API at run time.
 */
public final class InvariantCheckCommand {
  static final int HOLDS = 0;
  static final int VIOLATED = 1;
  static final int FAILED = 2;

  private InvariantCheckCommand() {}

  public static void main(String[] args) {
    System.exit(run(args, System.getenv("LEDGERLINE_DB_PASSWORD"), System.out, System.err));
  }

  /**
   * @return the exit status: {@value #HOLDS}, {@value #VIOLATED} or {@value #FAILED}
   */
  static int run(String[] args, String password, PrintStream out, PrintStream err) {
    if (args.length != 4) {
      err.println(
          "usage: InvariantCheckCommand <host> <port> <database> <user>"
              + " (password in LEDGERLINE_DB_PASSWORD)");
      return FAILED;
    }
    String url = "jdbc:postgresql://" + args[0] + ":" + args[1] + "/" + args[2];
    Properties properties = new Properties();
    properties.setProperty("user", args[3]);
    properties.setProperty("password", password == null ? "" : password);
    properties.setProperty("ApplicationName", "ledgerline check");
    properties.setProperty("connectTimeout", "10");
    List<InvariantChecks.Result> results;
    try (Connection connection = DriverManager.getConnection(url, properties)) {
      results = check(connection);
    } catch (SQLException e) {
      err.println(
          "ledgerline check: cannot check " + url + " as " + args[3] + ": " + e.getMessage());
      return FAILED;
    }
    int width = results.stream().mapToInt(r -> r.name().length()).max().orElse(0);
    long violated = 0;
    for (InvariantChecks.Result result : results) {
      if (result.holds()) {
        out.printf(Locale.ROOT, "ok        %-" + width + "s  %s%n", result.name(), result.detail());
      } else {
        violated++;
        out.printf(
            Locale.ROOT,
            "VIOLATED  %-" + width + "s  %d row(s): %s%n",
            result.name(),
            result.violations(),
            result.detail());
      }
    }
    out.printf(Locale.ROOT, "invariants: %d checked, %d violated%n", results.size(), violated);
    return violated == 0 ? HOLDS : VIOLATED;
  }

  /** Runs every check in one read-only, repeatable-read transaction: one consistent snapshot. */
  static List<InvariantChecks.Result> check(Connection connection) throws SQLException {
    connection.setAutoCommit(false);
    connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
    connection.setReadOnly(true);
    List<InvariantChecks.Result> results = new ArrayList<>();
    try (Statement statement = connection.createStatement()) {
      for (InvariantChecks.Check check : InvariantChecks.checks()) {
        try (ResultSet rs = statement.executeQuery(check.sql())) {
          rs.next();
          results.add(new InvariantChecks.Result(check.name(), rs.getLong(1), rs.getString(2)));
        }
      }
    } finally {
      connection.rollback();
    }
    return results;
  }
}
