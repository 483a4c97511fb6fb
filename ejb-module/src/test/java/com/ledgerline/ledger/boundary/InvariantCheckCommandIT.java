package com.ledgerline.ledger.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code deployment/ledgerline check} as an operator runs it, against a scratch database of its own
 * ({@code <test database>_check}, rebuilt by Flyway for this test, so no other test's data is
 * touched): a clean ledger exits 0 with every invariant {@code ok}; a journal line planted with the
 * balancing trigger switched off (the tampering the database otherwise refuses) exits 1 and names
 * the broken invariants; an unreachable database exits 2.
 */
class InvariantCheckCommandIT {
  private static final String HOST = System.getProperty("ledgerline.db.host", "127.0.0.1");
  private static final String PORT = System.getProperty("ledgerline.db.port", "5432");
  private static final String USER = System.getProperty("ledgerline.db.user", "ledgerline");
  private static final String PASSWORD =
      System.getProperty("ledgerline.db.password", "ledgerline-dev");
  private static final String SCRATCH =
      System.getProperty("ledgerline.db.name", "ledgerline_test") + "_check";

  private static final Path REPOSITORY =
      Path.of(System.getProperty("ledgerline.repository", "..")).toAbsolutePath().normalize();
  private static final Path STATE =
      Path.of(System.getProperty("ledgerline.check.state", "target/check-state")).toAbsolutePath();

  private record Outcome(int exitStatus, List<String> lines) {
    String last() {
      return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    /** invariant name -> "ok" or "VIOLATED", from the per-invariant lines. */
    Map<String, String> verdicts() {
      Map<String, String> verdicts = new TreeMap<>();
      for (String line : lines) {
        String[] words = line.trim().split("\\s+");
        if (words.length >= 2 && (words[0].equals("ok") || words[0].equals("VIOLATED"))) {
          verdicts.put(words[1], words[0]);
        }
      }
      return verdicts;
    }
  }

  private static String url(String database) {
    return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database;
  }

  @BeforeAll
  static void scratchDatabaseAndDriver() throws Exception {
    try (Connection c = DriverManager.getConnection(url("postgres"), USER, PASSWORD);
        Statement s = c.createStatement()) {
      s.execute("drop database if exists " + SCRATCH + " with (force)");
      s.execute("create database " + SCRATCH);
    }
    Flyway.configure()
        .dataSource(url(SCRATCH), USER, PASSWORD)
        .locations("classpath:db/migration")
        .load()
        .migrate();
    // the script fetches the driver through Maven into its downloads unless it is there already
    Path driver =
        Path.of(
            org.postgresql.Driver.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
    Path downloads = Files.createDirectories(STATE.resolve("downloads"));
    Files.copy(
        driver, downloads.resolve(driver.getFileName()), StandardCopyOption.REPLACE_EXISTING);
  }

  private static Outcome check(String... options) throws IOException, InterruptedException {
    List<String> command =
        new java.util.ArrayList<>(
            List.of(REPOSITORY.resolve("deployment/ledgerline").toString(), "check"));
    command.addAll(List.of(options));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("LEDGERLINE_STATE", STATE.toString());
    builder.environment().put("LEDGERLINE_DB_HOST", HOST);
    builder.environment().put("LEDGERLINE_DB_PORT", PORT);
    builder.environment().put("LEDGERLINE_DB_USER", USER);
    builder.environment().put("LEDGERLINE_DB_PASSWORD", PASSWORD);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(5, TimeUnit.MINUTES), "check finished");
    System.out.print(output);
    return new Outcome(process.exitValue(), output.lines().toList());
  }

  @Test
  void aCleanLedgerHoldsEveryInvariantAndACorruptedOneIsNamedAndFails() throws Exception {
    int checks = InvariantChecks.checks().size();

    Outcome clean = check("--database", SCRATCH);

    assertEquals(0, clean.exitStatus(), String.join("\n", clean.lines()));
    assertEquals("invariants: " + checks + " checked, 0 violated", clean.last());
    assertEquals(checks, clean.verdicts().size(), clean.verdicts().toString());
    assertTrue(
        clean.verdicts().values().stream().allMatch("ok"::equals), clean.verdicts().toString());

    plantAnUnbalancedJournalEntry();
    Outcome corrupted = check("--database", SCRATCH);

    // one entry with a 12.34 debit and no credit: that entry does not balance, and so the totals
    // of all debits and all credits differ; the account (sales revenue) is in no other check
    assertEquals(1, corrupted.exitStatus(), String.join("\n", corrupted.lines()));
    assertEquals("invariants: " + checks + " checked, 2 violated", corrupted.last());
    Map<String, String> verdicts = corrupted.verdicts();
    assertEquals("VIOLATED", verdicts.get("journal_entries_balance"), verdicts.toString());
    assertEquals("VIOLATED", verdicts.get("total_debits_equal_total_credits"), verdicts.toString());
    assertEquals(
        checks - 2, verdicts.values().stream().filter("ok"::equals).count(), verdicts.toString());
    assertTrue(
        corrupted.lines().stream()
            .anyMatch(l -> l.startsWith("VIOLATED") && l.contains("JE-PLANTED")),
        "the offending entry is named");
  }

  @Test
  void aDatabaseThatCannotBeReachedIsAFailureNotAPass() throws Exception {
    Outcome missing = check("--database", SCRATCH + "_missing");

    assertEquals(2, missing.exitStatus(), String.join("\n", missing.lines()));
    assertTrue(
        missing.lines().stream().noneMatch(l -> l.startsWith("invariants:")),
        missing.lines().toString());
  }

  /** As the database owner, with the balancing trigger off: what the ledger itself never allows. */
  private static void plantAnUnbalancedJournalEntry() throws SQLException {
    try (Connection c = DriverManager.getConnection(url(SCRATCH), USER, PASSWORD);
        Statement s = c.createStatement()) {
      s.execute("alter table gl_journal_line disable trigger gl_journal_line_balanced");
      s.execute(
          "insert into gl_journal_entry (entry_number, posting_date, currency, document_type,"
              + " document_number, description, created_by) values ('JE-PLANTED', date"
              + " '2011-02-01', 'GBP', 'TEST', 'PLANTED', 'planted by InvariantCheckCommandIT',"
              + " 'it')");
      s.execute(
          "insert into gl_journal_line (journal_entry_id, line_number, account_code, debit)"
              + " select id, 1, '4000', 12.34 from gl_journal_entry where entry_number ="
              + " 'JE-PLANTED'");
      s.execute("alter table gl_journal_line enable trigger gl_journal_line_balanced");
    }
  }
}
