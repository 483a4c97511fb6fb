package com.ledgerline.ledger.boundary;

import com.ledgerline.ledger.control.HledgerJournal;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * {@code deployment/ledgerline export-ledger FILE}: writes the whole general ledger as an hledger
 * journal ({@link HledgerJournal} states the mapping), read over plain JDBC in one read-only,
 * repeatable-read snapshot, so it needs neither a running application server nor an application
 * user. The journal lines are streamed from a server-side cursor ({@value #FETCH_ROWS} rows at a
 * time) straight into the file: only the chart of accounts and the currencies are held in memory,
 * so a ledger of millions of lines exports in constant memory.
 *
 * <p>Arguments: host, port, database, user, file; the password comes from the environment variable
 * {@code LEDGERLINE_DB_PASSWORD} (never the command line). The journal is written to {@code
 * FILE.partial} and renamed to {@code FILE} once complete, so {@code FILE} is never half written.
 * Prints {@code export-ledger: N journal entries, M journal lines, K accounts, currencies C →
 * FILE}. Exit status 0 when written, 2 when it could not be (usage, connection, SQL, file).
 *
 * <p>Runs on the EJB module's classes and the PostgreSQL driver alone: nothing here may need the
 * Jakarta EE API at run time.
 */
public final class LedgerExportCommand {
  static final int WRITTEN = 0;
  static final int FAILED = 2;
  static final int FETCH_ROWS = 10_000;

  /** The lines in journal order: by posting date, then entry, then line. */
  static final String LINES =
      "select e.id, e.entry_number, e.posting_date, e.currency, e.document_type,"
          + " e.document_number, e.description, l.account_code, l.debit, l.credit"
          + " from gl_journal_entry e join gl_journal_line l on l.journal_entry_id = e.id"
          + " order by e.posting_date, e.id, l.line_number";

  private LedgerExportCommand() {}

  /** What was written. */
  record Written(long entries, long lines, int accounts, String currencies) {}

  private record Account(String type, String name) {}

  public static void main(String[] args) {
    System.exit(run(args, System.getenv("LEDGERLINE_DB_PASSWORD"), System.out, System.err));
  }

  /**
   * @return the exit status: {@value #WRITTEN} or {@value #FAILED}
   */
  static int run(String[] args, String password, PrintStream out, PrintStream err) {
    if (args.length != 5) {
      err.println(
          "usage: LedgerExportCommand <host> <port> <database> <user> <file>"
              + " (password in LEDGERLINE_DB_PASSWORD)");
      return FAILED;
    }
    String url = "jdbc:postgresql://" + args[0] + ":" + args[1] + "/" + args[2];
    Path file = Path.of(args[4]).toAbsolutePath();
    Path partial = file.resolveSibling(file.getFileName() + ".partial");
    Properties properties = new Properties();
    properties.setProperty("user", args[3]);
    properties.setProperty("password", password == null ? "" : password);
    properties.setProperty("ApplicationName", "ledgerline export-ledger");
    properties.setProperty("connectTimeout", "10");
    Written written;
    try (Connection connection = DriverManager.getConnection(url, properties);
        Writer writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
      written = export(connection, writer, args[2]);
    } catch (SQLException | IOException | RuntimeException e) {
      err.println("ledgerline export-ledger: cannot export " + url + " to " + file + ": " + e);
      try {
        Files.deleteIfExists(partial);
      } catch (IOException ignored) {
        // the message above says what failed; a left-over .partial file is named by it
      }
      return FAILED;
    }
    try {
      Files.move(
          partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      err.println("ledgerline export-ledger: cannot rename " + partial + " to " + file + ": " + e);
      return FAILED;
    }
    out.printf(
        Locale.ROOT,
        "export-ledger: %d journal entries, %d journal lines, %d accounts, currencies %s → %s%n",
        written.entries(),
        written.lines(),
        written.accounts(),
        written.currencies().isEmpty() ? "-" : written.currencies(),
        file);
    return WRITTEN;
  }

  /**
   * Writes the journal: the header, every account of the chart, every currency of the journal, then
   * one transaction per journal entry, all from one snapshot.
   *
   * @param source names the database in the header comment
   */
  static Written export(Connection connection, Writer writer, String source)
      throws SQLException, IOException {
    connection.setAutoCommit(false);
    connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
    connection.setReadOnly(true);
    BufferedWriter out =
        writer instanceof BufferedWriter b ? b : new BufferedWriter(writer, 1 << 16);
    HledgerJournal journal = new HledgerJournal(out);
    try (Statement statement = connection.createStatement()) {
      journal.header("database " + source);
      Map<String, Account> chart = new HashMap<>();
      try (ResultSet rs =
          statement.executeQuery("select code, account_type, name from gl_account order by code")) {
        while (rs.next()) {
          Account account = new Account(rs.getString(2), rs.getString(3));
          chart.put(rs.getString(1), account);
          journal.account(account.type(), rs.getString(1), account.name());
        }
      }
      out.write('\n');
      Map<String, Integer> scales = new HashMap<>();
      StringBuilder currencies = new StringBuilder();
      try (ResultSet rs =
          statement.executeQuery(
              "select currency, shared_currency_scale(currency) from gl_journal_entry"
                  + " group by currency order by currency")) {
        while (rs.next()) {
          scales.put(rs.getString(1), rs.getInt(2));
          journal.commodity(rs.getString(1), rs.getInt(2));
          currencies.append(currencies.isEmpty() ? "" : ",").append(rs.getString(1));
        }
      }
      long entries = 0;
      long lines = 0;
      try (PreparedStatement select = connection.prepareStatement(LINES)) {
        // with autocommit off, a fetch size makes the driver read through a cursor
        select.setFetchSize(FETCH_ROWS);
        try (ResultSet rs = select.executeQuery()) {
          long current = -1;
          while (rs.next()) {
            long id = rs.getLong(1);
            String currency = rs.getString(4);
            if (id != current) {
              current = id;
              entries++;
              journal.transaction(
                  rs.getObject(3, java.time.LocalDate.class),
                  rs.getString(2),
                  rs.getString(7),
                  rs.getString(5),
                  rs.getString(6));
            }
            Account account = chart.get(rs.getString(8));
            journal.posting(
                account.type(),
                rs.getString(8),
                account.name(),
                rs.getBigDecimal(9),
                rs.getBigDecimal(10),
                currency,
                scales.get(currency));
            lines++;
          }
        }
      }
      out.flush();
      return new Written(entries, lines, chart.size(), currencies.toString());
    } finally {
      connection.rollback();
    }
  }
}
