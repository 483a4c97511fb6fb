package com.ledgerline.customers.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.ledgerline.customers.boundary.CustomerDetails;
import com.ledgerline.customers.entity.Address;
import com.ledgerline.customers.entity.Contact;
import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CustomerRulesTest {
  private static ErrorCode refusal(Executable call) {
    return assertThrows(BusinessRuleViolation.class, call).code();
  }

  private static CustomerDetails.Address address(String city, String country, String... lines) {
    return new CustomerDetails.Address(Arrays.asList(lines), city, "EC1A 1BB", country);
  }

  @ParameterizedTest
  @ValueSource(strings = {"C-1", "OR-17850", "acme.ltd_2", "A"})
  void customerNumbersOfLettersDigitsAndSeparators(String number) {
    assertEquals(number, CustomerRules.customerNumber(" " + number + " "));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "-C1", "C 1", "C/1", "C1234567890123456789012345678901"})
  void otherCustomerNumbersAreRefused(String number) {
    assertEquals(ErrorCode.INVALID_REQUEST, refusal(() -> CustomerRules.customerNumber(number)));
  }

  @Test
  void textIsTrimmedAndBlankOptionalTextIsAbsent() {
    assertEquals("Acme", CustomerRules.text("  Acme ", "name", 200, true));
    assertNull(CustomerRules.text("   ", "taxId", 40, false));
    assertNull(CustomerRules.text(null, "taxId", 40, false));
    assertEquals(
        ErrorCode.INVALID_REQUEST, refusal(() -> CustomerRules.text(" ", "name", 200, true)));
    assertEquals(
        ErrorCode.INVALID_REQUEST,
        refusal(() -> CustomerRules.text("x".repeat(41), "t", 40, false)));
  }

  @Test
  void currencyMustBeIsoMoney() {
    assertEquals(Currency.getInstance("BHD"), CustomerRules.currency("BHD"));
    assertEquals(ErrorCode.INVALID_REQUEST, refusal(() -> CustomerRules.currency("EURO")));
    assertEquals(ErrorCode.INVALID_REQUEST, refusal(() -> CustomerRules.currency(null)));
    // gold has no minor unit: not money
    assertEquals(ErrorCode.INVALID_REQUEST, refusal(() -> CustomerRules.currency("XAU")));
  }

  @Test
  void contactsKeepTheirFieldsAndDropWhenEmpty() {
    Contact c =
        CustomerRules.contact(
            new CustomerDetails.Contact(" Ann Lee ", "ann@example.co.uk", "+44 20 7946 0000"),
            "billingContact");
    assertEquals(new Contact("Ann Lee", "ann@example.co.uk", "+44 20 7946 0000"), c);
    assertNull(CustomerRules.contact(new CustomerDetails.Contact(" ", null, ""), "x"));
    assertNull(CustomerRules.contact(null, "x"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"ann", "ann@", "ann@example", "ann @example.com", "@example.com"})
  void malformedEmailsAreRefused(String email) {
    assertEquals(
        ErrorCode.INVALID_REQUEST,
        refusal(
            () ->
                CustomerRules.contact(new CustomerDetails.Contact("Ann", email, null), "contact")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"phone", "+", "12", "++44 1", "+44 (20) x"})
  void malformedPhonesAreRefused(String phone) {
    assertEquals(
        ErrorCode.INVALID_REQUEST,
        refusal(
            () ->
                CustomerRules.contact(new CustomerDetails.Contact("Ann", null, phone), "contact")));
  }

  @Test
  void addressesAreStructured() {
    Address a =
        CustomerRules.address(address("London", "GB", "1 Main St", "Floor 2"), "billingAddress");
    assertEquals(List.of("1 Main St", "Floor 2"), a.lines());
    assertEquals("London", a.city());
    assertEquals("GB", a.countryCode());
    assertNull(CustomerRules.address(null, "billingAddress"));
  }

  @Test
  void incompleteAddressesAreRefused() {
    assertEquals(
        ErrorCode.INVALID_REQUEST,
        refusal(() -> CustomerRules.address(address("London", "GB"), "a")));
    assertEquals(
        ErrorCode.INVALID_REQUEST,
        refusal(() -> CustomerRules.address(address("London", "GB", "1", "2", "3", "4"), "a")));
    assertEquals(
        ErrorCode.INVALID_REQUEST,
        refusal(() -> CustomerRules.address(address(" ", "GB", "1 Main St"), "a")));
    assertEquals(
        ErrorCode.INVALID_REQUEST,
        refusal(() -> CustomerRules.address(address("London", "GB", "1 Main St", " "), "a")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"UK", "gb", "GBR", "XX", "EU"})
  void countryCodesAreIso3166Alpha2(String country) {
    assertEquals(
        ErrorCode.INVALID_REQUEST,
        refusal(() -> CustomerRules.address(address("London", country, "1 Main St"), "a")));
  }

  @Test
  void creditLimitsAreMoneyOfTheCustomersCurrency() {
    Currency gbp = Currency.getInstance("GBP");
    assertEquals(
        new BigDecimal("5000.0000"), CustomerRules.creditLimit(new BigDecimal("5000"), gbp));
    assertNull(CustomerRules.creditLimit(null, gbp));
    assertEquals(
        ErrorCode.INVALID_AMOUNT,
        refusal(() -> CustomerRules.creditLimit(new BigDecimal("-1"), gbp)));
    assertEquals(
        ErrorCode.INVALID_AMOUNT,
        refusal(() -> CustomerRules.creditLimit(new BigDecimal("10.005"), gbp)));
    // yen have no minor unit
    assertEquals(
        ErrorCode.INVALID_AMOUNT,
        refusal(
            () -> CustomerRules.creditLimit(new BigDecimal("10.5"), Currency.getInstance("JPY"))));
  }
}
