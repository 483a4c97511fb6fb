package com.ledgerline.reconciliation.control;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A deterministic bank statement of card settlements (issue 6, the reconciliation's test and demo
 * data), written as SWIFT MT940 (one {@code :20:} statement, {@code :61:} entries with their {@code
 * :86:} details; {@link Mt940Reader} reads it back).
 *
 * <p>The rule: each day's card payments net of card refunds (a batch, its gross) is settled by the
 * acquirer as one credit on the next business day (Monday to Friday), less the fee round(1.4 % ×
 * gross + 0.20, 2) half-up ({@link MatchingEngine.Rules#expectedFee}); a batch whose gross is
 * negative is one debit of that amount, without a fee; a batch of 0 is no line. The line's end to
 * end id is {@code STL<yyyyMMdd><currency>} of the batch day, its remittance information {@code
 * CARD SETTLEMENT <batch day>}.
 *
 * <p>Planted errors (with {@code plantErrors}, on the batches in date order, as far as there are
 * batches): the 1st is missing; the 2nd is 0.01 short (rounding); the 3rd is charged a fee of 5 % +
 * 0.20 (above the 3 % + 0.20 tolerance); the 4th is credited its gross plus 1 % (an amount the
 * batch does not explain); the 5th is reported twice; and one credit of 250.00 that no book
 * explains ({@code UNKNOWN CREDIT}) on the last settlement day (25.00 when 250.00 would lie within
 * 10 % of the missing batch's gross).
 */
public final class CardSettlementStatement {
  private static final DateTimeFormatter YYMMDD =
      DateTimeFormatter.ofPattern("yyMMdd", Locale.ROOT);
  private static final DateTimeFormatter MMDD = DateTimeFormatter.ofPattern("MMdd", Locale.ROOT);
  private static final DateTimeFormatter COMPACT =
      DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT);

  private CardSettlementStatement() {}

  /** One day's card payments net of card refunds, at the currency's scale. */
  public record Batch(LocalDate day, String currency, BigDecimal gross) {}

  /** One statement line: signed amount, booking date, references. */
  public record Entry(
      LocalDate bookingDate, BigDecimal amount, String endToEndId, String details) {}

  /** What was planted, for the caller to check against. */
  public enum Plant {
    MISSING,
    ROUNDING,
    FEE,
    AMOUNT,
    DUPLICATE,
    UNKNOWN
  }

  /**
   * The settlement entries of the batches, in booking date order.
   *
   * @param planted receives the batch day of each planted error (the settlement day for UNKNOWN);
   *     may be null
   */
  public static List<Entry> entries(
      List<Batch> batches,
      MatchingEngine.Rules rules,
      boolean plantErrors,
      java.util.Map<Plant, LocalDate> planted) {
    List<Batch> sorted =
        batches.stream()
            .filter(b -> b.gross().signum() != 0)
            .sorted(Comparator.comparing(Batch::day).thenComparing(Batch::currency))
            .toList();
    List<Entry> entries = new ArrayList<>();
    LocalDate last = null;
    BigDecimal missingGross = null;
    for (int i = 0; i < sorted.size(); i++) {
      Batch batch = sorted.get(i);
      LocalDate settled = MatchingEngine.addBusinessDays(batch.day(), 1);
      last = last == null || settled.isAfter(last) ? settled : last;
      BigDecimal net = batch.gross().subtract(rules.expectedFee(batch.gross()));
      Plant plant = plantErrors && i < 5 ? Plant.values()[i] : null;
      if (plant != null && planted != null) {
        planted.put(plant, batch.day());
      }
      if (plant == Plant.MISSING) {
        missingGross = batch.gross();
        continue;
      }
      if (plant == Plant.ROUNDING) {
        net = net.subtract(new BigDecimal("0.01"));
      } else if (plant == Plant.FEE) {
        net =
            batch
                .gross()
                .subtract(
                    batch
                        .gross()
                        .multiply(new BigDecimal("0.05"))
                        .add(new BigDecimal("0.20"))
                        .setScale(2, RoundingMode.HALF_UP));
      } else if (plant == Plant.AMOUNT) {
        net =
            batch
                .gross()
                .add(
                    batch
                        .gross()
                        .multiply(new BigDecimal("0.01"))
                        .setScale(2, RoundingMode.HALF_UP));
      }
      String id = "STL" + batch.day().format(COMPACT) + batch.currency();
      Entry entry = new Entry(settled, net, id, "CARD SETTLEMENT " + batch.day());
      entries.add(entry);
      if (plant == Plant.DUPLICATE) {
        entries.add(entry);
      }
    }
    if (plantErrors && last != null) {
      BigDecimal unknown = new BigDecimal("250.00");
      if (missingGross != null
          && unknown.subtract(missingGross).abs().compareTo(missingGross.movePointLeft(1)) <= 0) {
        unknown = new BigDecimal("25.00");
      }
      entries.add(new Entry(last, unknown, "DEP" + last.format(COMPACT), "UNKNOWN CREDIT"));
      if (planted != null) {
        planted.put(Plant.UNKNOWN, last);
      }
    }
    entries.sort(Comparator.comparing(Entry::bookingDate));
    return entries;
  }

  /**
   * The entries as one MT940 statement with opening balance 0 and the closing balance their sum.
   *
   * @param account the {@code :25:} account identification (the registered bank account)
   * @param statementId the {@code :20:} reference (at most 16 characters)
   * @param first the statement's first day (the opening balance's date): the settlement day of the
   *     range's first day ({@link #settlementDay}), so a batch missing there is inside the period
   * @param last its last day (the closing balance's date)
   */
  public static String mt940(
      String account,
      String statementId,
      String currency,
      LocalDate first,
      LocalDate last,
      List<Entry> entries) {
    StringBuilder out = new StringBuilder();
    out.append(":20:").append(statementId).append('\n');
    out.append(":25:").append(account).append('\n');
    out.append(":28C:1/1\n");
    out.append(":60F:C").append(first.format(YYMMDD)).append(currency).append("0,00\n");
    BigDecimal balance = BigDecimal.ZERO;
    for (Entry e : entries) {
      balance = balance.add(e.amount());
      out.append(":61:")
          .append(e.bookingDate().format(YYMMDD))
          .append(e.bookingDate().format(MMDD))
          .append(e.amount().signum() < 0 ? "D" : "C")
          .append(amount(e.amount().abs()))
          .append("NTRF")
          .append(e.endToEndId())
          .append("//")
          .append(e.endToEndId())
          .append('\n');
      out.append(":86:EREF+").append(e.endToEndId()).append("?SVWZ+").append(e.details());
      out.append('\n');
    }
    out.append(":62F:")
        .append(balance.signum() < 0 ? "D" : "C")
        .append(last.format(YYMMDD))
        .append(currency)
        .append(amount(balance.abs()))
        .append('\n');
    out.append("-\n");
    return out.toString();
  }

  /** The day a batch of {@code day} is settled: the next business day. */
  public static LocalDate settlementDay(LocalDate day) {
    return MatchingEngine.addBusinessDays(day, 1);
  }

  private static String amount(BigDecimal value) {
    return value.setScale(2, RoundingMode.UNNECESSARY).toPlainString().replace('.', ',');
  }
}
