package com.ledgerline.imports.replay;

import com.ledgerline.imports.replay.OnlineRetailReplay.Settled;
import com.ledgerline.imports.replay.ReplayMessages.Kind;
import com.ledgerline.imports.replay.ReplayMessages.Outbound;
import com.ledgerline.imports.replay.ReplayMessages.Withheld;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The counts of a replay and how they are printed: the announcements per kind, the rejections by
 * message type and code (the replay's own withheld invoices under {@code withheld}), then the one
 * summary line that ends the output. Every invoice lands in exactly one of posted, duplicates,
 * rejected and dead-lettered (a message without a log row after settling is in the dead-letter
 * queue).
 */
final class ReplaySummary {
  private long invoices;
  private long lines;
  private long posted;
  private long duplicates;
  private long rejected;
  private long deadLettered;
  private final List<Long> latencies = new ArrayList<>();
  private final Map<String, Long> rejections = new TreeMap<>();
  private final Map<Kind, long[]> announced = new EnumMap<>(Kind.class);

  /** A customer, product or opening stock message: counted apart from the invoices. */
  void announcement(Outbound message, Settled settled) {
    long[] counts = announced.computeIfAbsent(message.kind(), k -> new long[4]);
    counts[slot(settled)]++;
    if (settled != null && settled.errorCode() != null) {
      rejections.merge(message.kind().messageType + " " + settled.errorCode(), 1L, Long::sum);
    }
  }

  void invoice(Outbound message, Settled settled, Long latencyMillis) {
    invoices++;
    lines += message.lines();
    switch (slot(settled)) {
      case 0 -> posted++;
      case 1 -> duplicates++;
      case 2 -> {
        rejected++;
        rejections.merge(message.kind().messageType + " " + settled.errorCode(), 1L, Long::sum);
      }
      default -> deadLettered++;
    }
    if (latencyMillis != null) {
      latencies.add(latencyMillis);
    }
  }

  void withheld(Withheld withheld) {
    invoices++;
    lines += withheld.lines();
    rejected++;
    rejections.merge("withheld " + withheld.reason(), 1L, Long::sum);
  }

  private static int slot(Settled settled) {
    if (settled == null) {
      return 3;
    }
    return switch (settled.outcome()) {
      case "POSTED" -> 0;
      case "DUPLICATE" -> 1;
      default -> 2;
    };
  }

  long invoices() {
    return invoices;
  }

  void print(
      PrintStream out, Map<String, Long> deadLetters, Duration elapsed, Duration invoicePhase) {
    announced.forEach(
        (kind, c) ->
            out.printf(
                Locale.ROOT,
                "replay: %s: posted=%d duplicates=%d rejected=%d dead_lettered=%d%n",
                kind.messageType,
                c[0],
                c[1],
                c[2],
                c[3]));
    deadLetters.forEach(
        (type, count) -> out.printf(Locale.ROOT, "replay: dead-lettered %s: %d%n", type, count));
    if (rejections.isEmpty()) {
      out.println("replay: no rejections");
    } else {
      out.println("replay: rejections by code:");
      rejections.forEach((code, count) -> out.printf(Locale.ROOT, "  %-60s %d%n", code, count));
    }
    double seconds = elapsed.toMillis() / 1000.0;
    double invoiceSeconds = Math.max(invoicePhase.toMillis(), 1) / 1000.0;
    long settled = posted + duplicates + (rejected - withheldCount());
    out.printf(
        Locale.ROOT,
        "replay: invoices=%d lines=%d posted=%d duplicates=%d rejected=%d dead_lettered=%d"
            + " elapsed_s=%.1f sales_per_s=%.1f sync_p50_ms=%d sync_p95_ms=%d sync_p99_ms=%d%n",
        invoices,
        lines,
        posted,
        duplicates,
        rejected,
        deadLettered,
        seconds,
        settled / invoiceSeconds,
        percentile(latencies, 50),
        percentile(latencies, 95),
        percentile(latencies, 99));
  }

  private long withheldCount() {
    return rejections.entrySet().stream()
        .filter(e -> e.getKey().startsWith("withheld "))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  /**
   * Nearest-rank percentile (the smallest value with at least p % of the values at or below it).
   */
  static long percentile(List<Long> values, int p) {
    if (values.isEmpty()) {
      return 0;
    }
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(rank, 1) - 1);
  }
}
