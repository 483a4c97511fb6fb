package com.ledgerline.reconciliation.boundary;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** What the reconciliation answers over REST (issue 6). Amounts as stored (scale 4). */
public final class ReconciliationViews {
  private ReconciliationViews() {}

  /** A bank account reconciled against a general ledger account. */
  public record BankAccount(
      String accountId,
      String glAccountCode,
      String currency,
      boolean cardSettlements,
      String registeredBy,
      OffsetDateTime registeredAt) {}

  /**
   * A run: what it looked at and what it added; {@code discrepanciesClosed} counts open ones a
   * later match (or another class) settled.
   */
  public record Run(
      long runId,
      String trigger,
      String startedBy,
      OffsetDateTime startedAt,
      int linesConsidered,
      int itemsConsidered,
      int matchesCreated,
      int discrepanciesCreated,
      int discrepanciesClosed) {}

  /** A statement line or a book item of a match, with its amount (negated in an unmatch). */
  public record MatchItem(Long statementLineId, String bookItemKey, BigDecimal amount) {}

  /**
   * A match ({@code kind} MATCH) or an unmatch (UNMATCH, {@code reversesMatchId}); the settlement
   * journal entry when one was posted; {@code reversed} when a later unmatch reverses it.
   */
  public record Match(
      long matchId,
      String kind,
      Long reversesMatchId,
      boolean reversed,
      Long runId,
      String rule,
      int score,
      String currency,
      BigDecimal statementAmount,
      BigDecimal bookAmount,
      BigDecimal feeAmount,
      BigDecimal difference,
      String explanation,
      String journalEntryNumber,
      String createdBy,
      OffsetDateTime createdAt,
      List<MatchItem> items) {}

  /** A discrepancy with its resolution (null while {@code OPEN}). */
  public record Discrepancy(
      long discrepancyId,
      long runId,
      String discrepancyClass,
      String status,
      String accountId,
      String period,
      Long statementLineId,
      LocalDate bookingDate,
      String bookItemKey,
      String currency,
      BigDecimal amount,
      BigDecimal difference,
      String explanation,
      OffsetDateTime detectedAt,
      Resolution resolution) {}

  /** How a discrepancy was resolved. */
  public record Resolution(
      String action,
      String reason,
      Long matchId,
      String journalEntryNumber,
      String resolvedBy,
      OffsetDateTime resolvedAt) {}

  /** One page of discrepancies, oldest first. */
  public record DiscrepancyPage(long total, int offset, int limit, List<Discrepancy> items) {}

  /**
   * The discrepancy rate of one bank account and month: discrepancies flagged in the month ÷ the
   * account's statement lines booked in it (0 when there are none).
   */
  public record Rate(
      String accountId, String period, long statementLines, long flagged, BigDecimal rate) {}
}
