package com.ledgerline.customers.boundary;

import java.math.BigDecimal;
import java.util.List;

/**
 * A customer's master data as a client sends it to register or update a customer (an update
 * replaces every field). Validated by {@link com.ledgerline.customers.control.CustomerRules}.
 *
 * @param customerNumber the key, 1..30 characters; on update it may be omitted, else must match
 * @param name 1..200 characters
 * @param legalEntity the registered legal name and form, e.g. "Acme Trading Ltd"; optional
 * @param taxId VAT number or other tax registration, up to 40 characters; optional
 * @param currency ISO 4217 code with minor units (the currency the customer is invoiced in)
 * @param country free-text country as first seen; optional (addresses carry ISO codes)
 * @param paymentTerms code of named terms ({@code DUE_ON_RECEIPT}, {@code NET_30}, ...); when
 *     absent, {@code paymentTermsDays} picks the terms with those days
 * @param paymentTermsDays alternative to {@code paymentTerms}; when both are given they must agree
 * @param creditLimit in {@code currency}, ≥ 0, at most the currency's decimals; null = no limit
 */
public record CustomerDetails(
    String customerNumber,
    String name,
    String legalEntity,
    String taxId,
    String currency,
    String country,
    String paymentTerms,
    Integer paymentTermsDays,
    BigDecimal creditLimit,
    Contact billingContact,
    Contact technicalContact,
    Address billingAddress,
    Address shippingAddress) {

  /**
   * A person to contact; every field optional.
   *
   * @param email an address of the form {@code local@domain.tld}, up to 254 characters
   * @param phone digits, spaces, {@code + ( ) - .}, 3..40 characters
   */
  public record Contact(String name, String email, String phone) {}

  /**
   * A postal address.
   *
   * @param lines 1..3 non-blank lines of up to 200 characters
   * @param city required, up to 100 characters
   * @param postalCode optional, up to 20 characters
   * @param countryCode ISO 3166-1 alpha-2, e.g. {@code GB}
   */
  public record Address(List<String> lines, String city, String postalCode, String countryCode) {}
}
