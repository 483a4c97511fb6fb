package com.ledgerline.harness;

import com.ledgerline.platform.messaging.OutboundEvents;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import java.time.Duration;
import java.util.Optional;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * A non-durable subscriber to the outbound topic, as the ERP would be: subscribed when created, so
 * it receives exactly the messages committed to the topic after that, in order.
 */
public final class TopicSubscriber implements AutoCloseable {
  private final ActiveMQConnectionFactory factory;
  private final JMSContext context;
  private final JMSConsumer consumer;

  private TopicSubscriber(HarnessSettings settings, String selector) {
    this.factory = new ActiveMQConnectionFactory(settings.brokerUrl());
    this.context =
        factory.createContext(
            settings.brokerUser(), settings.brokerPassword(), JMSContext.AUTO_ACKNOWLEDGE);
    this.consumer = context.createConsumer(context.createTopic(OutboundEvents.TOPIC), selector);
  }

  /**
   * Subscribes to the events of one ordering group (the customer number the events carry as {@code
   * JMSXGroupID}), so that other traffic on a shared broker cannot reach the test.
   */
  static TopicSubscriber forGroup(HarnessSettings settings, String groupKey) {
    return new TopicSubscriber(settings, "JMSXGroupID = '" + groupKey.replace("'", "''") + "'");
  }

  /** The next message, waiting at most {@code timeout} for it. */
  public Optional<Message> next(Duration timeout) {
    return Optional.ofNullable(consumer.receive(timeout.toMillis()));
  }

  @Override
  public void close() {
    try {
      consumer.close();
      context.close();
    } finally {
      factory.close();
    }
  }
}
