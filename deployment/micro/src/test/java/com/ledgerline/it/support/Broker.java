package com.ledgerline.it.support;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/** A plain Artemis JMS client, standing where the ERP and the POS terminals stand. */
public final class Broker implements AutoCloseable {
  private final Connection connection;
  private final Session session;

  public Broker() throws JMSException {
    ActiveMQConnectionFactory factory =
        new ActiveMQConnectionFactory(
            "tcp://"
                + System.getProperty("ledgerline.jms.host", "127.0.0.1")
                + ":"
                + System.getProperty("ledgerline.jms.port", "61626"));
    connection =
        factory.createConnection(
            System.getProperty("ledgerline.jms.user", "ledgerline"),
            System.getProperty("ledgerline.jms.password", "ledgerline-dev"));
    session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
    connection.start();
  }

  /** A subscriber on the outbound events topic; subscribe before the change it should see. */
  public MessageConsumer subscribeToEvents() throws JMSException {
    return session.createConsumer(session.createTopic("ledgerline.events"));
  }

  public MessageConsumer consumer(String queue, String selector) throws JMSException {
    return session.createConsumer(session.createQueue(queue), selector);
  }

  public void send(String queue, String body, String property, String value) throws JMSException {
    TextMessage message = session.createTextMessage(body);
    message.setStringProperty(property, value);
    session.createProducer(session.createQueue(queue)).send(message);
  }

  /**
   * Sends a text message with string properties; {@code JMSXGroupID} among them sets the group.
   *
   * @return the broker's message id
   */
  public String send(String queue, String body, java.util.Map<String, String> properties)
      throws JMSException {
    TextMessage message = session.createTextMessage(body);
    for (java.util.Map.Entry<String, String> p : properties.entrySet()) {
      message.setStringProperty(p.getKey(), p.getValue());
    }
    session.createProducer(session.createQueue(queue)).send(message);
    return message.getJMSMessageID();
  }

  /** Waits up to {@code timeoutMillis} for the next message; fails the test when none comes. */
  public static TextMessage next(MessageConsumer consumer, long timeoutMillis) throws JMSException {
    Message message = consumer.receive(timeoutMillis);
    if (message == null) {
      throw new AssertionError("no message within " + timeoutMillis + " ms");
    }
    return (TextMessage) message;
  }

  @Override
  public void close() throws JMSException {
    connection.close();
  }
}
