package com.ledgerline.channels.boundary;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A recorded business rejection.
 *
 * @param id the rejection's id
 * @param channel the sender's channel
 * @param messageType e.g. {@code pos.sale}
 * @param schemaVersion the sender's version; null when missing
 * @param transactionId the key the body named; null when unreadable
 * @param queue where it arrived; a replay sends it there again
 * @param code the stable error code
 * @param detail what was wrong
 * @param receivedAt when
 * @param payload the body as received (null in lists)
 * @param properties the string properties as received (null in lists)
 * @param replays when and by whom it was replayed, oldest first
 */
public record RejectionView(
    long id,
    String channel,
    String messageType,
    Integer schemaVersion,
    String transactionId,
    String queue,
    String code,
    String detail,
    OffsetDateTime receivedAt,
    String payload,
    Map<String, String> properties,
    List<Replay> replays) {

  /** One replay of a rejection. */
  public record Replay(OffsetDateTime replayedAt, String replayedBy, String reason) {}
}
