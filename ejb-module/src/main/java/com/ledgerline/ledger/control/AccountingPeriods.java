package com.ledgerline.ledger.control;

import com.ledgerline.ledger.entity.AccountingPeriod;
import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;

/**
 * The open/closed rule for posting dates. Accounting periods are calendar months; a month is open
 * until it is closed.
 */
public final class AccountingPeriods {
  private final EntityManager em;

  public AccountingPeriods(EntityManager em) {
    this.em = em;
  }

  /** Whether postings dated {@code day} are accepted. */
  public boolean isOpen(LocalDate day) {
    AccountingPeriod period = em.find(AccountingPeriod.class, day.withDayOfMonth(1));
    return period == null || period.status() == AccountingPeriod.Status.OPEN;
  }

  /**
   * Refuses a posting dated in a closed month.
   *
   * @throws BusinessRuleViolation {@code ACCOUNTING_PERIOD_CLOSED}
   */
  public void requireOpen(LocalDate day) {
    if (!isOpen(day)) {
      throw new BusinessRuleViolation(
          ErrorCode.ACCOUNTING_PERIOD_CLOSED,
          "the accounting period " + day.withDayOfMonth(1) + " is closed; " + day + " is in it");
    }
  }

  /**
   * The posting date of a document that reverses or corrects one dated {@code original}: the
   * original date while its period is open, otherwise {@code today} (the reversal lands in the
   * current period and the closed one stays as reported).
   */
  public LocalDate reversalDate(LocalDate original, LocalDate today) {
    return isOpen(original) ? original : today;
  }
}
