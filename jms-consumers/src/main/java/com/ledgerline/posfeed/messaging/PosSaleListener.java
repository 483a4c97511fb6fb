package com.ledgerline.posfeed.messaging;

import com.ledgerline.sales.boundary.PostSale;
import com.ledgerline.sales.boundary.Sales;
import com.ledgerline.security.Roles;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

/**
 * Takes POS sale messages (JSON {@link PostSale} documents) from {@code ledgerline.pos.sales} and
 * posts them in the message's transaction: the sale commits together with the message's
 * acknowledgement. Thin by design: parse, hand to the boundary, let a failure roll back so the
 * broker redelivers it after a delay and finally dead-letters it. The versioned contract, schema
 * validation and recorded business rejections come with the channels work (TODO(#4)).
 *
 * <p>A message has no signed-in user: the bean posts as the system ({@code @RunAs(SYSTEM)}, caller
 * {@code system} in the audit trail), the identity every channel feed uses.
 */
@DeclareRoles(Roles.SYSTEM)
@RunAs(Roles.SYSTEM)
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
          propertyValue = "ledgerline.pos.sales"),
      @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
      @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4")
    })
public class PosSaleListener implements MessageListener {
  private static final Jsonb JSONB = JsonbBuilder.create();

  @EJB private Sales sales;

  @Override
  public void onMessage(Message message) {
    try {
      PostSale command = JSONB.fromJson(((TextMessage) message).getText(), PostSale.class);
      sales.post(command);
    } catch (JMSException e) {
      throw new IllegalStateException("unreadable POS message " + id(message), e);
    }
  }

  private static String id(Message message) {
    try {
      return message.getJMSMessageID();
    } catch (JMSException e) {
      return "(no id)";
    }
  }
}
