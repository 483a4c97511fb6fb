package com.ledgerline.ledger.boundary;

import static com.ledgerline.shared.Jsonp.JSON;

import com.ledgerline.audit.control.AuditTrail;
import com.ledgerline.ledger.control.AccountingPeriods;
import com.ledgerline.ledger.entity.AccountingPeriod;
import com.ledgerline.security.Roles;
import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Accounting periods (calendar months): list, close and reopen, each change audited with its reason
 * (document type {@code ACCOUNTING_PERIOD}, number {@code yyyy-MM}). A posting dated in a closed
 * month is refused {@code ACCOUNTING_PERIOD_CLOSED}; closing waits for the postings into the month
 * under way and holds back new ones until it commits (see {@link AccountingPeriods}).
 */
@Stateless
@RolesAllowed({Roles.CASHIER, Roles.APPROVER, Roles.FINANCE, Roles.ADMIN, Roles.AUDITOR})
public class Periods {
  public static final String DOCUMENT_TYPE = "ACCOUNTING_PERIOD";

  @PersistenceContext private EntityManager em;
  @Resource private SessionContext session;

  /**
   * A month of the books.
   *
   * @param period {@code yyyy-MM}
   * @param status {@code OPEN} or {@code CLOSED}
   * @param changedBy who last changed it ({@code system} when a posting first used the month); null
   *     for a month never used
   */
  public record Period(
      String period,
      LocalDate periodStart,
      LocalDate periodEnd,
      String status,
      OffsetDateTime changedAt,
      String changedBy) {
    static Period of(AccountingPeriod p) {
      return new Period(
          YearMonth.from(p.periodStart()).toString(),
          p.periodStart(),
          p.periodEnd(),
          p.status().name(),
          p.changedAt(),
          p.changedBy());
    }

    static Period untouched(YearMonth month) {
      return new Period(month.toString(), month.atDay(1), month.atEndOfMonth(), "OPEN", null, null);
    }
  }

  /** The months that were posted into or changed, newest first. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<Period> list(int offset, int limit) {
    return em.createQuery(
            "select p from AccountingPeriod p order by p.periodStart desc", AccountingPeriod.class)
        .setFirstResult(Math.max(0, offset))
        .setMaxResults(Math.min(500, Math.max(1, limit)))
        .getResultStream()
        .map(Period::of)
        .toList();
  }

  /** The month's status; a month never used is open. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Period get(YearMonth month) {
    AccountingPeriod p = em.find(AccountingPeriod.class, month.atDay(1));
    return p == null ? Period.untouched(month) : Period.of(p);
  }

  /**
   * Closes a month that has ended.
   *
   * @param reason why, required (audited)
   * @throws BusinessRuleViolation {@code INVALID_REQUEST} (no reason), {@code
   *     ACCOUNTING_PERIOD_NOT_ENDED} (the month's last day is today or later), {@code
   *     ACCOUNTING_PERIOD_ALREADY_CLOSED}
   */
  @RolesAllowed({Roles.ADMIN, Roles.FINANCE})
  public Period close(YearMonth month, String reason) {
    String why = reason(reason);
    if (!month.atEndOfMonth().isBefore(LocalDate.now())) {
      throw new BusinessRuleViolation(
          ErrorCode.ACCOUNTING_PERIOD_NOT_ENDED,
          month + " ends on " + month.atEndOfMonth() + "; it can be closed from the day after");
    }
    AccountingPeriod period = locked(month);
    if (period.status() == AccountingPeriod.Status.CLOSED) {
      throw new BusinessRuleViolation(
          ErrorCode.ACCOUNTING_PERIOD_ALREADY_CLOSED,
          month + " was closed by " + period.changedBy() + " at " + period.changedAt());
    }
    return change(period, AccountingPeriod.Status.CLOSED, "accounting_period.closed", why);
  }

  /**
   * Reopens a closed month, so postings dated in it are accepted again.
   *
   * @param reason why, required (audited)
   * @throws BusinessRuleViolation {@code INVALID_REQUEST}, {@code ACCOUNTING_PERIOD_ALREADY_OPEN}
   */
  @RolesAllowed({Roles.ADMIN, Roles.FINANCE})
  public Period reopen(YearMonth month, String reason) {
    String why = reason(reason);
    AccountingPeriod period = locked(month);
    if (period.status() == AccountingPeriod.Status.OPEN) {
      throw new BusinessRuleViolation(ErrorCode.ACCOUNTING_PERIOD_ALREADY_OPEN, month + " is open");
    }
    return change(period, AccountingPeriod.Status.OPEN, "accounting_period.reopened", why);
  }

  /** The month's row, created when absent, locked {@code FOR UPDATE}. */
  private AccountingPeriod locked(YearMonth month) {
    new AccountingPeriods(em).ensureRow(month.atDay(1), user());
    return em.find(AccountingPeriod.class, month.atDay(1), LockModeType.PESSIMISTIC_WRITE);
  }

  private Period change(
      AccountingPeriod period, AccountingPeriod.Status status, String action, String reason) {
    AccountingPeriod.Status was = period.status();
    period.change(status, OffsetDateTime.now(ZoneOffset.UTC), user());
    Period view = Period.of(period);
    new AuditTrail(em)
        .record(
            user(),
            action,
            DOCUMENT_TYPE,
            view.period(),
            reason,
            JSON.createObjectBuilder()
                .add("from", was.name())
                .add("to", status.name())
                .build()
                .toString());
    return view;
  }

  private static String reason(String reason) {
    if (reason == null || reason.isBlank()) {
      throw new BusinessRuleViolation(ErrorCode.INVALID_REQUEST, "a reason is required");
    }
    String why = reason.strip();
    if (why.length() > 400) {
      throw new BusinessRuleViolation(
          ErrorCode.INVALID_REQUEST, "reason has more than 400 characters");
    }
    return why;
  }

  private String user() {
    return session.getCallerPrincipal() == null ? "system" : session.getCallerPrincipal().getName();
  }
}
