package com.ledgerline.channels.boundary;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The channels' figures over a window (DESIGN.md 9), from the message log.
 *
 * @param from the window's start (inclusive)
 * @param to the window's end (exclusive)
 * @param configuredChannels how many outside channels are configured (the application's own {@code
 *     INTERNAL} channel, which carries the requests its screens put on the approvals queue, is
 *     listed in {@code channels} but not counted)
 * @param channelsSeenLast24h how many of them settled a message in the 24 hours before {@code to}
 * @param channelCoverage {@code channelsSeenLast24h / configuredChannels}, 4 decimals
 * @param channels one row per configured channel, by code
 */
public record ChannelStatistics(
    OffsetDateTime from,
    OffsetDateTime to,
    int configuredChannels,
    int channelsSeenLast24h,
    java.math.BigDecimal channelCoverage,
    List<Channel> channels) {

  /**
   * @param channel the code
   * @param posted messages that posted
   * @param duplicates duplicates absorbed
   * @param rejected business rejections
   * @param rejectionsByCode rejections per stable code
   * @param syncLatencyP50Ms capture to commit of posted messages, 50th percentile, milliseconds;
   *     null without posted messages with a capture time
   * @param syncLatencyP95Ms 95th percentile
   * @param syncLatencyP99Ms 99th percentile
   * @param lastSettledAt the last message settled on the channel, ever; null = never
   */
  public record Channel(
      String channel,
      long posted,
      long duplicates,
      long rejected,
      Map<String, Long> rejectionsByCode,
      Long syncLatencyP50Ms,
      Long syncLatencyP95Ms,
      Long syncLatencyP99Ms,
      OffsetDateTime lastSettledAt) {}
}
