package com.ledgerline.reports.bench;

import com.ledgerline.ledger.boundary.TrialBalance;
import com.ledgerline.reports.boundary.Reports;
import com.ledgerline.reports.control.ReconciliationReport;
import com.ledgerline.reports.control.ReportFormat;
import com.ledgerline.reports.control.ReportQueries;
import com.ledgerline.reports.control.ReportTable;
import com.ledgerline.reports.control.ReportWriter;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.persistence.config.PersistenceUnitProperties;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Renders reports outside the server, straight from a database, through the same queries and writer
 * the REST resource uses: to look at them ({@code preview}: every report into a directory) and to
 * time them ({@code bench}: AR aging and trial balance, CSV and PDF, p50/p95 against the bare
 * query). Not a test.
 *
 * <pre>
 * mvn -o -q -B -pl ejb-module test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
 *     -Dexec.mainClass=com.ledgerline.reports.bench.ReportsRenderer -Dexec.classpathScope=test \
 *     -Dpreview.dir=DIR -Dbench.db=ledgerline_test \
 *     -Dpreview.sale=INV-… -Dpreview.payment=PAY-… -Dpreview.creditNote=CN-… \
 *     -Dpreview.customer=OR-… -Dpreview.from=2011-01-04 -Dpreview.to=2011-01-05
 * ... -Dpreview.bankAccount=GB…|ALL   (only the reconciliation report, PDF, XLSX and CSV)
 * ... -Dbench.db=ledgerline_bench_receivables -Dbench.runs=10   (no preview.dir: the benchmark)
 * </pre>
 *
 * <p>{@code bench} runs on the receivables benchmark's database ({@code ReceivablesBenchmark}:
 * 100,000 customers, 1,000,000 invoices with their credit notes and payments, customer ledger
 * entries only). When that database has no journal yet, it first writes the journal entries the
 * ledger entries stand for, set-based ({@link #JOURNAL}): an invoice Dr 1100 receivables / Cr 4000
 * revenue / Cr 2100 output tax (20 % VAT inside the gross), a credit note Dr 4100 returns / Cr
 * 1100, a payment Dr 1010 bank / Cr 1100, each entry balanced (the database's deferred balance
 * trigger checks every one at commit). The trial balance then sums some four million journal lines.
 */
public final class ReportsRenderer {
  public static void main(String[] args) throws Exception {
    String database = System.getProperty("bench.db", "ledgerline_test");
    PGSimpleDataSource pg = new PGSimpleDataSource();
    pg.setServerNames(new String[] {System.getProperty("ledgerline.db.host", "127.0.0.1")});
    pg.setPortNumbers(
        new int[] {Integer.parseInt(System.getProperty("ledgerline.db.port", "5432"))});
    pg.setDatabaseName(database);
    pg.setUser(System.getProperty("ledgerline.db.user", "ledgerline"));
    pg.setPassword(System.getProperty("ledgerline.db.password", "ledgerline-dev"));
    Map<String, Object> properties = new HashMap<>();
    properties.put(PersistenceUnitProperties.TRANSACTION_TYPE, "RESOURCE_LOCAL");
    properties.put(PersistenceUnitProperties.NON_JTA_DATASOURCE, pg);
    properties.put(PersistenceUnitProperties.JTA_DATASOURCE, "");
    properties.put(PersistenceUnitProperties.TARGET_SERVER, "None");
    properties.put(PersistenceUnitProperties.WEAVING, "false");
    EntityManagerFactory factory = Persistence.createEntityManagerFactory("ledger", properties);
    try {
      EntityManager em = factory.createEntityManager();
      TrialBalance trialBalance = new TrialBalance();
      Field field = TrialBalance.class.getDeclaredField("em");
      field.setAccessible(true);
      field.set(trialBalance, em);
      ReportQueries queries = new ReportQueries(em);
      // the mode from properties, not arguments: -Dexec.args would also reach the build's own
      // exec execution (the template compiler) and replace its arguments
      if (System.getProperty("preview.dir") == null) {
        journal(pg);
        bench(queries, trialBalance, em, Integer.parseInt(System.getProperty("bench.runs", "10")));
      } else {
        preview(queries, trialBalance, em, Path.of(System.getProperty("preview.dir")));
      }
      em.close();
    } finally {
      factory.close();
    }
  }

  /**
   * The journal of the benchmark's customer ledger entries: one entry per ledger entry, its lines
   * from the entry's amount (see the class comment).
   */
  static final String JOURNAL =
      """
      insert into gl_journal_entry (entry_number, posting_date, currency, document_type,
                                    document_number, description, created_by)
      select 'BJ-' || l.id, l.posting_date, l.currency, l.document_type, l.document_number,
             l.entry_type || ' ' || l.document_number, 'bench'
        from ar_customer_ledger_entry l
       where l.amount <> 0
       order by l.posting_date, l.id;
      insert into gl_journal_line (journal_entry_id, line_number, account_code, debit, credit)
      select j.id, x.n, x.account, x.debit, x.credit
        from ar_customer_ledger_entry l
        join gl_journal_entry j on j.entry_number = 'BJ-' || l.id
        cross join lateral (
          select round(abs(l.amount) / 6, 2) tax) t
        cross join lateral (
          values (1, case when l.amount > 0 then '1100'
                          when l.entry_type = 'credit_note' then '4100' else '1010' end,
                  abs(l.amount), 0::numeric),
                 (2, case when l.amount > 0 then '4000' else '1100' end, 0,
                  case when l.amount > 0 then abs(l.amount) - t.tax else abs(l.amount) end),
                 (3, '2100', 0, case when l.amount > 0 then t.tax else 0 end)) x(n, account,
                                                                               debit, credit)
       where l.amount <> 0 and (x.debit > 0 or x.credit > 0);
      analyze gl_journal_entry;
      analyze gl_journal_line;
      """;

  private static void journal(PGSimpleDataSource pg) throws Exception {
    try (var c = pg.getConnection();
        var s = c.createStatement()) {
      try (var rs = s.executeQuery("select count(*) from gl_journal_line")) {
        rs.next();
        if (rs.getLong(1) > 0) {
          System.out.printf(Locale.ROOT, "journal: %,d lines already there%n", rs.getLong(1));
          return;
        }
      }
      long start = System.nanoTime();
      c.setAutoCommit(false);
      s.execute(JOURNAL);
      c.commit();
      try (var rs =
          s.executeQuery(
              "select (select count(*) from gl_journal_entry),"
                  + " (select count(*) from gl_journal_line)")) {
        rs.next();
        System.out.printf(
            Locale.ROOT,
            "journal: generated %,d journal entries with %,d lines in %.1f s%n",
            rs.getLong(1),
            rs.getLong(2),
            (System.nanoTime() - start) / 1e9);
      }
    }
  }

  private static void preview(
      ReportQueries q, TrialBalance trialBalance, EntityManager em, Path dir) throws Exception {
    Files.createDirectories(dir);
    LocalDate from = LocalDate.parse(System.getProperty("preview.from"));
    LocalDate to = LocalDate.parse(System.getProperty("preview.to"));
    // -Dpreview.bankAccount=ID (or ALL): the reconciliation report only
    String bankAccount = System.getProperty("preview.bankAccount");
    if (bankAccount != null) {
      for (ReportFormat f : ReportFormat.values()) {
        write(
            dir,
            new ReconciliationReport(em)
                .report(from, to, "ALL".equals(bankAccount) ? null : bankAccount),
            f);
      }
      return;
    }
    String customer = System.getProperty("preview.customer");
    write(dir, q.invoice(System.getProperty("preview.sale")), ReportFormat.PDF);
    if (System.getProperty("preview.creditNote") != null) {
      write(dir, q.creditNote(System.getProperty("preview.creditNote")), ReportFormat.PDF);
    }
    if (System.getProperty("preview.payment") != null) {
      write(dir, q.receipt(System.getProperty("preview.payment")), ReportFormat.PDF);
    }
    write(dir, q.statement(customer, from, to), ReportFormat.PDF);
    for (ReportFormat f : ReportFormat.values()) {
      write(dir, q.aging(to, null), f);
      write(dir, q.salesJournal(from, to, null, null), f);
      write(dir, q.trialBalance(trialBalance.asOf(to)), f);
      write(dir, q.generalLedger(from, to, System.getProperty("preview.account")), f);
      write(dir, q.margin(from, to, null), f);
    }
  }

  private static void write(Path dir, ReportTable table, ReportFormat format) throws Exception {
    Reports.stamp(table, Reports.COMPANY_NAME, Reports.COMPANY_ADDRESS);
    Path file = dir.resolve(table.fileName() + "." + format.extension());
    try (OutputStream out = Files.newOutputStream(file)) {
      ReportWriter.write(table, format, out);
    }
    System.out.println(file + " " + table.rows().size() + " rows");
  }

  private static void bench(ReportQueries q, TrialBalance trialBalance, EntityManager em, int runs)
      throws Exception {
    LocalDate today = LocalDate.now();
    System.out.printf(
        Locale.ROOT,
        "%-48s %9s %9s %9s%n",
        "operation (ms, " + runs + " runs)",
        "p50",
        "p95",
        "rows");
    double agingQuery = time("AR aging: query and buckets", runs, () -> q.aging(today, null));
    double agingCsv =
        time("AR aging: query + CSV", runs, () -> render(q.aging(today, null), ReportFormat.CSV));
    double agingPdf =
        time("AR aging: query + PDF", runs, () -> render(q.aging(today, null), ReportFormat.PDF));
    double tbQuery =
        time("trial balance: query", runs, () -> q.trialBalance(trialBalance.asOf(today)));
    double tbCsv =
        time(
            "trial balance: query + CSV",
            runs,
            () -> render(q.trialBalance(trialBalance.asOf(today)), ReportFormat.CSV));
    double tbPdf =
        time(
            "trial balance: query + PDF",
            runs,
            () -> render(q.trialBalance(trialBalance.asOf(today)), ReportFormat.PDF));
    System.out.printf(
        Locale.ROOT,
        "ratios to the bare query (p50): aging CSV %.2f×, aging PDF %.2f×, trial balance CSV %.2f×, PDF %.2f×%n",
        agingCsv / agingQuery,
        agingPdf / agingQuery,
        tbCsv / tbQuery,
        tbPdf / tbQuery);
  }

  private static Object render(ReportTable table, ReportFormat format) {
    try {
      Reports.stamp(table, Reports.COMPANY_NAME, Reports.COMPANY_ADDRESS);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ReportWriter.write(table, format, out);
      return table.rows().size() + " rows, " + out.size() + " bytes";
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static double time(String what, int runs, Supplier<Object> action) {
    action.get();
    double[] ms = new double[runs];
    Object last = null;
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      last = action.get();
      ms[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(ms);
    double p50 = ms[(int) Math.ceil(0.5 * runs) - 1];
    double p95 = ms[(int) Math.ceil(0.95 * runs) - 1];
    String size = last instanceof ReportTable t ? t.rows().size() + " rows" : String.valueOf(last);
    System.out.printf(Locale.ROOT, "%-48s %9.1f %9.1f  %s%n", what, p50, p95, size);
    return p50;
  }
}
