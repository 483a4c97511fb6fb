package com.ledgerline.it;

import static com.ledgerline.it.support.TestDatabase.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ledgerline.it.support.Api;
import com.ledgerline.it.support.Invariants;
import com.ledgerline.it.support.Replays;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * The books, checked by a tool no one here wrote. A slice of the real Online Retail data (the first
 * two days at 20 % VAT, 2011-01-04 .. 2011-01-05: 96 sales, 24 returns, 13 stock write-offs, card
 * payments of the walk-in customers) is replayed through the channels; then {@code
 * deployment/ledgerline export-ledger} writes the whole general ledger as an hledger journal,
 * Debian's hledger (installed by {@code deployment/ledgerline test}, or {@code hledger-up}) must
 * accept it ({@code hledger check} with the strict checks: every account and commodity declared,
 * every transaction balanced, dates in order), and every account balance hledger computes, per
 * currency, must equal the trial balance's ({@code GET /api/ledger/trial-balance}) exactly, as of
 * the first day of the slice and as of today. Ends with the invariant checks.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HledgerIT {
  private static final LocalDate FROM = LocalDate.of(2011, 1, 4);
  private static final LocalDate TO = LocalDate.of(2011, 1, 5);

  /** The scale journal amounts are stored at ({@code numeric(19,4)}): hledger shows them all. */
  private static final String EXACT = " 1000.0000";

  private static final Path REPOSITORY =
      Path.of(System.getProperty("ledgerline.repository", "../..")).toAbsolutePath().normalize();
  private static final Path STATE = Path.of("target/hledger-state").toAbsolutePath();
  private static final String HLEDGER = System.getProperty("ledgerline.hledger", "hledger");
  private static final Pattern ACCOUNT =
      Pattern.compile("^(assets|liabilities|equity|revenues|expenses):([0-9A-Z.\\-]+)( .*)?$");
  private static final Pattern EXPORTED =
      Pattern.compile("export-ledger: (\\d+) journal entries, (\\d+) journal lines, .*");

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(
        WebArchive.class, new File(System.getProperty("ledgerline.war")));
  }

  @ArquillianResource private URL base;

  private record Outcome(int status, String output) {}

  private static Outcome run(List<String> command, Map<String, String> environment)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(environment);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new AssertionError(
          command.get(0)
              + " cannot run ("
              + e.getMessage()
              + "): deployment/ledgerline test installs hledger from Debian, or run"
              + " deployment/ledgerline hledger-up (apt-get install -y hledger)",
          e);
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(5, TimeUnit.MINUTES), String.join(" ", command) + " finished");
    return new Outcome(process.exitValue(), output);
  }

  private static Outcome hledger(Path journal, String... arguments) throws Exception {
    List<String> command = new ArrayList<>(List.of(HLEDGER, "-f", journal.toString()));
    command.addAll(List.of(arguments));
    return run(command, Map.of());
  }

  /** {@code deployment/ledgerline export-ledger FILE --database <the test database>}. */
  private static Outcome exportLedger(Path file) throws Exception {
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
    return run(
        List.of(
            REPOSITORY.resolve("deployment/ledgerline").toString(),
            "export-ledger",
            file.toString(),
            "--database",
            System.getProperty("ledgerline.db.name", "ledgerline_test")),
        Map.of(
            "LEDGERLINE_STATE", STATE.toString(),
            "LEDGERLINE_DB_HOST", System.getProperty("ledgerline.db.host", "127.0.0.1"),
            "LEDGERLINE_DB_PORT", System.getProperty("ledgerline.db.port", "5432"),
            "LEDGERLINE_DB_USER", System.getProperty("ledgerline.db.user", "ledgerline"),
            "LEDGERLINE_DB_PASSWORD",
                System.getProperty("ledgerline.db.password", "ledgerline-dev")));
  }

  private static void replay() {
    System.out.print(Replays.replay(FROM, TO));
  }

  /** An account in one currency: the key both sides are compared by. */
  private record Key(String code, String currency) {}

  /** hledger's balance of an account: debits positive, and the top-level account it is under. */
  private record Balance(String topLevel, BigDecimal amount) {}

  /** hledger's account balances (debits positive), exact, as of the day before {@code end}. */
  private static Map<Key, Balance> hledgerBalances(
      Path journal, List<String> currencies, LocalDate end) throws Exception {
    List<String> arguments =
        new ArrayList<>(List.of("bal", "--flat", "-N", "-E", "-O", "csv", "--layout=bare"));
    for (String currency : currencies) {
      arguments.addAll(List.of("-c", currency + EXACT));
    }
    if (end != null) {
      arguments.addAll(List.of("-e", end.toString()));
    }
    Outcome balances = hledger(journal, arguments.toArray(String[]::new));
    assertEquals(0, balances.status(), balances.output());
    Map<Key, Balance> result = new HashMap<>();
    for (CSVRecord r :
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new StringReader(balances.output()))) {
      Matcher account = ACCOUNT.matcher(r.get("account"));
      assertTrue(account.matches(), "an account of the export: " + r);
      Balance balance = new Balance(account.group(1), new BigDecimal(r.get("balance")));
      Key key = new Key(account.group(2), r.get("commodity"));
      assertEquals(null, result.put(key, balance), "one balance per account and commodity: " + r);
    }
    return result;
  }

  private JsonObject trialBalance(String asOf) throws Exception {
    Api.Reply reply =
        new Api(base)
            .as("finance")
            .get("api/ledger/trial-balance" + (asOf == null ? "" : "?asOf=" + asOf));
    assertEquals(200, reply.status(), reply.body());
    return reply.json();
  }

  private static String topLevel(String type) {
    return switch (type) {
      case "ASSET" -> "assets";
      case "LIABILITY" -> "liabilities";
      case "EQUITY" -> "equity";
      case "REVENUE" -> "revenues";
      case "EXPENSE" -> "expenses";
      default -> throw new AssertionError("account type " + type);
    };
  }

  /**
   * Every account of the trial balance has hledger's balance (debit − credit, exact, under the
   * top-level account of its type), hledger knows no account the trial balance lacks, and per
   * currency the debits equal the credits.
   *
   * @return the number of account balances compared
   */
  private static int assertSameBalances(JsonObject trialBalance, Map<Key, Balance> hledger) {
    Map<Key, Balance> unmatched = new HashMap<>(hledger);
    int compared = 0;
    List<String> currencies = new ArrayList<>();
    for (JsonValue value : trialBalance.getJsonArray("accounts")) {
      JsonObject row = value.asJsonObject();
      String code = row.getString("code");
      String currency = row.getString("currency");
      BigDecimal debit = row.getJsonNumber("debit").bigDecimalValue();
      BigDecimal credit = row.getJsonNumber("credit").bigDecimalValue();
      BigDecimal balance = row.getJsonNumber("balance").bigDecimalValue();
      BigDecimal natural = debit.subtract(credit);
      assertEquals(
          0,
          ("DEBIT".equals(row.getString("normalBalance")) ? natural : natural.negate())
              .compareTo(balance),
          "the balance is in the account's normal-balance sign: " + row);
      Balance theirs = unmatched.remove(new Key(code, currency));
      assertNotNull(theirs, "hledger has a balance for " + row);
      assertEquals(
          0,
          natural.compareTo(theirs.amount()),
          code + " " + currency + ": trial balance " + natural + ", hledger " + theirs.amount());
      assertEquals(topLevel(row.getString("type")), theirs.topLevel(), "under its type: " + row);
      compared++;
      if (!currencies.contains(currency)) {
        currencies.add(currency);
      }
    }
    assertTrue(
        unmatched.values().stream().allMatch(b -> b.amount().signum() == 0),
        "hledger has no balance the trial balance lacks: " + unmatched);
    JsonArray totals = trialBalance.getJsonArray("totals");
    assertEquals(currencies.size(), totals.size(), totals.toString());
    for (JsonValue value : totals) {
      JsonObject total = value.asJsonObject();
      assertTrue(total.getBoolean("balanced"), total.toString());
      assertEquals(
          0,
          total
              .getJsonNumber("debit")
              .bigDecimalValue()
              .compareTo(total.getJsonNumber("credit").bigDecimalValue()),
          "debits = credits: " + total);
    }
    return compared;
  }

  private static List<String> currencies(JsonObject trialBalance) {
    return trialBalance.getJsonArray("totals").stream()
        .map(t -> t.asJsonObject().getString("currency"))
        .toList();
  }

  private void assertInvariantsHold() throws Exception {
    Invariants.assertHold(new Api(base).as("auditor"));
  }

  private static long documentsInTheSlice(String documentType) throws Exception {
    return count(
        "select count(*) from gl_journal_entry where document_type = ? and posting_date between ?"
            + " and ?",
        documentType,
        FROM,
        TO);
  }

  @Test
  void hledgerAcceptsTheExportedLedgerAndEveryAccountBalanceEqualsTheTrialBalance()
      throws Exception {
    Outcome version = run(List.of(HLEDGER, "--version"), Map.of());
    assertEquals(0, version.status(), version.output());

    replay();
    // the slice put real sales, returns, write-offs and payments in the books
    assertTrue(documentsInTheSlice("SALE_INVOICE") > 0, "sales");
    assertTrue(documentsInTheSlice("CREDIT_NOTE") > 0, "returns");
    assertTrue(documentsInTheSlice("STOCK_ADJUSTMENT") > 0, "write-offs");
    assertTrue(documentsInTheSlice("PAYMENT") > 0, "payments");

    Path journal = Files.createDirectories(Path.of("target")).resolve("ledger.journal");
    Outcome export = exportLedger(journal);
    assertEquals(0, export.status(), export.output());
    Matcher exported = EXPORTED.matcher(export.output().strip().lines().reduce((a, b) -> b).get());
    assertTrue(exported.matches(), export.output());
    long entries = count("select count(*) from gl_journal_entry");
    assertEquals(entries, Long.parseLong(exported.group(1)), "one transaction per journal entry");
    assertEquals(count("select count(*) from gl_journal_line"), Long.parseLong(exported.group(2)));

    Outcome check = hledger(journal, "check", "--strict", "ordereddates");
    assertEquals(0, check.status(), "hledger check: " + check.output());
    Outcome stats = hledger(journal, "stats");
    assertTrue(
        stats.output().lines().anyMatch(l -> l.matches("Transactions\\s*: " + entries + " .*")),
        stats.output());

    JsonObject today = trialBalance(null);
    int compared = assertSameBalances(today, hledgerBalances(journal, currencies(today), null));
    assertTrue(compared >= 8, "sales, returns, stock and payments touch at least 8 accounts");

    // as of the slice's first day: hledger's end date is exclusive
    JsonObject firstDay = trialBalance(FROM.toString());
    assertEquals(FROM.toString(), firstDay.getString("asOf"));
    assertSameBalances(firstDay, hledgerBalances(journal, currencies(firstDay), FROM.plusDays(1)));
    assertNotEquals(today.getJsonArray("accounts"), firstDay.getJsonArray("accounts"));

    // hledger does check: the same journal with one posting off by a cent is refused
    Path broken = journal.resolveSibling("ledger-broken.journal");
    String text = Files.readString(journal);
    Matcher posting =
        Pattern.compile("(?m)^( {4}assets:1100 [^\\n]*  GBP )(-?[0-9.]+)$").matcher(text);
    assertTrue(posting.find(), "the export has a receivable posting");
    String altered =
        posting.group(1)
            + new BigDecimal(posting.group(2)).add(new BigDecimal("0.01")).toPlainString();
    Files.writeString(
        broken, text.substring(0, posting.start()) + altered + text.substring(posting.end()));
    Outcome refused = hledger(broken, "check");
    assertNotEquals(0, refused.status(), "hledger refuses an unbalanced transaction");
    assertFalse(refused.output().isBlank());

    assertInvariantsHold();
  }

  @Test
  void theTrialBalanceIsForFinanceAndAuditorsAndTakesAnIsoDate() throws Exception {
    Api api = new Api(base);
    assertEquals(200, api.as("auditor").get("api/ledger/trial-balance").status());
    Api.Reply cashier = api.as("cashier").get("api/ledger/trial-balance");
    assertEquals(403, cashier.status(), cashier.body());
    assertEquals("NOT_ALLOWED", cashier.json().getString("code"));
    Api.Reply badDate = api.as("finance").get("api/ledger/trial-balance?asOf=04/01/2011");
    assertEquals(400, badDate.status(), badDate.body());
    assertEquals("INVALID_REQUEST", badDate.json().getString("code"));
    // before any posting: no account, no total
    JsonObject empty = trialBalance("1900-01-01");
    assertTrue(empty.getJsonArray("accounts").isEmpty(), empty.toString());
    assertTrue(empty.getJsonArray("totals").isEmpty(), empty.toString());
    assertInvariantsHold();
  }
}
