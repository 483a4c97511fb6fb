package com.ledgerline.customers.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/**
 * A person to contact at a customer: name, e-mail address and phone number, each optional. A
 * customer has two, kept apart: the billing contact (invoices, reminders) and the technical
 * contact.
 */
@Embeddable
public class Contact {
  @Column(name = "contact_name")
  private String name;

  @Column(name = "contact_email")
  private String email;

  @Column(name = "contact_phone")
  private String phone;

  protected Contact() {}

  public Contact(String name, String email, String phone) {
    this.name = name;
    this.email = email;
    this.phone = phone;
  }

  public String name() {
    return name;
  }

  public String email() {
    return email;
  }

  public String phone() {
    return phone;
  }

  public boolean isEmpty() {
    return name == null && email == null && phone == null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Contact c
        && Objects.equals(name, c.name)
        && Objects.equals(email, c.email)
        && Objects.equals(phone, c.phone);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, email, phone);
  }

  @Override
  public String toString() {
    return isEmpty() ? "" : String.join(" / ", str(name), str(email), str(phone));
  }

  private static String str(String value) {
    return value == null ? "-" : value;
  }
}
