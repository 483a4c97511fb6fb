package com.ledgerline.channels.messaging;

import com.ledgerline.security.Roles;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;

/**
 * Takes ERP customer upserts (erp.customer) from {@code ledgerline.erp.customers}. Runs as the
 * system ({@code @RunAs(SYSTEM)}, caller {@code system} in the audit trail); at most {@code
 * maxSession} deliveries at once, each customer's messages in order ({@code JMSXGroupID}).
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
          propertyValue = ErpCustomerListener.QUEUE),
      @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
      @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4")
    })
public class ErpCustomerListener extends InboundListener {
  public static final String QUEUE = "ledgerline.erp.customers";

  @Override
  protected String queue() {
    return QUEUE;
  }
}
