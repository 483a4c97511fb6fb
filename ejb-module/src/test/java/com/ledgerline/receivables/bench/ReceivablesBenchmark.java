package com.ledgerline.receivables.bench;

import com.ledgerline.ledger.boundary.InvariantChecks;
import com.ledgerline.receivables.boundary.AgingReport;
import com.ledgerline.receivables.boundary.CustomerAccount;
import com.ledgerline.receivables.boundary.CustomerBalances;
import com.ledgerline.receivables.boundary.Receivables;
import com.ledgerline.receivables.boundary.WorkQueue;
import com.ledgerline.receivables.control.AgingReports;
import com.ledgerline.receivables.control.OpenItemsAsOf.Basis;
import com.ledgerline.receivables.control.WorkQueueQueries;
import com.ledgerline.receivables.entity.Aging;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.eclipse.persistence.config.PersistenceUnitProperties;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The receivables at scale: 100,000 customers and 1,000,000 invoices (with payments settling most
 * of them, some partially, some late, some credit notes and overpayments) generated with {@code
 * generate_series} in a scratch PostgreSQL database, through the customer ledger insert and hence
 * the open-item trigger; then the latency of the customer list page, a customer's account, the
 * aging report, the work queue and the past-date aging, each p50/p95/max over repeated runs, next
 * to a baseline that sums all ledger entries without the summary, the trigger's cost per posting,
 * the invariant check, and EXPLAIN ANALYZE of the statements each report ran.
 *
 * <p>Not a test: it asserts nothing about time. Run from the repository root (PostgreSQL running,
 * the role needs CREATEDB):
 *
 * <pre>
 * mvn -o -q -B -pl ejb-module test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
 *     -Dexec.mainClass=com.ledgerline.receivables.bench.ReceivablesBenchmark \
 *     -Dexec.classpathScope=test
 * </pre>
 *
 * System properties (all optional): {@code bench.db} (default {@code ledgerline_bench_receivables},
 * dropped and rebuilt by Flyway when regenerating), {@code bench.customers} (100000), {@code
 * bench.invoices} (1000000), {@code bench.runs} (30; the baselines run a fifth as often), {@code
 * bench.regenerate} (false: data of the same size is reused), {@code bench.explain} (true), {@code
 * bench.report} (a file to write the report to as well), and {@code ledgerline.db.host/port/user/
 * password} as for the tests.
 */
public final class ReceivablesBenchmark {
  private static final String SEED = "0.4242";

  private final String host = property("ledgerline.db.host", "127.0.0.1");
  private final String port = property("ledgerline.db.port", "5432");
  private final String user = property("ledgerline.db.user", "ledgerline");
  private final String password = property("ledgerline.db.password", "ledgerline-dev");
  private final String database = property("bench.db", "ledgerline_bench_receivables");
  private final int customers = Integer.parseInt(property("bench.customers", "100000"));
  private final int invoices = Integer.parseInt(property("bench.invoices", "1000000"));
  private final int runs = Integer.parseInt(property("bench.runs", "30"));
  private final boolean regenerate = Boolean.parseBoolean(property("bench.regenerate", "false"));
  private final boolean explain = Boolean.parseBoolean(property("bench.explain", "true"));
  private final String reportFile = property("bench.report", "");
  private final StringBuilder report = new StringBuilder();
  private final Random random = new Random(7);

  public static void main(String[] args) throws Exception {
    new ReceivablesBenchmark().run();
  }

  private static String property(String name, String fallback) {
    String value = System.getProperty(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  private void run() throws Exception {
    line("# Receivables benchmark");
    line("");
    prepareData();
    profile();
    RecordingDataSource dataSource = recordingDataSource();
    Map<String, Object> properties = new HashMap<>();
    properties.put(PersistenceUnitProperties.TRANSACTION_TYPE, "RESOURCE_LOCAL");
    properties.put(PersistenceUnitProperties.NON_JTA_DATASOURCE, dataSource);
    properties.put(PersistenceUnitProperties.JTA_DATASOURCE, "");
    properties.put(PersistenceUnitProperties.TARGET_SERVER, "None");
    properties.put(PersistenceUnitProperties.WEAVING, "false");
    EntityManagerFactory factory = Persistence.createEntityManagerFactory("ledger", properties);
    try {
      EntityManager em = factory.createEntityManager();
      measure(em, dataSource);
      em.close();
    } finally {
      factory.close();
      dataSource.closeShared();
    }
    if (!reportFile.isEmpty()) {
      Files.writeString(Path.of(reportFile), report, StandardCharsets.UTF_8);
      System.out.println("report written to " + Path.of(reportFile).toAbsolutePath());
    }
  }

  // ---------------------------------------------------------------------------------------------
  // data

  private void prepareData() throws Exception {
    createDatabaseIfMissing();
    boolean reuse = false;
    if (!regenerate) {
      Flyway current =
          Flyway.configure()
              .dataSource(url(), user, password)
              .locations("classpath:db/migration")
              .load();
      try (Connection c = connect()) {
        reuse =
            tableExists(c, "ar_open_item")
                // the schema of this build: nothing pending, nothing changed
                && current.info().pending().length == 0
                && current.validateWithResult().validationSuccessful
                && count(c, "select count(*) from cus_customer where customer_number like 'BC-%'")
                    == customers
                && count(
                        c,
                        "select count(*) from ar_customer_ledger_entry where entry_type = 'invoice'"
                            + " and document_number like 'BI-%'")
                    == invoices;
      }
    }
    if (reuse) {
      line(
          "Data: reusing the generated data in database "
              + database
              + " (bench.regenerate=true"
              + " rebuilds it).");
      line("");
      return;
    }
    line("Data: rebuilding database " + database + " with Flyway, then generating.");
    Flyway.configure()
        .dataSource(url(), user, password)
        .locations("classpath:db/migration")
        .cleanDisabled(false)
        .load()
        .clean();
    Flyway.configure()
        .dataSource(url(), user, password)
        .locations("classpath:db/migration")
        .load()
        .migrate();
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("select setseed(" + SEED + ")");
      timed(
          s,
          "customers (every 10th in EUR; terms 0/14/30/30/30/60 days)",
          """
          insert into cus_customer (customer_number, name, country, currency, payment_terms_code,
                 payment_terms_days)
          select 'BC-' || lpad(g::text, 6, '0'), 'Bench customer ' || g, 'United Kingdom',
                 case when g %% 10 = 0 then 'EUR' else 'GBP' end,
                 (array['DUE_ON_RECEIPT', 'NET_14', 'NET_30', 'NET_30', 'NET_30', 'NET_60'])
                     [1 + g %% 6],
                 (array[0, 14, 30, 30, 30, 60])[1 + g %% 6]
            from generate_series(1, %d) g"""
              .formatted(customers));
      // one row per invoice with what happens to it: every 7th customer pays 10-120 days after
      // the due date and leaves 1 invoice in 10 unpaid; the others pay between 10 days before
      // and 5 days after it; 1 % get a credit note for 20 % five days after the invoice
      s.execute(
          """
          create temporary table bench_invoice as
          select s.n, c.id customer_id, c.currency, s.amount, s.posting_date,
                 s.posting_date + c.payment_terms_days due_date, c.id %% 7 = 0 late_payer,
                 random() r1, random() r2, random() r3
            from (select 'BI-' || lpad(g::text, 8, '0') n,
                         1 + floor(random() * %d)::int customer,
                         current_date - floor(random() * 730)::int posting_date,
                         round((10 + random() ^ 2 * 4990)::numeric, 2) amount
                    from generate_series(1, %d) g) s
            join cus_customer c on c.customer_number = 'BC-' || lpad(s.customer::text, 6, '0')"""
              .formatted(customers, invoices));
      s.execute(
          """
          create temporary table bench_plan as
          select i.*,
                 case when r3 < 0.01 then round(amount * 0.2, 2) else 0 end credit,
                 case when late_payer and r2 < 0.10 then null
                      when late_payer then due_date + 10 + floor(r1 * 111)::int
                      else greatest(posting_date, due_date - 10 + floor(r1 * 16)::int)
                 end paid_on
            from bench_invoice i""");
      // the entries in posting-date order, as a ledger is written: invoices; credit notes;
      // payments of what is open on the day (8 %% pay half, 0.3 %% overpay by 10.00)
      s.execute(
          """
          create temporary table bench_entry as
          select customer_id, 'invoice' entry_type, 'SALE_INVOICE' document_type,
                 n document_number, amount, currency, posting_date, due_date, 0 kind, n item
            from bench_plan
          union all
          select customer_id, 'credit_note', 'CREDIT_NOTE', 'BN-' || substr(n, 4), -credit,
                 currency, posting_date + 5, null, 1, n
            from bench_plan where credit > 0 and posting_date + 5 <= current_date
          union all
          select customer_id, 'payment', 'PAYMENT', 'BP-' || substr(n, 4),
                 -case when r2 > 0.92 then round(open_amount / 2, 2)
                       when r2 > 0.917 then open_amount + 10
                       else open_amount end,
                 currency, paid_on, null, 2, n
            from (select p.*, amount - case when posting_date + 5 <= paid_on then credit else 0
                                          end open_amount
                    from bench_plan p) p
           where paid_on <= current_date""");
      timed(
          s,
          "ledger entries (invoices over the last 730 days, credit notes, payments up to today),"
              + " in posting-date order, through the open-item trigger",
          """
          insert into ar_customer_ledger_entry (customer_id, entry_type, document_type,
                 document_number, amount, currency, posting_date, due_date, applies_to_number)
          select customer_id, entry_type, document_type, document_number, amount, currency,
                 posting_date, due_date, item
            from bench_entry order by posting_date, kind, document_number""");
    }
    line("");
  }

  private void timed(Statement s, String what, String sql) throws SQLException {
    long start = System.nanoTime();
    int rows = s.executeUpdate(sql);
    double seconds = (System.nanoTime() - start) / 1e9;
    line(
        String.format(
            Locale.ROOT,
            "  generated %,d %s in %.1f s (%.0f µs per row)",
            rows,
            what,
            seconds,
            rows == 0 ? 0 : seconds * 1e6 / rows));
  }

  private void profile() throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("vacuum analyze");
      line("Data profile:");
      line(
          String.format(
              Locale.ROOT,
              "  customers %,d; ledger entries %,d (%s)",
              count(c, "select count(*) from cus_customer"),
              count(c, "select count(*) from ar_customer_ledger_entry"),
              text(
                  c,
                  "select string_agg(entry_type || ' ' || to_char(n, 'FM9,999,999'), ', ' order by"
                      + " entry_type) from (select entry_type, count(*) n from"
                      + " ar_customer_ledger_entry group by entry_type) t")));
      line(
          String.format(
              Locale.ROOT,
              "  open items %,d of %,d items (%,d credits); %,d customers with open items",
              count(c, "select count(*) from ar_open_item where open_amount <> 0"),
              count(c, "select count(*) from ar_open_item"),
              count(c, "select count(*) from ar_open_item where open_amount < 0"),
              count(
                  c,
                  "select count(distinct customer_id) from ar_open_item where open_amount <> 0")));
      line(
          "  sizes: ar_customer_ledger_entry "
              + text(c, "select pg_size_pretty(pg_total_relation_size('ar_customer_ledger_entry'))")
              + " with indexes, ar_open_item "
              + text(c, "select pg_size_pretty(pg_total_relation_size('ar_open_item'))")
              + " with indexes, of which the partial open-item index "
              + text(c, "select pg_size_pretty(pg_relation_size('ar_open_item_open_idx'))"));
      line(
          "  server: PostgreSQL "
              + text(c, "show server_version")
              + ", shared_buffers "
              + text(c, "show shared_buffers")
              + ", work_mem "
              + text(c, "show work_mem")
              + ", max_parallel_workers_per_gather "
              + text(c, "show max_parallel_workers_per_gather")
              + ", jit "
              + text(c, "show jit")
              + "; "
              + Runtime.getRuntime().availableProcessors()
              + " CPUs seen by the JVM, load average "
              + String.format(
                  Locale.ROOT,
                  "%.2f",
                  java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                      .getSystemLoadAverage()));
      line("");
    }
  }

  // ---------------------------------------------------------------------------------------------
  // measurements

  private void measure(EntityManager em, RecordingDataSource dataSource) throws Exception {
    Receivables receivables = inject(new Receivables(), em);
    LocalDate today = LocalDate.now();
    LocalDate monthAgo = today.minusDays(30);
    LocalDate yearAgo = today.minusDays(365);
    int baselineRuns = Math.max(3, runs / 5);

    line("Latency in ms over " + runs + " runs each (after 2 warm-up runs), single client:");
    line(
        String.format(
            Locale.ROOT,
            "  %-64s %9s %9s %9s  %s",
            "operation",
            "p50",
            "p95",
            "max",
            "basis / size"));
    Map<String, double[]> results = new HashMap<>();
    results.put(
        "list",
        time(
            "customer list page (50 customers, keyset from a random customer)",
            runs,
            em,
            () -> {
              CustomerBalances page = receivables.customers(null, randomCustomer(), 50);
              return page.basis() + ", " + page.customers().size() + " rows";
            }));
    time(
        "customer account (random customer, first 100 open items)",
        runs,
        em,
        () -> {
          CustomerAccount account = receivables.account(randomCustomer(), null, 0, 100);
          return account.basis() + ", " + account.openItemCount() + " open items";
        });
    results.put(
        "aging",
        time(
            "aging report as of today (totals + first page of 50 customers)",
            runs,
            em,
            () -> {
              AgingReport aging = receivables.aging(null, null, 50);
              return aging.basis() + ", " + aging.customers().size() + " rows";
            }));
    results.put(
        "totals",
        time(
            "  of which the totals alone (summary)",
            runs,
            em,
            () -> describe(new AgingReports(em).totals(Basis.SUMMARY, today))));
    results.put(
        "queue",
        time(
            "work queue as of today, first page (50)",
            runs,
            em,
            () -> {
              WorkQueue queue = receivables.workQueue(null, null, 0, 50);
              return queue.basis() + ", " + queue.entries().size() + " rows";
            }));
    time(
        "aging report as of 30 days ago",
        runs,
        em,
        () -> {
          AgingReport aging = receivables.aging(monthAgo, null, 50);
          return aging.basis() + ", " + aging.customers().size() + " rows";
        });
    time(
        "work queue as of 30 days ago, first page (50)",
        runs,
        em,
        () -> {
          WorkQueue queue = receivables.workQueue(monthAgo, null, 0, 50);
          return queue.basis() + ", " + queue.entries().size() + " rows";
        });
    time(
        "aging report as of 365 days ago",
        baselineRuns,
        em,
        () -> {
          AgingReport aging = receivables.aging(yearAgo, null, 50);
          return aging.basis() + ", " + aging.customers().size() + " rows";
        });
    line("Baseline, the same figures by summing every ledger entry (no summary):");
    results.put(
        "baselineTotals",
        time(
            "baseline: aging totals as of today from all entries",
            baselineRuns,
            em,
            () -> describe(new AgingReports(em).totals(Basis.ENTRIES_UP_TO_DATE, today))));
    results.put(
        "baselineQueue",
        time(
            "baseline: work queue first page from all entries",
            baselineRuns,
            em,
            () ->
                new WorkQueueQueries(em).page(Basis.ENTRIES_UP_TO_DATE, today, null, 0, 51).size()
                    + " rows"));
    results.put(
        "baselineList",
        time(
            "baseline: customer list page from the customers' entries",
            runs,
            em,
            () -> {
              AgingReports reports = new AgingReports(em);
              List<Long> ids =
                  reports.customers(randomCustomer(), 50).stream()
                      .map(AgingReports.CustomerRow::id)
                      .toList();
              return reports.agingOf(Basis.ENTRIES_UP_TO_DATE, today, ids).size()
                  + " customers with open items";
            }));
    line("");
    line("Ratios (baseline p50 ÷ summary p50):");
    ratio("aging totals", results.get("baselineTotals"), results.get("totals"));
    ratio(
        "whole aging report vs baseline totals alone",
        results.get("baselineTotals"),
        results.get("aging"));
    ratio("work queue first page", results.get("baselineQueue"), results.get("queue"));
    ratio("customer list page", results.get("baselineList"), results.get("list"));
    line("");

    sameFigures(em, today);
    triggerCost();
    invariantCheck(em);
    if (explain) {
      explainAll(em, dataSource, receivables, monthAgo, yearAgo);
    }
  }

  private void sameFigures(EntityManager em, LocalDate today) {
    List<Aging> summary = new AgingReports(em).totals(Basis.SUMMARY, today);
    List<Aging> rollback = new AgingReports(em).totals(Basis.SUMMARY_LESS_LATER_ENTRIES, today);
    List<Aging> entries = new AgingReports(em).totals(Basis.ENTRIES_UP_TO_DATE, today);
    line(
        "Same figures by every basis as of today: "
            + (summary.equals(entries) && summary.equals(rollback) ? "yes" : "NO"));
    for (Aging aging : summary) {
      line("  " + aging);
    }
    line("");
  }

  /** The open-item trigger's cost per entry: the same inserts with and without it, rolled back. */
  private void triggerCost() throws SQLException {
    int entries = 20_000;
    String insert =
        """
        insert into ar_customer_ledger_entry (customer_id, entry_type, document_type,
               document_number, amount, currency, posting_date, due_date, applies_to_number)
        select customer_id, 'payment', 'PAYMENT', 'BT-' || item_number, -1, currency,
               current_date, null, item_number
          from ar_open_item where open_amount > 1 limit %d"""
            .formatted(entries);
    double with = insertMicros(insert, entries, false);
    double without = insertMicros(insert, entries, true);
    line(
        String.format(
            Locale.ROOT,
            "Posting cost: %,d payment entries inserted in one statement, rolled back: %.0f µs per"
                + " entry with the open-item trigger, %.0f µs without (the trigger adds %.0f µs)",
            entries,
            with,
            without,
            with - without));
    line("");
  }

  private double insertMicros(String insert, int entries, boolean withoutTrigger)
      throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      if (withoutTrigger) {
        s.execute(
            "alter table ar_customer_ledger_entry disable trigger"
                + " ar_customer_ledger_entry_open_item");
      }
      long start = System.nanoTime();
      s.executeUpdate(insert);
      double micros = (System.nanoTime() - start) / 1e3 / entries;
      c.rollback();
      return micros;
    }
  }

  private void invariantCheck(EntityManager em) throws Exception {
    InvariantChecks checks = inject(new InvariantChecks(), em);
    long start = System.nanoTime();
    List<InvariantChecks.Result> results = checks.run();
    double seconds = (System.nanoTime() - start) / 1e9;
    InvariantChecks.Result openItems =
        results.stream()
            .filter(r -> r.name().equals("open_items_equal_sum_of_customer_ledger"))
            .findFirst()
            .orElseThrow();
    line(
        String.format(
            Locale.ROOT,
            "Invariant checks: all %d ran in %.1f s; %s: %d violations (%s). (The generator"
                + " writes customer ledger entries without journal entries, so the GL control"
                + " account check does not apply to this database.)",
            results.size(),
            seconds,
            openItems.name(),
            openItems.violations(),
            openItems.detail()));
    line("");
  }

  private void explainAll(
      EntityManager em,
      RecordingDataSource dataSource,
      Receivables receivables,
      LocalDate monthAgo,
      LocalDate yearAgo)
      throws SQLException {
    line("EXPLAIN (ANALYZE, BUFFERS) of the statements each report ran:");
    explain(
        em,
        dataSource,
        "customer list page",
        () -> receivables.customers(null, randomCustomer(), 50));
    explain(
        em,
        dataSource,
        "customer account",
        () -> receivables.account(randomCustomer(), null, 0, 100));
    explain(em, dataSource, "aging report as of today", () -> receivables.aging(null, null, 50));
    explain(
        em, dataSource, "work queue as of today", () -> receivables.workQueue(null, null, 0, 50));
    explain(
        em,
        dataSource,
        "aging report as of 30 days ago",
        () -> receivables.aging(monthAgo, null, 50));
    explain(
        em,
        dataSource,
        "aging report as of 365 days ago",
        () -> receivables.aging(yearAgo, null, 50));
    explain(
        em,
        dataSource,
        "baseline aging totals from all entries",
        () -> new AgingReports(em).totals(Basis.ENTRIES_UP_TO_DATE, LocalDate.now()));
  }

  private void explain(
      EntityManager em, RecordingDataSource dataSource, String what, Supplier<?> report)
      throws SQLException {
    em.clear();
    dataSource.capture();
    report.get();
    List<RecordingDataSource.Statement> statements = dataSource.stop();
    line("");
    line("## " + what);
    try (Connection c = connect()) {
      for (RecordingDataSource.Statement statement : statements) {
        if (!statement.sql().contains("ar_open_item")
            && !statement.sql().contains("ar_customer_ledger_entry")) {
          continue;
        }
        line("");
        line(statement.sql().strip().replaceAll("\\s+", " "));
        if (!statement.parameters().isEmpty()) {
          line("-- parameters " + statement.parameters().values());
        }
        try (PreparedStatement explain =
            c.prepareStatement("explain (analyze, buffers) " + statement.sql())) {
          for (Map.Entry<Integer, Object> parameter : statement.parameters().entrySet()) {
            explain.setObject(parameter.getKey(), parameter.getValue());
          }
          try (ResultSet plan = explain.executeQuery()) {
            while (plan.next()) {
              line("    " + plan.getString(1));
            }
          }
        }
      }
    }
  }

  private double[] time(String what, int count, EntityManager em, Supplier<String> operation) {
    String description = "";
    for (int i = 0; i < 2; i++) {
      em.clear();
      description = operation.get();
    }
    double[] millis = new double[count];
    for (int i = 0; i < count; i++) {
      em.clear();
      long start = System.nanoTime();
      description = operation.get();
      millis[i] = (System.nanoTime() - start) / 1e6;
    }
    java.util.Arrays.sort(millis);
    double[] stats = {percentile(millis, 50), percentile(millis, 95), millis[millis.length - 1]};
    line(
        String.format(
            Locale.ROOT,
            "  %-64s %9.1f %9.1f %9.1f  %s",
            what,
            stats[0],
            stats[1],
            stats[2],
            description));
    return stats;
  }

  /** Nearest-rank percentile of sorted values. */
  private static double percentile(double[] sorted, int percent) {
    int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  private void ratio(String what, double[] baseline, double[] summary) {
    line(
        String.format(
            Locale.ROOT,
            "  %-50s %8.1f ms ÷ %7.1f ms = %6.1f×",
            what,
            baseline[0],
            summary[0],
            baseline[0] / summary[0]));
  }

  private static String describe(List<Aging> totals) {
    BigDecimal balance =
        totals.stream().map(Aging::balance).reduce(BigDecimal.ZERO, BigDecimal::add);
    return totals.size()
        + " currencies, "
        + totals.stream().mapToLong(Aging::openItems).sum()
        + " open items, balances summed "
        + balance;
  }

  private String randomCustomer() {
    return String.format(Locale.ROOT, "BC-%06d", 1 + random.nextInt(customers));
  }

  private static <T> T inject(T bean, EntityManager em) throws ReflectiveOperationException {
    Field field = bean.getClass().getDeclaredField("em");
    field.setAccessible(true);
    field.set(bean, em);
    return bean;
  }

  // ---------------------------------------------------------------------------------------------
  // plumbing

  private String url() {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(url(), user, password);
  }

  private RecordingDataSource recordingDataSource() {
    PGSimpleDataSource pg = new PGSimpleDataSource();
    pg.setServerNames(new String[] {host});
    pg.setPortNumbers(new int[] {Integer.parseInt(port)});
    pg.setDatabaseName(database);
    pg.setUser(user);
    pg.setPassword(password);
    pg.setApplicationName("ledgerline-receivables-benchmark");
    return new RecordingDataSource(pg);
  }

  private void createDatabaseIfMissing() throws SQLException {
    if (!database.matches("[a-z_][a-z0-9_]{0,62}")) {
      throw new IllegalArgumentException("bench.db must be a lower-case SQL identifier");
    }
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:postgresql://" + host + ":" + port + "/postgres", user, password);
        Statement s = c.createStatement()) {
      if (count(c, "select count(*) from pg_database where datname = '" + database + "'") == 0) {
        s.execute("create database " + database);
      }
    }
  }

  private static boolean tableExists(Connection c, String table) throws SQLException {
    return count(c, "select count(*) from pg_tables where tablename = '" + table + "'") > 0;
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static String text(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  private void line(String text) {
    PrintStream out = System.out;
    out.println(text);
    out.flush();
    report.append(text).append('\n');
  }
}
