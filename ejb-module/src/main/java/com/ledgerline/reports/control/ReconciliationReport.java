package com.ledgerline.reports.control;

import static com.ledgerline.reports.control.ReportTable.date;
import static com.ledgerline.reports.control.ReportTable.money;
import static com.ledgerline.reports.control.ReportTable.text;

import com.ledgerline.reconciliation.control.ReconciliationStore;
import com.ledgerline.reconciliation.control.ReconciliationStore.MonthRate;
import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
import com.ledgerline.shared.Rows;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The bank reconciliation report (issue 6): per registered bank account (one or all) and period, in
 * five sections:
 *
 * <ol>
 *   <li><b>Statements</b>: each statement of the account with a line booked in the period or a
 *       balance dated in it, its opening and closing balance as the bank gave them;
 *   <li><b>Matched lines</b>: each current match (not reversed by an unmatch) of lines booked in
 *       the period: the lines, the rule and score, the book items, the settlement entry and the fee
 *       posted to Merchant fees; subtotal per account;
 *   <li><b>Discrepancies</b> of the months the period touches, by class, each with its status and
 *       resolution (action, who, when, the entry it posted, the reason); subtotal per class;
 *   <li><b>Totals</b>: statement lines booked in the period, matched and unmatched (count and
 *       amount), the fees posted, and the discrepancy rate per month exactly as {@code GET
 *       /api/reconciliation/metrics} answers it ({@link ReconciliationStore#rates});
 *   <li><b>Book-to-bank proof</b> at the closing date of the account's last statement closing by
 *       {@code to}: the bank's closing balance, the general ledger account's balance at that date
 *       (entries in the account's currency), their difference, the reconciling items that explain
 *       it and what is left unexplained (0.00 when the books and the bank agree):
 *       <ul>
 *         <li>a statement line booked by then and not in a match whose lines and book items are all
 *             dated by then (open, closed as duplicate or timing, or matched later): + its amount;
 *         <li>a journal entry on the ledger account dated by then that no such match accounts for
 *             (a payment or refund not yet on the bank, another account's settlement, a manual
 *             entry): − its amount on the account (debit positive); a settlement and the unmatch
 *             reversing it, both dated by then, net to nothing and are left out;
 *         <li>the balance brought forward on the account's first statement, when not zero: + it.
 *       </ul>
 * </ol>
 *
 * Card batches the acquirer has not settled stay in Card clearing (1020), not in the bank account,
 * so they are no reconciling item of the proof; they show as discrepancies ({@code
 * MISSING_IN_BANK}, {@code TIMING}). Every sum is the database's (window sums); amounts as stored,
 * shown at the currency's scale by {@link Amounts}.
 */
public final class ReconciliationReport {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.UK);
  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  /** The date of a match item's book item: a card batch's day, a payment's, refund's or entry's. */
  private static final String ITEM_DATE =
      "case split_part(%1$s, ':', 1)"
          + " when 'CARD' then cast(split_part(%1$s, ':', 3) as date)"
          + " when 'PAY' then (select p.payment_date from pay_payment p"
          + "                   where p.payment_number = substr(%1$s, 5))"
          + " when 'RFD' then (select f.refund_date from pay_refund f"
          + "                   where f.refund_number = substr(%1$s, 5))"
          + " when 'JE' then (select j.posting_date from gl_journal_entry j"
          + "                  where j.entry_number = substr(%1$s, 4)) end";

  /**
   * A statement line's text as a person reads it: the remittance information (the SEPA purpose
   * {@code SVWZ+} of a structured MT940 :86: field when it has one), else the bank's text, else the
   * counterparty.
   */
  private static final String REMITTANCE =
      "regexp_replace(coalesce(l.remittance_info, l.description, l.counterparty, ''),"
          + " '^.*SVWZ\\+', '')";

  private static final String CURRENT_MATCH =
      " m.kind = 'MATCH' and not exists (select 1 from rec_match u where u.reverses_id = m.id)";

  private final EntityManager em;

  public ReconciliationReport(EntityManager em) {
    this.em = em;
  }

  private record Account(String id, String glCode, String glName, String currency) {}

  /**
   * The report.
   *
   * @param from first booking date of the period
   * @param to last booking date of the period, and the latest date of the proof
   * @param accountId one bank account as its statements name it; null = every registered one
   * @throws BusinessRuleViolation {@code UNKNOWN_BANK_ACCOUNT} (not registered for reconciliation),
   *     {@code REPORT_TOO_LARGE}
   */
  public ReportTable report(LocalDate from, LocalDate to, String accountId) {
    List<Account> accounts = new ArrayList<>();
    for (Object[] r :
        ReportQueries.rows(
            em.createNativeQuery(
                    "select b.account_id, b.gl_account_code, g.name, b.currency from"
                        + " rec_bank_account b join gl_account g on g.code = b.gl_account_code"
                        + " where ?1 = '' or b.account_id = ?1 order by b.account_id")
                .setParameter(1, accountId == null ? "" : accountId))) {
      accounts.add(new Account(str(r[0]), str(r[1]), str(r[2]), str(r[3]).strip()));
    }
    if (accountId != null && accounts.isEmpty()) {
      throw new BusinessRuleViolation(
          ErrorCode.UNKNOWN_BANK_ACCOUNT,
          "bank account " + accountId + " is not registered for reconciliation");
    }
    ReportTable table =
        new ReportTable(
            "reconciliation",
            "reconciliation-" + from + "-" + to,
            List.of(
                date("date"),
                text("reference"),
                text("description"),
                text("rule_or_class"),
                text("score_or_status"),
                text("book_items_or_resolution"),
                money("fee_or_difference"),
                money("amount")));
    List<MonthRate> rates = new ReconciliationStore(em).rates(from, to);
    List<String> labels = new ArrayList<>();
    List<String> values = new ArrayList<>();
    for (Account account : accounts) {
      String name =
          account.id()
              + " · "
              + account.glCode()
              + " "
              + account.glName()
              + " · "
              + account.currency();
      statements(table, account, name, from, to);
      matched(table, account, name, from, to);
      discrepancies(table, account, name, from, to);
      totals(table, account, name, from, to, rates, labels, values, accounts.size() == 1);
      proof(table, account, name, to, labels, values, accounts.size() == 1);
    }
    return table
        .header("TITLE", "BANK RECONCILIATION")
        .header(
            "SUBTITLE",
            "Period "
                + from
                + " to "
                + to
                + (accountId == null ? ", every registered bank account" : ", " + accountId))
        .header("FOOTER_LABELS", String.join("\n", labels))
        .header("FOOTER_VALUES", String.join("\n", values))
        .header(
            "NOTES",
            "Matched: statement lines in a match not reversed by an unmatch; unmatched: open, or"
                + " closed as a duplicate or timing difference. Fees: Merchant fees (6100) posted"
                + " with the settlements. Discrepancy rate per month as /api/reconciliation/metrics"
                + " counts it: discrepancies flagged in the month ÷ statement lines booked in it"
                + " (from the month's first day). Proof: bank balance less ledger balance, explained"
                + " by bank lines not yet in the books (+) and book entries not yet on the bank (−);"
                + " the unexplained difference is 0.00 when the books and the bank agree;"
                + " card batches awaiting settlement stay in Card clearing (1020), see the"
                + " discrepancies.");
  }

  private void statements(
      ReportTable table, Account account, String name, LocalDate from, LocalDate to) {
    String section = name + " · Statements";
    List<Object[]> rows =
        ReportQueries.rows(
            em.createNativeQuery(
                    """
                    select s.statement_id, s.sequence_number, s.opening_date, s.opening_balance,
                           s.closing_date, s.closing_balance, s.line_count, f.file_name,
                           (select min(l.booking_date) from rec_statement_line l
                             where l.statement_id = s.id),
                           (select count(*) from rec_statement_line l
                             where l.statement_id = s.id and l.booking_date between ?2 and ?3)
                      from rec_bank_statement s join rec_statement_file f on f.id = s.file_id
                     where s.account_id = ?1
                       and (exists (select 1 from rec_statement_line l where l.statement_id = s.id
                                      and l.booking_date between ?2 and ?3)
                            or s.opening_date between ?2 and ?3
                            or s.closing_date between ?2 and ?3)
                     order by coalesce(s.opening_date, (select min(l.booking_date)
                              from rec_statement_line l where l.statement_id = s.id)), s.id""")
                .setParameter(1, account.id())
                .setParameter(2, Date.valueOf(from))
                .setParameter(3, Date.valueOf(to)));
    if (rows.isEmpty()) {
      table.add(
          "DETAIL",
          section,
          account.currency(),
          null,
          "",
          "No statement of the period",
          "",
          "",
          "",
          null,
          null);
    }
    for (Object[] r : rows) {
      String reference = str(r[0]) + (str(r[1]).isEmpty() ? "" : " / " + str(r[1]));
      boolean balances = r[3] != null;
      table.add(
          "OPENING",
          section,
          account.currency(),
          balances ? day(r[2]) : day(r[8]),
          reference,
          (balances ? "Opening balance" : "Opening balance not given") + " · file " + str(r[7]),
          "",
          "",
          "",
          null,
          balances ? decimal(r[3]) : null);
      table.add(
          "CLOSING",
          section,
          account.currency(),
          day(r[4]),
          reference,
          (r[5] != null ? "Closing balance" : "Closing balance not given")
              + " · "
              + number(r[6])
              + " lines, "
              + number(r[9])
              + " booked in the period",
          "",
          "",
          "",
          null,
          r[5] == null ? null : decimal(r[5]));
    }
  }

  private void matched(
      ReportTable table, Account account, String name, LocalDate from, LocalDate to) {
    String section = name + " · Matched lines";
    List<Object[]> rows =
        ReportQueries.rows(
            em.createNativeQuery(
                    """
                    with cur_matches as (
                      select distinct m.id from rec_match m
                        join rec_match_item i on i.match_id = m.id
                        join rec_statement_line l on l.id = i.statement_line_id
                        join rec_bank_statement s on s.id = l.statement_id
                       where s.account_id = ?1 and l.booking_date between ?2 and ?3 and """
                        + CURRENT_MATCH
                        + """
                    )
                    select m.id, x.last_day, x.refs, x.texts, x.n, m.rule, m.score, y.items,
                           e.entry_number, m.fee_amount, m.statement_amount, m.book_amount,
                           sum(m.fee_amount) over (), sum(m.statement_amount) over (),
                           count(*) over (), sum(x.n) over ()
                      from cur_matches c join rec_match m on m.id = c.id
                      left join gl_journal_entry e on e.id = m.journal_entry_id
                      cross join lateral (
                        select max(l.booking_date) last_day,
                               string_agg(coalesce(l.end_to_end_id, l.bank_reference,
                                                   'line ' || l.id), ', '
                                          order by l.booking_date, l.id) refs,
                               string_agg("""
                        + REMITTANCE
                        + """
                               , '; '
                                          order by l.booking_date, l.id) texts,
                               count(*) n
                          from rec_match_item i join rec_statement_line l
                            on l.id = i.statement_line_id where i.match_id = m.id) x
                      cross join lateral (
                        select string_agg(i.book_item_key, ', ' order by i.id) items
                          from rec_match_item i
                         where i.match_id = m.id and i.book_item_key is not null) y
                     order by x.last_day, m.id""")
                .setParameter(1, account.id())
                .setParameter(2, Date.valueOf(from))
                .setParameter(3, Date.valueOf(to)));
    for (Object[] r : rows) {
      String items = str(r[7]);
      if (decimal(r[10]).add(decimal(r[9])).compareTo(decimal(r[11])) != 0) {
        items += " (books " + Amounts.print(decimal(r[11]), account.currency()) + ")";
      }
      table.add(
          "DETAIL",
          section,
          account.currency(),
          day(r[1]),
          str(r[2]),
          str(r[3]),
          str(r[5]),
          String.valueOf(number(r[6])),
          items + (r[8] == null ? "" : "\nentry " + str(r[8])),
          decimal(r[9]),
          decimal(r[10]));
    }
    Object[] last = rows.isEmpty() ? null : rows.get(rows.size() - 1);
    table.add(
        "SUBTOTAL",
        section,
        account.currency(),
        null,
        "",
        last == null
            ? "No line of the period is matched"
            : "Matched: " + number(last[14]) + " matches of " + number(last[15]) + " lines",
        "",
        "",
        "fees posted to Merchant fees",
        last == null ? BigDecimal.ZERO : decimal(last[12]),
        last == null ? BigDecimal.ZERO : decimal(last[13]));
  }

  private void discrepancies(
      ReportTable table, Account account, String name, LocalDate from, LocalDate to) {
    String section = name + " · Discrepancies";
    List<Object[]> rows =
        ReportQueries.rows(
            em.createNativeQuery(
                    "select d.id, d.class, coalesce(l.booking_date, "
                        + String.format(Locale.ROOT, ITEM_DATE, "d.book_item_key")
                        + """
                    , d.period), coalesce(l.end_to_end_id, l.bank_reference), d.statement_line_id,
                           d.book_item_key, d.explanation, r.action, r.reason, r.resolved_by,
                           r.resolved_at, e.entry_number, d.difference, d.amount,
                           count(*) over (partition by d.class),
                           count(*) filter (where r.id is null) over (partition by d.class),
                           sum(d.amount) over (partition by d.class),
                           count(*) over (), count(*) filter (where r.id is null) over (),
                           sum(d.difference) over (partition by d.class)
                      from rec_discrepancy d
                      left join rec_statement_line l on l.id = d.statement_line_id
                      left join rec_discrepancy_resolution r on r.discrepancy_id = d.id
                      left join gl_journal_entry e on e.id = r.journal_entry_id
                     where d.account_id = ?1 and d.period between ?2 and ?3
                     order by d.class, d.id""")
                .setParameter(1, account.id())
                .setParameter(2, Date.valueOf(from.withDayOfMonth(1)))
                .setParameter(3, Date.valueOf(to)));
    for (int i = 0; i < rows.size(); i++) {
      Object[] r = rows.get(i);
      String reference =
          "D"
              + number(r[0])
              + (r[4] != null ? " · line " + number(r[4]) : "")
              + (r[3] != null ? " " + str(r[3]) : "")
              + (r[5] != null ? " · " + str(r[5]) : "");
      String resolution =
          r[7] == null
              ? "awaiting finance"
              : str(r[7])
                  + " · "
                  + str(r[9])
                  + " · "
                  + time(r[10])
                  + (r[11] == null ? "" : " · entry " + str(r[11]))
                  + " · "
                  + str(r[8]);
      table.add(
          "DETAIL",
          section,
          account.currency(),
          day(r[2]),
          reference,
          str(r[6]),
          str(r[1]),
          r[7] == null ? "OPEN" : "RESOLVED",
          resolution,
          decimal(r[12]),
          decimal(r[13]));
      boolean lastOfClass = i == rows.size() - 1 || !str(rows.get(i + 1)[1]).equals(str(r[1]));
      if (lastOfClass) {
        table.add(
            "SUBTOTAL",
            section,
            account.currency(),
            null,
            "",
            str(r[1]) + ": " + number(r[14]) + " flagged, " + number(r[15]) + " open",
            str(r[1]),
            "",
            "",
            decimal(r[19]),
            decimal(r[16]));
      }
    }
    Object[] last = rows.isEmpty() ? null : rows.get(rows.size() - 1);
    subtotal(
        table,
        section,
        account.currency(),
        last == null
            ? "No discrepancy in " + months(from, to)
            : "Discrepancies of "
                + months(from, to)
                + ": "
                + number(last[17])
                + ", "
                + number(last[18])
                + " open",
        null,
        null);
  }

  private void totals(
      ReportTable table,
      Account account,
      String name,
      LocalDate from,
      LocalDate to,
      List<MonthRate> rates,
      List<String> labels,
      List<String> values,
      boolean footer) {
    String section = name + " · Totals";
    String currency = account.currency();
    Object[] t =
        ReportQueries.rows(
                em.createNativeQuery(
                        """
                        with lines as (
                          select l.amount, exists (
                                   select 1 from rec_match_item i join rec_match m
                                     on m.id = i.match_id
                                    where i.statement_line_id = l.id and """
                            + CURRENT_MATCH
                            + """
                                 ) matched
                            from rec_statement_line l
                            join rec_bank_statement s on s.id = l.statement_id
                           where s.account_id = ?1 and l.booking_date between ?2 and ?3)
                        select count(*), coalesce(sum(amount), 0),
                               count(*) filter (where matched),
                               coalesce(sum(amount) filter (where matched), 0),
                               count(*) filter (where not matched),
                               coalesce(sum(amount) filter (where not matched), 0),
                               (select coalesce(sum(m.fee_amount), 0) from rec_match m
                                 where """
                            + CURRENT_MATCH
                            + """
                                   and exists (select 1 from rec_match_item i
                                         join rec_statement_line l on l.id = i.statement_line_id
                                         join rec_bank_statement s on s.id = l.statement_id
                                        where i.match_id = m.id and s.account_id = ?1
                                          and l.booking_date between ?2 and ?3))
                          from lines""")
                    .setParameter(1, account.id())
                    .setParameter(2, Date.valueOf(from))
                    .setParameter(3, Date.valueOf(to)))
            .get(0);
    subtotal(
        table,
        section,
        currency,
        "Statement lines booked " + from + " to " + to + ": " + number(t[0]),
        null,
        decimal(t[1]));
    subtotal(table, section, currency, "Matched: " + number(t[2]) + " lines", null, decimal(t[3]));
    subtotal(
        table, section, currency, "Unmatched: " + number(t[4]) + " lines", null, decimal(t[5]));
    subtotal(
        table,
        section,
        currency,
        "Settlement fees posted to Merchant fees (6100)",
        decimal(t[6]),
        null);
    for (MonthRate rate : rates) {
      if (!rate.accountId().equals(account.id())) {
        continue;
      }
      table.add(
          "SUBTOTAL",
          section,
          currency,
          null,
          "",
          "Discrepancy rate "
              + rate.period()
              + ": "
              + rate.flagged()
              + " flagged ÷ "
              + rate.statementLines()
              + " statement lines = "
              + rate.rate().movePointRight(2).setScale(2, RoundingMode.UNNECESSARY)
              + " %",
          "rate",
          rate.rate().toPlainString(),
          "",
          null,
          null);
      if (footer) {
        labels.add("Discrepancy rate " + rate.period());
        values.add(
            rate.rate().toPlainString()
                + " ("
                + rate.rate().movePointRight(2).setScale(2, RoundingMode.UNNECESSARY)
                + " %)");
      }
    }
    if (footer) {
      labels.addAll(List.of("Matched " + currency, "Unmatched " + currency, "Fees " + currency));
      values.addAll(
          List.of(
              Amounts.print(decimal(t[3]), currency),
              Amounts.print(decimal(t[5]), currency),
              Amounts.print(decimal(t[6]), currency)));
    }
  }

  private void proof(
      ReportTable table,
      Account account,
      String name,
      LocalDate to,
      List<String> labels,
      List<String> values,
      boolean footer) {
    String currency = account.currency();
    List<Object[]> closing =
        ReportQueries.rows(
            em.createNativeQuery(
                    "select closing_date, closing_balance, statement_id from rec_bank_statement"
                        + " where account_id = ?1 and closing_date <= ?2 order by closing_date"
                        + " desc, id desc")
                .setParameter(1, account.id())
                .setParameter(2, Date.valueOf(to)));
    if (closing.isEmpty()) {
      table.add(
          "DETAIL",
          name + " · Book-to-bank proof",
          currency,
          null,
          "",
          "No statement of the account gives a closing balance by " + to + ": no proof",
          "",
          "",
          "",
          null,
          null);
      return;
    }
    LocalDate at = day(closing.get(0)[0]);
    String section = name + " · Book-to-bank proof at " + at;
    BigDecimal bank = decimal(closing.get(0)[1]);
    BigDecimal ledger =
        decimal(
            ReportQueries.rows(
                    em.createNativeQuery(
                            "select coalesce(sum(l.debit - l.credit), 0) from gl_journal_line l"
                                + " join gl_journal_entry e on e.id = l.journal_entry_id where"
                                + " l.account_code = ?1 and e.currency = ?2 and e.posting_date <="
                                + " ?3")
                        .setParameter(1, account.glCode())
                        .setParameter(2, currency)
                        .setParameter(3, Date.valueOf(at)))
                .get(0)[0]);
    BigDecimal difference = bank.subtract(ledger);
    table.add(
        "OPENING",
        section,
        currency,
        at,
        str(closing.get(0)[2]),
        "Balance per bank statement",
        "",
        "",
        "",
        null,
        bank);
    table.add(
        "OPENING",
        section,
        currency,
        at,
        account.glCode(),
        "Balance per ledger account " + account.glCode() + " " + account.glName(),
        "",
        "",
        "",
        null,
        ledger);
    table.add(
        "SUBTOTAL",
        section,
        currency,
        at,
        "",
        "Difference, bank − ledger",
        "",
        "",
        "",
        null,
        difference);
    BigDecimal explained = BigDecimal.ZERO;

    List<Object[]> first =
        ReportQueries.rows(
            em.createNativeQuery(
                    "select opening_date, opening_balance, statement_id from rec_bank_statement"
                        + " where account_id = ?1 and opening_date is not null order by"
                        + " opening_date, id")
                .setParameter(1, account.id()));
    if (!first.isEmpty() && decimal(first.get(0)[1]).signum() != 0) {
      BigDecimal broughtForward = decimal(first.get(0)[1]);
      explained = explained.add(broughtForward);
      table.add(
          "DETAIL",
          section,
          currency,
          day(first.get(0)[0]),
          str(first.get(0)[2]),
          "Balance brought forward on the first statement imported (before any line the books"
              + " can match)",
          "brought forward",
          "",
          "",
          null,
          broughtForward);
    }

    String effective =
        """
        with acct_lines as (
          select l.id, l.booking_date from rec_statement_line l
            join rec_bank_statement s on s.id = l.statement_id where s.account_id = ?1),
        cur_matches as (
          select m.id, m.journal_entry_id from rec_match m where """
            + CURRENT_MATCH
            + """
             and exists (select 1 from rec_match_item i join acct_lines a
                          on a.id = i.statement_line_id where i.match_id = m.id)),
        dated as (
          select i.match_id, i.statement_line_id, i.book_item_key,
                 coalesce(a.booking_date, """
            + String.format(Locale.ROOT, ITEM_DATE, "i.book_item_key")
            + """
                 ) item_day
            from rec_match_item i join cur_matches c on c.id = i.match_id
            left join acct_lines a on a.id = i.statement_line_id),
        effective as (
          select c.id, c.journal_entry_id from cur_matches c
           where not exists (select 1 from dated d where d.match_id = c.id
                              and (d.item_day is null or d.item_day > ?2))),
        effective_items as (
          select d.* from dated d join effective f on f.id = d.match_id)
        """;
    List<Object[]> lines =
        ReportQueries.rows(
            em.createNativeQuery(
                    effective
                        + """
                        select l.id, l.booking_date, coalesce(l.end_to_end_id, l.bank_reference),
                        """
                        + REMITTANCE
                        + """
                               , l.amount, dc.id, dc.class, dc.action, sum(l.amount) over (),
                               count(*) over ()
                          from rec_statement_line l
                          join rec_bank_statement s on s.id = l.statement_id
                          left join lateral (
                            select d.id, d.class, r.action from rec_discrepancy d
                              left join rec_discrepancy_resolution r on r.discrepancy_id = d.id
                             where d.statement_line_id = l.id order by d.id desc limit 1) dc
                            on true
                         where s.account_id = ?1 and l.booking_date <= ?2
                           and not exists (select 1 from effective_items e
                                            where e.statement_line_id = l.id)
                         order by l.booking_date, l.id""")
                .setParameter(1, account.id())
                .setParameter(2, Date.valueOf(at)));
    for (Object[] r : lines) {
      BigDecimal amount = decimal(r[4]);
      table.add(
          "DETAIL",
          section,
          currency,
          day(r[1]),
          "line " + number(r[0]) + (r[2] == null ? "" : " " + str(r[2])),
          (amount.signum() < 0 ? "Bank debit" : "Bank credit") + " not in the books: " + str(r[3]),
          r[6] == null ? "not flagged" : str(r[6]),
          r[5] == null ? "" : r[7] == null ? "OPEN" : "RESOLVED",
          r[5] == null
              ? ""
              : "D" + number(r[5]) + " " + (r[7] == null ? "awaiting finance" : str(r[7])),
          null,
          amount);
    }
    BigDecimal unrecorded = lines.isEmpty() ? BigDecimal.ZERO : decimal(lines.get(0)[8]);
    explained = explained.add(unrecorded);
    subtotal(
        table, section, currency, "Bank lines not in the books: " + lines.size(), null, unrecorded);

    List<Object[]> entries =
        ReportQueries.rows(
            em.createNativeQuery(
                    effective
                        + """
                        , reconciled as (
                          select journal_entry_id id from effective
                           where journal_entry_id is not null
                          union
                          select e.id from effective_items i join gl_journal_entry e
                            on e.document_type = 'PAYMENT'
                           and e.document_number = substr(i.book_item_key, 5)
                           and e.reverses_id is null
                           where i.book_item_key like 'PAY:%'
                          union
                          select e.id from effective_items i join gl_journal_entry e
                            on e.document_type = 'REFUND'
                           and e.document_number = substr(i.book_item_key, 5)
                           and e.reverses_id is null
                           where i.book_item_key like 'RFD:%'
                          union
                          select e.id from effective_items i join gl_journal_entry e
                            on e.entry_number = substr(i.book_item_key, 4)
                           where i.book_item_key like 'JE:%'),
                        reversed_pairs as (
                          select m.journal_entry_id id from rec_match m
                            join rec_match u on u.reverses_id = m.id
                            join gl_journal_entry em on em.id = m.journal_entry_id
                            join gl_journal_entry eu on eu.id = u.journal_entry_id
                           where em.posting_date <= ?2 and eu.posting_date <= ?2
                          union
                          select u.journal_entry_id from rec_match m
                            join rec_match u on u.reverses_id = m.id
                            join gl_journal_entry em on em.id = m.journal_entry_id
                            join gl_journal_entry eu on eu.id = u.journal_entry_id
                           where em.posting_date <= ?2 and eu.posting_date <= ?2)
                        select e.posting_date, e.entry_number, e.document_type,
                               e.document_number, e.description, sum(l.debit - l.credit),
                               sum(sum(l.debit - l.credit)) over (), count(*) over ()
                          from gl_journal_line l join gl_journal_entry e
                            on e.id = l.journal_entry_id
                         where l.account_code = ?3 and e.currency = ?4 and e.posting_date <= ?2
                           and e.id not in (select id from reconciled)
                           and e.id not in (select id from reversed_pairs)
                         group by e.id, e.posting_date, e.entry_number, e.document_type,
                                  e.document_number, e.description
                        having sum(l.debit - l.credit) <> 0
                         order by e.posting_date, e.id""")
                .setParameter(1, account.id())
                .setParameter(2, Date.valueOf(at))
                .setParameter(3, account.glCode())
                .setParameter(4, currency));
    for (Object[] r : entries) {
      table.add(
          "DETAIL",
          section,
          currency,
          day(r[0]),
          str(r[1]),
          "In the books, not on the bank statement: " + str(r[4]),
          str(r[2]),
          "",
          str(r[2]) + " " + str(r[3]),
          null,
          decimal(r[5]).negate());
    }
    BigDecimal outstanding =
        entries.isEmpty() ? BigDecimal.ZERO : decimal(entries.get(0)[6]).negate();
    explained = explained.add(outstanding);
    subtotal(
        table,
        section,
        currency,
        "Book entries not on the bank statement: " + entries.size(),
        null,
        outstanding);
    BigDecimal unexplained = difference.subtract(explained);
    table.add(
        "TOTAL",
        section,
        currency,
        at,
        "",
        "Unexplained difference",
        "",
        "",
        "",
        null,
        unexplained);
    if (footer) {
      labels.addAll(List.of("Bank " + at, "Ledger " + account.glCode() + " " + at, "Unexplained"));
      values.addAll(
          List.of(
              Amounts.print(bank, currency),
              Amounts.print(ledger, currency),
              Amounts.print(unexplained, currency)));
    }
  }

  private static String months(LocalDate from, LocalDate to) {
    String first = from.toString().substring(0, 7);
    String last = to.toString().substring(0, 7);
    return first.equals(last) ? first : first + " to " + last;
  }

  private static String time(Object value) {
    if (value == null) {
      return "";
    }
    return Rows.timestamp(value).atZoneSameInstant(LONDON).format(STAMP);
  }

  private static String str(Object value) {
    return value == null ? "" : value.toString();
  }

  private static long number(Object value) {
    return Rows.longValue(value);
  }

  /** A numeric column; a null sum is zero. */
  private static BigDecimal decimal(Object value) {
    return value == null ? BigDecimal.ZERO : Rows.decimal(value);
  }

  private static LocalDate day(Object value) {
    return Rows.date(value);
  }

  /**
   * A subtotal row of a bank account's section: its text in the description column, a fee and an
   * amount (either may be null).
   */
  private static void subtotal(
      ReportTable table,
      String section,
      String currency,
      String text,
      BigDecimal fee,
      BigDecimal amount) {
    table.add("SUBTOTAL", section, currency, null, "", text, "", "", "", fee, amount);
  }
}
