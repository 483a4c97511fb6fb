package com.ledgerline.channels.control;

import com.ledgerline.channels.boundary.Receipt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The channel metrics of DESIGN.md 9 in the MicroProfile application registry ({@code /metrics}):
 *
 * <ul>
 *   <li>{@code ledgerline_channel_messages_total{channel, outcome}}: messages settled, outcome
 *       {@code POSTED}, {@code DUPLICATE} (duplicates absorbed) or {@code REJECTED};
 *   <li>{@code ledgerline_channel_rejections_total{channel, code}}: rejections by stable code;
 *   <li>{@code ledgerline_channel_sync_latency_ms{channel}}: histogram of capture time to commit of
 *       posted messages, in milliseconds (p50/p95/p99 in the histogram's output).
 * </ul>
 *
 * Counted when the delivery commits. These counters restart with the server; the durable figures
 * over any window come from the message log ({@code /api/channels/metrics}).
 */
@ApplicationScoped
public class ChannelMetrics {
  public static final String MESSAGES = "ledgerline_channel_messages_total";
  public static final String REJECTIONS = "ledgerline_channel_rejections_total";
  public static final String SYNC_LATENCY = "ledgerline_channel_sync_latency_ms";

  @Inject private MetricRegistry registry;

  /** Counts one settled message. */
  public void settled(Receipt receipt, Long syncLatencyMs) {
    String channel = String.valueOf(receipt.channel());
    registry
        .counter(
            MESSAGES, new Tag("channel", channel), new Tag("outcome", receipt.outcome().name()))
        .inc();
    if (receipt.outcome() == Receipt.Outcome.REJECTED) {
      registry
          .counter(REJECTIONS, new Tag("channel", channel), new Tag("code", receipt.errorCode()))
          .inc();
    }
    if (receipt.outcome() == Receipt.Outcome.POSTED && syncLatencyMs != null) {
      registry.histogram(SYNC_LATENCY, new Tag("channel", channel)).update(syncLatencyMs);
    }
  }
}
