package com.ledgerline.harness;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import javax.sql.XADataSource;
import javax.transaction.xa.Xid;
import org.flywaydb.core.Flyway;
import org.postgresql.xa.PGXADataSource;

/**
 * The harness's own PostgreSQL database ({@link HarnessSettings#harnessDatabase()}): created when
 * missing (the role needs CREATEDB), emptied and migrated by Flyway at every start so each run
 * begins with the reference data of the migrations only, and read with plain, non-XA connections so
 * that checks see only what was committed.
 */
public final class HarnessDatabase {
  private static final Logger LOG = Logger.getLogger(HarnessDatabase.class.getName());
  private static final Pattern SAFE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
  private static final String DUPLICATE_DATABASE = "42P04";
  private static final String INSUFFICIENT_PRIVILEGE = "42501";

  private final HarnessSettings settings;
  private final String name;

  HarnessDatabase(HarnessSettings settings) {
    this.settings = settings;
    this.name = settings.harnessDatabase();
    if (!SAFE_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "harness database name " + name + " must be a lower-case SQL identifier");
    }
  }

  public String name() {
    return name;
  }

  /** Creates the database unless it exists, connecting to the {@code postgres} database. */
  void createIfMissing() {
    try (Connection c = connect("postgres")) {
      try (PreparedStatement exists =
          c.prepareStatement("select 1 from pg_database where datname = ?")) {
        exists.setString(1, name);
        try (ResultSet rs = exists.executeQuery()) {
          if (rs.next()) {
            return;
          }
        }
      }
      try (Statement create = c.createStatement()) {
        create.execute("create database " + name);
        LOG.info("created database " + name);
      }
    } catch (SQLException e) {
      if (DUPLICATE_DATABASE.equals(e.getSQLState())) {
        return;
      }
      if (INSUFFICIENT_PRIVILEGE.equals(e.getSQLState())) {
        throw new IllegalStateException(
            "role "
                + settings.databaseUser()
                + " may not create database "
                + name
                + ": grant it CREATEDB or create the database owned by it",
            e);
      }
      throw new IllegalStateException("cannot check or create database " + name, e);
    }
  }

  /**
   * Rolls back the prepared transactions a killed earlier run left in this database: they hold row
   * and table locks that would block the clean. Only this database's, only the harness role's.
   *
   * @return how many were rolled back
   */
  int rollBackOrphanedPreparedTransactions() {
    List<String> gids = new ArrayList<>();
    try (Connection c = open()) {
      try (PreparedStatement orphans =
              c.prepareStatement(
                  "select gid from pg_prepared_xacts where database = current_database()"
                      + " and owner = current_user");
          ResultSet rs = orphans.executeQuery()) {
        while (rs.next()) {
          gids.add(rs.getString(1));
        }
      }
      for (String gid : gids) {
        try (Statement rollback = c.createStatement()) {
          rollback.execute("rollback prepared '" + gid.replace("'", "''") + "'");
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot roll back orphaned prepared transactions", e);
    }
    if (!gids.isEmpty()) {
      LOG.warning("rolled back " + gids.size() + " orphaned prepared transaction(s) in " + name);
    }
    return gids.size();
  }

  /** Drops everything in the database and applies the Flyway migrations of the application. */
  void rebuild() {
    Flyway flyway =
        Flyway.configure()
            .dataSource(
                settings.jdbcUrl(name), settings.databaseUser(), settings.databasePassword())
            .locations("classpath:db/migration")
            .cleanDisabled(false)
            // a lock left by anything else fails the start instead of hanging it
            .initSql("set lock_timeout = '10s'")
            .load();
    flyway.clean();
    flyway.migrate();
  }

  /** The XA data source Narayana enlists: a new physical connection per XA connection. */
  XADataSource xaDataSource() {
    PGXADataSource xa = new PGXADataSource();
    xa.setServerNames(new String[] {settings.databaseHost()});
    xa.setPortNumbers(new int[] {settings.databasePort()});
    xa.setDatabaseName(name);
    xa.setUser(settings.databaseUser());
    xa.setPassword(settings.databasePassword());
    xa.setApplicationName("ledgerline-harness");
    return xa;
  }

  /** A plain auto-commit connection to the harness database, outside any XA transaction. */
  public Connection open() throws SQLException {
    return connect(name);
  }

  /**
   * Whether PostgreSQL lists the branch as prepared ({@code pg_prepared_xacts}), asked on a
   * connection of its own. The global id is the one the PostgreSQL driver gives PREPARE
   * TRANSACTION: format id, then the global transaction id and the branch qualifier in base64.
   */
  public boolean isPrepared(Xid xid) {
    Base64.Encoder base64 = Base64.getEncoder();
    String gid =
        xid.getFormatId()
            + "_"
            + base64.encodeToString(xid.getGlobalTransactionId())
            + "_"
            + base64.encodeToString(xid.getBranchQualifier());
    return count("select count(*) from pg_prepared_xacts where gid = ?", gid) == 1;
  }

  /** The rows of a query, each as column label → value, in the query's order. */
  public List<Map<String, Object>> rows(String sql, Object... parameters) {
    try (Connection c = open();
        PreparedStatement statement = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      List<Map<String, Object>> rows = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery()) {
        ResultSetMetaData meta = rs.getMetaData();
        while (rs.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int column = 1; column <= meta.getColumnCount(); column++) {
            row.put(meta.getColumnLabel(column), rs.getObject(column));
          }
          rows.add(row);
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException("query failed: " + sql, e);
    }
  }

  /** The single value of a query returning one row and one column. */
  public Object value(String sql, Object... parameters) {
    List<Map<String, Object>> rows = rows(sql, parameters);
    if (rows.size() != 1 || rows.get(0).size() != 1) {
      throw new IllegalStateException("expected one value from " + sql + ", got " + rows);
    }
    return rows.get(0).values().iterator().next();
  }

  public long count(String sql, Object... parameters) {
    return ((Number) value(sql, parameters)).longValue();
  }

  public BigDecimal decimal(String sql, Object... parameters) {
    return (BigDecimal) value(sql, parameters);
  }

  private Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(
        settings.jdbcUrl(database), settings.databaseUser(), settings.databasePassword());
  }
}
