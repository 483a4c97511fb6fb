package com.ledgerline.payments.control;

import static com.ledgerline.shared.Jsonp.JSON;

import com.ledgerline.approvals.entity.ApprovalRequest;
import com.ledgerline.platform.messaging.JmsOutboundEvents;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;

/**
 * Puts a payment deletion request made on a screen or over REST on the approvals queue as an {@code
 * approval.payment-deletion} v1 message (contracts/approval.payment-deletion.v1.schema.json),
 * through the resource adapter's XA connection factory: the message leaves if and only if the
 * submitted request commits. Its key is the request number under the channel {@value #CHANNEL}.
 */
@ApplicationScoped
public class PaymentDeletionQueue {
  /** The approvals queue. */
  public static final String QUEUE = "ledgerline.approvals";

  /** The message type of a payment deletion request. */
  public static final String MESSAGE_TYPE = "approval.payment-deletion";

  /** The channel of requests made in the application itself (chn_channel, V0066). */
  public static final String CHANNEL = "ledgerline";

  @Resource(lookup = JmsOutboundEvents.CONNECTION_FACTORY)
  private ConnectionFactory connectionFactory;

  /**
   * @param customerNumber the payment's customer (the message group)
   */
  public void put(ApprovalRequest request, String customerNumber) {
    String body =
        JSON.createObjectBuilder()
            .add("messageId", request.requestNumber())
            .add("requestNumber", request.requestNumber())
            .add("paymentNumber", request.documentNumber())
            .add("requestedBy", request.requestedBy())
            .add("reason", request.reason())
            .add("capturedAt", request.requestedAt().toInstant().toString())
            .build()
            .toString();
    try (JMSContext context = connectionFactory.createContext()) {
      context
          .createProducer()
          .setProperty("messageType", MESSAGE_TYPE)
          .setProperty("schemaVersion", "1")
          .setProperty("channel", CHANNEL)
          .setProperty("JMSXGroupID", customerNumber)
          .send(context.createQueue(QUEUE), body);
    }
  }
}
