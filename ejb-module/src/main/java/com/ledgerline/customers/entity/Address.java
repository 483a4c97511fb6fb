package com.ledgerline.customers.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A postal address: one to three lines, city, postal code (optional: not every country has them)
 * and the ISO 3166-1 alpha-2 country code. The store refuses an address without its first line,
 * city and country.
 */
@Embeddable
public class Address {
  /** At most this many address lines. */
  public static final int MAX_LINES = 3;

  @Column(name = "address_line1")
  private String line1;

  @Column(name = "address_line2")
  private String line2;

  @Column(name = "address_line3")
  private String line3;

  @Column(name = "city")
  private String city;

  @Column(name = "postal_code")
  private String postalCode;

  @Column(name = "country_code")
  private String countryCode;

  protected Address() {}

  /**
   * @param lines 1..3 non-blank lines, in order
   * @param countryCode ISO 3166-1 alpha-2, upper case
   */
  public Address(List<String> lines, String city, String postalCode, String countryCode) {
    if (lines.isEmpty() || lines.size() > MAX_LINES) {
      throw new IllegalArgumentException("an address has 1 to " + MAX_LINES + " lines");
    }
    this.line1 = lines.get(0);
    this.line2 = lines.size() > 1 ? lines.get(1) : null;
    this.line3 = lines.size() > 2 ? lines.get(2) : null;
    this.city = city;
    this.postalCode = postalCode;
    this.countryCode = countryCode;
  }

  public List<String> lines() {
    List<String> lines = new ArrayList<>(MAX_LINES);
    for (String line : new String[] {line1, line2, line3}) {
      if (line != null) {
        lines.add(line);
      }
    }
    return List.copyOf(lines);
  }

  public String city() {
    return city;
  }

  public String postalCode() {
    return postalCode;
  }

  public String countryCode() {
    return countryCode;
  }

  public boolean isEmpty() {
    return line1 == null && city == null && countryCode == null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Address a
        && lines().equals(a.lines())
        && Objects.equals(city, a.city)
        && Objects.equals(postalCode, a.postalCode)
        && Objects.equals(countryCode, a.countryCode);
  }

  @Override
  public int hashCode() {
    return Objects.hash(lines(), city, postalCode, countryCode);
  }

  @Override
  public String toString() {
    return isEmpty()
        ? ""
        : String.join(", ", lines())
            + ", "
            + (postalCode == null ? "" : postalCode + " ")
            + city
            + ", "
            + countryCode;
  }
}
