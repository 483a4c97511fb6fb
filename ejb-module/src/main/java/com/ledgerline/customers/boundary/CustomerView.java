package com.ledgerline.customers.boundary;

import com.ledgerline.customers.entity.Customer;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A customer's master data as read. The balance is not part of it: it is the sum of the customer
 * ledger.
 *
 * @param creditLimit in {@code currency}; null = no limit
 */
public record CustomerView(
    String customerNumber,
    String name,
    String legalEntity,
    String taxId,
    String currency,
    String country,
    String status,
    String paymentTerms,
    int paymentTermsDays,
    BigDecimal creditLimit,
    CustomerDetails.Contact billingContact,
    CustomerDetails.Contact technicalContact,
    CustomerDetails.Address billingAddress,
    CustomerDetails.Address shippingAddress,
    OffsetDateTime updatedAt) {

  static CustomerView of(Customer c) {
    return new CustomerView(
        c.customerNumber(),
        c.name(),
        c.legalEntity(),
        c.taxId(),
        c.currency().getCurrencyCode(),
        c.country(),
        c.status().name(),
        c.paymentTermsCode(),
        c.paymentTermsDays(),
        c.creditLimit().orElse(null),
        c.billingContact()
            .map(x -> new CustomerDetails.Contact(x.name(), x.email(), x.phone()))
            .orElse(null),
        c.technicalContact()
            .map(x -> new CustomerDetails.Contact(x.name(), x.email(), x.phone()))
            .orElse(null),
        c.billingAddress()
            .map(
                a ->
                    new CustomerDetails.Address(
                        a.lines(), a.city(), a.postalCode(), a.countryCode()))
            .orElse(null),
        c.shippingAddress()
            .map(
                a ->
                    new CustomerDetails.Address(
                        a.lines(), a.city(), a.postalCode(), a.countryCode()))
            .orElse(null),
        c.updatedAt());
  }
}
