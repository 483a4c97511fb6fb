package com.ledgerline.reconciliation.control;

import com.ledgerline.ledger.control.Accounts;
import com.ledgerline.reconciliation.control.MatchingEngine.BankLine;
import com.ledgerline.reconciliation.control.MatchingEngine.BookItem;
import com.ledgerline.reconciliation.control.MatchingEngine.Kind;
import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
import com.ledgerline.shared.Rows;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and writes the reconciliation's rows (V0081) in the caller's transaction, and finds the
 * book items that should appear on a bank account:
 *
 * <ul>
 *   <li>{@code PAY:<number>}: a posted (not reversed) payment whose tender posts to the account's
 *       general ledger account (bank transfer → 1010), amount positive;
 *   <li>{@code RFD:<number>}: a refund paid from it, amount negative;
 *   <li>{@code CARD:<currency>:<day>} (only for the account marked {@code card_settlements}): the
 *       day's Card clearing (1020) movements other than reconciliation entries (card payments net
 *       of card refunds and reversals), the batch's gross.
 * </ul>
 *
 * Open = not matched net of unmatches and not closed by a resolution that left it unmatched ({@code
 * MARK_DUPLICATE}, {@code ACCEPT_TIMING}).
 */
public final class ReconciliationStore {
  /** The journal entries' document type: settlements, resolutions and their reversals. */
  public static final String DOCUMENT_TYPE = "BANK_RECONCILIATION";

  /** Serialises the reconciliation's writes (runs, resolutions, unmatches). */
  private static final long LOCK_KEY = 6_000_006L;

  private static final String MATCHED_LINES =
      "select statement_line_id from rec_match_item where statement_line_id is not null group by"
          + " statement_line_id having count(*) filter (where kind = 'MATCH') > count(*) filter"
          + " (where kind = 'UNMATCH')";
  private static final String MATCHED_ITEMS =
      "select book_item_key from rec_match_item where book_item_key is not null group by"
          + " book_item_key having count(*) filter (where kind = 'MATCH') > count(*) filter (where"
          + " kind = 'UNMATCH')";
  private static final String CLOSED =
      " from rec_discrepancy d join rec_discrepancy_resolution r on r.discrepancy_id = d.id"
          + " where r.action in ('MARK_DUPLICATE', 'ACCEPT_TIMING')";

  private final EntityManager em;

  public ReconciliationStore(EntityManager em) {
    this.em = em;
  }

  /** A registered bank account. */
  public record Account(
      String accountId, String glAccountCode, String currency, boolean cardSettlements) {}

  /** An open discrepancy as the run compares it. */
  public record OpenDiscrepancy(long id, String discrepancyClass, Long lineId, String itemKey) {}

  /** Takes the reconciliation's transaction-scoped lock. */
  public void lock() {
    em.createNativeQuery("select pg_advisory_xact_lock(" + LOCK_KEY + ")").getSingleResult();
  }

  public List<Account> accounts() {
    List<Account> accounts = new ArrayList<>();
    for (Object o :
        em.createNativeQuery(
                "select account_id, gl_account_code, currency, card_settlements from"
                    + " rec_bank_account order by account_id")
            .getResultList()) {
      Object[] r = (Object[]) o;
      accounts.add(
          new Account((String) r[0], (String) r[1], ((String) r[2]).trim(), (Boolean) r[3]));
    }
    return accounts;
  }

  public Optional<Account> account(String accountId) {
    return accounts().stream().filter(a -> a.accountId().equals(accountId)).findFirst();
  }

  /**
   * The days the account's statements cover: from the earliest opening balance date or booking day
   * to the latest closing balance date or booking day; empty without statements.
   */
  public Optional<LocalDate[]> coverage(String accountId) {
    Object[] r =
        (Object[])
            em.createNativeQuery(
                    "select min(least(s.opening_date, l.first_day)), max(greatest(s.closing_date,"
                        + " l.last_day)) from rec_bank_statement s left join (select statement_id,"
                        + " min(booking_date) first_day, max(booking_date) last_day from"
                        + " rec_statement_line group by statement_id) l on l.statement_id = s.id"
                        + " where s.account_id = ?1")
                .setParameter(1, accountId)
                .getSingleResult();
    return r[0] == null ? Optional.empty() : Optional.of(new LocalDate[] {date(r[0]), date(r[1])});
  }

  /** The account's lines: open ones when {@code open}, the others otherwise. */
  public List<BankLine> lines(String accountId, boolean open) {
    String condition =
        open
            ? " and l.id not in ("
                + MATCHED_LINES
                + ") and l.id not in (select d.statement_line_id"
                + CLOSED
                + " and d.statement_line_id is not null)"
            : " and (l.id in ("
                + MATCHED_LINES
                + ") or l.id in (select d.statement_line_id"
                + CLOSED
                + " and d.statement_line_id is not null))";
    List<BankLine> lines = new ArrayList<>();
    for (Object o :
        em.createNativeQuery(
                "select l.id, l.booking_date, l.amount, l.currency, l.end_to_end_id,"
                    + " l.bank_reference, l.remittance_info from rec_statement_line l join"
                    + " rec_bank_statement s on s.id = l.statement_id where s.account_id = ?1"
                    + condition
                    + " order by l.booking_date, l.id")
            .setParameter(1, accountId)
            .getResultList()) {
      Object[] r = (Object[]) o;
      lines.add(
          new BankLine(
              ((Number) r[0]).longValue(),
              date(r[1]),
              (BigDecimal) r[2],
              ((String) r[3]).trim(),
              (String) r[4],
              (String) r[5],
              (String) r[6]));
    }
    return lines;
  }

  /** The open book items of the account dated {@code from} to {@code to}. */
  public List<BookItem> openItems(Account account, LocalDate from, LocalDate to) {
    List<BookItem> items = new ArrayList<>();
    items.addAll(bankItems(account, from, to, null));
    if (account.cardSettlements()) {
      items.addAll(cardBatches(account.currency(), from, to, null));
    }
    Set<String> closed = new HashSet<>();
    for (Object key :
        em.createNativeQuery(
                "select book_item_key from ("
                    + MATCHED_ITEMS
                    + ") m union select d.book_item_key"
                    + CLOSED
                    + " and d.book_item_key is not null")
            .getResultList()) {
      closed.add((String) key);
    }
    items.removeIf(i -> closed.contains(i.key()));
    return items;
  }

  /**
   * One book item by key, matched or not, when the account would offer it.
   *
   * @throws BusinessRuleViolation {@code UNKNOWN_BOOK_ITEM}
   */
  public BookItem item(Account account, String key) {
    String[] parts = key == null ? new String[0] : key.split(":", 3);
    List<BookItem> found = List.of();
    try {
      if (parts.length == 2 && (parts[0].equals("PAY") || parts[0].equals("RFD"))) {
        found = bankItems(account, null, null, key);
      } else if (parts.length == 3 && parts[0].equals("CARD") && account.cardSettlements()) {
        LocalDate day = LocalDate.parse(parts[2]);
        found =
            parts[1].equals(account.currency())
                ? cardBatches(account.currency(), day, day, null)
                : List.of();
      }
    } catch (java.time.format.DateTimeParseException e) {
      found = List.of();
    }
    if (found.isEmpty()) {
      throw new BusinessRuleViolation(
          ErrorCode.UNKNOWN_BOOK_ITEM,
          "no book item " + key + " on bank account " + account.accountId());
    }
    return found.get(0);
  }

  private List<BookItem> bankItems(Account account, LocalDate from, LocalDate to, String key) {
    String range =
        key == null ? " and %1$s between cast(?2 as date) and cast(?3 as date)" : " and %2$s = ?2";
    List<BookItem> items = new ArrayList<>();
    var payments =
        em.createNativeQuery(
                "select p.payment_number, p.payment_date, p.amount, s.sale_number, p.reference"
                    + " from pay_payment p join sal_sale s on s.id = p.sale_id where"
                    + " p.account_code = ?1 and p.currency = ?4 and p.status = 'POSTED'"
                    + String.format(
                        Locale.ROOT, range, "p.payment_date", "'PAY:' || p.payment_number"))
            .setParameter(1, account.glAccountCode())
            .setParameter(4, account.currency());
    var refunds =
        em.createNativeQuery(
                "select f.refund_number, f.refund_date, -f.amount, s.sale_number, f.reference"
                    + " from pay_refund f left join sal_sale s on s.id = f.sale_id where"
                    + " f.account_code = ?1 and f.currency = ?4"
                    + String.format(
                        Locale.ROOT, range, "f.refund_date", "'RFD:' || f.refund_number"))
            .setParameter(1, account.glAccountCode())
            .setParameter(4, account.currency());
    if (key == null) {
      payments
          .setParameter(2, java.sql.Date.valueOf(from))
          .setParameter(3, java.sql.Date.valueOf(to));
      refunds
          .setParameter(2, java.sql.Date.valueOf(from))
          .setParameter(3, java.sql.Date.valueOf(to));
    } else {
      payments.setParameter(2, key);
      refunds.setParameter(2, key);
    }
    for (Object o : payments.getResultList()) {
      items.add(bankItem("PAY:", Kind.BANK_PAYMENT, (Object[]) o, account.currency()));
    }
    for (Object o : refunds.getResultList()) {
      items.add(bankItem("RFD:", Kind.BANK_REFUND, (Object[]) o, account.currency()));
    }
    return items;
  }

  private static BookItem bankItem(String prefix, Kind kind, Object[] r, String currency) {
    Set<String> references = new LinkedHashSet<>();
    references.add(((String) r[0]).toUpperCase(Locale.ROOT));
    if (r[3] != null) {
      references.add(((String) r[3]).toUpperCase(Locale.ROOT));
    }
    if (r[4] != null) {
      // a client's own reference counts when it is long enough not to occur by chance
      for (String token : MatchingEngine.tokens((String) r[4])) {
        if (token.length() >= 6) {
          references.add(token);
        }
      }
    }
    return new BookItem(
        prefix + r[0], kind, date(r[1]), (BigDecimal) r[2], currency, Set.copyOf(references));
  }

  private List<BookItem> cardBatches(String currency, LocalDate from, LocalDate to, String key) {
    List<BookItem> items = new ArrayList<>();
    for (Object o :
        em.createNativeQuery(
                "select e.posting_date, sum(l.debit - l.credit) from gl_journal_line l join"
                    + " gl_journal_entry e on e.id = l.journal_entry_id where l.account_code = ?1"
                    + " and e.currency = ?2 and e.document_type <> ?3 and e.posting_date between"
                    + " cast(?4 as date) and cast(?5 as date) group by e.posting_date having"
                    + " sum(l.debit - l.credit) <> 0 order by e.posting_date")
            .setParameter(1, Accounts.CARD_CLEARING)
            .setParameter(2, currency)
            .setParameter(3, DOCUMENT_TYPE)
            .setParameter(4, java.sql.Date.valueOf(from))
            .setParameter(5, java.sql.Date.valueOf(to))
            .getResultList()) {
      Object[] r = (Object[]) o;
      LocalDate day = date(r[0]);
      items.add(
          new BookItem(
              "CARD:" + currency + ":" + day,
              Kind.CARD_BATCH,
              day,
              ((BigDecimal) r[1]).setScale(2, java.math.RoundingMode.UNNECESSARY),
              currency,
              Set.of()));
    }
    return items;
  }

  /** The open discrepancies touching the account. */
  public List<OpenDiscrepancy> openDiscrepancies(String accountId) {
    List<OpenDiscrepancy> open = new ArrayList<>();
    for (Object o :
        em.createNativeQuery(
                "select d.id, d.class, d.statement_line_id, d.book_item_key from rec_discrepancy d"
                    + " where d.account_id = ?1 and not exists (select 1 from"
                    + " rec_discrepancy_resolution r where r.discrepancy_id = d.id) order by d.id")
            .setParameter(1, accountId)
            .getResultList()) {
      Object[] r = (Object[]) o;
      open.add(
          new OpenDiscrepancy(
              ((Number) r[0]).longValue(),
              (String) r[1],
              r[2] == null ? null : ((Number) r[2]).longValue(),
              (String) r[3]));
    }
    return open;
  }

  /**
   * The discrepancy rate of a bank account in a month (DESIGN.md 9).
   *
   * @param rate {@code flagged} ÷ {@code statementLines}, half-up to 4 decimals; 0.0000 without
   *     lines
   */
  public record MonthRate(
      String accountId, YearMonth period, long statementLines, long flagged, BigDecimal rate) {}

  /**
   * The discrepancy rate per registered bank account and month from {@code from} to {@code to} (the
   * months they touch, lines counted from the first day of {@code from}'s month): the discrepancies
   * flagged in the month (one a later run reclassified counts once, as its new class) ÷ the
   * account's statement lines booked in it. The one definition behind {@code GET
   * /api/reconciliation/metrics} and the reconciliation report; by account, then month.
   */
  public List<MonthRate> rates(LocalDate from, LocalDate to) {
    java.sql.Date first = java.sql.Date.valueOf(from.withDayOfMonth(1));
    java.sql.Date last = java.sql.Date.valueOf(to);
    List<MonthRate> rates = new ArrayList<>();
    for (Object o :
        em.createNativeQuery(
                "with lines as (select s.account_id, date_trunc('month', l.booking_date)::date"
                    + " period, count(*) n from rec_statement_line l join rec_bank_statement s on"
                    + " s.id = l.statement_id join rec_bank_account a on a.account_id ="
                    + " s.account_id where l.booking_date between ?1 and ?2 group by 1, 2), flags"
                    + " as (select d.account_id, d.period, count(*) n from rec_discrepancy d left"
                    + " join rec_discrepancy_resolution r on r.discrepancy_id = d.id where"
                    + " d.period between ?1 and ?2 and (r.action is null or r.action <>"
                    + " 'RECLASSIFIED') group by 1, 2) select coalesce(l.account_id,"
                    + " f.account_id), coalesce(l.period, f.period), coalesce(l.n, 0),"
                    + " coalesce(f.n, 0) from lines l full join flags f on f.account_id ="
                    + " l.account_id and f.period = l.period order by 1, 2")
            .setParameter(1, first)
            .setParameter(2, last)
            .getResultList()) {
      Object[] r = (Object[]) o;
      long lines = ((Number) r[2]).longValue();
      long flagged = ((Number) r[3]).longValue();
      rates.add(
          new MonthRate(
              (String) r[0],
              YearMonth.from(date(r[1])),
              lines,
              flagged,
              lines == 0
                  ? BigDecimal.ZERO.setScale(4)
                  : BigDecimal.valueOf(flagged)
                      .divide(BigDecimal.valueOf(lines), 4, java.math.RoundingMode.HALF_UP)));
    }
    return rates;
  }

  /** How many times the line (or item) was unmatched: the generation of its next match. */
  public int generation(Long lineId, String itemKey) {
    Number n =
        lineId != null
            ? (Number)
                em.createNativeQuery(
                        "select count(*) from rec_match_item where statement_line_id = ?1 and kind"
                            + " = 'UNMATCH'")
                    .setParameter(1, lineId)
                    .getSingleResult()
            : (Number)
                em.createNativeQuery(
                        "select count(*) from rec_match_item where book_item_key = ?1 and kind ="
                            + " 'UNMATCH'")
                    .setParameter(1, itemKey)
                    .getSingleResult();
    return n.intValue();
  }

  /** Whether the line is matched now (net of unmatches). */
  public boolean lineMatched(long lineId) {
    return !em.createNativeQuery(
            MATCHED_LINES.replace("group by", "and statement_line_id = ?1 group by"))
        .setParameter(1, lineId)
        .getResultList()
        .isEmpty();
  }

  /** Whether the book item is matched now (net of unmatches). */
  public boolean itemMatched(String key) {
    return !em.createNativeQuery(
            MATCHED_ITEMS.replace("group by", "and book_item_key = ?1 group by"))
        .setParameter(1, key)
        .getResultList()
        .isEmpty();
  }

  public long nextId(String sequence) {
    return ((Number) em.createNativeQuery("select nextval('" + sequence + "')").getSingleResult())
        .longValue();
  }

  public static LocalDate date(Object value) {
    return Rows.date(value);
  }

  public static OffsetDateTime time(Object value) {
    return Rows.timestamp(value);
  }
}
