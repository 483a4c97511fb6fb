package com.ledgerline.channels.boundary;

import jakarta.json.JsonObject;
import java.util.Set;

/**
 * Applies one validated message type to the ledger. Implemented by a {@code @Stateless} bean with
 * {@code @Local(ChannelHandler.class)}; {@link com.ledgerline.channels.control.ChannelPosting}
 * finds it by {@link #messageTypes()} and calls it inside the posting transaction, after the
 * message passed its schema and before its idempotency key is stored. A handler throws {@link
 * com.ledgerline.shared.BusinessRuleViolation} to refuse (the whole posting rolls back and the
 * rejection is recorded); any other exception is technical (the message is redelivered).
 */
public interface ChannelHandler {
  /** The message types this handler applies, e.g. {@code pos.sale}. */
  Set<String> messageTypes();

  /**
   * The idempotency key within the channel, read from the validated document: its {@code
   * transactionId} (POS messages: the register's own id), else its {@code messageId} (ERP and
   * approval messages). Every published contract requires one of the two.
   */
  default String transactionId(JsonObject document) {
    return document.containsKey("transactionId")
        ? document.getString("transactionId")
        : document.getString("messageId");
  }

  /** The capture time the sender stated (sync latency = commit − capture); null = not stated. */
  default java.time.Instant capturedAt(JsonObject document) {
    return document.containsKey("capturedAt")
        ? java.time.Instant.parse(document.getString("capturedAt"))
        : null;
  }

  /**
   * Posts what the message says.
   *
   * @param document the body, valid against the message type's schema
   * @param message the envelope (channel, group, properties)
   * @return the document produced (type and number), or {@link Posted#NOTHING} for master data
   */
  Posted apply(JsonObject document, InboundMessage message);

  /**
   * What a message produced.
   *
   * @param documentType e.g. {@code SALE_INVOICE}; null = master data only
   * @param documentNumber e.g. {@code INV-00000042}; null = master data only
   */
  record Posted(String documentType, String documentNumber) {
    public static final Posted NOTHING = new Posted(null, null);
  }
}
