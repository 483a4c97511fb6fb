package com.ledgerline.harness;

import com.ledgerline.platform.messaging.OutboundEvents;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.XAConnection;
import jakarta.jms.XASession;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.SystemException;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.transaction.xa.XAResource;
import org.apache.activemq.artemis.jms.client.ActiveMQXAConnectionFactory;

/**
 * The harness's {@link OutboundEvents}: what the container's {@code JmsOutboundEvents} does through
 * the resource adapter, done by hand. The first event of a transaction opens an Artemis XA session
 * and enlists its {@link XAResource} in the current Narayana transaction; every event of that
 * transaction is sent on that session to the topic {@value OutboundEvents#TOPIC}, with the same
 * properties as the container's; the session closes when the transaction ends.
 *
 * <p>Like {@code JMSContext}, failures are unchecked ({@link JMSRuntimeException}), so they roll
 * the caller's transaction back. Publishing outside an active transaction is refused.
 */
public final class ArtemisOutboundEvents implements OutboundEvents, AutoCloseable {
  private final ActiveMQXAConnectionFactory factory;
  private final XAConnection connection;
  private final TransactionManager transactionManager;
  private final XaRecorder recorder;
  private final Map<Transaction, XASession> sessions = new ConcurrentHashMap<>();

  ArtemisOutboundEvents(
      HarnessSettings settings, TransactionManager transactionManager, XaRecorder recorder) {
    this.transactionManager = transactionManager;
    this.recorder = recorder;
    this.factory = new ActiveMQXAConnectionFactory(settings.brokerUrl());
    try {
      this.connection =
          factory.createXAConnection(settings.brokerUser(), settings.brokerPassword());
    } catch (JMSException e) {
      factory.close();
      throw new IllegalStateException("cannot connect to Artemis at " + settings.brokerUrl(), e);
    }
  }

  @Override
  public void publish(String eventType, String groupKey, String json) {
    try {
      Session session = sessionOf(activeTransaction()).getSession();
      TextMessage message = session.createTextMessage(json);
      message.setStringProperty("eventType", eventType);
      message.setIntProperty("schemaVersion", 1);
      message.setStringProperty("JMSXGroupID", groupKey);
      try (MessageProducer producer = session.createProducer(session.createTopic(TOPIC))) {
        producer.send(message);
      }
    } catch (JMSException e) {
      throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
    }
  }

  private Transaction activeTransaction() {
    try {
      Transaction transaction = transactionManager.getTransaction();
      if (transaction == null || transaction.getStatus() != Status.STATUS_ACTIVE) {
        throw new IllegalStateException("an outbound event needs an active JTA transaction");
      }
      return transaction;
    } catch (SystemException e) {
      throw new IllegalStateException("cannot read the current transaction", e);
    }
  }

  private XASession sessionOf(Transaction transaction) throws JMSException {
    XASession existing = sessions.get(transaction);
    if (existing != null) {
      return existing;
    }
    XASession session = connection.createXASession();
    try {
      XAResource resource = recorder.record(XaRecorder.ARTEMIS, session.getXAResource());
      if (!transaction.enlistResource(resource)) {
        throw new IllegalStateException("Narayana refused to enlist the Artemis XA session");
      }
      transaction.registerSynchronization(
          new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
              sessions.remove(transaction);
              closeQuietly(session);
            }
          });
    } catch (Exception e) {
      closeQuietly(session);
      throw e instanceof RuntimeException r
          ? r
          : new IllegalStateException("cannot enlist the Artemis XA session", e);
    }
    sessions.put(transaction, session);
    return session;
  }

  private static void closeQuietly(XASession session) {
    try {
      session.close();
    } catch (JMSException | RuntimeException e) {
      // the transaction outcome is already decided; a close failure changes nothing
    }
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (JMSException e) {
      throw new IllegalStateException("cannot close the Artemis connection", e);
    } finally {
      factory.close();
    }
  }
}
