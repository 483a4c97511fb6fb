package com.ledgerline.customers.boundary;

import com.ledgerline.customers.entity.Customer;
import com.ledgerline.security.Roles;
import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Currency;
import java.util.Optional;

/**
 * Customer master data. Minimal for now: registering and finding customers. Administrators (and the
 * system, for channel imports) maintain it; every role reads.
 */
@Stateless
public class Customers {
  @PersistenceContext private EntityManager em;

  /**
   * Registers a customer.
   *
   * @param paymentTermsDays days from invoice to due date, ≥ 0 (0 = due on receipt)
   * @throws BusinessRuleViolation {@code ALREADY_EXISTS}, {@code INVALID_REQUEST}
   */
  @RolesAllowed({Roles.ADMIN, Roles.SYSTEM})
  public String register(
      String customerNumber, String name, String country, String currency, int paymentTermsDays) {
    if (customerNumber == null || customerNumber.isBlank() || name == null || name.isBlank()) {
      throw new BusinessRuleViolation(
          ErrorCode.INVALID_REQUEST, "customer number and name are required");
    }
    if (paymentTermsDays < 0) {
      throw new BusinessRuleViolation(
          ErrorCode.INVALID_REQUEST, "payment terms must be ≥ 0 days, were " + paymentTermsDays);
    }
    if (find(customerNumber).isPresent()) {
      throw new BusinessRuleViolation(
          ErrorCode.ALREADY_EXISTS, "customer " + customerNumber + " exists already");
    }
    Currency iso;
    try {
      iso = Currency.getInstance(currency);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new BusinessRuleViolation(
          ErrorCode.INVALID_REQUEST, "currency " + currency + " is not an ISO 4217 code");
    }
    em.persist(new Customer(customerNumber, name, country, iso, paymentTermsDays));
    return customerNumber;
  }

  @RolesAllowed({
    Roles.CASHIER,
    Roles.APPROVER,
    Roles.FINANCE,
    Roles.ADMIN,
    Roles.AUDITOR,
    Roles.SYSTEM
  })
  public Optional<Customer> find(String customerNumber) {
    return em.createNamedQuery(Customer.BY_NUMBER, Customer.class)
        .setParameter("number", customerNumber)
        .getResultStream()
        .findFirst();
  }
}
