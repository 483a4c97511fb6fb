package com.ledgerline.ledger.boundary;

import com.ledgerline.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The trial balance: per general ledger account and currency, the debits and credits of every
 * journal line posted on or before a date, and the balance in the account's normal-balance sign;
 * per currency the totals, whose debits equal their credits when the books balance (DESIGN.md 7).
 * One aggregate query over {@code gl_journal_line} joined to its entry (for the posting date and
 * currency) and the account: nothing but the result rows is read into memory. Finance,
 * administrators and auditors may read it (the trial balance report prints it).
 */
@Stateless
@RolesAllowed({Roles.FINANCE, Roles.ADMIN, Roles.AUDITOR})
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class TrialBalance {
  /** One row per account and currency with lines on or before {@code ?1}, by currency and code. */
  static final String ROWS =
      "select e.currency, a.code, a.name, a.account_type, a.normal_balance,"
          + " sum(l.debit), sum(l.credit)"
          + " from gl_journal_line l"
          + " join gl_journal_entry e on e.id = l.journal_entry_id"
          + " join gl_account a on a.code = l.account_code"
          + " where e.posting_date <= ?1"
          + " group by e.currency, a.code"
          + " order by e.currency, a.code";

  @PersistenceContext private EntityManager em;

  /**
   * One account's line in one currency.
   *
   * @param type {@code ASSET}, {@code LIABILITY}, {@code EQUITY}, {@code REVENUE} or {@code
   *     EXPENSE}
   * @param normalBalance {@code DEBIT} or {@code CREDIT}
   * @param currency ISO 4217 code of the journal entries
   * @param debit the sum of the account's debits (scale 4, as stored)
   * @param credit the sum of its credits (scale 4)
   * @param balance debit − credit for a {@code DEBIT} account, credit − debit for a {@code CREDIT}
   *     one: positive when the account holds its usual side (scale 4)
   */
  public record Row(
      String code,
      String name,
      String type,
      String normalBalance,
      String currency,
      BigDecimal debit,
      BigDecimal credit,
      BigDecimal balance) {}

  /**
   * The totals of one currency.
   *
   * @param debit the sum of all debits (scale 4)
   * @param credit the sum of all credits (scale 4)
   * @param balanced debits = credits
   */
  public record Total(String currency, BigDecimal debit, BigDecimal credit, boolean balanced) {}

  /**
   * @param asOf the last posting date included
   * @param accounts by currency, then account code; only accounts with lines
   * @param totals one per currency, by currency
   */
  public record Report(LocalDate asOf, List<Row> accounts, List<Total> totals) {}

  /**
   * The trial balance as of a date.
   *
   * @param asOf the last posting date included; {@code null} = today
   */
  public Report asOf(LocalDate asOf) {
    LocalDate date = asOf == null ? LocalDate.now() : asOf;
    @SuppressWarnings("unchecked")
    List<Object[]> result =
        em.createNativeQuery(ROWS).setParameter(1, Date.valueOf(date)).getResultList();
    List<Row> rows = new ArrayList<>(result.size());
    Map<String, BigDecimal[]> sums = new LinkedHashMap<>();
    for (Object[] r : result) {
      String currency = ((String) r[0]).strip();
      BigDecimal debit = (BigDecimal) r[5];
      BigDecimal credit = (BigDecimal) r[6];
      String normalBalance = (String) r[4];
      BigDecimal balance =
          "DEBIT".equals(normalBalance) ? debit.subtract(credit) : credit.subtract(debit);
      rows.add(
          new Row(
              (String) r[1],
              (String) r[2],
              (String) r[3],
              normalBalance,
              currency,
              debit,
              credit,
              balance));
      BigDecimal[] sum =
          sums.computeIfAbsent(currency, c -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
      sum[0] = sum[0].add(debit);
      sum[1] = sum[1].add(credit);
    }
    List<Total> totals = new ArrayList<>();
    sums.forEach(
        (currency, sum) ->
            totals.add(new Total(currency, sum[0], sum[1], sum[0].compareTo(sum[1]) == 0)));
    return new Report(date, rows, totals);
  }
}
