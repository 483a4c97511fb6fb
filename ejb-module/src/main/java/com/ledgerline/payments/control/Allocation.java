package com.ledgerline.payments.control;

import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
import com.ledgerline.shared.Money;
import java.math.BigDecimal;
import java.util.Currency;

/**
 * The arithmetic of payments, reversals and refunds against one sale, in the sale's currency at its
 * minor-unit scale. Pure: no database, no rounding (every amount is exact money, refused
 * otherwise).
 *
 * <p>Two places hold what a sale's payments left: its open amount in Accounts receivable (the sum
 * of the customer ledger entries that name the sale) and the customer credit held in Customer
 * deposits from its payments (DESIGN.md 5 "payment": Cr Accounts receivable for the open amount, Cr
 * Customer deposits for any excess).
 */
public final class Allocation {
  private Allocation() {}

  /**
   * How an amount divides between Accounts receivable and Customer deposits.
   *
   * @param receivable the part posted against the sale's open amount, ≥ 0
   * @param deposit the part posted to or from the customer's credit, ≥ 0
   */
  public record Split(Money receivable, Money deposit) {
    public Money total() {
      return receivable.plus(deposit);
    }
  }

  /**
   * A payment settles the sale's open amount first; the excess is held as customer credit. An open
   * amount of zero or below (already paid, or credited) sends the whole payment to deposits.
   *
   * @param amount the payment, > 0
   * @param open the sale's open amount before this payment, any sign
   */
  public static Split payment(Money amount, Money open) {
    Money settles = min(amount, positivePart(open));
    return new Split(settles, amount.minus(settles));
  }

  /**
   * A reversal takes back the sale's excess first (the credit held in deposits from its payments),
   * then puts the rest back onto the open amount. Taking the excess first keeps the sale's open
   * amount equal to what it charges less what remains paid, whichever of its payments is reversed:
   * reversing a payment that settled the invoice while a later one was held as excess leaves no
   * customer credit beside a re-opened invoice.
   *
   * @param amount the reversed payment, > 0
   * @param depositsHeld the credit held in deposits from the sale's payments, ≥ 0
   */
  public static Split reversal(Money amount, Money depositsHeld) {
    Money deposit = min(amount, positivePart(depositsHeld));
    return new Split(amount.minus(deposit), deposit);
  }

  /**
   * A refund pays out the credit the sale left the customer: first the part of its open amount
   * below zero (a credit note or an overpayment kept in receivables), then deposits.
   *
   * @param amount the refund, > 0
   * @param open the sale's open amount, any sign
   * @param depositsHeld the credit held in deposits from the sale's payments, ≥ 0
   * @throws BusinessRuleViolation {@code REFUND_EXCEEDS_CUSTOMER_CREDIT} above that credit
   */
  public static Split refund(Money amount, Money open, Money depositsHeld) {
    Money fromReceivable = positivePart(open.negate());
    Money credit = fromReceivable.plus(positivePart(depositsHeld));
    if (amount.compareTo(credit) > 0) {
      throw new BusinessRuleViolation(
          ErrorCode.REFUND_EXCEEDS_CUSTOMER_CREDIT,
          "the refund " + amount + " exceeds the customer's credit of " + credit + " on the sale");
    }
    Money receivable = min(amount, fromReceivable);
    return new Split(receivable, amount.minus(receivable));
  }

  /**
   * A refund against a credit note pays out at most what of the credit note is not refunded yet
   * (issue 3). Checked before {@link #refund}, which still bounds it by the sale's credit: a credit
   * note on an unpaid invoice lowers what the customer owes and leaves nothing to pay out.
   *
   * @param amount the refund, > 0
   * @param total the credit note's total, ≥ 0
   * @param refunded what earlier refunds of the credit note paid out, ≥ 0
   * @return what remains of the credit note after this refund, ≥ 0
   * @throws BusinessRuleViolation {@code REFUND_EXCEEDS_CREDIT_NOTE} when {@code amount > total -
   *     refunded}
   */
  public static Money withinCreditNote(Money amount, Money total, Money refunded) {
    Money remaining = total.minus(refunded);
    if (amount.compareTo(remaining) > 0) {
      throw new BusinessRuleViolation(
          ErrorCode.REFUND_EXCEEDS_CREDIT_NOTE,
          "the refund "
              + amount
              + " exceeds the "
              + remaining
              + " of the credit note not refunded yet (total "
              + total
              + ", refunded "
              + refunded
              + ")");
    }
    return remaining.minus(amount);
  }

  /** The credit a sale leaves its customer: open amount below zero plus deposits held. */
  public static Money customerCredit(Money open, Money depositsHeld) {
    return positivePart(open.negate()).plus(positivePart(depositsHeld));
  }

  /**
   * An amount received or paid out: positive and exact at the currency's minor units (JPY 0
   * decimals, GBP 2, BHD 3). Never rounded.
   *
   * @param where names the field in the error, e.g. {@code "tender 2: amount"}
   * @throws BusinessRuleViolation {@code INVALID_AMOUNT} when null, ≤ 0 or too precise
   */
  public static Money requireAmount(BigDecimal amount, Currency currency, String where) {
    if (amount == null || amount.signum() <= 0) {
      throw new BusinessRuleViolation(
          ErrorCode.INVALID_AMOUNT, where + " must be positive, was " + amount);
    }
    try {
      return Money.exact(amount, currency);
    } catch (BusinessRuleViolation tooPrecise) {
      throw new BusinessRuleViolation(ErrorCode.INVALID_AMOUNT, where + ": " + tooPrecise.detail());
    }
  }

  private static Money positivePart(Money value) {
    return value.isNegative() ? Money.zero(value.currency()) : value;
  }

  private static Money min(Money a, Money b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
