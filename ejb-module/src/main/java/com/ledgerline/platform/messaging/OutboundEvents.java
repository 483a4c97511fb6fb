package com.ledgerline.platform.messaging;

/**
 * Sends a versioned JSON event to the outbound topic inside the caller's transaction, so the event
 * leaves if and only if the change it announces commits.
 */
@FunctionalInterface
public interface OutboundEvents {
  /** The topic (Artemis multicast address) the ERP subscribes to. */
  String TOPIC = "ledgerline.events";

  /**
   * @param eventType e.g. {@code sale.posted}; sent as the {@code eventType} property
   * @param groupKey per-customer ordering key, sent as {@code JMSXGroupID}
   * @param json the event document (carries its own {@code schemaVersion})
   */
  void publish(String eventType, String groupKey, String json);
}
