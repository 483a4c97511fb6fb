package com.ledgerline.channels.control;

import com.ledgerline.channels.boundary.ChannelHandler;
import com.ledgerline.channels.boundary.InboundMessage;
import com.ledgerline.channels.boundary.Receipt;
import com.ledgerline.security.Roles;
import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Posts one validated message in a transaction of its own, nested in the message's delivery: the
 * idempotency key, the documents the handler writes, their outbound events and the log row commit
 * together or not at all. A refusal ({@link BusinessRuleViolation}) rolls back only this
 * transaction, so the delivery can still record the rejection and consume the message; any other
 * failure rolls back the delivery too and the broker redelivers.
 */
@Stateless
@RolesAllowed(Roles.SYSTEM)
public class ChannelPosting {
  @PersistenceContext private EntityManager em;
  @Inject @Any private Instance<ChannelHandler> handlers;

  private final Map<String, ChannelHandler> byType = new HashMap<>();

  @PostConstruct
  void index() {
    for (ChannelHandler handler : handlers) {
      for (String type : handler.messageTypes()) {
        if (byType.putIfAbsent(type, handler) != null) {
          throw new IllegalStateException("two handlers for message type " + type);
        }
      }
    }
  }

  /** The handler of a message type. */
  public ChannelHandler handler(String messageType) {
    ChannelHandler handler = byType.get(messageType);
    if (handler == null) {
      throw new BusinessRuleViolation(
          ErrorCode.UNKNOWN_MESSAGE_TYPE, "no handler takes message type " + messageType);
    }
    return handler;
  }

  /**
   * Posts the message unless its key is known.
   *
   * @return {@code POSTED} with the document produced, or {@code DUPLICATE} with the document the
   *     first message with the same key and content produced
   * @throws BusinessRuleViolation {@code IDEMPOTENCY_KEY_REUSED} when the key is known with other
   *     content or another message type; {@code UNKNOWN_MESSAGE_TYPE}; and whatever the handler
   *     refuses
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Receipt post(InboundMessage message, String messageType, JsonObject document) {
    ChannelHandler handler = handler(messageType);
    String transactionId = handler.transactionId(document);
    Instant capturedAt = handler.capturedAt(document);
    String digest = MessageContracts.digest(document);
    ChannelRecords records = new ChannelRecords(em);
    Receipt receipt;
    if (records.claim(message.channel(), transactionId, messageType, digest)) {
      ChannelHandler.Posted posted = handler.apply(document, message);
      if (posted.documentNumber() != null) {
        records.produced(
            message.channel(), transactionId, posted.documentType(), posted.documentNumber());
      }
      receipt =
          new Receipt(
              Receipt.Outcome.POSTED,
              message.channel(),
              messageType,
              transactionId,
              posted.documentType(),
              posted.documentNumber(),
              null,
              null,
              null,
              null);
    } else {
      ChannelRecords.StoredKey first = records.stored(message.channel(), transactionId);
      if (!first.contentSha256().equals(digest) || !first.messageType().equals(messageType)) {
        throw new BusinessRuleViolation(
            ErrorCode.IDEMPOTENCY_KEY_REUSED,
            "channel "
                + message.channel()
                + " transaction "
                + transactionId
                + " was first received at "
                + first.receivedAt()
                + " as a "
                + first.messageType()
                + " with other content"
                + (first.documentNumber() == null ? "" : " (" + first.documentNumber() + ")"));
      }
      receipt =
          new Receipt(
              Receipt.Outcome.DUPLICATE,
              message.channel(),
              messageType,
              transactionId,
              first.documentType(),
              first.documentNumber(),
              null,
              null,
              null,
              null);
    }
    Long latency = records.log(message, messageType, receipt, capturedAt, Instant.now());
    return new Receipt(
        receipt.outcome(),
        receipt.channel(),
        messageType,
        transactionId,
        receipt.documentType(),
        receipt.documentNumber(),
        null,
        null,
        null,
        latency);
  }
}
