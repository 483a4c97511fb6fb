package com.ledgerline.it.probe;

import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;

/**
 * A test MDB on {@code ledgerline.test.mdb}: records the attempt (own transaction), writes an
 * effect row in the message's transaction, and fails when the body says {@code fail}, so the effect
 * must roll back and the broker must redeliver and finally dead-letter the message. A message that
 * succeeds is answered on {@code ledgerline.test.mdb.done} in the same transaction.
 */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(
          propertyName = "resourceAdapter",
          propertyValue = "${MPCONFIG=ledgerline.resource.adapter}"),
      @ActivationConfigProperty(
          propertyName = "destinationType",
          propertyValue = "jakarta.jms.Queue"),
      @ActivationConfigProperty(
          propertyName = "destination",
          propertyValue = "ledgerline.test.mdb"),
      @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false")
    })
public class ProbeListener implements MessageListener {
  @EJB private ProbeAttempts attempts;

  @Resource(lookup = "jms/ledgerline/ConnectionFactory")
  private ConnectionFactory connectionFactory;

  @Override
  public void onMessage(Message message) {
    try {
      String probe = message.getStringProperty("probe");
      attempts.record(probe, message.getIntProperty("JMSXDeliveryCount"));
      attempts.writeEffect(probe);
      if ("fail".equals(((TextMessage) message).getText())) {
        throw new IllegalStateException("probe " + probe + " fails on purpose");
      }
      try (JMSContext context = connectionFactory.createContext()) {
        context
            .createProducer()
            .setProperty("probe", probe)
            .send(context.createQueue("ledgerline.test.mdb.done"), "done");
      }
    } catch (JMSException e) {
      throw new IllegalStateException(e);
    }
  }
}
