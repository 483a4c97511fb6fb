package com.ledgerline.customers.control;

import com.ledgerline.customers.boundary.CustomerDetails;
import com.ledgerline.customers.entity.Address;
import com.ledgerline.customers.entity.Contact;
import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
import com.ledgerline.shared.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The shapes of customer master data, checked the same way on registration and update. Text is
 * trimmed; blank optional text becomes absent. Nothing is shortened or guessed: a value outside its
 * shape is refused with {@code INVALID_REQUEST} naming the field (or {@code INVALID_AMOUNT} for a
 * credit limit).
 */
public final class CustomerRules {
  /** {@code local@domain.tld}, no spaces; deliberately loose (RFC 5322 allows far more). */
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]+$");

  /** Digits with the usual separators, optionally a leading {@code +} (E.164 and local forms). */
  private static final Pattern PHONE = Pattern.compile("^\\+?[0-9][0-9 ().\\-]{2,39}$");

  private static final Pattern CUSTOMER_NUMBER = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._\\-]*$");

  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

  private CustomerRules() {}

  /**
   * @return the trimmed customer number
   * @throws BusinessRuleViolation {@code INVALID_REQUEST} unless 1..30 letters, digits, {@code . _
   *     -}, starting with a letter or digit
   */
  public static String customerNumber(String number) {
    String value = text(number, "customerNumber", 30, true);
    if (!CUSTOMER_NUMBER.matcher(value).matches()) {
      throw invalid("customerNumber may hold letters, digits, '.', '_' and '-', was " + value);
    }
    return value;
  }

  /**
   * Trims {@code value}; blank becomes null.
   *
   * @throws BusinessRuleViolation {@code INVALID_REQUEST} when required and blank, or longer than
   *     {@code maxLength}
   */
  public static String text(String value, String field, int maxLength, boolean required) {
    String trimmed = value == null ? null : value.strip();
    if (trimmed == null || trimmed.isEmpty()) {
      if (required) {
        throw invalid(field + " is required");
      }
      return null;
    }
    if (trimmed.length() > maxLength) {
      throw invalid(field + " has " + trimmed.length() + " characters, at most " + maxLength);
    }
    return trimmed;
  }

  /**
   * @throws BusinessRuleViolation {@code INVALID_REQUEST} unless an ISO 4217 code of a currency
   *     with minor units (money needs a declared scale)
   */
  public static Currency currency(String code) {
    try {
      Currency currency = Currency.getInstance(code.strip());
      Money.scaleOf(currency);
      return currency;
    } catch (IllegalArgumentException | NullPointerException e) {
      throw invalid("currency " + code + " is not an ISO 4217 code of money");
    }
  }

  /** The contact, or null when every field is blank. */
  public static Contact contact(CustomerDetails.Contact contact, String field) {
    if (contact == null) {
      return null;
    }
    String name = text(contact.name(), field + ".name", 200, false);
    String email = text(contact.email(), field + ".email", 254, false);
    String phone = text(contact.phone(), field + ".phone", 40, false);
    if (email != null && !EMAIL.matcher(email).matches()) {
      throw invalid(field + ".email " + email + " is not an e-mail address");
    }
    if (phone != null && !PHONE.matcher(phone).matches()) {
      throw invalid(field + ".phone " + phone + " is not a phone number");
    }
    if (name == null && email == null && phone == null) {
      return null;
    }
    return new Contact(name, email, phone);
  }

  /**
   * The address, or null when absent.
   *
   * @throws BusinessRuleViolation {@code INVALID_REQUEST} when it has no line or more than three, a
   *     blank line, no city, or a country code that is not ISO 3166-1 alpha-2
   */
  public static Address address(CustomerDetails.Address address, String field) {
    if (address == null) {
      return null;
    }
    List<String> lines = new ArrayList<>();
    if (address.lines() != null) {
      for (int i = 0; i < address.lines().size(); i++) {
        lines.add(text(address.lines().get(i), field + ".lines[" + i + "]", 200, true));
      }
    }
    if (lines.isEmpty() || lines.size() > Address.MAX_LINES) {
      throw invalid(field + " needs 1 to " + Address.MAX_LINES + " lines, had " + lines.size());
    }
    String city = text(address.city(), field + ".city", 100, true);
    String postalCode = text(address.postalCode(), field + ".postalCode", 20, false);
    String country = text(address.countryCode(), field + ".countryCode", 2, true);
    if (!COUNTRIES.contains(country)) {
      throw invalid(
          field + ".countryCode " + country + " is not an ISO 3166-1 alpha-2 code (upper case)");
    }
    return new Address(lines, city, postalCode, country);
  }

  /**
   * @return the limit at scale 4 (the column's), or null for no limit
   * @throws BusinessRuleViolation {@code INVALID_AMOUNT} when negative or with more decimals than
   *     the currency has
   */
  public static BigDecimal creditLimit(BigDecimal limit, Currency currency) {
    if (limit == null) {
      return null;
    }
    if (limit.signum() < 0) {
      throw new BusinessRuleViolation(
          ErrorCode.INVALID_AMOUNT, "creditLimit must be ≥ 0, was " + limit.toPlainString());
    }
    return Money.exact(limit, currency).amount().setScale(4);
  }

  private static BusinessRuleViolation invalid(String detail) {
    return new BusinessRuleViolation(ErrorCode.INVALID_REQUEST, detail);
  }
}
