package com.ledgerline.it;

import static com.ledgerline.it.support.TestDatabase.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ledgerline.channels.control.MessageContracts;
import com.ledgerline.it.support.Api;
import com.ledgerline.it.support.Invariants;
import com.ledgerline.it.support.Replays;
import java.io.File;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code deployment/ledgerline replay} end to end on a slice of the real half year (five months,
 * see {@link #FROM}): the replay's summary line against counts the test takes from the CSV itself,
 * the sales and adjustments in the ledger, the invariants, and a second replay of the same slice
 * that posts nothing.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReplayIT {
  /**
   * The largest slice clear of the days other tests post in the same database (December 2010:
   * PlatformIT and SecurityIT import the first day; January 2011: HledgerIT replays two days):
   * February to June 2011, 9,294 of the half year's 12,795 invoices.
   */
  private static final LocalDate FROM = LocalDate.of(2011, 2, 1);

  private static final LocalDate TO = LocalDate.of(2011, 6, 30);
  private static final Pattern SUMMARY =
      Pattern.compile(
          "replay: invoices=(\\d+) lines=(\\d+) posted=(\\d+) duplicates=(\\d+) rejected=(\\d+)"
              + " dead_lettered=(\\d+) elapsed_s=([0-9.]+) sales_per_s=([0-9.]+)"
              + " sync_p50_ms=(\\d+) sync_p95_ms=(\\d+) sync_p99_ms=(\\d+)");

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(
        WebArchive.class, new File(System.getProperty("ledgerline.war")));
  }

  @ArquillianResource private URL base;

  /** What the test reads from the slice of the CSV, by the data's own marks. */
  private record Slice(
      List<String> sales, List<String> returns, List<String> writeOffs, long invoices, long rows) {}

  /**
   * The invoices whose first row falls in the slice: {@code C…} are returns, all rows negative at
   * price 0 without a customer are write-offs, the rest sales.
   */
  private static Slice slice() throws Exception {
    Map<String, List<CSVRecord>> invoices = new LinkedHashMap<>();
    Map<String, Boolean> inRange = new HashMap<>();
    try (Reader reader =
        new InputStreamReader(
            new GZIPInputStream(
                Files.newInputStream(Path.of(System.getProperty("ledgerline.sample.data")))),
            StandardCharsets.UTF_8)) {
      for (CSVRecord r :
          CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
        String number = r.get("InvoiceNo");
        boolean in =
            inRange.computeIfAbsent(
                number,
                n -> {
                  LocalDate day = LocalDate.parse(r.get("InvoiceDate").substring(0, 10));
                  return !day.isBefore(FROM) && !day.isAfter(TO);
                });
        if (in) {
          invoices.computeIfAbsent(number, n -> new ArrayList<>()).add(r);
        }
      }
    }
    List<String> sales = new ArrayList<>();
    List<String> returns = new ArrayList<>();
    List<String> writeOffs = new ArrayList<>();
    long rows = 0;
    for (Map.Entry<String, List<CSVRecord>> e : invoices.entrySet()) {
      rows += e.getValue().size();
      boolean writeOff =
          e.getValue().stream()
              .allMatch(
                  r ->
                      new BigDecimal(r.get("Quantity")).signum() < 0
                          && new BigDecimal(r.get("UnitPrice")).signum() == 0
                          && r.get("CustomerID").isBlank());
      if (e.getKey().startsWith("C")) {
        returns.add(e.getKey());
      } else if (writeOff) {
        writeOffs.add(e.getKey());
      } else {
        sales.add(e.getKey());
      }
    }
    return new Slice(sales, returns, writeOffs, invoices.size(), rows);
  }

  private record Summary(
      long invoices, long lines, long posted, long duplicates, long rejected, long deadLettered) {}

  private static Summary replay() {
    String output = Replays.replay(FROM, TO);
    String[] lines = output.strip().split("\n");
    Matcher m = SUMMARY.matcher(lines[lines.length - 1]);
    assertTrue(m.matches(), "the output ends with the summary line:\n" + output);
    return new Summary(
        Long.parseLong(m.group(1)),
        Long.parseLong(m.group(2)),
        Long.parseLong(m.group(3)),
        Long.parseLong(m.group(4)),
        Long.parseLong(m.group(5)),
        Long.parseLong(m.group(6)));
  }

  private static long inLedger(String sql, List<String> keys) throws Exception {
    try (Connection c = com.ledgerline.it.support.TestDatabase.connect();
        PreparedStatement s = c.prepareStatement(sql)) {
      Array array = c.createArrayOf("varchar", keys.toArray());
      s.setArray(1, array);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private void assertInvariantsHold() throws Exception {
    Invariants.assertHold(new Api(base).as("auditor"));
  }

  @Test
  void aSliceOfTheHalfYearPostsThroughTheChannelsOnceAndASecondReplayIsAllDuplicates()
      throws Exception {
    Slice slice = slice();
    // returns post once pos.refund is published; until then the ledger refuses them by contract
    boolean refunds = MessageContracts.isPublished("pos.refund", 1);
    long postable = slice.sales().size() + slice.writeOffs().size();

    Summary first = replay();

    assertEquals(slice.invoices(), first.invoices());
    assertEquals(slice.rows(), first.lines());
    assertEquals(0, first.deadLettered());
    assertEquals(0, first.duplicates());
    assertEquals(postable + (refunds ? slice.returns().size() : 0), first.posted());
    assertEquals(refunds ? 0 : slice.returns().size(), first.rejected());
    assertEquals(
        slice.sales().size(),
        inLedger(
            "select count(*) from sal_sale where channel = 'online-retail' and status = 'POSTED'"
                + " and external_reference = any(?)",
            slice.sales()),
        "every sale of the slice is a posted sale under its invoice number");
    assertEquals(
        slice.writeOffs().size(),
        inLedger(
            "select count(*) from chn_inbound_key where channel = 'erp' and document_number like"
                + " 'ADJ-%' and transaction_id = any(?)",
            slice.writeOffs().stream().map(n -> "online-retail:write-off:" + n).toList()),
        "every write-off of the slice is a stock adjustment");
    assertEquals(
        0,
        count(
            "select count(*) from inv_stock_level l join cat_variant v on v.id = l.variant_id"
                + " where l.quantity_on_hand < 0 and not v.backorder_allowed"),
        "opening stock covers what the slice sells and writes off");
    assertInvariantsHold();

    Summary second = replay();

    assertEquals(first.invoices(), second.invoices());
    assertEquals(0, second.posted(), "a second replay posts nothing");
    assertEquals(first.posted(), second.duplicates());
    assertEquals(first.rejected(), second.rejected());
    assertEquals(0, second.deadLettered());
    assertEquals(
        slice.sales().size(),
        inLedger(
            "select count(*) from sal_sale where channel = 'online-retail'"
                + " and external_reference = any(?)",
            slice.sales()));
    assertInvariantsHold();
  }
}
