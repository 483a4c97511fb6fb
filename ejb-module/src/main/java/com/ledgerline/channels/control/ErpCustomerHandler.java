package com.ledgerline.channels.control;

import com.ledgerline.channels.boundary.ChannelHandler;
import com.ledgerline.channels.boundary.InboundMessage;
import com.ledgerline.customers.boundary.CustomerDetails;
import com.ledgerline.customers.boundary.Customers;
import com.ledgerline.customers.entity.Customer;
import com.ledgerline.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;

/**
 * {@code erp.customer} v1 (contracts/erp.customer.v1.schema.json): the ERP's master data of one
 * customer. Registers the customer when its number is new ({@link Customers#register}), else
 * replaces its master data ({@link Customers#update}: the message is the whole record, an optional
 * field left out is cleared); then moves it to the message's {@code status} when one is given and
 * differs ({@link Customers#changeStatus}, reason {@code statusReason} or the message's type and
 * id). Every rule is the customer boundary's, applied as the system; every change is audited there.
 *
 * <p>Answers the document type {@code CUSTOMER} with the customer number (the audit trail's
 * document), so the message log and a duplicate name the customer.
 *
 * <p>Refused, nothing written: {@code CUSTOMER_HAS_OPEN_BALANCE} (a currency change while the
 * customer's ledger balance is not zero), {@code INVALID_REQUEST} (a field outside its shape, e.g.
 * an unknown country code, or terms and days that disagree), {@code INVALID_AMOUNT} (a credit limit
 * with more decimals than the currency has), {@code UNKNOWN_PAYMENT_TERMS}.
 */
@Stateless
@Local(ChannelHandler.class)
@RolesAllowed(Roles.SYSTEM)
public class ErpCustomerHandler implements ChannelHandler {
  public static final String TYPE = "erp.customer";

  @EJB private Customers customers;

  @Override
  public Set<String> messageTypes() {
    return Set.of(TYPE);
  }

  @Override
  public Posted apply(JsonObject document, InboundMessage message) {
    String number = document.getString("customerNumber");
    CustomerDetails details =
        new CustomerDetails(
            number,
            document.getString("name"),
            document.getString("legalEntity", null),
            document.getString("taxId", null),
            document.getString("currency"),
            document.getString("country", null),
            document.getString("paymentTerms", null),
            document.containsKey("paymentTermsDays") ? document.getInt("paymentTermsDays") : null,
            document.containsKey("creditLimit")
                ? new BigDecimal(document.getString("creditLimit"))
                : null,
            contact(document.getJsonObject("billingContact")),
            contact(document.getJsonObject("technicalContact")),
            address(document.getJsonObject("billingAddress")),
            address(document.getJsonObject("shippingAddress")));
    Optional<Customer> existing = customers.find(number);
    String status;
    if (existing.isEmpty()) {
      status = customers.register(details).status();
    } else {
      status = customers.update(number, details).status();
    }
    String wanted = document.getString("status", null);
    if (wanted != null && !wanted.equals(status)) {
      customers.changeStatus(
          number,
          wanted,
          document.getString(
              "statusReason", TYPE + " " + document.getString("messageId") + " from the ERP"));
    }
    return new Posted(Customers.DOCUMENT_TYPE, number);
  }

  private static CustomerDetails.Contact contact(JsonObject contact) {
    if (contact == null) {
      return null;
    }
    return new CustomerDetails.Contact(
        contact.getString("name", null),
        contact.getString("email", null),
        contact.getString("phone", null));
  }

  private static CustomerDetails.Address address(JsonObject address) {
    if (address == null) {
      return null;
    }
    JsonArray lines = address.getJsonArray("lines");
    return new CustomerDetails.Address(
        lines.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList(),
        address.getString("city"),
        address.getString("postalCode", null),
        address.getString("countryCode"));
  }
}
