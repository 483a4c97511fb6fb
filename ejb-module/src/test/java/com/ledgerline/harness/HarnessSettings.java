package com.ledgerline.harness;

/**
 * Where the harness finds PostgreSQL and Artemis: the system properties {@code ledgerline.db.*} and
 * {@code ledgerline.jms.*} that failsafe passes from the Maven properties of the same names, with
 * the same defaults as ejb-module's pom when run without them (e.g. from an IDE).
 *
 * @param databaseName the configured test database; the harness uses {@link #harnessDatabase()},
 *     never this one
 */
public record HarnessSettings(
    String databaseHost,
    int databasePort,
    String databaseName,
    String databaseUser,
    String databasePassword,
    String brokerHost,
    int brokerPort,
    String brokerUser,
    String brokerPassword) {

  /** Appended to the configured database name: the harness's own database. */
  public static final String DATABASE_SUFFIX = "_harness";

  public static HarnessSettings fromSystemProperties() {
    return new HarnessSettings(
        property("ledgerline.db.host", "127.0.0.1"),
        Integer.parseInt(property("ledgerline.db.port", "5432")),
        property("ledgerline.db.name", "ledgerline_test"),
        property("ledgerline.db.user", "ledgerline"),
        property("ledgerline.db.password", "ledgerline"),
        property("ledgerline.jms.host", "127.0.0.1"),
        Integer.parseInt(property("ledgerline.jms.port", "61626")),
        property("ledgerline.jms.user", "ledgerline"),
        property("ledgerline.jms.password", "ledgerline"));
  }

  /**
   * The database the harness creates, migrates and cleans: the configured name plus {@value
   * #DATABASE_SUFFIX}, so that it can never be the database of the Arquillian tests.
   */
  public String harnessDatabase() {
    return databaseName + DATABASE_SUFFIX;
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://" + databaseHost + ":" + databasePort + "/" + database;
  }

  public String brokerUrl() {
    return "tcp://" + brokerHost + ":" + brokerPort;
  }

  private static String property(String name, String fallback) {
    String value = System.getProperty(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
