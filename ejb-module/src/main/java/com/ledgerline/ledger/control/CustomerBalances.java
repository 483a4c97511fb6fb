package com.ledgerline.ledger.control;

import com.ledgerline.customers.entity.Customer;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;

/**
 * A customer's balance, derived as DESIGN.md 7 states it: the sum of their customer ledger entries
 * (+ = the customer owes). The one home of that rule for the workflows that need a balance inside
 * their transaction (credit limits, currency changes).
 */
public final class CustomerBalances {
  private final EntityManager em;

  public CustomerBalances(EntityManager em) {
    this.em = em;
  }

  /** The sum of the customer's ledger entries, scale 4 as stored; zero when there are none. */
  public BigDecimal balance(Customer customer) {
    BigDecimal sum =
        em.createQuery(
                "select sum(e.amount) from CustomerLedgerEntry e where e.customer = :customer",
                BigDecimal.class)
            .setParameter("customer", customer)
            .getSingleResult();
    return sum == null ? BigDecimal.ZERO : sum;
  }
}
