package com.ledgerline.reconciliation.boundary;

import static com.ledgerline.shared.Jsonp.JSON;

import com.ledgerline.audit.control.AuditTrail;
import com.ledgerline.ledger.control.AccountingPeriods;
import com.ledgerline.ledger.control.Accounts;
import com.ledgerline.ledger.control.Journal;
import com.ledgerline.ledger.entity.JournalEntry;
import com.ledgerline.platform.messaging.OutboundEvents;
import com.ledgerline.reconciliation.boundary.ReconciliationViews.BankAccount;
import com.ledgerline.reconciliation.boundary.ReconciliationViews.Discrepancy;
import com.ledgerline.reconciliation.boundary.ReconciliationViews.DiscrepancyPage;
import com.ledgerline.reconciliation.boundary.ReconciliationViews.Match;
import com.ledgerline.reconciliation.boundary.ReconciliationViews.MatchItem;
import com.ledgerline.reconciliation.boundary.ReconciliationViews.Rate;
import com.ledgerline.reconciliation.boundary.ReconciliationViews.Resolution;
import com.ledgerline.reconciliation.boundary.ReconciliationViews.Run;
import com.ledgerline.reconciliation.control.MatchingEngine;
import com.ledgerline.reconciliation.control.MatchingEngine.BankLine;
import com.ledgerline.reconciliation.control.MatchingEngine.BookItem;
import com.ledgerline.reconciliation.control.MatchingEngine.Kind;
import com.ledgerline.reconciliation.control.MatchingEngine.Outcome;
import com.ledgerline.reconciliation.control.MatchingEngine.Rules;
import com.ledgerline.reconciliation.control.ReconciliationMetrics;
import com.ledgerline.reconciliation.control.ReconciliationStore;
import com.ledgerline.reconciliation.control.ReconciliationStore.Account;
import com.ledgerline.reconciliation.control.ReconciliationStore.OpenDiscrepancy;
import com.ledgerline.security.Roles;
import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.DocumentNumbers;
import com.ledgerline.shared.ErrorCode;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Bank reconciliation (issue 6): bank accounts registered for it, matching runs, matches and
 * unmatches, the discrepancy queue and its resolutions, and the discrepancy rate. Every write takes
 * the reconciliation's lock first (runs, resolutions and unmatches happen one at a time), so a
 * statement line and a book item are matched at most once by rule as well as by the database.
 *
 * <p>A match of a card batch posts the settlement, one journal entry (DESIGN.md 5 "card
 * settlement"): Dr Bank (the lines, net) and Dr Merchant fees (the fee) / Cr Card clearing (the
 * batch's gross), document type {@code BANK_RECONCILIATION}, number {@code REC-M<match id>}, dated
 * on the (last) line's booking day. A match of bank payments or refunds posts nothing: the payment
 * moved Bank already. Every new discrepancy is announced as {@code reconciliation.discrepancy}
 * ({@code status} OPEN) in the same transaction, and every resolution again (RESOLVED), with an
 * audit record.
 *
 * <p>Rules are configured with MicroProfile Config ({@code ledgerline.reconciliation.*}: {@code
 * window-business-days} 3, {@code fee-percent} 1.4, {@code fee-fixed} 0.20, {@code
 * fee-tolerance-percent} 3, {@code fee-tolerance-fixed} 0.20, {@code rounding-tolerance} 0.05,
 * {@code pairing-percent} 10); see {@link MatchingEngine}.
 */
@Stateless
@RolesAllowed({Roles.FINANCE, Roles.ADMIN, Roles.AUDITOR})
public class Reconciliation {
  /** The audit trail's document types. */
  public static final String RUN_DOCUMENT = "RECONCILIATION_RUN";

  public static final String DISCREPANCY_DOCUMENT = "RECONCILIATION_DISCREPANCY";
  public static final String MATCH_DOCUMENT = "RECONCILIATION_MATCH";

  /** The most discrepancies one page answers. */
  public static final int MAX_PAGE = 500;

  /** What finance may do with a discrepancy. */
  public enum Action {
    POST_BANK_CHARGE,
    POST_ROUNDING,
    RECORD_RECEIPT,
    MATCH_MANUALLY,
    MARK_DUPLICATE,
    ACCEPT_TIMING
  }

  private static final Map<String, Set<Action>> ALLOWED =
      Map.of(
          "FEE", EnumSet.of(Action.POST_BANK_CHARGE, Action.MATCH_MANUALLY),
          "ROUNDING", EnumSet.of(Action.POST_ROUNDING, Action.MATCH_MANUALLY),
          "AMOUNT",
              EnumSet.of(Action.POST_BANK_CHARGE, Action.RECORD_RECEIPT, Action.MATCH_MANUALLY),
          "MISSING_IN_BOOKS",
              EnumSet.of(
                  Action.RECORD_RECEIPT,
                  Action.POST_BANK_CHARGE,
                  Action.POST_ROUNDING,
                  Action.MATCH_MANUALLY),
          "TIMING",
              EnumSet.of(
                  Action.ACCEPT_TIMING,
                  Action.MATCH_MANUALLY,
                  Action.RECORD_RECEIPT,
                  Action.POST_BANK_CHARGE),
          "MISSING_IN_BANK", EnumSet.of(Action.ACCEPT_TIMING, Action.MATCH_MANUALLY),
          "DUPLICATE", EnumSet.of(Action.MARK_DUPLICATE));

  @PersistenceContext private EntityManager em;
  @Resource private SessionContext session;
  @Inject private OutboundEvents events;
  @Inject private ReconciliationMetrics metrics;
  @Resource private TransactionSynchronizationRegistry transactions;

  /** The configured matching rules. */
  public static Rules rules() {
    Config config = ConfigProvider.getConfig();
    Rules d = Rules.defaults();
    return new Rules(
        config
            .getOptionalValue("ledgerline.reconciliation.window-business-days", Integer.class)
            .orElse(d.windowBusinessDays()),
        decimal(config, "fee-percent", d.feePercent()),
        decimal(config, "fee-fixed", d.feeFixed()),
        decimal(config, "fee-tolerance-percent", d.feeTolerancePercent()),
        decimal(config, "fee-tolerance-fixed", d.feeToleranceFixed()),
        decimal(config, "rounding-tolerance", d.roundingTolerance()),
        decimal(config, "pairing-percent", d.pairingPercent()),
        d.scale());
  }

  private static BigDecimal decimal(Config config, String name, BigDecimal fallback) {
    return config
        .getOptionalValue("ledgerline.reconciliation." + name, String.class)
        .map(BigDecimal::new)
        .orElse(fallback);
  }

  /**
   * Registers a bank account (as its statements name it) for reconciliation.
   *
   * @param glAccountCode the general ledger account it is kept in (an ASSET account, e.g. 1010)
   * @param currency ISO 4217 code
   * @param cardSettlements whether the card acquirer pays into it (one such account per currency)
   * @throws BusinessRuleViolation {@code BANK_ACCOUNT_ALREADY_REGISTERED}, {@code UNKNOWN_ACCOUNT}
   *     (no such ASSET account), {@code INVALID_REQUEST}
   */
  @RolesAllowed({Roles.FINANCE, Roles.ADMIN})
  public BankAccount registerAccount(
      String accountId, String glAccountCode, String currency, boolean cardSettlements) {
    if (accountId == null
        || accountId.isBlank()
        || accountId.length() > 64
        || currency == null
        || !currency.matches("[A-Z]{3}")) {
      throw new BusinessRuleViolation(
          ErrorCode.INVALID_REQUEST,
          "a bank account needs an id of 1 to 64 characters and an ISO 4217 currency");
    }
    new ReconciliationStore(em).lock();
    String id = accountId.trim();
    if (new ReconciliationStore(em).account(id).isPresent()) {
      throw new BusinessRuleViolation(
          ErrorCode.BANK_ACCOUNT_ALREADY_REGISTERED, "bank account " + id + " is registered");
    }
    if (((Number)
                em.createNativeQuery(
                        "select count(*) from gl_account where code = ?1 and account_type ="
                            + " 'ASSET'")
                    .setParameter(1, glAccountCode == null ? "" : glAccountCode)
                    .getSingleResult())
            .intValue()
        == 0) {
      throw new BusinessRuleViolation(
          ErrorCode.UNKNOWN_ACCOUNT, "no asset account " + glAccountCode + " in the chart");
    }
    if (cardSettlements
        && new ReconciliationStore(em)
            .accounts().stream()
                .anyMatch(a -> a.cardSettlements() && a.currency().equals(currency))) {
      throw new BusinessRuleViolation(
          ErrorCode.INVALID_REQUEST,
          "another " + currency + " account receives the card settlements already");
    }
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    em.createNativeQuery(
            "insert into rec_bank_account (account_id, gl_account_code, currency,"
                + " card_settlements, registered_by, registered_at) values (?1, ?2, ?3, ?4, ?5,"
                + " ?6)")
        .setParameter(1, id)
        .setParameter(2, glAccountCode)
        .setParameter(3, currency)
        .setParameter(4, cardSettlements)
        .setParameter(5, user())
        .setParameter(6, java.sql.Timestamp.from(now.toInstant()))
        .executeUpdate();
    new AuditTrail(em)
        .record(
            user(),
            "reconciliation.bank-account-registered",
            "BANK_ACCOUNT",
            truncate(id, 40),
            null,
            JSON.createObjectBuilder()
                .add("accountId", id)
                .add("glAccountCode", glAccountCode)
                .add("currency", currency)
                .add("cardSettlements", cardSettlements)
                .build()
                .toString());
    return new BankAccount(id, glAccountCode, currency, cardSettlements, user(), now);
  }

  /** The registered bank accounts. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<BankAccount> accounts() {
    List<BankAccount> accounts = new ArrayList<>();
    for (Object o :
        em.createNativeQuery(
                "select account_id, gl_account_code, currency, card_settlements, registered_by,"
                    + " registered_at from rec_bank_account order by account_id")
            .getResultList()) {
      Object[] r = (Object[]) o;
      accounts.add(
          new BankAccount(
              (String) r[0],
              (String) r[1],
              ((String) r[2]).trim(),
              (Boolean) r[3],
              (String) r[4],
              ReconciliationStore.time(r[5])));
    }
    return accounts;
  }

  /**
   * Runs the matching over every registered account's open statement lines and book items, in a
   * transaction of its own: what the run matches and flags commits together. Idempotent: a run
   * after another with nothing new in the statements or the books adds no match, discrepancy or
   * journal entry (only its own run record).
   *
   * @param trigger {@code ON_DEMAND} (REST) or {@code IMPORT} (after a statement import)
   */
  @RolesAllowed({Roles.FINANCE, Roles.ADMIN, Roles.SYSTEM})
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Run run(String trigger) {
    ReconciliationStore store = new ReconciliationStore(em);
    store.lock();
    Rules rules = rules();
    long runId = store.nextId("rec_run_id_seq");
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    LocalDate today = now.toLocalDate();
    int linesConsidered = 0;
    int itemsConsidered = 0;
    int matchesCreated = 0;
    int created = 0;
    int closed = 0;
    List<Runnable> counts = new ArrayList<>();
    for (Account account : store.accounts()) {
      Optional<LocalDate[]> coverage = store.coverage(account.accountId());
      if (coverage.isEmpty()) {
        continue;
      }
      LocalDate start = coverage.get()[0];
      LocalDate end = coverage.get()[1];
      List<BankLine> open = store.lines(account.accountId(), true);
      List<BankLine> others = store.lines(account.accountId(), false);
      List<BookItem> items =
          store.openItems(
              account,
              start.minusDays(7L + 2L * rules.windowBusinessDays()),
              end.plusDays(7L + 2L * rules.windowBusinessDays()));
      linesConsidered += open.size();
      itemsConsidered += items.size();
      List<OpenDiscrepancy> openDiscrepancies = store.openDiscrepancies(account.accountId());
      // lines without an open discrepancy were not looked at by an earlier run
      java.util.Set<Long> seen = new java.util.HashSet<>();
      openDiscrepancies.forEach(o -> seen.add(o.lineId()));
      long newLines = open.stream().filter(l -> !seen.contains(l.id())).count();
      counts.add(() -> metrics.lines(account.accountId(), newLines));
      Outcome outcome = MatchingEngine.match(open, others, items, start, end, today, rules);
      Map<Long, BankLine> lineById = new HashMap<>();
      open.forEach(l -> lineById.put(l.id(), l));
      Map<String, BookItem> itemByKey = new HashMap<>();
      items.forEach(i -> itemByKey.put(i.key(), i));
      AccountingPeriods periods = new AccountingPeriods(em);
      for (MatchingEngine.Match m : outcome.matches()) {
        List<BankLine> lines = m.lineIds().stream().map(lineById::get).toList();
        List<BookItem> matched = m.itemKeys().stream().map(itemByKey::get).toList();
        LocalDate day = lastDay(lines);
        if (!periods.isOpen(day)) {
          // a settlement cannot post into a closed month: the lines wait for a manual decision
          continue;
        }
        long matchId =
            writeMatch(
                runId,
                account,
                m.rule().name(),
                m.score(),
                lines,
                matched,
                m.fee(),
                BigDecimal.ZERO,
                null,
                m.explanation());
        matchesCreated++;
        counts.add(() -> metrics.match(account.accountId(), m.rule().name()));
        closed +=
            closeTouching(
                openDiscrepancies,
                lines,
                matched,
                "AUTO_MATCHED",
                matchId,
                null,
                "matched by run " + runId + " (" + m.rule() + ")");
      }
      for (MatchingEngine.Discrepancy d : outcome.discrepancies()) {
        boolean known =
            openDiscrepancies.stream()
                .anyMatch(
                    o ->
                        o.discrepancyClass().equals(d.discrepancyClass().name())
                            && java.util.Objects.equals(o.lineId(), d.lineId())
                            && java.util.Objects.equals(o.itemKey(), d.itemKey()));
        if (known) {
          continue;
        }
        List<BankLine> lines = d.lineId() == null ? List.of() : List.of(lineById.get(d.lineId()));
        List<BookItem> touched =
            d.itemKey() == null ? List.of() : List.of(itemByKey.get(d.itemKey()));
        closed +=
            closeTouching(
                openDiscrepancies,
                lines,
                touched,
                "RECLASSIFIED",
                null,
                null,
                "run " + runId + " found " + d.discrepancyClass() + " instead");
        LocalDate day = d.lineId() != null ? lines.get(0).bookingDate() : touched.get(0).date();
        flag(runId, account, d, day, now);
        created++;
        counts.add(() -> metrics.discrepancy(account.accountId(), d.discrepancyClass().name()));
      }
    }
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              counts.forEach(Runnable::run);
            }
          }
        });
    em.createNativeQuery(
            "insert into rec_run (id, trigger, started_by, started_at, lines_considered,"
                + " items_considered, matches_created, discrepancies_created,"
                + " discrepancies_closed) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
        .setParameter(1, runId)
        .setParameter(2, trigger)
        .setParameter(3, user())
        .setParameter(4, java.sql.Timestamp.from(now.toInstant()))
        .setParameter(5, linesConsidered)
        .setParameter(6, itemsConsidered)
        .setParameter(7, matchesCreated)
        .setParameter(8, created)
        .setParameter(9, closed)
        .executeUpdate();
    new AuditTrail(em)
        .record(
            user(),
            "reconciliation.run",
            RUN_DOCUMENT,
            String.valueOf(runId),
            null,
            JSON.createObjectBuilder()
                .add("trigger", trigger)
                .add("linesConsidered", linesConsidered)
                .add("itemsConsidered", itemsConsidered)
                .add("matchesCreated", matchesCreated)
                .add("discrepanciesCreated", created)
                .add("discrepanciesClosed", closed)
                .build()
                .toString());
    return new Run(
        runId,
        trigger,
        user(),
        now,
        linesConsidered,
        itemsConsidered,
        matchesCreated,
        created,
        closed);
  }

  /** A run by id; empty when unknown. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<Run> findRun(long runId) {
    List<?> rows =
        em.createNativeQuery(
                "select id, trigger, started_by, started_at, lines_considered, items_considered,"
                    + " matches_created, discrepancies_created, discrepancies_closed from rec_run"
                    + " where id = ?1")
            .setParameter(1, runId)
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] r = (Object[]) rows.get(0);
    return Optional.of(
        new Run(
            ((Number) r[0]).longValue(),
            (String) r[1],
            (String) r[2],
            ReconciliationStore.time(r[3]),
            ((Number) r[4]).intValue(),
            ((Number) r[5]).intValue(),
            ((Number) r[6]).intValue(),
            ((Number) r[7]).intValue(),
            ((Number) r[8]).intValue()));
  }

  /**
   * Resolves a discrepancy with an action, in one transaction with its journal entry (if any),
   * match (if any), audit record {@code reconciliation.discrepancy-resolved} and event.
   *
   * <ul>
   *   <li>{@code POST_ROUNDING}, {@code POST_BANK_CHARGE}, {@code RECORD_RECEIPT} on a line paired
   *       with a book item: the pair is matched and the difference posted to Rounding differences
   *       (6900), Bank charges (6110; the bank paid less) or Suspense (2900; the bank paid more); a
   *       card batch's settlement posts with it (Dr Bank, Dr Merchant fees at the contract's fee /
   *       Cr Card clearing).
   *   <li>The same on a line alone: Dr Bank / Cr Suspense (a receipt nobody booked, {@code
   *       RECORD_RECEIPT}), Dr Bank charges / Cr Bank (a debit, {@code POST_BANK_CHARGE}), or to
   *       Rounding differences; the line is matched to the entry ({@code JE:<number>}).
   *   <li>{@code MATCH_MANUALLY}: the discrepancy's line and item plus {@code lineIds} and {@code
   *       itemKeys}; the lines must equal the bank items plus the card batches' gross less a fee ≥
   *       0 (posted to Merchant fees).
   *   <li>{@code MARK_DUPLICATE}, {@code ACCEPT_TIMING}: recorded; the line or item is closed for
   *       later runs.
   * </ul>
   *
   * @throws BusinessRuleViolation {@code UNKNOWN_DISCREPANCY}, {@code
   *     DISCREPANCY_ALREADY_RESOLVED}, {@code RESOLUTION_NOT_ALLOWED_FOR_DISCREPANCY}, {@code
   *     UNKNOWN_STATEMENT_LINE}, {@code UNKNOWN_BOOK_ITEM}, {@code STATEMENT_LINE_ALREADY_MATCHED},
   *     {@code BOOK_ITEM_ALREADY_MATCHED}, {@code MATCH_AMOUNTS_DIFFER}, {@code
   *     ACCOUNTING_PERIOD_CLOSED}, {@code INVALID_REQUEST} (no reason, unknown action)
   */
  @RolesAllowed({Roles.FINANCE, Roles.ADMIN})
  public Discrepancy resolve(
      long discrepancyId,
      String actionName,
      String reason,
      List<Long> extraLineIds,
      List<String> extraItemKeys) {
    ReconciliationStore store = new ReconciliationStore(em);
    store.lock();
    Discrepancy d =
        discrepancy(discrepancyId)
            .orElseThrow(
                () ->
                    new BusinessRuleViolation(
                        ErrorCode.UNKNOWN_DISCREPANCY, "no discrepancy " + discrepancyId));
    if (d.resolution() != null) {
      throw new BusinessRuleViolation(
          ErrorCode.DISCREPANCY_ALREADY_RESOLVED,
          "discrepancy "
              + discrepancyId
              + " was resolved by "
              + d.resolution().action()
              + " ("
              + d.resolution().resolvedBy()
              + ")");
    }
    Action action;
    try {
      action = Action.valueOf(actionName == null ? "" : actionName.trim());
    } catch (IllegalArgumentException e) {
      throw new BusinessRuleViolation(
          ErrorCode.INVALID_REQUEST,
          "action must be one of " + java.util.Arrays.toString(Action.values()));
    }
    if (reason == null || reason.isBlank()) {
      throw new BusinessRuleViolation(ErrorCode.INVALID_REQUEST, "a resolution needs a reason");
    }
    if (!ALLOWED.get(d.discrepancyClass()).contains(action)) {
      throw new BusinessRuleViolation(
          ErrorCode.RESOLUTION_NOT_ALLOWED_FOR_DISCREPANCY,
          action + " does not resolve a " + d.discrepancyClass() + " discrepancy");
    }
    Account account = store.account(d.accountId()).orElseThrow();
    Rules rules = rules();
    List<BankLine> lines = new ArrayList<>();
    List<BookItem> items = new ArrayList<>();
    List<Long> lineIds = new ArrayList<>();
    if (d.statementLineId() != null) {
      lineIds.add(d.statementLineId());
    }
    List<String> keys = new ArrayList<>();
    if (d.bookItemKey() != null) {
      keys.add(d.bookItemKey());
    }
    if (action == Action.MATCH_MANUALLY) {
      if (extraLineIds != null) {
        extraLineIds.stream().filter(id -> !lineIds.contains(id)).forEach(lineIds::add);
      }
      if (extraItemKeys != null) {
        extraItemKeys.stream().filter(k -> !keys.contains(k)).forEach(keys::add);
      }
    }
    List<BankLine> accountLines = new ArrayList<>(store.lines(account.accountId(), true));
    accountLines.addAll(store.lines(account.accountId(), false));
    for (Long id : lineIds) {
      BankLine line =
          accountLines.stream()
              .filter(l -> l.id() == id)
              .findFirst()
              .orElseThrow(
                  () ->
                      new BusinessRuleViolation(
                          ErrorCode.UNKNOWN_STATEMENT_LINE,
                          "no statement line " + id + " of bank account " + account.accountId()));
      if (store.lineMatched(id)) {
        throw new BusinessRuleViolation(
            ErrorCode.STATEMENT_LINE_ALREADY_MATCHED, "statement line " + id + " is matched");
      }
      lines.add(line);
    }
    for (String key : keys) {
      BookItem item = store.item(account, key);
      if (store.itemMatched(key)) {
        throw new BusinessRuleViolation(
            ErrorCode.BOOK_ITEM_ALREADY_MATCHED, "book item " + key + " is matched");
      }
      items.add(item);
    }
    Long matchId = null;
    JournalEntry entry = null;
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    String explanation = "discrepancy " + discrepancyId + " resolved by " + action + ": " + reason;
    BigDecimal lineSum = sum(lines.stream().map(BankLine::amount).toList());
    BigDecimal bankBook =
        sum(items.stream().filter(i -> i.kind() != Kind.CARD_BATCH).map(BookItem::amount).toList());
    BigDecimal cardGross =
        sum(items.stream().filter(i -> i.kind() == Kind.CARD_BATCH).map(BookItem::amount).toList());
    boolean hasCard = items.stream().anyMatch(i -> i.kind() == Kind.CARD_BATCH);
    switch (action) {
      case MARK_DUPLICATE, ACCEPT_TIMING -> {
        // recorded: the line or item is closed for later runs
      }
      case MATCH_MANUALLY -> {
        if (lines.isEmpty() || items.isEmpty()) {
          throw new BusinessRuleViolation(
              ErrorCode.INVALID_REQUEST, "a manual match needs statement lines and book items");
        }
        BigDecimal fee = cardGross.subtract(lineSum.subtract(bankBook));
        if ((!hasCard && fee.signum() != 0) || fee.signum() < 0) {
          throw new BusinessRuleViolation(
              ErrorCode.MATCH_AMOUNTS_DIFFER,
              "lines "
                  + lineSum.stripTrailingZeros().toPlainString()
                  + " do not settle "
                  + bankBook.add(cardGross).stripTrailingZeros().toPlainString()
                  + (hasCard ? " less a fee ≥ 0" : ""));
        }
        matchId =
            writeMatch(
                null,
                account,
                "MANUAL",
                100,
                lines,
                items,
                fee,
                BigDecimal.ZERO,
                null,
                explanation);
      }
      case POST_ROUNDING, POST_BANK_CHARGE, RECORD_RECEIPT -> {
        String target =
            switch (action) {
              case POST_ROUNDING -> Accounts.ROUNDING_DIFFERENCES;
              case POST_BANK_CHARGE -> Accounts.BANK_CHARGES;
              default -> Accounts.SUSPENSE;
            };
        if (lines.isEmpty()) {
          throw new BusinessRuleViolation(
              ErrorCode.RESOLUTION_NOT_ALLOWED_FOR_DISCREPANCY,
              action + " needs a statement line; discrepancy " + discrepancyId + " has none");
        }
        if (items.isEmpty()) {
          // a line alone: the entry is the book item it is matched to
          BankLine line = lines.get(0);
          requireDirection(action, line.amount().negate(), rules);
          Journal.Draft draft =
              new Journal.Draft()
                  .debit(account.glAccountCode(), line.amount())
                  .credit(target, line.amount());
          String number = "REC-D" + discrepancyId;
          entry = post(draft, line.bookingDate(), account.currency(), number, explanation);
          BookItem receipt =
              new BookItem(
                  "JE:" + entry.entryNumber(),
                  line.amount().signum() < 0 ? Kind.BANK_REFUND : Kind.BANK_PAYMENT,
                  line.bookingDate(),
                  line.amount(),
                  account.currency(),
                  Set.of());
          matchId =
              writeMatch(
                  null,
                  account,
                  "MANUAL",
                  100,
                  lines,
                  List.of(receipt),
                  BigDecimal.ZERO,
                  BigDecimal.ZERO,
                  entry,
                  explanation);
        } else {
          BigDecimal fee =
              sum(
                  items.stream()
                      .filter(i -> i.kind() == Kind.CARD_BATCH)
                      .map(i -> rules.expectedFee(i.amount()))
                      .toList());
          // what the bank paid short of the books (positive) or over them (negative)
          BigDecimal remainder = cardGross.subtract(fee).subtract(lineSum.subtract(bankBook));
          requireDirection(action, remainder, rules);
          matchId =
              writeMatch(
                  null, account, "MANUAL", 100, lines, items, fee, remainder, target, explanation);
        }
      }
      default -> throw new IllegalStateException(action.name());
    }
    if (matchId != null && entry == null) {
      entry = matchEntry(matchId);
    }
    em.createNativeQuery(
            "insert into rec_discrepancy_resolution (discrepancy_id, action, reason, match_id,"
                + " journal_entry_id, resolved_by, resolved_at) values (?1, ?2, ?3, cast(?4 as"
                + " bigint), cast(?5 as bigint), ?6, ?7)")
        .setParameter(1, discrepancyId)
        .setParameter(2, action.name())
        .setParameter(3, reason.trim())
        .setParameter(4, matchId)
        .setParameter(5, entry == null ? null : entry.id())
        .setParameter(6, user())
        .setParameter(7, java.sql.Timestamp.from(now.toInstant()))
        .executeUpdate();
    if (matchId != null) {
      closeTouching(
          store.openDiscrepancies(account.accountId()).stream()
              .filter(o -> o.id() != discrepancyId)
              .toList(),
          lines,
          items,
          "AUTO_MATCHED",
          matchId,
          entry,
          "matched by the resolution of discrepancy " + discrepancyId);
    }
    Discrepancy resolved = discrepancy(discrepancyId).orElseThrow();
    announce(resolved);
    new AuditTrail(em)
        .record(
            user(),
            "reconciliation.discrepancy-resolved",
            DISCREPANCY_DOCUMENT,
            String.valueOf(discrepancyId),
            reason.trim(),
            event(resolved).toString());
    return resolved;
  }

  /**
   * Reverses a match with a new UNMATCH row naming it (never an update): its lines and items are
   * open again for the next run, and its settlement entry, if any, is reversed (dated like the
   * original while its month is open, else today).
   *
   * @throws BusinessRuleViolation {@code UNKNOWN_MATCH}, {@code MATCH_ALREADY_REVERSED}, {@code
   *     INVALID_REQUEST} (no reason)
   */
  @RolesAllowed({Roles.FINANCE, Roles.ADMIN})
  public Match unmatch(long matchId, String reason) {
    if (reason == null || reason.isBlank()) {
      throw new BusinessRuleViolation(ErrorCode.INVALID_REQUEST, "an unmatch needs a reason");
    }
    ReconciliationStore store = new ReconciliationStore(em);
    store.lock();
    Match match =
        match(matchId)
            .orElseThrow(
                () -> new BusinessRuleViolation(ErrorCode.UNKNOWN_MATCH, "no match " + matchId));
    if (!"MATCH".equals(match.kind()) || match.reversed()) {
      throw new BusinessRuleViolation(
          ErrorCode.MATCH_ALREADY_REVERSED, "match " + matchId + " is reversed or an unmatch");
    }
    long id = store.nextId("rec_match_id_seq");
    JournalEntry reversal = null;
    JournalEntry original = matchEntry(matchId);
    if (original != null) {
      LocalDate date =
          new AccountingPeriods(em)
              .reversalDate(original.postingDate(), LocalDate.now(ZoneOffset.UTC));
      reversal =
          new Journal(em, new DocumentNumbers(em))
              .reverse(
                  original,
                  date,
                  ReconciliationStore.DOCUMENT_TYPE,
                  "REC-M" + id,
                  "Unmatch of reconciliation match " + matchId + ": " + truncate(reason, 200),
                  user());
      em.flush();
    }
    em.createNativeQuery(
            "insert into rec_match (id, kind, reverses_id, run_id, rule, score, currency,"
                + " statement_amount, book_amount, fee_amount, difference, explanation,"
                + " journal_entry_id, created_by, created_at) select ?1, 'UNMATCH', id, null,"
                + " 'UNMATCH', 0, currency, -statement_amount, -book_amount, fee_amount,"
                + " -difference, ?2, cast(?3 as bigint), ?4, ?5 from rec_match where id = ?6")
        .setParameter(1, id)
        .setParameter(2, "unmatch of " + matchId + ": " + reason.trim())
        .setParameter(3, reversal == null ? null : reversal.id())
        .setParameter(4, user())
        .setParameter(5, java.sql.Timestamp.from(OffsetDateTime.now(ZoneOffset.UTC).toInstant()))
        .setParameter(6, matchId)
        .executeUpdate();
    em.createNativeQuery(
            "insert into rec_match_item (match_id, kind, statement_line_id, book_item_key,"
                + " generation, amount) select ?1, 'UNMATCH', statement_line_id, book_item_key,"
                + " generation, -amount from rec_match_item where match_id = ?2 order by id")
        .setParameter(1, id)
        .setParameter(2, matchId)
        .executeUpdate();
    new AuditTrail(em)
        .record(
            user(),
            "reconciliation.unmatched",
            MATCH_DOCUMENT,
            String.valueOf(matchId),
            reason.trim(),
            JSON.createObjectBuilder()
                .add("unmatchId", id)
                .add("journalEntryNumber", reversal == null ? "" : reversal.entryNumber())
                .build()
                .toString());
    return match(id).orElseThrow();
  }

  /** A match (or unmatch) with its items; empty when unknown. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<Match> match(long matchId) {
    List<Match> found = matches("m.id = ?1", matchId);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  /** Every match and unmatch naming the statement line, oldest first. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<Match> matchesOfLine(long statementLineId) {
    return matches(
        "m.id in (select match_id from rec_match_item where statement_line_id = ?1)",
        statementLineId);
  }

  /** Every match and unmatch naming the book item, oldest first. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<Match> matchesOfItem(String bookItemKey) {
    return matches(
        "m.id in (select match_id from rec_match_item where book_item_key = ?1)", bookItemKey);
  }

  /** The matches a run made, oldest first. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<Match> matchesOfRun(long runId) {
    return matches("m.run_id = ?1", runId);
  }

  private List<Match> matches(String where, Object parameter) {
    List<Match> matches = new ArrayList<>();
    for (Object o :
        em.createNativeQuery(
                "select m.id, m.kind, m.reverses_id, exists (select 1 from rec_match u where"
                    + " u.reverses_id = m.id), m.run_id, m.rule, m.score, m.currency,"
                    + " m.statement_amount, m.book_amount, m.fee_amount, m.difference,"
                    + " m.explanation, e.entry_number, m.created_by, m.created_at from rec_match m"
                    + " left join gl_journal_entry e on e.id = m.journal_entry_id where "
                    + where
                    + " order by m.id")
            .setParameter(1, parameter)
            .getResultList()) {
      Object[] r = (Object[]) o;
      long id = ((Number) r[0]).longValue();
      List<MatchItem> items = new ArrayList<>();
      for (Object i :
          em.createNativeQuery(
                  "select statement_line_id, book_item_key, amount from rec_match_item where"
                      + " match_id = ?1 order by id")
              .setParameter(1, id)
              .getResultList()) {
        Object[] t = (Object[]) i;
        items.add(
            new MatchItem(
                t[0] == null ? null : ((Number) t[0]).longValue(),
                (String) t[1],
                (BigDecimal) t[2]));
      }
      matches.add(
          new Match(
              id,
              (String) r[1],
              r[2] == null ? null : ((Number) r[2]).longValue(),
              (Boolean) r[3],
              r[4] == null ? null : ((Number) r[4]).longValue(),
              (String) r[5],
              ((Number) r[6]).intValue(),
              ((String) r[7]).trim(),
              (BigDecimal) r[8],
              (BigDecimal) r[9],
              (BigDecimal) r[10],
              (BigDecimal) r[11],
              (String) r[12],
              (String) r[13],
              (String) r[14],
              ReconciliationStore.time(r[15]),
              List.copyOf(items)));
    }
    return matches;
  }

  /**
   * The discrepancy queue, oldest first.
   *
   * @param discrepancyClass null = every class
   * @param status {@code OPEN}, {@code RESOLVED} or null
   * @param accountId null = every account
   * @param period {@code yyyy-MM} or null
   * @throws BusinessRuleViolation {@code INVALID_REQUEST} (a period or status not understood)
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public DiscrepancyPage discrepancies(
      String discrepancyClass,
      String status,
      String accountId,
      String period,
      int offset,
      int limit) {
    StringBuilder where = new StringBuilder(" where true");
    List<Object> parameters = new ArrayList<>();
    if (discrepancyClass != null && !discrepancyClass.isBlank()) {
      parameters.add(discrepancyClass.trim());
      where.append(" and d.class = ?").append(parameters.size());
    }
    if (status != null && !status.isBlank()) {
      switch (status.trim()) {
        case "OPEN" -> where.append(" and r.id is null");
        case "RESOLVED" -> where.append(" and r.id is not null");
        default ->
            throw new BusinessRuleViolation(
                ErrorCode.INVALID_REQUEST, "status is OPEN or RESOLVED, not " + status);
      }
    }
    if (accountId != null && !accountId.isBlank()) {
      parameters.add(accountId.trim());
      where.append(" and d.account_id = ?").append(parameters.size());
    }
    if (period != null && !period.isBlank()) {
      try {
        parameters.add(java.sql.Date.valueOf(YearMonth.parse(period.trim()).atDay(1)));
      } catch (java.time.format.DateTimeParseException e) {
        throw new BusinessRuleViolation(
            ErrorCode.INVALID_REQUEST, "period is yyyy-MM, not " + period);
      }
      where.append(" and d.period = ?").append(parameters.size());
    }
    String from =
        " from rec_discrepancy d left join rec_discrepancy_resolution r on r.discrepancy_id ="
            + " d.id";
    var count = em.createNativeQuery("select count(*)" + from + where);
    var ids = em.createNativeQuery("select d.id" + from + where + " order by d.id");
    for (int i = 0; i < parameters.size(); i++) {
      count.setParameter(i + 1, parameters.get(i));
      ids.setParameter(i + 1, parameters.get(i));
    }
    int size = Math.max(1, Math.min(limit, MAX_PAGE));
    int first = Math.max(0, offset);
    List<Discrepancy> page = new ArrayList<>();
    for (Object id : ids.setFirstResult(first).setMaxResults(size).getResultList()) {
      page.add(discrepancy(((Number) id).longValue()).orElseThrow());
    }
    return new DiscrepancyPage(
        ((Number) count.getSingleResult()).longValue(), first, size, List.copyOf(page));
  }

  /** A discrepancy with its resolution; empty when unknown. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<Discrepancy> discrepancy(long discrepancyId) {
    List<?> rows =
        em.createNativeQuery(
                "select d.id, d.run_id, d.class, d.account_id, d.period, d.statement_line_id,"
                    + " l.booking_date, d.book_item_key, d.currency, d.amount, d.difference,"
                    + " d.explanation, d.detected_at, r.action, r.reason, r.match_id,"
                    + " e.entry_number, r.resolved_by, r.resolved_at from rec_discrepancy d left"
                    + " join rec_statement_line l on l.id = d.statement_line_id left join"
                    + " rec_discrepancy_resolution r on r.discrepancy_id = d.id left join"
                    + " gl_journal_entry e on e.id = r.journal_entry_id where d.id = ?1")
            .setParameter(1, discrepancyId)
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] r = (Object[]) rows.get(0);
    Resolution resolution =
        r[13] == null
            ? null
            : new Resolution(
                (String) r[13],
                (String) r[14],
                r[15] == null ? null : ((Number) r[15]).longValue(),
                (String) r[16],
                (String) r[17],
                ReconciliationStore.time(r[18]));
    return Optional.of(
        new Discrepancy(
            ((Number) r[0]).longValue(),
            ((Number) r[1]).longValue(),
            (String) r[2],
            resolution == null ? "OPEN" : "RESOLVED",
            (String) r[3],
            YearMonth.from(ReconciliationStore.date(r[4])).toString(),
            r[5] == null ? null : ((Number) r[5]).longValue(),
            ReconciliationStore.date(r[6]),
            (String) r[7],
            ((String) r[8]).trim(),
            (BigDecimal) r[9],
            (BigDecimal) r[10],
            (String) r[11],
            ReconciliationStore.time(r[12]),
            resolution));
  }

  /**
   * The discrepancy rate per registered bank account and month from {@code from} to {@code to} (the
   * months they touch): discrepancies flagged in the month (those a later run reclassified count
   * once, as their new class) ÷ the account's statement lines booked in the month, rounded half-up
   * to 4 decimals; 0 for a month without lines. DESIGN.md 9.
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<Rate> rates(LocalDate from, LocalDate to) {
    return new ReconciliationStore(em)
        .rates(from, to).stream()
            .map(
                r ->
                    new Rate(
                        r.accountId(),
                        r.period().toString(),
                        r.statementLines(),
                        r.flagged(),
                        r.rate()))
            .toList();
  }

  /**
   * Writes a match, its items and, when money moves, its journal entry: Dr the bank account (the
   * lines less the bank items the books hold already), Dr Merchant fees (fee), Dr/Cr the remainder
   * account (remainder) / Cr Card clearing (the card batches' gross).
   */
  private long writeMatch(
      Long runId,
      Account account,
      String rule,
      int score,
      List<BankLine> lines,
      List<BookItem> items,
      BigDecimal fee,
      BigDecimal remainder,
      Object remainderAccountOrEntry,
      String explanation) {
    ReconciliationStore store = new ReconciliationStore(em);
    long id = store.nextId("rec_match_id_seq");
    BigDecimal lineSum = sum(lines.stream().map(BankLine::amount).toList());
    BigDecimal bankBook =
        sum(items.stream().filter(i -> i.kind() != Kind.CARD_BATCH).map(BookItem::amount).toList());
    BigDecimal cardGross =
        sum(items.stream().filter(i -> i.kind() == Kind.CARD_BATCH).map(BookItem::amount).toList());
    JournalEntry entry = remainderAccountOrEntry instanceof JournalEntry given ? given : null;
    if (entry == null) {
      Journal.Draft draft =
          new Journal.Draft()
              .debit(account.glAccountCode(), lineSum.subtract(bankBook))
              .debit(Accounts.MERCHANT_FEES, fee)
              .credit(Accounts.CARD_CLEARING, cardGross);
      if (remainderAccountOrEntry instanceof String target) {
        draft.debit(target, remainder);
      }
      entry =
          post(
              draft,
              lastDay(lines),
              account.currency(),
              "REC-M" + id,
              (cardGross.signum() != 0 ? "Card settlement: " : "Bank reconciliation: ")
                  + truncate(explanation, 300));
    }
    BigDecimal bookAmount = bankBook.add(cardGross);
    em.createNativeQuery(
            "insert into rec_match (id, kind, reverses_id, run_id, rule, score, currency,"
                + " statement_amount, book_amount, fee_amount, difference, explanation,"
                + " journal_entry_id, created_by, created_at) values (?1, 'MATCH', null, cast(?2"
                + " as bigint), ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, cast(?11 as bigint), ?12, ?13)")
        .setParameter(1, id)
        .setParameter(2, runId)
        .setParameter(3, rule)
        .setParameter(4, score)
        .setParameter(5, account.currency())
        .setParameter(6, lineSum)
        .setParameter(7, bookAmount)
        .setParameter(8, fee)
        .setParameter(9, lineSum.subtract(bookAmount).add(fee))
        .setParameter(10, explanation)
        .setParameter(11, entry == null ? null : entry.id())
        .setParameter(12, user())
        .setParameter(13, java.sql.Timestamp.from(OffsetDateTime.now(ZoneOffset.UTC).toInstant()))
        .executeUpdate();
    for (BankLine line : lines) {
      em.createNativeQuery(
              "insert into rec_match_item (match_id, kind, statement_line_id, book_item_key,"
                  + " generation, amount) values (?1, 'MATCH', ?2, null, ?3, ?4)")
          .setParameter(1, id)
          .setParameter(2, line.id())
          .setParameter(3, store.generation(line.id(), null))
          .setParameter(4, line.amount())
          .executeUpdate();
    }
    for (BookItem item : items) {
      em.createNativeQuery(
              "insert into rec_match_item (match_id, kind, statement_line_id, book_item_key,"
                  + " generation, amount) values (?1, 'MATCH', null, ?2, ?3, ?4)")
          .setParameter(1, id)
          .setParameter(2, item.key())
          .setParameter(3, store.generation(null, item.key()))
          .setParameter(4, item.amount())
          .executeUpdate();
    }
    return id;
  }

  private JournalEntry post(
      Journal.Draft draft, LocalDate day, String currency, String number, String description) {
    JournalEntry entry =
        new Journal(em, new DocumentNumbers(em))
            .post(
                draft,
                day,
                currency,
                ReconciliationStore.DOCUMENT_TYPE,
                number,
                truncate(description, 400),
                user());
    if (entry != null) {
      em.flush();
    }
    return entry;
  }

  private JournalEntry matchEntry(long matchId) {
    List<?> ids =
        em.createNativeQuery(
                "select journal_entry_id from rec_match where id = ?1 and journal_entry_id is not"
                    + " null")
            .setParameter(1, matchId)
            .getResultList();
    return ids.isEmpty() ? null : em.find(JournalEntry.class, ((Number) ids.get(0)).longValue());
  }

  /** Resolves the open discrepancies that name one of the lines or items; how many. */
  private int closeTouching(
      List<OpenDiscrepancy> open,
      List<BankLine> lines,
      List<BookItem> items,
      String action,
      Long matchId,
      JournalEntry entry,
      String reason) {
    int closed = 0;
    for (OpenDiscrepancy o : open) {
      boolean touches =
          (o.lineId() != null && lines.stream().anyMatch(l -> l.id() == o.lineId()))
              || (o.itemKey() != null && items.stream().anyMatch(i -> i.key().equals(o.itemKey())));
      if (!touches || discrepancy(o.id()).orElseThrow().resolution() != null) {
        continue;
      }
      em.createNativeQuery(
              "insert into rec_discrepancy_resolution (discrepancy_id, action, reason, match_id,"
                  + " journal_entry_id, resolved_by, resolved_at) values (?1, ?2, ?3, cast(?4 as"
                  + " bigint), cast(?5 as bigint), ?6, ?7)")
          .setParameter(1, o.id())
          .setParameter(2, action)
          .setParameter(3, reason)
          .setParameter(4, matchId)
          .setParameter(5, entry == null ? null : entry.id())
          .setParameter(6, user())
          .setParameter(7, java.sql.Timestamp.from(OffsetDateTime.now(ZoneOffset.UTC).toInstant()))
          .executeUpdate();
      announce(discrepancy(o.id()).orElseThrow());
      closed++;
    }
    return closed;
  }

  private void flag(
      long runId,
      Account account,
      MatchingEngine.Discrepancy d,
      LocalDate day,
      OffsetDateTime now) {
    long id = new ReconciliationStore(em).nextId("rec_discrepancy_id_seq");
    em.createNativeQuery(
            "insert into rec_discrepancy (id, run_id, class, account_id, period,"
                + " statement_line_id, book_item_key, currency, amount, difference, explanation,"
                + " detected_at) values (?1, ?2, ?3, ?4, ?5, cast(?6 as bigint), cast(?7 as"
                + " varchar), ?8, ?9, ?10, ?11, ?12)")
        .setParameter(1, id)
        .setParameter(2, runId)
        .setParameter(3, d.discrepancyClass().name())
        .setParameter(4, account.accountId())
        .setParameter(5, java.sql.Date.valueOf(day.withDayOfMonth(1)))
        .setParameter(6, d.lineId())
        .setParameter(7, d.itemKey())
        .setParameter(8, account.currency())
        .setParameter(9, d.amount())
        .setParameter(10, d.difference())
        .setParameter(11, d.explanation())
        .setParameter(12, java.sql.Timestamp.from(now.toInstant()))
        .executeUpdate();
    announce(discrepancy(id).orElseThrow());
  }

  private void announce(Discrepancy d) {
    events.publish("reconciliation.discrepancy", d.accountId(), event(d).toString());
  }

  private static jakarta.json.JsonObject event(Discrepancy d) {
    var json =
        JSON.createObjectBuilder()
            .add("eventType", "reconciliation.discrepancy")
            .add("schemaVersion", 1)
            .add("discrepancyId", d.discrepancyId())
            .add("class", d.discrepancyClass())
            .add("status", d.status())
            .add("accountId", d.accountId())
            .add("period", d.period())
            .add("currency", d.currency())
            .add("amount", d.amount())
            .add("difference", d.difference())
            .add("explanation", d.explanation());
    if (d.statementLineId() == null) {
      json.addNull("statementLineId");
    } else {
      json.add("statementLineId", d.statementLineId());
    }
    if (d.bookItemKey() == null) {
      json.addNull("bookItemKey");
    } else {
      json.add("bookItemKey", d.bookItemKey());
    }
    if (d.resolution() != null) {
      json.add("action", d.resolution().action())
          .add("resolvedBy", d.resolution().resolvedBy())
          .add(
              "journalEntryNumber",
              d.resolution().journalEntryNumber() == null
                  ? ""
                  : d.resolution().journalEntryNumber());
    }
    return json.build();
  }

  /**
   * Refuses an action whose direction does not fit: a bank charge needs the bank short of the books
   * (remainder > 0), a receipt the bank over them (< 0), rounding a remainder within the tolerance.
   */
  private static void requireDirection(Action action, BigDecimal remainder, Rules rules) {
    boolean fits =
        switch (action) {
          case POST_BANK_CHARGE -> remainder.signum() > 0;
          case RECORD_RECEIPT -> remainder.signum() < 0;
          case POST_ROUNDING ->
              remainder.signum() != 0 && remainder.abs().compareTo(rules.roundingTolerance()) <= 0;
          default -> true;
        };
    if (!fits) {
      throw new BusinessRuleViolation(
          ErrorCode.RESOLUTION_NOT_ALLOWED_FOR_DISCREPANCY,
          action
              + " does not fit a difference of "
              + remainder.negate().stripTrailingZeros().toPlainString()
              + " (bank − books)");
    }
  }

  private static LocalDate lastDay(List<BankLine> lines) {
    return lines.stream().map(BankLine::bookingDate).max(LocalDate::compareTo).orElseThrow();
  }

  private static BigDecimal sum(List<BigDecimal> amounts) {
    return amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private static String truncate(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }

  private String user() {
    return session.getCallerPrincipal() == null
        ? Roles.SYSTEM_PRINCIPAL
        : session.getCallerPrincipal().getName();
  }
}
