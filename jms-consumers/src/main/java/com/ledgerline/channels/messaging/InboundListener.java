package com.ledgerline.channels.messaging;

import com.ledgerline.channels.boundary.ChannelInbox;
import com.ledgerline.channels.boundary.InboundMessage;
import jakarta.ejb.EJB;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * What every channel consumer does: read the message as the broker delivered it and hand it to
 * {@link ChannelInbox#receive} in the delivery's XA transaction. A rejection is recorded there and
 * the message consumed; a technical failure propagates, the delivery rolls back and the broker
 * redelivers after its delay, then dead-letters it. Subclasses only name their queue.
 */
public abstract class InboundListener implements MessageListener {
  @EJB private ChannelInbox inbox;

  /** The queue the subclass is bound to. */
  protected abstract String queue();

  @Override
  public void onMessage(Message message) {
    try {
      inbox.receive(read(queue(), message));
    } catch (JMSException e) {
      throw new IllegalStateException("unreadable message on " + queue(), e);
    }
  }

  static InboundMessage read(String queue, Message message) throws JMSException {
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
    String payload = message instanceof TextMessage text ? text.getText() : null;
    return new InboundMessage(
        queue,
        properties.get(InboundMessage.MESSAGE_TYPE),
        integer(properties.get(InboundMessage.SCHEMA_VERSION)),
        properties.get(InboundMessage.CHANNEL),
        message.getStringProperty("JMSXGroupID"),
        message.getJMSMessageID(),
        message.propertyExists("JMSXDeliveryCount")
            ? message.getIntProperty("JMSXDeliveryCount")
            : 1,
        properties.get(InboundMessage.RUN),
        properties,
        payload,
        Instant.now());
  }

  private static Integer integer(String value) {
    if (value == null || !value.matches("[0-9]{1,6}")) {
      return null;
    }
    return Integer.valueOf(value);
  }
}
