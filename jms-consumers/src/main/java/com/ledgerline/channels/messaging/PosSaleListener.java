package com.ledgerline.channels.messaging;

import com.ledgerline.security.Roles;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;

/**
 * Takes POS sales (pos.sale) from {@code ledgerline.pos.sales}. Runs as the system
 * ({@code @RunAs(SYSTEM)}, caller {@code system} in the audit trail); at most {@code maxSession}
 * deliveries at once, each customer's messages in order ({@code JMSXGroupID}).
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
          propertyValue = PosSaleListener.QUEUE),
      @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
      @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4")
    })
public class PosSaleListener extends InboundListener {
  public static final String QUEUE = "ledgerline.pos.sales";

  @Override
  protected String queue() {
    return QUEUE;
  }
}
