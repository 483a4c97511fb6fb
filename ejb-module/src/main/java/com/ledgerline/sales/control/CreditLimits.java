package com.ledgerline.sales.control;

import com.ledgerline.customers.entity.Customer;
import com.ledgerline.ledger.control.CustomerBalances;
import com.ledgerline.shared.Money;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * The credit-limit policy of a sale (DESIGN.md 4): a sale that would take the customer's balance
 * above their credit limit waits for an approver. The balance is derived, never stored: the sum of
 * the customer's ledger entries (invoices, updates, credit notes, payments, ...). A customer
 * without a limit is never held.
 *
 * <p>The customer's row is locked ({@code SELECT … FOR UPDATE}) before the balance is read, so two
 * sales to the same customer decide one after the other and cannot both slip under the limit.
 */
public final class CreditLimits {
  private final EntityManager em;

  public CreditLimits(EntityManager em) {
    this.em = em;
  }

  /**
   * A breach: the balance before the sale, the sale's total and the limit, in the customer's
   * currency at its scale.
   */
  public record Breach(BigDecimal balance, BigDecimal total, BigDecimal creditLimit) {
    /** The reason recorded on the held sale. */
    public String describe() {
      return "credit limit exceeded: balance "
          + balance.toPlainString()
          + " + this sale "
          + total.toPlainString()
          + " = "
          + balance.add(total).toPlainString()
          + " > limit "
          + creditLimit.toPlainString();
    }
  }

  /**
   * Whether a sale of {@code total} would breach the customer's limit (balance + total > limit).
   *
   * @param total the sale's gross total in the customer's currency
   */
  public Optional<Breach> breach(Customer customer, Money total) {
    if (customer.creditLimit().isEmpty()) {
      return Optional.empty();
    }
    em.refresh(customer, LockModeType.PESSIMISTIC_WRITE);
    Optional<BigDecimal> limit = customer.creditLimit();
    if (limit.isEmpty()) {
      return Optional.empty();
    }
    // ledger amounts are stored at scale 4 but are whole minor units: this only sets the scale
    BigDecimal balance =
        Money.of(balance(customer), total.currency(), RoundingMode.HALF_UP).amount();
    if (balance.add(total.amount()).compareTo(limit.get()) <= 0) {
      return Optional.empty();
    }
    return Optional.of(new Breach(balance, total.amount(), limit.get().stripTrailingZeros()));
  }

  /** The customer's balance: the sum of their customer ledger entries. */
  public BigDecimal balance(Customer customer) {
    return new CustomerBalances(em).balance(customer);
  }
}
