package com.ledgerline.reconciliation.control;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The bank reconciliation's matching rules (issue 6): pure, deterministic logic over the open
 * statement lines of one bank account and the open book items that should appear on it. Same input,
 * same output, whatever order the input came in (lines are taken by booking date then id, items by
 * date then key; every tie is broken by that order and said so in the explanation).
 *
 * <p>Rules, in order; a line or an item taken by one rule is not offered to the next:
 *
 * <ol>
 *   <li><b>Duplicate.</b> A line with the same booking date, amount and a non-empty reference (end
 *       to end id, bank reference or remittance information) as an earlier line of the account
 *       (already matched or not, in this statement or another) is {@code DUPLICATE}.
 *   <li><b>Exact reference</b> (score 100; 95 when a tie was broken): a line whose references carry
 *       a bank payment's or refund's number, its sale's number or its own reference. Equal amounts
 *       match; a difference within the rounding tolerance is {@code ROUNDING}, any other {@code
 *       AMOUNT}.
 *   <li><b>Amount and date window</b> (score 90 − 5 per business day apart, − 10 when a tie was
 *       broken): a bank payment or refund of exactly the line's amount dated within the window.
 *   <li><b>One to many</b>: a card settlement batch (a day's card payments net of card refunds)
 *       paid by one line booked 1 to window business days after the batch day, net of the
 *       acquirer's fee. Fee = batch gross − line amount. Score 90 when it is the contract's fee
 *       ({@link Rules#expectedFee}), 75 when it differs but stays within the tolerance ({@link
 *       Rules#feeTolerance}); − 5 per business day after the first.
 *   <li><b>Many to one</b> (score 70): two or three lines within the window that add up to one book
 *       item (a card batch's expected net, a bank item's amount).
 *   <li><b>Pairs that almost match</b>: a line and a card batch within the window whose expected
 *       net differs from the line by at most the pairing share of the gross (the batch settled
 *       soonest before the line first, then the closest amount): {@code ROUNDING} when the
 *       difference is within the rounding tolerance, {@code FEE} when the fee exceeds the
 *       tolerance, otherwise {@code AMOUNT} (the bank paid more than the gross).
 *   <li><b>Left over.</b> A line: {@code TIMING} when booked within the window before today (the
 *       books may not have it yet), else {@code MISSING_IN_BOOKS}. A book item the statements
 *       cover: {@code TIMING} while its window has not passed the statements' last day, else {@code
 *       MISSING_IN_BANK}.
 * </ol>
 *
 * <p>Business days are Monday to Friday (no bank holidays).
 */
public final class MatchingEngine {
  private static final Pattern TOKEN = Pattern.compile("[^A-Z0-9-]+");

  private MatchingEngine() {}

  /** What a statement line tells. Amounts signed: a credit to the account is positive. */
  public record BankLine(
      long id,
      LocalDate bookingDate,
      BigDecimal amount,
      String currency,
      String endToEndId,
      String bankReference,
      String remittanceInfo) {

    String referenceText() {
      return String.join(
          " ",
          endToEndId == null ? "" : endToEndId,
          bankReference == null ? "" : bankReference,
          remittanceInfo == null ? "" : remittanceInfo);
    }

    /** The key two reports of the same bank line share; null when the line has no reference. */
    String duplicateKey() {
      String reference = referenceText().trim();
      return reference.isEmpty()
          ? null
          : bookingDate + "|" + amount.stripTrailingZeros().toPlainString() + "|" + reference;
    }
  }

  /** What kind of book item. */
  public enum Kind {
    /** A payment received by a tender posting to the bank account. */
    BANK_PAYMENT,
    /** A refund paid out from the bank account (negative amount). */
    BANK_REFUND,
    /** A day's card payments net of card refunds, awaiting the acquirer's settlement. */
    CARD_BATCH
  }

  /**
   * What the books say should appear on the bank account.
   *
   * @param key stable key: {@code PAY:PAY-…}, {@code RFD:RFD-…}, {@code CARD:GBP:2011-07-01}
   * @param amount signed as the bank will show it; for a card batch the gross (before the fee)
   * @param references document numbers and references a bank line may quote (upper case)
   */
  public record BookItem(
      String key,
      Kind kind,
      LocalDate date,
      BigDecimal amount,
      String currency,
      Set<String> references) {}

  /**
   * The configured rules.
   *
   * @param windowBusinessDays how far apart a line and a book item may be dated, in business days
   * @param feePercent the acquirer's contract fee, percent of the gross
   * @param feeFixed the contract's fixed fee per batch, currency units
   * @param feeTolerancePercent the largest fee accepted, percent of the gross, …
   * @param feeToleranceFixed … plus this fixed amount
   * @param roundingTolerance the largest difference taken for rounding, currency units
   * @param pairingPercent how far (percent of the gross) a line may be from a card batch's expected
   *     net and still be taken as its (faulty) settlement
   * @param scale the currency's decimals
   */
  public record Rules(
      int windowBusinessDays,
      BigDecimal feePercent,
      BigDecimal feeFixed,
      BigDecimal feeTolerancePercent,
      BigDecimal feeToleranceFixed,
      BigDecimal roundingTolerance,
      BigDecimal pairingPercent,
      int scale) {

    /** The defaults: ±3 business days, fee 1.4 % + 0.20, accepted up to 3 % + 0.20, 0.05. */
    public static Rules defaults() {
      return new Rules(
          3,
          new BigDecimal("1.4"),
          new BigDecimal("0.20"),
          new BigDecimal("3"),
          new BigDecimal("0.20"),
          new BigDecimal("0.05"),
          new BigDecimal("10"),
          2);
    }

    /**
     * The acquirer's fee for a batch: round(feePercent % × gross + feeFixed, scale) half-up for a
     * positive gross, 0 otherwise.
     */
    public BigDecimal expectedFee(BigDecimal gross) {
      if (gross.signum() <= 0) {
        return BigDecimal.ZERO.setScale(scale);
      }
      return gross
          .multiply(feePercent)
          .movePointLeft(2)
          .add(feeFixed)
          .setScale(scale, RoundingMode.HALF_UP);
    }

    /** The largest fee accepted for a batch: feeTolerancePercent % × gross + feeToleranceFixed. */
    public BigDecimal feeTolerance(BigDecimal gross) {
      if (gross.signum() <= 0) {
        return BigDecimal.ZERO;
      }
      return gross.multiply(feeTolerancePercent).movePointLeft(2).add(feeToleranceFixed);
    }

    BigDecimal expectedNet(BookItem item) {
      return item.kind() == Kind.CARD_BATCH
          ? item.amount().subtract(expectedFee(item.amount()))
          : item.amount();
    }
  }

  /** The rules a match was made by. */
  public enum Rule {
    EXACT_REFERENCE,
    AMOUNT_DATE,
    ONE_TO_MANY,
    MANY_TO_ONE
  }

  /** Discrepancy classes (issue 6). */
  public enum DiscrepancyClass {
    FEE,
    TIMING,
    MISSING_IN_BOOKS,
    MISSING_IN_BANK,
    DUPLICATE,
    ROUNDING,
    AMOUNT
  }

  /**
   * A match: the lines and items it pairs, the fee (card batches: gross − lines, else 0) and why.
   */
  public record Match(
      Rule rule,
      int score,
      List<Long> lineIds,
      List<String> itemKeys,
      BigDecimal statementAmount,
      BigDecimal bookAmount,
      BigDecimal fee,
      String explanation) {}

  /**
   * A discrepancy: a line, an item or both (a pair that almost matches), the amount (the line's,
   * else the item's) and the difference (line − expected; 0 when only one side is known).
   */
  public record Discrepancy(
      DiscrepancyClass discrepancyClass,
      Long lineId,
      String itemKey,
      BigDecimal amount,
      BigDecimal difference,
      String explanation) {}

  /** A run's outcome. */
  public record Outcome(List<Match> matches, List<Discrepancy> discrepancies) {}

  /**
   * Matches one account's open lines against the open book items.
   *
   * @param lines the account's open lines (neither matched nor closed)
   * @param earlierLines every other line of the account, for the duplicate rule
   * @param items the open book items of the account's currency near the statements' dates
   * @param coverageStart the first day the account's statements cover
   * @param coverageEnd the last day they cover
   * @param today the day of the run (a line within the window before it may be ahead of the books)
   */
  public static Outcome match(
      List<BankLine> lines,
      List<BankLine> earlierLines,
      List<BookItem> items,
      LocalDate coverageStart,
      LocalDate coverageEnd,
      LocalDate today,
      Rules rules) {
    List<BankLine> open = new ArrayList<>(lines);
    open.sort(Comparator.comparing(BankLine::bookingDate).thenComparingLong(BankLine::id));
    List<BookItem> books = new ArrayList<>(items);
    books.sort(Comparator.comparing(BookItem::date).thenComparing(BookItem::key));
    List<Match> matches = new ArrayList<>();
    List<Discrepancy> discrepancies = new ArrayList<>();

    duplicates(open, earlierLines, discrepancies);
    exactReference(open, books, rules, matches, discrepancies);
    amountAndDate(open, books, rules, matches);
    oneToMany(open, books, rules, matches);
    manyToOne(open, books, rules, matches);
    nearMisses(open, books, rules, discrepancies);

    int window = rules.windowBusinessDays();
    for (BankLine line : open) {
      boolean recent = !addBusinessDays(line.bookingDate(), window).isBefore(today);
      discrepancies.add(
          new Discrepancy(
              recent ? DiscrepancyClass.TIMING : DiscrepancyClass.MISSING_IN_BOOKS,
              line.id(),
              null,
              line.amount(),
              BigDecimal.ZERO,
              recent
                  ? "no book item yet for the line of "
                      + line.bookingDate()
                      + "; booked within "
                      + window
                      + " business days of today, the books may catch up"
                  : "nothing in the books explains "
                      + plain(line.amount())
                      + " booked "
                      + line.bookingDate()
                      + " ("
                      + line.referenceText().trim()
                      + ")"));
    }
    for (BookItem item : books) {
      LocalDate expected =
          item.kind() == Kind.CARD_BATCH ? addBusinessDays(item.date(), 1) : item.date();
      if (expected.isBefore(coverageStart) || item.date().isAfter(coverageEnd)) {
        continue;
      }
      boolean windowPassed = !addBusinessDays(item.date(), window).isAfter(coverageEnd);
      discrepancies.add(
          new Discrepancy(
              windowPassed ? DiscrepancyClass.MISSING_IN_BANK : DiscrepancyClass.TIMING,
              null,
              item.key(),
              item.amount(),
              BigDecimal.ZERO,
              (windowPassed
                      ? "no bank line within " + window + " business days of "
                      : "no bank line yet; the window after ")
                  + item.date()
                  + " for "
                  + item.key()
                  + " "
                  + plain(rules.expectedNet(item))
                  + (windowPassed ? "; the statements run to " : " runs past the statements' ")
                  + coverageEnd));
    }
    return new Outcome(List.copyOf(matches), List.copyOf(discrepancies));
  }

  private static void duplicates(
      List<BankLine> open, List<BankLine> earlierLines, List<Discrepancy> discrepancies) {
    Map<String, Long> firstSeen = new HashMap<>();
    List<BankLine> all = new ArrayList<>(earlierLines);
    all.addAll(open);
    all.sort(Comparator.comparingLong(BankLine::id));
    Set<Long> openIds = new HashSet<>();
    open.forEach(l -> openIds.add(l.id()));
    for (BankLine line : all) {
      String key = line.duplicateKey();
      if (key == null) {
        continue;
      }
      Long first = firstSeen.putIfAbsent(key, line.id());
      if (first != null && openIds.contains(line.id())) {
        discrepancies.add(
            new Discrepancy(
                DiscrepancyClass.DUPLICATE,
                line.id(),
                null,
                line.amount(),
                BigDecimal.ZERO,
                "same booking date "
                    + line.bookingDate()
                    + ", amount "
                    + plain(line.amount())
                    + " and reference as line "
                    + first));
        open.remove(line);
      }
    }
  }

  private static void exactReference(
      List<BankLine> open,
      List<BookItem> books,
      Rules rules,
      List<Match> matches,
      List<Discrepancy> discrepancies) {
    for (BankLine line : List.copyOf(open)) {
      Set<String> tokens = tokens(line.referenceText());
      if (tokens.isEmpty()) {
        continue;
      }
      List<BookItem> candidates = new ArrayList<>();
      for (BookItem item : books) {
        if (item.kind() != Kind.CARD_BATCH
            && item.currency().equals(line.currency())
            && item.references().stream().anyMatch(tokens::contains)) {
          candidates.add(item);
        }
      }
      if (candidates.isEmpty()) {
        continue;
      }
      // equal amount first, then the closest date, then the key
      candidates.sort(
          Comparator.comparing((BookItem i) -> i.amount().compareTo(line.amount()) != 0)
              .thenComparingLong(i -> Math.abs(businessDaysBetween(i.date(), line.bookingDate())))
              .thenComparing(BookItem::key));
      BookItem item = candidates.get(0);
      boolean tie =
          candidates.size() > 1 && candidates.get(1).amount().compareTo(item.amount()) == 0;
      BigDecimal difference = line.amount().subtract(item.amount());
      String quoted =
          item.references().stream().filter(tokens::contains).sorted().findFirst().orElse("");
      open.remove(line);
      books.remove(item);
      if (difference.signum() == 0) {
        matches.add(
            new Match(
                Rule.EXACT_REFERENCE,
                tie ? 95 : 100,
                List.of(line.id()),
                List.of(item.key()),
                line.amount(),
                item.amount(),
                BigDecimal.ZERO,
                "the line quotes "
                    + quoted
                    + " of "
                    + item.key()
                    + " and carries its amount "
                    + plain(item.amount())
                    + (tie
                        ? "; of " + candidates.size() + " quoted items the closest by date"
                        : "")));
      } else {
        boolean rounding = difference.abs().compareTo(rules.roundingTolerance()) <= 0;
        discrepancies.add(
            new Discrepancy(
                rounding ? DiscrepancyClass.ROUNDING : DiscrepancyClass.AMOUNT,
                line.id(),
                item.key(),
                line.amount(),
                difference,
                "the line quotes "
                    + quoted
                    + " of "
                    + item.key()
                    + " but carries "
                    + plain(line.amount())
                    + " for "
                    + plain(item.amount())
                    + " (difference "
                    + plain(difference)
                    + ")"));
      }
    }
  }

  private static void amountAndDate(
      List<BankLine> open, List<BookItem> books, Rules rules, List<Match> matches) {
    for (BankLine line : List.copyOf(open)) {
      List<BookItem> candidates = new ArrayList<>();
      for (BookItem item : books) {
        if (item.kind() != Kind.CARD_BATCH
            && item.currency().equals(line.currency())
            && item.amount().compareTo(line.amount()) == 0
            && Math.abs(businessDaysBetween(item.date(), line.bookingDate()))
                <= rules.windowBusinessDays()) {
          candidates.add(item);
        }
      }
      if (candidates.isEmpty()) {
        continue;
      }
      candidates.sort(
          Comparator.comparingLong(
                  (BookItem i) -> Math.abs(businessDaysBetween(i.date(), line.bookingDate())))
              .thenComparing(BookItem::key));
      BookItem item = candidates.get(0);
      long distance = Math.abs(businessDaysBetween(item.date(), line.bookingDate()));
      boolean tie =
          candidates.size() > 1
              && Math.abs(businessDaysBetween(candidates.get(1).date(), line.bookingDate()))
                  == distance;
      int score = (int) Math.max(0, 90 - 5 * distance - (tie ? 10 : 0));
      open.remove(line);
      books.remove(item);
      matches.add(
          new Match(
              Rule.AMOUNT_DATE,
              score,
              List.of(line.id()),
              List.of(item.key()),
              line.amount(),
              item.amount(),
              BigDecimal.ZERO,
              "amount "
                  + plain(line.amount())
                  + " equals "
                  + item.key()
                  + ", "
                  + distance
                  + " business day(s) apart"
                  + (tie ? "; " + candidates.size() + " items as near, the first by key" : "")));
    }
  }

  private static void oneToMany(
      List<BankLine> open, List<BookItem> books, Rules rules, List<Match> matches) {
    for (BankLine line : List.copyOf(open)) {
      BookItem best = null;
      int bestScore = -1;
      BigDecimal bestFee = null;
      for (BookItem item : books) {
        if (item.kind() != Kind.CARD_BATCH || !item.currency().equals(line.currency())) {
          continue;
        }
        long after = businessDaysBetween(item.date(), line.bookingDate());
        if (after < 1 || after > rules.windowBusinessDays()) {
          continue;
        }
        BigDecimal fee = item.amount().subtract(line.amount());
        BigDecimal expected = rules.expectedFee(item.amount());
        int score;
        if (fee.compareTo(expected) == 0) {
          score = 90;
        } else if (item.amount().signum() > 0
            && fee.signum() >= 0
            && fee.compareTo(rules.feeTolerance(item.amount())) <= 0
            && fee.subtract(expected).abs().compareTo(rules.roundingTolerance()) > 0) {
          score = 75;
        } else {
          continue;
        }
        score = (int) Math.max(0, score - 5 * (after - 1));
        // the higher score wins; items come by date then key, so the first of equals stays
        if (score > bestScore) {
          best = item;
          bestScore = score;
          bestFee = fee;
        }
      }
      if (best == null) {
        continue;
      }
      open.remove(line);
      books.remove(best);
      matches.add(
          new Match(
              Rule.ONE_TO_MANY,
              bestScore,
              List.of(line.id()),
              List.of(best.key()),
              line.amount(),
              best.amount(),
              bestFee,
              "card batch "
                  + best.key()
                  + " gross "
                  + plain(best.amount())
                  + " settled "
                  + plain(line.amount())
                  + " on "
                  + line.bookingDate()
                  + ": fee "
                  + plain(bestFee)
                  + (bestFee.compareTo(rules.expectedFee(best.amount())) == 0
                      ? " as the contract's " + rules.feePercent() + " % + " + rules.feeFixed()
                      : " (contract "
                          + plain(rules.expectedFee(best.amount()))
                          + "), within the tolerance "
                          + plain(
                              rules
                                  .feeTolerance(best.amount())
                                  .setScale(rules.scale(), RoundingMode.DOWN)))));
    }
  }

  private static void manyToOne(
      List<BankLine> open, List<BookItem> books, Rules rules, List<Match> matches) {
    for (BookItem item : List.copyOf(books)) {
      BigDecimal target = rules.expectedNet(item);
      List<BankLine> near = new ArrayList<>();
      for (BankLine line : open) {
        long after = businessDaysBetween(item.date(), line.bookingDate());
        boolean inWindow =
            item.kind() == Kind.CARD_BATCH
                ? after >= 1 && after <= rules.windowBusinessDays()
                : Math.abs(after) <= rules.windowBusinessDays();
        if (inWindow
            && line.currency().equals(item.currency())
            && line.amount().signum() == target.signum()) {
          near.add(line);
        }
      }
      List<BankLine> found = combination(near, target);
      if (found == null) {
        continue;
      }
      open.removeAll(found);
      books.remove(item);
      BigDecimal sum =
          found.stream().map(BankLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
      matches.add(
          new Match(
              Rule.MANY_TO_ONE,
              70,
              found.stream().map(BankLine::id).toList(),
              List.of(item.key()),
              sum,
              item.amount(),
              item.amount().subtract(sum),
              found.size()
                  + " lines add up to "
                  + plain(sum)
                  + ", "
                  + (item.kind() == Kind.CARD_BATCH
                      ? "the expected net of card batch " + item.key()
                      : "the amount of " + item.key())));
    }
  }

  /** The first combination of 2 or 3 lines (in line order) adding up to the target, or null. */
  private static List<BankLine> combination(List<BankLine> lines, BigDecimal target) {
    int n = Math.min(lines.size(), 40);
    for (int a = 0; a < n; a++) {
      for (int b = a + 1; b < n; b++) {
        BigDecimal two = lines.get(a).amount().add(lines.get(b).amount());
        if (two.compareTo(target) == 0) {
          return List.of(lines.get(a), lines.get(b));
        }
        for (int c = b + 1; c < n; c++) {
          if (two.add(lines.get(c).amount()).compareTo(target) == 0) {
            return List.of(lines.get(a), lines.get(b), lines.get(c));
          }
        }
      }
    }
    return null;
  }

  private static void nearMisses(
      List<BankLine> open, List<BookItem> books, Rules rules, List<Discrepancy> discrepancies) {
    for (BankLine line : List.copyOf(open)) {
      BookItem best = null;
      BigDecimal bestGap = null;
      long bestAfter = Long.MAX_VALUE;
      for (BookItem item : books) {
        long after = businessDaysBetween(item.date(), line.bookingDate());
        if (item.kind() != Kind.CARD_BATCH
            || !item.currency().equals(line.currency())
            || item.amount().signum() <= 0
            || line.amount().signum() <= 0
            || after < 1
            || after > rules.windowBusinessDays()) {
          continue;
        }
        BigDecimal gap = line.amount().subtract(rules.expectedNet(item)).abs();
        BigDecimal bound = item.amount().multiply(rules.pairingPercent()).movePointLeft(2);
        // the batch settled soonest before the line first, then the closest amount
        if (gap.compareTo(bound) <= 0
            && (after < bestAfter || (after == bestAfter && gap.compareTo(bestGap) < 0))) {
          best = item;
          bestGap = gap;
          bestAfter = after;
        }
      }
      if (best == null) {
        continue;
      }
      BigDecimal expectedNet = rules.expectedNet(best);
      BigDecimal difference = line.amount().subtract(expectedNet);
      BigDecimal fee = best.amount().subtract(line.amount());
      DiscrepancyClass discrepancyClass;
      String why;
      if (difference.abs().compareTo(rules.roundingTolerance()) <= 0) {
        discrepancyClass = DiscrepancyClass.ROUNDING;
        why = "within the rounding tolerance " + plain(rules.roundingTolerance());
      } else if (fee.compareTo(rules.feeTolerance(best.amount())) > 0) {
        discrepancyClass = DiscrepancyClass.FEE;
        why =
            "fee "
                + plain(fee)
                + " above the tolerance "
                + rules.feeTolerancePercent()
                + " % + "
                + rules.feeToleranceFixed();
      } else {
        discrepancyClass = DiscrepancyClass.AMOUNT;
        why = "the bank paid " + plain(fee.negate()) + " more than the batch's gross";
      }
      open.remove(line);
      books.remove(best);
      discrepancies.add(
          new Discrepancy(
              discrepancyClass,
              line.id(),
              best.key(),
              line.amount(),
              difference,
              "card batch "
                  + best.key()
                  + " gross "
                  + plain(best.amount())
                  + " expected "
                  + plain(expectedNet)
                  + ", the line carries "
                  + plain(line.amount())
                  + " (difference "
                  + plain(difference)
                  + "): "
                  + why));
    }
  }

  /** Upper-case tokens of a reference text (letters, digits and dashes). */
  static Set<String> tokens(String text) {
    Set<String> tokens = new HashSet<>();
    for (String token : TOKEN.split(text.toUpperCase(Locale.ROOT))) {
      if (token.length() >= 4) {
        tokens.add(token);
      }
    }
    return tokens;
  }

  /** Business days (Monday to Friday) from {@code from} to {@code to}; negative when before. */
  public static long businessDaysBetween(LocalDate from, LocalDate to) {
    if (to.isBefore(from)) {
      return -businessDaysBetween(to, from);
    }
    long days = 0;
    for (LocalDate d = from; d.isBefore(to); ) {
      d = d.plusDays(1);
      if (isBusinessDay(d)) {
        days++;
      }
    }
    return days;
  }

  /** The day {@code days} business days after {@code day} (Monday to Friday). */
  public static LocalDate addBusinessDays(LocalDate day, int days) {
    LocalDate d = day;
    for (int i = 0; i < days; ) {
      d = d.plusDays(1);
      if (isBusinessDay(d)) {
        i++;
      }
    }
    return d;
  }

  static boolean isBusinessDay(LocalDate day) {
    return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
  }

  private static String plain(BigDecimal amount) {
    return amount.stripTrailingZeros().scale() < 2
        ? amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString()
        : amount.stripTrailingZeros().toPlainString();
  }
}
