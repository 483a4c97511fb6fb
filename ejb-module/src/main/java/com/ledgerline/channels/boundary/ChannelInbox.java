package com.ledgerline.channels.boundary;

import static com.ledgerline.shared.Jsonp.JSON;

import com.ledgerline.channels.control.ChannelMetrics;
import com.ledgerline.channels.control.ChannelPosting;
import com.ledgerline.channels.control.ChannelRecords;
import com.ledgerline.channels.control.MessageContracts;
import com.ledgerline.platform.messaging.OutboundEvents;
import com.ledgerline.security.Roles;
import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where every inbound channel message enters the ledger (DESIGN.md 6), called by the message-driven
 * beans inside the delivery's XA transaction.
 *
 * <ol>
 *   <li>The envelope: the {@code channel} property must name a configured channel ({@code
 *       UNKNOWN_CHANNEL}), {@code schemaVersion} must be given ({@code SCHEMA_VIOLATION}), the
 *       message type must be one the queue takes ({@code UNKNOWN_MESSAGE_TYPE}).
 *   <li>The body against its published contract ({@link MessageContracts#validate}).
 *   <li>The posting, exactly once, in a nested transaction ({@link ChannelPosting#post}).
 * </ol>
 *
 * A business rejection at any step is recorded with the payload, code and detail, logged, announced
 * on the outbound topic as {@code message.rejected} and the message is consumed, all in the
 * delivery's transaction. Anything else propagates: the delivery rolls back and the broker
 * redelivers it after its delay, then dead-letters it.
 */
@Stateless
@RolesAllowed(Roles.SYSTEM)
public class ChannelInbox {
  /** The queues and the message types each takes (the first is the default without a type). */
  public static final Map<String, List<String>> QUEUES =
      Map.of(
          "ledgerline.pos.sales", List.of("pos.sale"),
          "ledgerline.pos.refunds", List.of("pos.refund"),
          "ledgerline.pos.voids", List.of("pos.void"),
          "ledgerline.erp.customers", List.of("erp.customer"),
          "ledgerline.erp.products", List.of("erp.variant"),
          "ledgerline.erp.stock", List.of("erp.stock-receipt", "erp.stock-adjustment"),
          "ledgerline.erp.approvals", List.of("erp.approval-decision"),
          "ledgerline.approvals", List.of("approval.payment-deletion"));

  /** The configured channels (chn_channel) as last read; see {@link #requireEnvelope}. */
  private static volatile Set<String> configuredChannels = Set.of();

  @PersistenceContext private EntityManager em;
  @EJB private ChannelPosting posting;
  @Inject private OutboundEvents events;
  @Inject private ChannelMetrics metrics;
  @Resource private TransactionSynchronizationRegistry transactions;

  /**
   * Takes one message.
   *
   * @return what became of it; a rejection is a normal answer, not an exception
   */
  public Receipt receive(InboundMessage message) {
    String messageType = messageType(message);
    try {
      requireEnvelope(message, messageType);
      JsonObject document =
          MessageContracts.validate(messageType, message.schemaVersion(), message.payload());
      Receipt receipt = posting.post(message, messageType, document);
      afterCommit(receipt);
      return receipt;
    } catch (BusinessRuleViolation refused) {
      return reject(message, messageType, refused);
    }
  }

  private Receipt reject(InboundMessage message, String messageType, BusinessRuleViolation v) {
    String channel = Optional.ofNullable(message.channel()).orElse("unknown");
    String transactionId = transactionIdOf(message.payload());
    ChannelRecords records = new ChannelRecords(em);
    long rejectionId =
        records.reject(message, channel, messageType, transactionId, v.code().name(), v.detail());
    Receipt receipt =
        new Receipt(
            Receipt.Outcome.REJECTED,
            channel,
            messageType,
            transactionId,
            null,
            null,
            v.code().name(),
            v.detail(),
            rejectionId,
            null);
    records.log(message, messageType, receipt, null, Instant.now());
    events.publish(
        "message.rejected",
        Optional.ofNullable(message.groupId()).orElse(channel),
        JSON.createObjectBuilder()
            .add("schemaVersion", 1)
            .add("eventType", "message.rejected")
            .add("rejectionId", rejectionId)
            .add("channel", channel)
            .add("messageType", messageType)
            .add("transactionId", Optional.ofNullable(transactionId).orElse(""))
            .add("code", v.code().name())
            .add("detail", v.detail())
            .build()
            .toString());
    afterCommit(receipt);
    return receipt;
  }

  private void requireEnvelope(InboundMessage message, String messageType) {
    List<String> accepted = QUEUES.get(message.queue());
    if (accepted == null || !accepted.contains(messageType)) {
      throw new BusinessRuleViolation(
          ErrorCode.UNKNOWN_MESSAGE_TYPE,
          "queue " + message.queue() + " takes " + accepted + ", not " + messageType);
    }
    if (message.channel() == null || message.channel().isBlank()) {
      throw new BusinessRuleViolation(
          ErrorCode.UNKNOWN_CHANNEL, "the message has no channel property");
    }
    if (!configuredChannels.contains(message.channel())) {
      // read again on a miss only: a channel configured since is found, and a delivery that
      // finds its channel in the cache enlists no database in its own transaction (one-phase)
      configuredChannels = Set.copyOf(new ChannelRecords(em).channels());
    }
    if (!configuredChannels.contains(message.channel())) {
      throw new BusinessRuleViolation(
          ErrorCode.UNKNOWN_CHANNEL, "channel " + message.channel() + " is not configured");
    }
    if (message.schemaVersion() == null) {
      throw new BusinessRuleViolation(
          ErrorCode.SCHEMA_VIOLATION, "the message has no schemaVersion property");
    }
  }

  private static String messageType(InboundMessage message) {
    if (message.messageType() != null && !message.messageType().isBlank()) {
      return message.messageType();
    }
    List<String> accepted = QUEUES.get(message.queue());
    return accepted == null ? "unknown" : accepted.get(0);
  }

  /** The key the body names, read leniently for a rejection's record (null when unreadable). */
  static String transactionIdOf(String payload) {
    if (payload == null) {
      return null;
    }
    try (JsonReader reader = JSON.createReader(new StringReader(payload))) {
      JsonValue value = reader.readValue();
      if (value.getValueType() != JsonValue.ValueType.OBJECT) {
        return null;
      }
      for (String name : List.of("transactionId", "messageId")) {
        JsonValue id = value.asJsonObject().get(name);
        if (id instanceof JsonString s) {
          // a longer key is refused by the contract; the payload keeps it
          return s.getString().length() > 100 ? null : s.getString();
        }
      }
      return null;
    } catch (RuntimeException unreadable) {
      return null;
    }
  }

  private void afterCommit(Receipt receipt) {
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              metrics.settled(receipt, receipt.syncLatencyMs());
            }
          }
        });
  }
}
