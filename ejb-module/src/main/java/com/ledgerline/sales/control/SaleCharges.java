package com.ledgerline.sales.control;

import com.ledgerline.ledger.entity.CustomerLedgerEntry;
import com.ledgerline.sales.entity.Sale;
import com.ledgerline.shared.Money;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * What a sale charges its customer: every entry of its open item that does not move money (the
 * invoice, amendments, credit notes, write-offs). An amendment or a credit note changes it, so the
 * sale's payment status (DESIGN.md 4, kept by the payments component) is brought in line in the
 * same transaction: a paid sale amended up becomes partially paid, a paid sale credited becomes
 * overpaid. The amount paid itself never changes here.
 */
public final class SaleCharges {
  private static final List<String> MONEY_ENTRY_TYPES =
      List.of(
          CustomerLedgerEntry.Type.payment.name(),
          CustomerLedgerEntry.Type.payment_reversal.name(),
          CustomerLedgerEntry.Type.refund.name());

  private final EntityManager em;

  public SaleCharges(EntityManager em) {
    this.em = em;
  }

  /** The sum of the sale's non-money customer ledger entries, at the currency's scale. */
  public BigDecimal charged(Sale sale) {
    BigDecimal sum =
        em.createQuery(
                "select sum(e.amount) from CustomerLedgerEntry e where e.customer = :customer and"
                    + " e.appliesToNumber = :number and e.entryType not in :moneyTypes",
                BigDecimal.class)
            .setParameter("customer", sale.customer())
            .setParameter("number", sale.saleNumber())
            .setParameter("moneyTypes", MONEY_ENTRY_TYPES)
            .getSingleResult();
    // stored at scale 4 but whole minor units: this only sets the scale
    return Money.of(sum == null ? BigDecimal.ZERO : sum, sale.currency(), RoundingMode.HALF_UP)
        .amount();
  }

  /**
   * Re-derives the payment status from the amount paid and what the sale now charges. The caller
   * holds the sale's lock and has written its ledger entries.
   */
  public void followCharges(Sale sale) {
    sale.settle(sale.amountPaid(), charged(sale));
  }
}
