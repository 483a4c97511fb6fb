package com.ledgerline.it;

import static com.ledgerline.it.support.TestDatabase.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ledgerline.it.support.Api;
import com.ledgerline.it.support.Await;
import com.ledgerline.it.support.Broker;
import com.ledgerline.it.support.Invariants;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.File;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bank statement import (issue 6) on Payara Micro with the real PostgreSQL and Artemis: a camt.053
 * and an MT940 file uploaded over REST are stored with their statements and lines and audited; the
 * same statement again is refused {@code STATEMENT_ALREADY_IMPORTED}, a malformed file {@code
 * STATEMENT_MALFORMED} with its line, each leaving no row; a cashier may not import; a file from
 * the bank feed queue is imported as the system, a malformed one there is audited as refused and
 * stores nothing. Expected figures are read from the sample files (see the samples' README). Ends
 * with the invariant checks.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BankStatementIT {
  private static final Duration FEED_DEADLINE = Duration.ofSeconds(30);

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(
        WebArchive.class, new File(System.getProperty("ledgerline.war")));
  }

  @ArquillianResource private URL base;

  private Api as(String user) {
    return new Api(base).as(user);
  }

  private static byte[] sample(String path) throws Exception {
    return Files.readAllBytes(Path.of(System.getProperty("ledgerline.bank.statements"), path));
  }

  private static long files(String name) throws Exception {
    return count("select count(*) from rec_statement_file where file_name = ?", name);
  }

  private static void assertProblem(int status, String code, Api.Reply reply) {
    assertEquals(status, reply.status(), reply.body());
    assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
    assertEquals(code, reply.json().getString("code"), reply.body());
  }

  @Test
  void statementsImportedOverRestAndTheFeedOnceEachAndMalformedOnesNotAtAll() throws Exception {
    Api finance = as("finance");
    long filesBefore = count("select count(*) from rec_statement_file");
    long linesBefore = count("select count(*) from rec_statement_line");

    // camt.053 v2 "minimal": one statement, one entry, CRDT 8.85 EUR booked 2014-12-31
    String camtName = "camt053.v2.minimal.xml";
    byte[] camt = sample("camt053/genkgo-camt__camt053.v2.minimal.xml");
    Api.Reply imported =
        finance.postBytes("api/bank-statements?fileName=" + camtName, "application/xml", camt);
    assertEquals(201, imported.status(), imported.body());
    JsonObject file = imported.json();
    assertEquals("CAMT", file.getString("format"));
    assertEquals("camt.053.001.02", file.getString("messageType"));
    assertEquals(1, file.getInt("lineCount"));
    long statementId = file.getJsonArray("statementIds").getJsonNumber(0).longValue();
    JsonObject detail = finance.get("api/bank-statements/" + statementId).json();
    JsonArray lines = detail.getJsonArray("lines");
    assertEquals(1, lines.size());
    JsonObject line = lines.getJsonObject(0);
    assertEquals(
        0, new BigDecimal("8.85").compareTo(line.getJsonNumber("amount").bigDecimalValue()));
    assertEquals("EUR", line.getString("currency"));
    assertEquals("2014-12-31", line.getString("bookingDate"));
    assertEquals(
        1,
        count(
            "select count(*) from aud_record where action = 'bank-statement.imported'"
                + " and document_type = 'BANK_STATEMENT_FILE' and document_number = ?"
                + " and actor = 'finance'",
            String.valueOf(file.getJsonNumber("fileId").longValue())));

    // MT940 (cmxl): three :20: statements, sixteen :61: entries; the first D 6800,
    String mtName = "cmxl-mt940.sta";
    Api.Reply mt =
        finance.postBytes(
            "api/bank-statements?format=mt940&fileName=" + mtName,
            "application/octet-stream",
            sample("mt940/wolph-mt940__cmxl__mt940.sta"));
    assertEquals(201, mt.status(), mt.body());
    assertEquals(3, mt.json().getJsonArray("statementIds").size());
    assertEquals(16, mt.json().getInt("lineCount"));
    JsonObject first =
        finance
            .get("api/bank-statements/" + mt.json().getJsonArray("statementIds").getJsonNumber(0))
            .json()
            .getJsonArray("lines")
            .getJsonObject(0);
    assertEquals(
        0, new BigDecimal("-6800").compareTo(first.getJsonNumber("amount").bigDecimalValue()));
    assertEquals(
        16,
        count(
            "select count(*) from rec_statement_line l join rec_bank_statement s on s.id ="
                + " l.statement_id join rec_statement_file f on f.id = s.file_id where"
                + " f.file_name = ?",
            mtName));

    // the same bytes again, and the same statement in other bytes (a trailing newline)
    assertProblem(
        409,
        "STATEMENT_ALREADY_IMPORTED",
        finance.postBytes("api/bank-statements?fileName=again.xml", "application/xml", camt));
    byte[] sameStatement =
        (new String(camt, StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8);
    Api.Reply again =
        finance.postBytes(
            "api/bank-statements?fileName=again2.xml", "application/xml", sameStatement);
    assertProblem(409, "STATEMENT_ALREADY_IMPORTED", again);
    assertTrue(again.json().getString("detail").contains("was imported before"), again.body());
    assertEquals(0, files("again.xml") + files("again2.xml"));

    // malformed: 30 February on line 6; nothing of it kept
    Api.Reply malformed =
        finance.postBytes(
            "api/bank-statements?fileName=february_30.sta",
            "text/plain",
            sample("mt940/wolph-mt940__self-provided__february_30.sta"));
    assertProblem(422, "STATEMENT_MALFORMED", malformed);
    assertTrue(
        malformed.json().getString("detail").startsWith("february_30.sta: line 6: "),
        malformed.body());
    assertEquals(0, files("february_30.sta"));

    // a balance that does not add up (opening 18.150 + 8.850 is not the closing 27.050)
    assertProblem(
        422,
        "STATEMENT_BALANCE_MISMATCH",
        finance.postBytes(
            "api/bank-statements?fileName=five.decimals.xml",
            "application/xml",
            sample("camt053/genkgo-camt__camt053.v2.five.decimals.xml")));

    // a cashier may not import; an auditor reads
    assertProblem(
        403,
        "NOT_ALLOWED",
        as("cashier")
            .postBytes(
                "api/bank-statements?fileName=cashier.sta",
                "text/plain",
                sample("mt940/wolph-mt940__jejik__sns.sta")));
    assertEquals(0, files("cashier.sta"));
    JsonArray listed = as("auditor").get("api/bank-statements").structure().asJsonArray();
    assertTrue(listed.size() >= 4, listed.toString());

    assertEquals(filesBefore + 2, count("select count(*) from rec_statement_file"));
    assertEquals(linesBefore + 17, count("select count(*) from rec_statement_line"));

    // the bank feed: generic.sta, two statements of one entry each, imported as the system
    try (Broker broker = new Broker()) {
      broker.send(
          "ledgerline.bank.statements",
          new String(sample("mt940/wolph-mt940__jejik__generic.sta"), StandardCharsets.UTF_8),
          Map.of("fileName", "feed-generic.sta"));
      broker.send(
          "ledgerline.bank.statements",
          new String(
              sample("mt940/wolph-mt940__self-provided__invalid_statement.sta"),
              StandardCharsets.UTF_8),
          Map.of("fileName", "feed-invalid.sta", "format", "mt940"));
    }
    Await.until(
        "the feed's file imported", FEED_DEADLINE, () -> files("feed-generic.sta"), n -> n == 1);
    assertEquals(
        2,
        count(
            "select count(*) from rec_statement_line l join rec_bank_statement s on s.id ="
                + " l.statement_id join rec_statement_file f on f.id = s.file_id where"
                + " f.file_name = ? and f.channel = 'JMS' and f.imported_by = 'system'",
            "feed-generic.sta"));
    Await.until(
        "the feed's malformed file audited as refused",
        FEED_DEADLINE,
        () ->
            count(
                "select count(*) from aud_record where action = 'bank-statement.refused'"
                    + " and document_number = ? and reason = 'STATEMENT_MALFORMED'",
                "feed-invalid.sta"),
        n -> n == 1);
    assertEquals(0, files("feed-invalid.sta"));

    assertInvariantsHold();
  }

  private void assertInvariantsHold() throws Exception {
    Invariants.assertHold(as("auditor"));
  }
}
