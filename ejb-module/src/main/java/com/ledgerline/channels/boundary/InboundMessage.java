package com.ledgerline.channels.boundary;

import java.time.Instant;
import java.util.Map;

/**
 * One inbound message as the broker delivered it, before anything is trusted.
 *
 * @param queue the queue it arrived on, e.g. {@code ledgerline.pos.sales}
 * @param messageType the sender's {@code messageType} property, e.g. {@code pos.sale}; null = the
 *     queue's only type
 * @param schemaVersion the sender's {@code schemaVersion} property; null = missing (refused)
 * @param channel the sender's {@code channel} property, e.g. {@code online-retail}; null = missing
 *     (refused)
 * @param groupId {@code JMSXGroupID} (the customer key); null = none
 * @param jmsMessageId the broker's message id
 * @param deliveryCount {@code JMSXDeliveryCount}, 1 on the first delivery
 * @param runId the sender's {@code ledgerlineRun} property (a replay names its run); null = none
 * @param properties every string property the sender set, kept with a rejection for its replay
 * @param payload the text body, the JSON document
 * @param receivedAt when the consumer took it
 */
public record InboundMessage(
    String queue,
    String messageType,
    Integer schemaVersion,
    String channel,
    String groupId,
    String jmsMessageId,
    int deliveryCount,
    String runId,
    Map<String, String> properties,
    String payload,
    Instant receivedAt) {

  /** Property names the senders set (DESIGN.md 6). */
  public static final String MESSAGE_TYPE = "messageType";

  public static final String SCHEMA_VERSION = "schemaVersion";
  public static final String CHANNEL = "channel";
  public static final String RUN = "ledgerlineRun";

  public InboundMessage {
    properties = Map.copyOf(properties);
  }
}
