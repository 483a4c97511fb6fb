package com.ledgerline.payments.control;

import com.ledgerline.payments.entity.Payment;
import com.ledgerline.sales.control.SaleCharges;
import com.ledgerline.sales.entity.Sale;
import com.ledgerline.sales.entity.SaleStatus;
import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
import com.ledgerline.shared.Money;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A sale's payment figures, read from the ledger and the payments, and kept on the sale. Every
 * workflow that changes them locks the sale row first ({@link #lockPosted}), so two payments on one
 * sale queue instead of both reading the same open amount.
 */
public final class SaleSettlement {
  /** EclipseLink: read the row even when the entity is managed already (fresh under the lock). */
  static final String REFRESH_HINT = "eclipselink.refresh";

  private final EntityManager em;

  public SaleSettlement(EntityManager em) {
    this.em = em;
  }

  /**
   * Locks the sale row ({@code SELECT ... FOR UPDATE}) and reads it fresh. Lock order: after any
   * stock levels, before document series.
   *
   * @throws BusinessRuleViolation {@code UNKNOWN_SALE}; {@code SALE_NOT_POSTED} for a draft, held
   *     or voided sale
   */
  public Sale lockPosted(String saleNumber) {
    Sale sale =
        em.createNamedQuery(Sale.BY_REFERENCE, Sale.class)
            .setParameter("number", saleNumber)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .setHint(REFRESH_HINT, Boolean.TRUE)
            .getResultStream()
            .findFirst()
            .orElseThrow(
                () -> new BusinessRuleViolation(ErrorCode.UNKNOWN_SALE, "no sale " + saleNumber));
    if (sale.status() != SaleStatus.POSTED) {
      throw new BusinessRuleViolation(
          ErrorCode.SALE_NOT_POSTED,
          "sale " + saleNumber + " is " + sale.status() + "; only a posted sale takes payments");
    }
    return sale;
  }

  /** The sum of the customer ledger entries that name the sale (+ = the customer owes). */
  public Money openAmount(Sale sale) {
    return money(
        sale,
        em.createQuery(
                "select sum(e.amount) from CustomerLedgerEntry e where e.customer = :customer and"
                    + " e.appliesToNumber = :number",
                BigDecimal.class)
            .setParameter("customer", sale.customer())
            .setParameter("number", sale.saleNumber())
            .getSingleResult());
  }

  /**
   * What the sale charges: its invoice, amendments, credit notes and write-offs (every entry of its
   * open item that is not a payment, reversal or refund).
   */
  public Money charged(Sale sale) {
    // the rule has one home, with the sale: sales/control/SaleCharges
    return Money.of(new SaleCharges(em).charged(sale), sale.currency(), RoundingMode.UNNECESSARY);
  }

  /** The credit held in Customer deposits from the sale's payments (sum of its movements). */
  public Money depositsHeld(Sale sale) {
    return money(
        sale,
        em.createQuery(
                "select sum(m.amount) from CustomerCreditMovement m where m.customer = :customer"
                    + " and m.appliesToNumber = :number",
                BigDecimal.class)
            .setParameter("customer", sale.customer())
            .setParameter("number", sale.saleNumber())
            .getSingleResult());
  }

  /**
   * Recalculates the sale's amount paid (unreversed payments less refunds) and payment status from
   * the rows written so far in this transaction. The caller holds the sale's lock.
   */
  public void recalculate(Sale sale) {
    em.flush();
    Money payments =
        money(
            sale,
            em.createQuery(
                    "select sum(p.amount) from Payment p where p.sale = :sale and p.status ="
                        + " :posted",
                    BigDecimal.class)
                .setParameter("sale", sale)
                .setParameter("posted", Payment.Status.POSTED)
                .getSingleResult());
    Money refunds =
        money(
            sale,
            em.createQuery(
                    "select sum(r.amount) from Refund r where r.sale = :sale", BigDecimal.class)
                .setParameter("sale", sale)
                .getSingleResult());
    sale.settle(payments.minus(refunds).amount(), charged(sale).amount());
  }

  /** A stored sum (scale 4, null when there are no rows) as money at the currency's scale. */
  private static Money money(Sale sale, BigDecimal sum) {
    if (sum == null) {
      return Money.zero(sale.currency());
    }
    // stored amounts are at the currency's scale; UNNECESSARY fails loudly if one is not
    return Money.of(sum, sale.currency(), RoundingMode.UNNECESSARY);
  }
}
