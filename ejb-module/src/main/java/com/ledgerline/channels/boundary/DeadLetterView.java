package com.ledgerline.channels.boundary;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A message the broker dead-lettered after its last failed delivery: nothing of it was written.
 *
 * @param messageId the broker's message id (the key of a replay)
 * @param originalQueue the queue it was sent to ({@code _AMQ_ORIG_ADDRESS})
 * @param deliveries how many deliveries failed
 * @param sentAt when its sender sent it
 * @param properties the sender's string properties
 * @param payload the body
 */
public record DeadLetterView(
    String messageId,
    String originalQueue,
    int deliveries,
    OffsetDateTime sentAt,
    Map<String, String> properties,
    String payload) {}
