package com.ledgerline.imports.replay;

import com.ledgerline.imports.control.OnlineRetailCsv;
import com.ledgerline.imports.control.OnlineRetailCsv.Invoice;
import com.ledgerline.imports.replay.ReplayMessages.Messages;
import com.ledgerline.imports.replay.ReplayMessages.Outbound;
import com.ledgerline.imports.replay.ReplayMessages.TaxTable;
import com.ledgerline.imports.replay.ReplayMessages.Withheld;
import com.ledgerline.tax.entity.PriceBasis;
import com.ledgerline.tax.entity.RoundingPolicy;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.io.InputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import javax.naming.Context;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * {@code deployment/ledgerline replay FILE}: replays an Online Retail CSV (plain or gzip) as a live
 * online store through the broker ({@link ReplayMessages} says what is sent and by which rules),
 * waits until every message has settled, and prints the rejections by code and one summary line:
 *
 * <pre>
 * replay: invoices=N lines=N posted=N duplicates=N rejected=N dead_lettered=N elapsed_s=N sales_per_s=N sync_p50_ms=N sync_p95_ms=N sync_p99_ms=N
 * </pre>
 *
 * <ul>
 *   <li>{@code invoices}, {@code lines}: the invoices of the range and their rows; each invoice is
 *       counted once under {@code posted}, {@code duplicates}, {@code rejected} (by the ledger, or
 *       withheld by the replay) or {@code dead_lettered};
 *   <li>{@code elapsed_s}: seconds from the first message sent (announcements included) to the last
 *       settled, one decimal; {@code sales_per_s}: invoice messages settled ÷ seconds of the
 *       invoice phase (its first send to its last settlement), one decimal;
 *   <li>{@code sync_pNN_ms}: of the invoice messages that settled, the time from the broker taking
 *       the message (the send's commit) to the ledger's commit ({@code
 *       chn_message_log.settled_at}), in whole milliseconds, nearest-rank percentile. Not the
 *       logged {@code sync_latency_ms}: that counts from the invoice's capture time in 2010-2011.
 * </ul>
 *
 * <p>Settled = a {@code chn_message_log} row with the run's id (posted, duplicate or rejected), or
 * the message is in the dead-letter queue {@value #DLQ} with the run's {@code ledgerlineRun}
 * property. {@code _AMQ_DUPL_ID} is not set: a re-sent message reaches the ledger and is counted as
 * a duplicate there. Exit status 0 when every message settled, 2 otherwise (usage, connection, or
 * no progress for the settle timeout).
 *
 * <p>Options: {@code --from yyyy-MM-dd}, {@code --to yyyy-MM-dd}, {@code --days N} (from {@code
 * --from}, else the file's first invoice day), {@code --broker tcp://host:port}, {@code
 * --jms-user}, {@code --db-host}, {@code --db-port}, {@code --db-name}, {@code --db-user}, {@code
 * --run-id}, {@code --settle-timeout-s} (default 120: the longest wait without progress). Passwords
 * come from the environment ({@code LEDGERLINE_JMS_PASSWORD}, {@code LEDGERLINE_DB_PASSWORD}),
 * never the command line.
 */
public final class OnlineRetailReplay {
  public static final String DLQ = "DLQ";
  public static final String RUN_PROPERTY = "ledgerlineRun";
  static final int OK = 0;
  static final int FAILED = 2;
  private static final int BATCH = 500;
  private static final long POLL_MILLIS = 200;

  private final Options options;
  private final PrintStream out;

  private OnlineRetailReplay(Options options, PrintStream out) {
    this.options = options;
    this.out = out;
  }

  public static void main(String[] args) {
    System.exit(
        run(
            args,
            System.getenv("LEDGERLINE_JMS_PASSWORD"),
            System.getenv("LEDGERLINE_DB_PASSWORD"),
            System.out,
            System.err));
  }

  /**
   * Runs a replay.
   *
   * @return the exit status, {@value #OK} or {@value #FAILED}
   */
  public static int run(
      String[] args, String jmsPassword, String dbPassword, PrintStream out, PrintStream err) {
    Options options;
    try {
      options = Options.parse(args, jmsPassword, dbPassword);
    } catch (IllegalArgumentException e) {
      err.println("replay: " + e.getMessage());
      err.println(
          "usage: OnlineRetailReplay FILE [--from yyyy-MM-dd] [--to yyyy-MM-dd] [--days N]"
              + " [--broker tcp://host:port] [--jms-user U] [--db-host H] [--db-port P]"
              + " [--db-name N] [--db-user U] [--run-id ID] [--settle-timeout-s S]");
      return FAILED;
    }
    try {
      return new OnlineRetailReplay(options, out).replay();
    } catch (Exception e) {
      err.println("replay: failed: " + e);
      return FAILED;
    }
  }

  /** What one message became. */
  record Settled(String outcome, String errorCode, Instant settledAt) {}

  private int replay() throws Exception {
    List<Invoice> all;
    try (InputStream in = Files.newInputStream(options.file)) {
      all = OnlineRetailCsv.read(in, LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31)).invoices();
    }
    if (all.isEmpty()) {
      throw new IllegalArgumentException(options.file + " holds no invoice");
    }
    LocalDate from = options.from != null ? options.from : all.get(0).invoiceDate();
    LocalDate to =
        options.days != null
            ? from.plusDays(options.days - 1L)
            : options.to != null ? options.to : LocalDate.of(9999, 12, 31);
    List<Invoice> range =
        all.stream()
            .filter(i -> !i.invoiceDate().isBefore(from) && !i.invoiceDate().isAfter(to))
            .toList();
    LocalDate lastDay =
        range.stream().map(Invoice::invoiceDate).max(LocalDate::compareTo).orElse(from);
    LocalDate rangeTo = options.days != null || options.to != null ? to : lastDay;
    try (java.sql.Connection db = connect()) {
      Messages messages = ReplayMessages.of(range, from, rangeTo, taxTable(db));
      out.printf(
          Locale.ROOT,
          "replay: run %s, %s %s..%s: %d invoices; announcing %d customers and products, %d"
              + " opening stock receipts%n",
          options.runId,
          options.file.getFileName(),
          from,
          rangeTo,
          range.size(),
          messages.announcements().size(),
          messages.openingStock().size());
      ConnectionFactory factory = connectionFactory();
      try (Connection jms = factory.createConnection(options.jmsUser, options.jmsPassword)) {
        Session session = jms.createSession(true, Session.SESSION_TRANSACTED);
        jms.start();
        Map<String, Instant> sentAt = new HashMap<>();
        Instant started = Instant.now();
        if (!phase("announcements", messages.announcements(), session, db, sentAt)) {
          return FAILED;
        }
        if (!phase("opening stock", messages.openingStock(), session, db, sentAt)) {
          return FAILED;
        }
        Instant invoicesStarted = Instant.now();
        if (!phase("invoices", messages.invoices(), session, db, sentAt)) {
          return FAILED;
        }
        Map<String, Settled> settled = settled(db);
        Map<String, Long> deadLetters = deadLetters(session);
        Instant finished = latest(settled.values(), invoicesStarted);
        report(messages, settled, deadLetters, sentAt, started, invoicesStarted, finished, db);
        return OK;
      }
    }
  }

  /** Sends the messages in batches of {@value #BATCH}, then waits until each one has settled. */
  private boolean phase(
      String name,
      List<Outbound> messages,
      Session session,
      java.sql.Connection db,
      Map<String, Instant> sentAt)
      throws JMSException, SQLException, InterruptedException {
    if (messages.isEmpty()) {
      return true;
    }
    long before = settledCount(db) + deadLetterCount(session);
    Map<String, MessageProducer> producers = new HashMap<>();
    List<String> batch = new ArrayList<>(BATCH);
    Instant start = Instant.now();
    for (Outbound message : messages) {
      MessageProducer producer =
          producers.computeIfAbsent(
              message.kind().queue,
              queue -> {
                try {
                  MessageProducer p = session.createProducer(session.createQueue(queue));
                  p.setDeliveryMode(DeliveryMode.PERSISTENT);
                  return p;
                } catch (JMSException e) {
                  throw new IllegalStateException(e);
                }
              });
      TextMessage jms = session.createTextMessage(message.body());
      jms.setStringProperty("messageType", message.kind().messageType);
      jms.setStringProperty("schemaVersion", "1");
      jms.setStringProperty("channel", message.kind().channel);
      jms.setStringProperty("JMSXGroupID", message.groupId());
      jms.setStringProperty(RUN_PROPERTY, options.runId);
      producer.send(jms);
      batch.add(logKey(message.kind().channel, message.key()));
      if (batch.size() == BATCH) {
        commit(session, batch, sentAt);
      }
    }
    commit(session, batch, sentAt);
    long expected = before + messages.size();
    long done = before;
    Instant progressAt = Instant.now();
    while (done < expected) {
      Thread.sleep(POLL_MILLIS);
      long now = settledCount(db);
      if (now < expected) {
        now += deadLetterCount(session);
      }
      if (now != done) {
        progressAt = Instant.now();
        done = now;
      } else if (Duration.between(progressAt, Instant.now()).toSeconds()
          >= options.settleTimeoutSeconds) {
        out.printf(
            Locale.ROOT,
            "replay: %s: %d of %d messages settled, none for %d s; giving up (run %s)%n",
            name,
            done - before,
            messages.size(),
            options.settleTimeoutSeconds,
            options.runId);
        return false;
      }
    }
    out.printf(
        Locale.ROOT,
        "replay: %s: %d messages settled in %.1f s%n",
        name,
        messages.size(),
        Duration.between(start, Instant.now()).toMillis() / 1000.0);
    return true;
  }

  private static void commit(Session session, List<String> batch, Map<String, Instant> sentAt)
      throws JMSException {
    session.commit();
    Instant at = Instant.now();
    batch.forEach(key -> sentAt.put(key, at));
    batch.clear();
  }

  private static String logKey(String channel, String key) {
    return channel + "\u0000" + key;
  }

  private long settledCount(java.sql.Connection db) throws SQLException {
    try (PreparedStatement s =
        db.prepareStatement("SELECT count(*) FROM chn_message_log WHERE run_id = ?")) {
      s.setString(1, options.runId);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** The run's log rows by (channel, key); the last row wins (there is one per message). */
  private Map<String, Settled> settled(java.sql.Connection db) throws SQLException {
    Map<String, Settled> settled = new HashMap<>();
    try (PreparedStatement s =
        db.prepareStatement(
            "SELECT channel, transaction_id, outcome, error_code, settled_at FROM chn_message_log"
                + " WHERE run_id = ? ORDER BY id")) {
      s.setString(1, options.runId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          settled.put(
              logKey(rs.getString(1), rs.getString(2)),
              new Settled(rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant()));
        }
      }
    }
    return settled;
  }

  private long deadLetterCount(Session session) throws JMSException {
    return deadLetters(session).values().stream().mapToLong(Long::longValue).sum();
  }

  /** The run's dead letters by message type. */
  private Map<String, Long> deadLetters(Session session) throws JMSException {
    Map<String, Long> byType = new TreeMap<>();
    Queue dlq = session.createQueue(DLQ);
    try (QueueBrowser browser =
        session.createBrowser(dlq, RUN_PROPERTY + " = '" + options.runId + "'")) {
      for (Object m : Collections.list(browser.getEnumeration())) {
        String type = ((jakarta.jms.Message) m).getStringProperty("messageType");
        byType.merge(type == null ? "unknown" : type, 1L, Long::sum);
      }
    }
    return byType;
  }

  private static Instant latest(Iterable<Settled> settled, Instant floor) {
    Instant latest = floor;
    for (Settled s : settled) {
      if (s.settledAt().isAfter(latest)) {
        latest = s.settledAt();
      }
    }
    return latest;
  }

  private void report(
      Messages messages,
      Map<String, Settled> settled,
      Map<String, Long> deadLetters,
      Map<String, Instant> sentAt,
      Instant started,
      Instant invoicesStarted,
      Instant finished,
      java.sql.Connection db) {
    ReplaySummary summary = new ReplaySummary();
    for (Outbound m : messages.announcements()) {
      summary.announcement(m, settled.get(logKey(m.kind().channel, m.key())));
    }
    for (Outbound m : messages.openingStock()) {
      summary.announcement(m, settled.get(logKey(m.kind().channel, m.key())));
    }
    for (Outbound m : messages.invoices()) {
      String key = logKey(m.kind().channel, m.key());
      Settled s = settled.get(key);
      Long latency = s == null ? null : Duration.between(sentAt.get(key), s.settledAt()).toMillis();
      summary.invoice(m, s, latency);
    }
    for (Withheld w : messages.withheld()) {
      summary.withheld(w);
    }
    summary.print(
        out,
        deadLetters,
        Duration.between(started, finished),
        Duration.between(invoicesStarted, finished));
  }

  private java.sql.Connection connect() throws SQLException {
    String url =
        "jdbc:postgresql://" + options.dbHost + ":" + options.dbPort + "/" + options.dbName;
    Properties p = new Properties();
    p.setProperty("user", options.dbUser);
    p.setProperty("password", options.dbPassword == null ? "" : options.dbPassword);
    p.setProperty("ApplicationName", "ledgerline replay");
    p.setProperty("connectTimeout", "10");
    return DriverManager.getConnection(url, p);
  }

  private static TaxTable taxTable(java.sql.Connection db) throws SQLException {
    List<TaxTable.Rate> rates = new ArrayList<>();
    try (PreparedStatement s =
        db.prepareStatement(
            "SELECT rate_percent, valid_from, valid_to FROM tax_rate WHERE jurisdiction_code = ?"
                + " AND category_code = ? ORDER BY valid_from")) {
      s.setString(1, com.ledgerline.imports.control.OnlineRetailRules.TAX_JURISDICTION);
      s.setString(2, com.ledgerline.imports.control.OnlineRetailRules.TAX_CATEGORY);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          BigDecimal rate = rs.getBigDecimal(1);
          LocalDate validTo = rs.getDate(3) == null ? null : rs.getDate(3).toLocalDate();
          rates.add(new TaxTable.Rate(rate, rs.getDate(2).toLocalDate(), validTo));
        }
      }
    }
    try (PreparedStatement s =
        db.prepareStatement(
            "SELECT rounding_policy, rounding_mode, prices_include_tax FROM tax_jurisdiction WHERE"
                + " code = ?")) {
      s.setString(1, com.ledgerline.imports.control.OnlineRetailRules.TAX_JURISDICTION);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalStateException("the ledger has no tax jurisdiction GB");
        }
        return new TaxTable(
            rates,
            rs.getBoolean(3) ? PriceBasis.TAX_INCLUSIVE : PriceBasis.TAX_EXCLUSIVE,
            RoundingPolicy.valueOf(rs.getString(1)),
            RoundingMode.valueOf(rs.getString(2)));
      }
    }
  }

  /** Artemis through its JNDI factory: only the Jakarta Messaging API is needed to compile. */
  private ConnectionFactory connectionFactory() throws NamingException {
    Hashtable<String, String> env = new Hashtable<>();
    env.put(
        Context.INITIAL_CONTEXT_FACTORY,
        "org.apache.activemq.artemis.jndi.ActiveMQInitialContextFactory");
    env.put("connectionFactory.replay", options.broker + "?confirmationWindowSize=1048576");
    InitialContext context = new InitialContext(env);
    try {
      return (ConnectionFactory) context.lookup("replay");
    } finally {
      context.close();
    }
  }

  /** The command line. */
  static final class Options {
    Path file;
    LocalDate from;
    LocalDate to;
    Integer days;
    String broker = "tcp://127.0.0.1:61616";
    String jmsUser = "ledgerline";
    String jmsPassword;
    String dbHost = "127.0.0.1";
    String dbPort = "5432";
    String dbName = "ledgerline";
    String dbUser = "ledgerline";
    String dbPassword;
    String runId;
    long settleTimeoutSeconds = 120;

    static Options parse(String[] args, String jmsPassword, String dbPassword) {
      Options o = new Options();
      o.jmsPassword = jmsPassword;
      o.dbPassword = dbPassword;
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        if (!arg.startsWith("--")) {
          if (o.file != null) {
            throw new IllegalArgumentException("one file only, got " + o.file + " and " + arg);
          }
          o.file = Path.of(arg);
          continue;
        }
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(arg + " needs a value");
        }
        String value = args[++i];
        try {
          switch (arg) {
            case "--from" -> o.from = LocalDate.parse(value);
            case "--to" -> o.to = LocalDate.parse(value);
            case "--days" -> o.days = Integer.valueOf(value);
            case "--broker" -> o.broker = value;
            case "--jms-user" -> o.jmsUser = value;
            case "--db-host" -> o.dbHost = value;
            case "--db-port" -> o.dbPort = value;
            case "--db-name" -> o.dbName = value;
            case "--db-user" -> o.dbUser = value;
            case "--run-id" -> o.runId = value;
            case "--settle-timeout-s" -> o.settleTimeoutSeconds = Long.parseLong(value);
            default -> throw new IllegalArgumentException("unknown option " + arg);
          }
        } catch (java.time.format.DateTimeParseException | NumberFormatException e) {
          throw new IllegalArgumentException(arg + " " + value + ": " + e.getMessage());
        }
      }
      if (o.file == null) {
        throw new IllegalArgumentException("which file?");
      }
      if (!Files.isReadable(o.file)) {
        throw new IllegalArgumentException(o.file + " is not a readable file");
      }
      if (o.days != null && (o.days < 1 || o.to != null)) {
        throw new IllegalArgumentException("--days needs N ≥ 1 and no --to");
      }
      if (o.from != null && o.to != null && o.to.isBefore(o.from)) {
        throw new IllegalArgumentException("--to is before --from");
      }
      if (o.runId == null) {
        o.runId = "replay-" + UUID.randomUUID().toString().substring(0, 8);
      }
      if (!o.runId.matches("[A-Za-z0-9._:-]{1,60}")) {
        throw new IllegalArgumentException("--run-id: 1-60 of A-Z a-z 0-9 . _ : -");
      }
      return o;
    }
  }
}
