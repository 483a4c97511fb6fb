package com.ledgerline.ledger.control;

import com.ledgerline.ledger.entity.AccountingPeriod;
import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;

/**
 * The open/closed rule for posting dates. Accounting periods are calendar months; a month is open
 * until it is closed.
 *
 * <p>Closing while postings run: every posting takes its month's row {@code FOR SHARE} ({@link
 * #requireOpen}) and holds it until it commits; closing takes the row {@code FOR UPDATE}. So a
 * close waits for the postings into that month already under way, and postings that start after it
 * wait for the close and then see the month closed: no entry lands in a month after its close
 * committed. A month without a row has nothing to lock, so a posting first creates the row as
 * {@code OPEN} ({@code INSERT ... ON CONFLICT DO NOTHING}): a close that inserts the same row
 * concurrently waits on it (or is waited on) the same way. The cost is one row per month ever
 * posted into, and the first postings into a new month queue briefly on its insert. Lock order
 * within a posting: stock levels, document series, then the period row, then the journal series.
 */
public final class AccountingPeriods {
  /** Who created a month's row when a posting first used the month. */
  public static final String CREATED_BY_POSTING = "system";

  private final EntityManager em;

  public AccountingPeriods(EntityManager em) {
    this.em = em;
  }

  /** Whether postings dated {@code day} are accepted (a read without lock). */
  public boolean isOpen(LocalDate day) {
    AccountingPeriod period = em.find(AccountingPeriod.class, day.withDayOfMonth(1));
    return period == null || period.status() == AccountingPeriod.Status.OPEN;
  }

  /**
   * An early refusal without a lock, for workflows that must not take the month's lock before their
   * own locks (the journal takes it later, in the lock order, with {@link #requireOpen}).
   *
   * @throws BusinessRuleViolation {@code ACCOUNTING_PERIOD_CLOSED}
   */
  public void refuseIfClosed(LocalDate day) {
    if (!isOpen(day)) {
      throw closed(day.withDayOfMonth(1), day);
    }
  }

  private static BusinessRuleViolation closed(LocalDate month, LocalDate day) {
    return new BusinessRuleViolation(
        ErrorCode.ACCOUNTING_PERIOD_CLOSED,
        "the accounting period " + month + " is closed; " + day + " is in it");
  }

  /**
   * Refuses a posting dated in a closed month, and holds the month's row {@code FOR SHARE} until
   * the caller's transaction ends so the month cannot be closed under the posting.
   *
   * @throws BusinessRuleViolation {@code ACCOUNTING_PERIOD_CLOSED}
   */
  public void requireOpen(LocalDate day) {
    LocalDate month = ensureRow(day, CREATED_BY_POSTING);
    Object status =
        em.createNativeQuery(
                "select status from gl_accounting_period where period_start = ? for share")
            .setParameter(1, month)
            .getSingleResult();
    if (AccountingPeriod.Status.CLOSED.name().equals(String.valueOf(status))) {
      throw closed(month, day);
    }
  }

  /**
   * Creates the month's row as {@code OPEN} unless it exists (waiting for a concurrent insert of it
   * to end).
   *
   * @return the month's first day
   */
  public LocalDate ensureRow(LocalDate day, String user) {
    LocalDate month = day.withDayOfMonth(1);
    em.createNativeQuery(
            "insert into gl_accounting_period (period_start, period_end, status, changed_by)"
                + " values (?, ?, 'OPEN', ?) on conflict (period_start) do nothing")
        .setParameter(1, month)
        .setParameter(2, month.plusMonths(1).minusDays(1))
        .setParameter(3, user)
        .executeUpdate();
    return month;
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
