package com.ledgerline.channels.control;

import static com.ledgerline.shared.Jsonp.JSON;

import com.ledgerline.channels.boundary.InboundMessage;
import com.ledgerline.channels.boundary.Receipt;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Writes the channel records of V0060: idempotency keys, the message log and rejections. Native
 * SQL: these rows are written once per message on the hot path and never read back as entities
 * here.
 */
public final class ChannelRecords {
  private final EntityManager em;

  public ChannelRecords(EntityManager em) {
    this.em = em;
  }

  /** A key already stored: what the first message with it was and produced. */
  public record StoredKey(
      String messageType,
      String contentSha256,
      String documentType,
      String documentNumber,
      Instant receivedAt) {}

  /**
   * Claims the key for this transaction. A concurrent claim of the same key waits until this
   * transaction ends (the primary key's lock), then finds it stored.
   *
   * @return true when claimed, false when the key is already stored
   */
  public boolean claim(String channel, String transactionId, String messageType, String sha256) {
    return em.createNativeQuery(
                "INSERT INTO chn_inbound_key (channel, transaction_id, message_type, content_sha256)"
                    + " VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING")
            .setParameter(1, channel)
            .setParameter(2, transactionId)
            .setParameter(3, messageType)
            .setParameter(4, sha256)
            .executeUpdate()
        == 1;
  }

  public StoredKey stored(String channel, String transactionId) {
    Object[] row =
        (Object[])
            em.createNativeQuery(
                    "SELECT message_type, content_sha256, document_type, document_number,"
                        + " received_at FROM chn_inbound_key WHERE channel = ?1 AND"
                        + " transaction_id = ?2")
                .setParameter(1, channel)
                .setParameter(2, transactionId)
                .getSingleResult();
    return new StoredKey(
        (String) row[0], (String) row[1], (String) row[2], (String) row[3], toInstant(row[4]));
  }

  /** Names the document a claimed key produced. */
  public void produced(
      String channel, String transactionId, String documentType, String documentNumber) {
    em.createNativeQuery(
            "UPDATE chn_inbound_key SET document_type = ?3, document_number = ?4 WHERE channel ="
                + " ?1 AND transaction_id = ?2")
        .setParameter(1, channel)
        .setParameter(2, transactionId)
        .setParameter(3, documentType)
        .setParameter(4, documentNumber)
        .executeUpdate();
  }

  /** Appends the message's outcome to the log; returns the sync latency in ms (null: unknown). */
  public Long log(
      InboundMessage message,
      String messageType,
      Receipt receipt,
      Instant capturedAt,
      Instant settledAt) {
    Long latency = capturedAt == null ? null : Duration.between(capturedAt, settledAt).toMillis();
    em.createNativeQuery(
            "INSERT INTO chn_message_log (channel, message_type, schema_version, transaction_id,"
                + " jms_message_id, delivery_count, run_id, outcome, error_code, document_type,"
                + " document_number, captured_at, settled_at, sync_latency_ms) VALUES (?1, ?2,"
                + " CAST(?3 AS integer), ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, CAST(?12 AS"
                + " timestamptz), ?13, CAST(?14 AS bigint))")
        .setParameter(1, receipt.channel())
        .setParameter(2, messageType)
        .setParameter(3, message.schemaVersion())
        .setParameter(4, receipt.transactionId())
        .setParameter(5, message.jmsMessageId())
        .setParameter(6, message.deliveryCount())
        .setParameter(7, message.runId())
        .setParameter(8, receipt.outcome().name())
        .setParameter(9, receipt.errorCode())
        .setParameter(10, receipt.documentType())
        .setParameter(11, receipt.documentNumber())
        .setParameter(12, capturedAt == null ? null : Timestamp.from(capturedAt))
        .setParameter(13, Timestamp.from(settledAt))
        .setParameter(14, latency)
        .executeUpdate();
    return latency;
  }

  /** Records a rejection with the message as received; returns its id. */
  public long reject(
      InboundMessage message,
      String channel,
      String messageType,
      String transactionId,
      String code,
      String detail) {
    JsonObjectBuilder properties = JSON.createObjectBuilder();
    message.properties().forEach(properties::add);
    Number id =
        (Number)
            em.createNativeQuery(
                    "INSERT INTO chn_rejection (channel, message_type, schema_version,"
                        + " transaction_id, queue, group_id, jms_message_id, payload, properties,"
                        + " error_code, detail) VALUES (?1, ?2, CAST(?3 AS integer), ?4, ?5, ?6,"
                        + " ?7, ?8,"
                        + " CAST(?9 AS jsonb), ?10, ?11) RETURNING id")
                .setParameter(1, channel)
                .setParameter(2, messageType)
                .setParameter(3, message.schemaVersion())
                .setParameter(4, transactionId)
                .setParameter(5, message.queue())
                .setParameter(6, message.groupId())
                .setParameter(7, message.jmsMessageId())
                .setParameter(8, Optional.ofNullable(message.payload()).orElse(""))
                .setParameter(9, properties.build().toString())
                .setParameter(10, code)
                .setParameter(11, detail)
                .getSingleResult();
    return id.longValue();
  }

  /** The configured channel codes. */
  @SuppressWarnings("unchecked")
  public List<String> channels() {
    return em.createNativeQuery("SELECT code FROM chn_channel ORDER BY code").getResultList();
  }

  private static Instant toInstant(Object value) {
    if (value instanceof Timestamp t) {
      return t.toInstant();
    }
    if (value instanceof java.time.OffsetDateTime o) {
      return o.toInstant();
    }
    return value == null ? null : Instant.parse(value.toString());
  }
}
