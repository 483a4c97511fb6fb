package com.ledgerline.platform.messaging;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;

/**
 * Sends outbound events through the Artemis resource adapter's XA connection factory, so the send
 * is enlisted in the caller's JTA transaction. {@link JMSContext} throws unchecked exceptions,
 * which roll the transaction back (a checked {@code JMSException} escaping an EJB would not).
 */
@ApplicationScoped
public class JmsOutboundEvents implements OutboundEvents {
  /** The connector resource created by the runtime set-up (deployment/payara). */
  public static final String CONNECTION_FACTORY = "jms/ledgerline/ConnectionFactory";

  @Resource(lookup = CONNECTION_FACTORY)
  private ConnectionFactory connectionFactory;

  @Override
  public void publish(String eventType, String groupKey, String json) {
    try (JMSContext context = connectionFactory.createContext()) {
      context
          .createProducer()
          .setProperty("eventType", eventType)
          .setProperty("schemaVersion", 1)
          .setProperty("JMSXGroupID", groupKey)
          .send(context.createTopic(TOPIC), json);
    }
  }
}
