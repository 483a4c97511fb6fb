package com.ledgerline.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.ledgerline.imports.replay.OnlineRetailReplay;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * Runs {@code deployment/ledgerline replay}'s main class against the test broker and database, as
 * the script does, and hands back what it printed.
 */
public final class Replays {
  private Replays() {}

  /**
   * Replays the sample file from {@code from} to {@code to}; fails the test unless every message
   * settled (exit status 0).
   *
   * @return the standard output, ending with the summary line
   */
  public static String replay(LocalDate from, LocalDate to) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        OnlineRetailReplay.run(
            new String[] {
              System.getProperty("ledgerline.sample.data"),
              "--from",
              from.toString(),
              "--to",
              to.toString(),
              "--broker",
              "tcp://"
                  + System.getProperty("ledgerline.jms.host", "127.0.0.1")
                  + ":"
                  + System.getProperty("ledgerline.jms.port", "61626"),
              "--jms-user",
              System.getProperty("ledgerline.jms.user", "ledgerline"),
              "--db-host",
              System.getProperty("ledgerline.db.host", "127.0.0.1"),
              "--db-port",
              System.getProperty("ledgerline.db.port", "5432"),
              "--db-name",
              System.getProperty("ledgerline.db.name", "ledgerline_test"),
              "--db-user",
              System.getProperty("ledgerline.db.user", "ledgerline")
            },
            System.getProperty("ledgerline.jms.password", "ledgerline-dev"),
            System.getProperty("ledgerline.db.password", "ledgerline-dev"),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    String output = out.toString(StandardCharsets.UTF_8);
    assertEquals(0, status, output + err.toString(StandardCharsets.UTF_8));
    return output;
  }
}
