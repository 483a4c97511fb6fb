package com.ledgerline.channels.boundary;

import static com.ledgerline.shared.Jsonp.JSON;

import com.ledgerline.audit.control.AuditTrail;
import com.ledgerline.channels.control.ChannelRecords;
import com.ledgerline.platform.messaging.JmsOutboundEvents;
import com.ledgerline.security.Roles;
import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import jakarta.jms.TextMessage;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the channels did: rejections (with their payloads) and their replay, dead letters and their
 * replay, and the channel figures of DESIGN.md 9. A replay sends the message as received to its
 * queue again, in this transaction, and is audited; the ledger then treats it as any message
 * (exactly once under its key).
 */
@Stateless
public class ChannelReports {
  /** The broker's dead-letter queue (deployment/artemis/broker.xml). */
  public static final String DEAD_LETTER_QUEUE = "DLQ";

  /** At most this many rows per page. */
  public static final int MAX_LIMIT = 500;

  @PersistenceContext private EntityManager em;

  @Resource(lookup = JmsOutboundEvents.CONNECTION_FACTORY)
  private ConnectionFactory connectionFactory;

  @Resource private SessionContext session;

  /**
   * Rejections, newest first, without payloads.
   *
   * @param channel null = every channel
   * @param code null = every code
   * @throws BusinessRuleViolation {@code INVALID_REQUEST} for a negative offset or a limit outside
   *     1..{@value #MAX_LIMIT}
   */
  @RolesAllowed({Roles.FINANCE, Roles.ADMIN, Roles.AUDITOR})
  @SuppressWarnings("unchecked")
  public List<RejectionView> rejections(String channel, String code, int offset, int limit) {
    requirePage(offset, limit);
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT id, channel, message_type, schema_version, transaction_id, queue,"
                    + " error_code, detail, received_at FROM chn_rejection WHERE (CAST(?1 AS"
                    + " varchar) IS NULL OR channel = ?1) AND (CAST(?2 AS varchar) IS NULL OR"
                    + " error_code = ?2) ORDER BY id DESC OFFSET ?3 LIMIT ?4")
            .setParameter(1, channel)
            .setParameter(2, code)
            .setParameter(3, offset)
            .setParameter(4, limit)
            .getResultList();
    List<RejectionView> views = new ArrayList<>();
    for (Object[] row : rows) {
      views.add(view(row, null, null, List.of()));
    }
    return views;
  }

  /**
   * How many rejections {@link #rejections} lists for the same filters (for paging).
   *
   * @param channel null = every channel
   * @param code null = every code
   */
  @RolesAllowed({Roles.FINANCE, Roles.ADMIN, Roles.AUDITOR})
  public long rejectionCount(String channel, String code) {
    return number(
        em.createNativeQuery(
                "SELECT count(*) FROM chn_rejection WHERE (CAST(?1 AS varchar) IS NULL OR channel"
                    + " = ?1) AND (CAST(?2 AS varchar) IS NULL OR error_code = ?2)")
            .setParameter(1, channel)
            .setParameter(2, code)
            .getSingleResult());
  }

  /**
   * One rejection with its payload, properties and replays.
   *
   * @throws BusinessRuleViolation {@code UNKNOWN_MESSAGE}
   */
  @RolesAllowed({Roles.FINANCE, Roles.ADMIN, Roles.AUDITOR})
  @SuppressWarnings("unchecked")
  public RejectionView rejection(long id) {
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT id, channel, message_type, schema_version, transaction_id, queue,"
                    + " error_code, detail, received_at, payload, CAST(properties AS text) FROM"
                    + " chn_rejection WHERE id = ?1")
            .setParameter(1, id)
            .getResultList();
    if (rows.isEmpty()) {
      throw new BusinessRuleViolation(ErrorCode.UNKNOWN_MESSAGE, "no rejection " + id);
    }
    Object[] row = rows.get(0);
    List<Object[]> replays =
        em.createNativeQuery(
                "SELECT replayed_at, replayed_by, reason FROM chn_rejection_replay WHERE"
                    + " rejection_id = ?1 ORDER BY id")
            .setParameter(1, id)
            .getResultList();
    List<RejectionView.Replay> replayViews = new ArrayList<>();
    for (Object[] r : replays) {
      replayViews.add(new RejectionView.Replay(time(r[0]), (String) r[1], (String) r[2]));
    }
    return view(row, (String) row[9], properties((String) row[10]), replayViews);
  }

  /**
   * Sends a rejected message again, as received, to its queue (after the master data it lacked was
   * fixed, say). Recorded with who and why, and audited.
   *
   * @param reason why, optional, at most 400 characters
   * @throws BusinessRuleViolation {@code UNKNOWN_MESSAGE}, {@code INVALID_REQUEST}
   */
  @RolesAllowed({Roles.FINANCE, Roles.ADMIN})
  public RejectionView replayRejection(long id, String reason) {
    requireReason(reason);
    RejectionView rejection = rejection(id);
    try (JMSContext context = connectionFactory.createContext()) {
      JMSProducer producer = context.createProducer();
      rejection.properties().forEach(producer::setProperty);
      if (rejection.properties().get("JMSXGroupID") == null) {
        em.createNativeQuery("SELECT group_id FROM chn_rejection WHERE id = ?1")
            .setParameter(1, id)
            .getResultStream()
            .findFirst()
            .ifPresent(group -> producer.setProperty("JMSXGroupID", (String) group));
      }
      producer.send(context.createQueue(rejection.queue()), rejection.payload());
    }
    em.createNativeQuery(
            "INSERT INTO chn_rejection_replay (rejection_id, replayed_by, reason) VALUES (?1, ?2,"
                + " ?3)")
        .setParameter(1, id)
        .setParameter(2, user())
        .setParameter(3, reason)
        .executeUpdate();
    new AuditTrail(em)
        .record(
            user(),
            "MESSAGE_REPLAYED",
            "MESSAGE_REJECTION",
            String.valueOf(id),
            reason,
            JSON.createObjectBuilder()
                .add("channel", rejection.channel())
                .add("queue", rejection.queue())
                .add("code", rejection.code())
                .build()
                .toString());
    return rejection(id);
  }

  /**
   * The dead letters of the ledger's queues, oldest first.
   *
   * @throws BusinessRuleViolation {@code INVALID_REQUEST} for a limit outside 1..{@value
   *     #MAX_LIMIT}
   */
  @RolesAllowed({Roles.FINANCE, Roles.ADMIN, Roles.AUDITOR})
  public List<DeadLetterView> deadLetters(int limit) {
    requirePage(0, limit);
    List<DeadLetterView> letters = new ArrayList<>();
    try (JMSContext context = connectionFactory.createContext();
        QueueBrowser browser =
            context.createBrowser(
                context.createQueue(DEAD_LETTER_QUEUE), "_AMQ_ORIG_ADDRESS LIKE 'ledgerline.%'")) {
      Enumeration<?> messages = browser.getEnumeration();
      while (messages.hasMoreElements() && letters.size() < limit) {
        letters.add(deadLetter((Message) messages.nextElement()));
      }
    } catch (JMSException e) {
      throw new IllegalStateException("browsing " + DEAD_LETTER_QUEUE, e);
    }
    return letters;
  }

  /**
   * Takes a dead letter off the dead-letter queue and sends it, as it was, to its queue, in one
   * transaction; audited.
   *
   * @param reason why, optional, at most 400 characters
   * @throws BusinessRuleViolation {@code UNKNOWN_MESSAGE} when no such dead letter is waiting
   */
  @RolesAllowed({Roles.FINANCE, Roles.ADMIN})
  public DeadLetterView replayDeadLetter(String messageId, String reason) {
    requireReason(reason);
    if (messageId == null || !messageId.matches("ID:[0-9A-Za-z-]{1,80}")) {
      throw new BusinessRuleViolation(
          ErrorCode.INVALID_REQUEST, "a message id looks like ID:<uuid>, was " + messageId);
    }
    DeadLetterView letter;
    try (JMSContext context = connectionFactory.createContext();
        JMSConsumer consumer =
            context.createConsumer(
                context.createQueue(DEAD_LETTER_QUEUE), "JMSMessageID = '" + messageId + "'")) {
      Message message = consumer.receive(2000);
      if (message == null) {
        throw new BusinessRuleViolation(
            ErrorCode.UNKNOWN_MESSAGE, "no dead letter " + messageId + " is waiting");
      }
      letter = deadLetter(message);
      JMSProducer producer = context.createProducer();
      letter.properties().forEach(producer::setProperty);
      String group = message.getStringProperty("JMSXGroupID");
      if (group != null) {
        producer.setProperty("JMSXGroupID", group);
      }
      producer.send(context.createQueue(letter.originalQueue()), letter.payload());
    } catch (JMSException e) {
      throw new IllegalStateException("replaying " + messageId, e);
    }
    new AuditTrail(em)
        .record(
            user(),
            "DEAD_LETTER_REPLAYED",
            "MESSAGE",
            messageId,
            reason,
            JSON.createObjectBuilder()
                .add("queue", letter.originalQueue())
                .add("deliveries", letter.deliveries())
                .build()
                .toString());
    return letter;
  }

  /**
   * The channel figures over {@code [from, to)}; coverage counts the channels that settled a
   * message in the 24 hours before {@code to}, among the outside channels (not the application's
   * own {@code INTERNAL} one).
   *
   * @throws BusinessRuleViolation {@code INVALID_REQUEST} when {@code from} is not before {@code
   *     to}
   */
  @RolesAllowed({Roles.FINANCE, Roles.ADMIN, Roles.AUDITOR})
  @SuppressWarnings("unchecked")
  public ChannelStatistics statistics(Instant from, Instant to) {
    if (!from.isBefore(to)) {
      throw new BusinessRuleViolation(ErrorCode.INVALID_REQUEST, "from must be before to");
    }
    List<String> configured = new ChannelRecords(em).channels();
    // coverage is about the outside channels: the application's own (kind INTERNAL: requests its
    // screens put on the approvals queue) is listed with its figures but not counted
    List<String> covered =
        em.createNativeQuery("SELECT code FROM chn_channel WHERE kind <> 'INTERNAL' ORDER BY code")
            .getResultList();
    Map<String, long[]> counts = new HashMap<>();
    Map<String, Long[]> latency = new HashMap<>();
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT channel, count(*) FILTER (WHERE outcome = 'POSTED'), count(*) FILTER"
                    + " (WHERE outcome = 'DUPLICATE'), count(*) FILTER (WHERE outcome ="
                    + " 'REJECTED'), percentile_disc(0.5) WITHIN GROUP (ORDER BY sync_latency_ms)"
                    + " FILTER (WHERE outcome = 'POSTED'), percentile_disc(0.95) WITHIN GROUP"
                    + " (ORDER BY sync_latency_ms) FILTER (WHERE outcome = 'POSTED'),"
                    + " percentile_disc(0.99) WITHIN GROUP (ORDER BY sync_latency_ms) FILTER"
                    + " (WHERE outcome = 'POSTED') FROM chn_message_log WHERE settled_at >= ?1 AND"
                    + " settled_at < ?2 GROUP BY channel")
            .setParameter(1, Timestamp.from(from))
            .setParameter(2, Timestamp.from(to))
            .getResultList();
    for (Object[] row : rows) {
      counts.put((String) row[0], new long[] {number(row[1]), number(row[2]), number(row[3])});
      latency.put(
          (String) row[0], new Long[] {longOrNull(row[4]), longOrNull(row[5]), longOrNull(row[6])});
    }
    Map<String, Map<String, Long>> byCode = new HashMap<>();
    List<Object[]> codes =
        em.createNativeQuery(
                "SELECT channel, error_code, count(*) FROM chn_message_log WHERE outcome ="
                    + " 'REJECTED' AND settled_at >= ?1 AND settled_at < ?2 GROUP BY channel,"
                    + " error_code ORDER BY channel, error_code")
            .setParameter(1, Timestamp.from(from))
            .setParameter(2, Timestamp.from(to))
            .getResultList();
    for (Object[] row : codes) {
      byCode
          .computeIfAbsent((String) row[0], c -> new LinkedHashMap<>())
          .put((String) row[1], number(row[2]));
    }
    Map<String, OffsetDateTime> last = new HashMap<>();
    List<Object[]> lastRows =
        em.createNativeQuery(
                "SELECT c.code, (SELECT max(l.settled_at) FROM chn_message_log l WHERE l.channel"
                    + " = c.code AND l.settled_at < ?1) FROM chn_channel c")
            .setParameter(1, Timestamp.from(to))
            .getResultList();
    for (Object[] row : lastRows) {
      if (row[1] != null) {
        last.put((String) row[0], time(row[1]));
      }
    }
    OffsetDateTime dayBefore = to.minus(24, ChronoUnit.HOURS).atOffset(ZoneOffset.UTC);
    List<ChannelStatistics.Channel> channels = new ArrayList<>();
    int seen = 0;
    for (String channel : configured) {
      long[] c = counts.getOrDefault(channel, new long[3]);
      Long[] l = latency.getOrDefault(channel, new Long[3]);
      OffsetDateTime lastSettled = last.get(channel);
      if (covered.contains(channel) && lastSettled != null && !lastSettled.isBefore(dayBefore)) {
        seen++;
      }
      channels.add(
          new ChannelStatistics.Channel(
              channel,
              c[0],
              c[1],
              c[2],
              byCode.getOrDefault(channel, Map.of()),
              l[0],
              l[1],
              l[2],
              lastSettled));
    }
    return new ChannelStatistics(
        from.atOffset(ZoneOffset.UTC),
        to.atOffset(ZoneOffset.UTC),
        covered.size(),
        seen,
        covered.isEmpty()
            ? BigDecimal.ZERO.setScale(4)
            : BigDecimal.valueOf(seen)
                .divide(BigDecimal.valueOf(covered.size()), 4, RoundingMode.HALF_UP),
        channels);
  }

  private static DeadLetterView deadLetter(Message message) throws JMSException {
    Map<String, String> properties = new HashMap<>();
    for (Object name : Collections.list(message.getPropertyNames())) {
      String key = (String) name;
      if (!key.startsWith("JMS") && !key.startsWith("_AMQ")) {
        Object value = message.getObjectProperty(key);
        if (value != null) {
          properties.put(key, value.toString());
        }
      }
    }
    String original =
        Optional.ofNullable(message.getStringProperty("_AMQ_ORIG_ADDRESS")).orElse("");
    int deliveries =
        message.propertyExists("JMSXDeliveryCount")
            ? message.getIntProperty("JMSXDeliveryCount")
            : 0;
    return new DeadLetterView(
        message.getJMSMessageID(),
        original,
        deliveries,
        Instant.ofEpochMilli(message.getJMSTimestamp()).atOffset(ZoneOffset.UTC),
        properties,
        message instanceof TextMessage text ? text.getText() : null);
  }

  private static RejectionView view(
      Object[] row,
      String payload,
      Map<String, String> properties,
      List<RejectionView.Replay> replays) {
    return new RejectionView(
        number(row[0]),
        (String) row[1],
        (String) row[2],
        row[3] == null ? null : ((Number) row[3]).intValue(),
        (String) row[4],
        (String) row[5],
        (String) row[6],
        (String) row[7],
        time(row[8]),
        payload,
        properties,
        replays);
  }

  private static Map<String, String> properties(String json) {
    Map<String, String> properties = new LinkedHashMap<>();
    try (JsonReader reader = JSON.createReader(new StringReader(json))) {
      JsonObject object = reader.readObject();
      object.forEach((k, v) -> properties.put(k, object.getString(k)));
    }
    return properties;
  }

  private static void requirePage(int offset, int limit) {
    if (offset < 0 || limit < 1 || limit > MAX_LIMIT) {
      throw new BusinessRuleViolation(
          ErrorCode.INVALID_REQUEST, "offset must be >= 0 and limit between 1 and " + MAX_LIMIT);
    }
  }

  private static void requireReason(String reason) {
    if (reason != null && reason.length() > 400) {
      throw new BusinessRuleViolation(
          ErrorCode.INVALID_REQUEST, "a reason has at most 400 characters");
    }
  }

  private static long number(Object value) {
    return ((Number) value).longValue();
  }

  private static Long longOrNull(Object value) {
    return value == null ? null : ((Number) value).longValue();
  }

  private static OffsetDateTime time(Object value) {
    if (value instanceof Timestamp t) {
      return t.toInstant().atOffset(ZoneOffset.UTC);
    }
    if (value instanceof OffsetDateTime o) {
      return o;
    }
    return OffsetDateTime.parse(value.toString());
  }

  private String user() {
    return session.getCallerPrincipal().getName();
  }
}
