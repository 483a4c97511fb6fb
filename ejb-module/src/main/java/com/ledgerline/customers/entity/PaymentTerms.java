package com.ledgerline.customers.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * Named payment terms (Due on receipt, Net 30, Net 60, ...): the days from an invoice's posting
 * date to its due date. Days are unique, so a number of days names one set of terms. A customer
 * copies the days of its terms; the store keeps the copy equal (composite foreign key).
 */
@Entity
@Table(name = "cus_payment_terms")
@NamedQuery(name = PaymentTerms.ALL, query = "select t from PaymentTerms t order by t.days")
@NamedQuery(
    name = PaymentTerms.BY_DAYS,
    query = "select t from PaymentTerms t where t.days = :days")
public class PaymentTerms {
  public static final String ALL = "PaymentTerms.all";
  public static final String BY_DAYS = "PaymentTerms.byDays";

  /** The code of the terms with 0 days. */
  public static final String DUE_ON_RECEIPT = "DUE_ON_RECEIPT";

  @Id private String code;

  @Column(nullable = false)
  private String name;

  @Column(nullable = false)
  private int days;

  protected PaymentTerms() {}

  /**
   * @param code upper-case letters, digits and underscores, e.g. {@code NET_30}
   * @param days 0..365
   */
  public PaymentTerms(String code, String name, int days) {
    this.code = code;
    this.name = name;
    this.days = days;
  }

  /** The code the seeded terms use for {@code days}: {@code DUE_ON_RECEIPT} or {@code NET_n}. */
  public static String conventionalCode(int days) {
    return days == 0 ? DUE_ON_RECEIPT : "NET_" + days;
  }

  public String code() {
    return code;
  }

  public String name() {
    return name;
  }

  public int days() {
    return days;
  }
}
