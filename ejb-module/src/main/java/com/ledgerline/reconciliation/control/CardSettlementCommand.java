package com.ledgerline.reconciliation.control;

import com.ledgerline.ledger.control.Accounts;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * {@code deployment/ledgerline card-settlements FROM TO FILE [--plant-errors] [--account ID]
 * [--currency GBP]}: writes the MT940 statement the card acquirer would send for the card batches
 * of the books from {@code FROM} to {@code TO} ({@link CardSettlementStatement} states the rule and
 * the planted errors), read over JDBC like {@code check}: no application server needed.
 *
 * <p>Arguments: host, port, database, user, from, to, file, then the options; the password from
 * {@code LEDGERLINE_DB_PASSWORD}. Prints one line per batch and per planted error. Exit 0 when
 * written, 2 otherwise.
 */
public final class CardSettlementCommand {
  /** The account the statements name when no {@code --account} is given. */
  public static final String DEFAULT_ACCOUNT = "GB00LEDG00000000000001";

  /** The batches: each day's Card clearing movements, reconciliation entries left out. */
  public static final String BATCHES =
      "select e.posting_date, sum(l.debit - l.credit) from gl_journal_line l join"
          + " gl_journal_entry e on e.id = l.journal_entry_id where l.account_code = '"
          + Accounts.CARD_CLEARING
          + "' and e.currency = ? and e.document_type <> '"
          + ReconciliationStore.DOCUMENT_TYPE
          + "' and e.posting_date between ? and ? group by e.posting_date order by"
          + " e.posting_date";

  private CardSettlementCommand() {}

  public static void main(String[] args) {
    System.exit(run(args, System.getenv("LEDGERLINE_DB_PASSWORD"), System.out, System.err));
  }

  /** The batches of the range, read from an open connection. */
  public static List<CardSettlementStatement.Batch> batches(
      Connection connection, String currency, LocalDate from, LocalDate to) throws SQLException {
    List<CardSettlementStatement.Batch> batches = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(BATCHES)) {
      statement.setString(1, currency);
      statement.setObject(2, from);
      statement.setObject(3, to);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          batches.add(
              new CardSettlementStatement.Batch(
                  rs.getObject(1, LocalDate.class),
                  currency,
                  rs.getBigDecimal(2).setScale(2, RoundingMode.UNNECESSARY)));
        }
      }
    }
    return batches;
  }

  static int run(String[] args, String password, PrintStream out, PrintStream err) {
    if (args.length < 7) {
      err.println(
          "usage: CardSettlementCommand <host> <port> <database> <user> FROM TO FILE"
              + " [--plant-errors] [--account ID] [--currency GBP]");
      return 2;
    }
    LocalDate from;
    LocalDate to;
    try {
      from = LocalDate.parse(args[4]);
      to = LocalDate.parse(args[5]);
    } catch (DateTimeParseException e) {
      err.println("card-settlements: FROM and TO are ISO dates (YYYY-MM-DD): " + e.getMessage());
      return 2;
    }
    Path file = Path.of(args[6]);
    boolean plant = false;
    String account = DEFAULT_ACCOUNT;
    String currency = "GBP";
    for (int i = 7; i < args.length; i++) {
      switch (args[i]) {
        case "--plant-errors" -> plant = true;
        case "--account" -> account = i + 1 < args.length ? args[++i] : account;
        case "--currency" -> currency = i + 1 < args.length ? args[++i] : currency;
        default -> {
          err.println("card-settlements: unknown option " + args[i]);
          return 2;
        }
      }
    }
    Properties properties = new Properties();
    properties.setProperty("user", args[3]);
    properties.setProperty("password", password == null ? "" : password);
    properties.setProperty("ApplicationName", "ledgerline card-settlements");
    String url = "jdbc:postgresql://" + args[0] + ":" + args[1] + "/" + args[2];
    try (Connection connection = DriverManager.getConnection(url, properties)) {
      connection.setReadOnly(true);
      List<CardSettlementStatement.Batch> batches = batches(connection, currency, from, to);
      Map<CardSettlementStatement.Plant, LocalDate> planted =
          new EnumMap<>(CardSettlementStatement.Plant.class);
      List<CardSettlementStatement.Entry> entries =
          CardSettlementStatement.entries(batches, MatchingEngine.Rules.defaults(), plant, planted);
      String id = "STL" + from.toString().replace("-", "") + (plant ? "P" : "");
      Files.writeString(
          file,
          CardSettlementStatement.mt940(
              account,
              id,
              currency,
              CardSettlementStatement.settlementDay(from),
              CardSettlementStatement.settlementDay(to),
              entries),
          StandardCharsets.UTF_8);
      for (CardSettlementStatement.Batch b : batches) {
        BigDecimal fee = MatchingEngine.Rules.defaults().expectedFee(b.gross());
        out.printf("batch %s %s gross %s fee %s%n", b.day(), b.currency(), b.gross(), fee);
      }
      planted.forEach((what, day) -> out.printf("planted %s %s%n", what, day));
      out.printf(
          "card-settlements: %d batches, %d statement lines, account %s → %s%n",
          batches.size(), entries.size(), account, file.toAbsolutePath());
      return 0;
    } catch (SQLException | IOException | RuntimeException e) {
      err.println("ledgerline card-settlements: " + e);
      return 2;
    }
  }
}
