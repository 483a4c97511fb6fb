package com.ledgerline.ledger.control;

import com.ledgerline.ledger.entity.JournalEntry;
import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.DocumentNumbers;
import com.ledgerline.shared.ErrorCode;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds and posts journal entries. Amounts are gathered per account and side, zero amounts are
 * left out, and the entry is refused unless debits equal credits before anything is written (the
 * database checks the same rule again at commit).
 */
public final class Journal {
  private final EntityManager em;
  private final DocumentNumbers numbers;

  public Journal(EntityManager em, DocumentNumbers numbers) {
    this.em = em;
    this.numbers = numbers;
  }

  /** Collects the debits and credits of one entry before it is numbered and persisted. */
  public static final class Draft {
    private final Map<String, BigDecimal> debits = new LinkedHashMap<>();
    private final Map<String, BigDecimal> credits = new LinkedHashMap<>();

    /** Adds a debit (a negative amount becomes a credit of the same account). */
    public Draft debit(String account, BigDecimal amount) {
      if (amount.signum() < 0) {
        return credit(account, amount.negate());
      }
      if (amount.signum() > 0) {
        debits.merge(account, amount, BigDecimal::add);
      }
      return this;
    }

    /** Adds a credit (a negative amount becomes a debit of the same account). */
    public Draft credit(String account, BigDecimal amount) {
      if (amount.signum() < 0) {
        return debit(account, amount.negate());
      }
      if (amount.signum() > 0) {
        credits.merge(account, amount, BigDecimal::add);
      }
      return this;
    }

    public boolean isEmpty() {
      return debits.isEmpty() && credits.isEmpty();
    }
  }

  /**
   * Numbers and persists the entry.
   *
   * @return the persisted entry, or {@code null} when the draft holds no non-zero amount
   * @throws BusinessRuleViolation {@code DEBITS_MUST_EQUAL_CREDITS} when the draft does not
   *     balance; {@code ACCOUNTING_PERIOD_CLOSED} when the posting date is in a closed period
   */
  public JournalEntry post(
      Draft draft,
      LocalDate postingDate,
      String currency,
      String documentType,
      String documentNumber,
      String description,
      String user) {
    new AccountingPeriods(em).requireOpen(postingDate);
    if (draft.isEmpty()) {
      return null;
    }
    BigDecimal debit = draft.debits.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal credit = draft.credits.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    if (debit.compareTo(credit) != 0) {
      throw new BusinessRuleViolation(
          ErrorCode.DEBITS_MUST_EQUAL_CREDITS,
          documentType + " " + documentNumber + ": debits " + debit + " ≠ credits " + credit);
    }
    JournalEntry entry =
        new JournalEntry(
            numbers.next(DocumentNumbers.JOURNAL_ENTRY),
            postingDate,
            currency,
            documentType,
            documentNumber,
            description,
            user);
    draft.debits.forEach(
        (account, amount) -> entry.addLine(account, amount, BigDecimal.ZERO, null));
    draft.credits.forEach(
        (account, amount) -> entry.addLine(account, BigDecimal.ZERO, amount, null));
    em.persist(entry);
    return entry;
  }

  /**
   * Posts the mirror of {@code original}: every debit becomes a credit of the same amount and vice
   * versa, and the new entry points at the original ({@code reverses_id}). DESIGN.md 5, "void".
   *
   * @param postingDate the reversal's date; see {@link AccountingPeriods#reversalDate}
   * @throws BusinessRuleViolation {@code ACCOUNTING_PERIOD_CLOSED} when the date is in a closed
   *     period
   */
  public JournalEntry reverse(
      JournalEntry original,
      LocalDate postingDate,
      String documentType,
      String documentNumber,
      String description,
      String user) {
    new AccountingPeriods(em).requireOpen(postingDate);
    JournalEntry entry =
        new JournalEntry(
            numbers.next(DocumentNumbers.JOURNAL_ENTRY),
            postingDate,
            original,
            documentType,
            documentNumber,
            description,
            user);
    original
        .lines()
        .forEach(line -> entry.addLine(line.accountCode(), line.credit(), line.debit(), null));
    em.persist(entry);
    return entry;
  }
}
