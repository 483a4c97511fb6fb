package com.ledgerline.ledger;

import java.math.BigDecimal;
import java.util.List;

/**
 * One step of a generated posting sequence, as a user or an accountant would ask for it. Documents
 * are named by selectors ({@code sale}, {@code payment}, {@code line}: an index taken modulo what
 * exists when the step runs), so every sequence is runnable and shrinks to a shorter, simpler one.
 * A step with nothing to act on (no sale yet) is skipped. The records' {@code toString} is the
 * counterexample jqwik reports.
 */
sealed interface PostingAction {

  /**
   * Post a sale to customer {@code customer} (modulo the try's customers).
   *
   * @param lines variant selectors (modulo the customer's currency's variants), quantities and
   *     prices (null = the catalogue price)
   */
  record Sell(int customer, List<SellLine> lines) implements PostingAction {}

  /** A line to sell: variant 0 stocked, 1 stocked at another tax rate, 2 backorder, 3 service. */
  record SellLine(int variant, BigDecimal quantity, BigDecimal unitPrice) {
    @Override
    public String toString() {
      return "v"
          + variant
          + " × "
          + quantity.toPlainString()
          + (unitPrice == null ? " @catalogue" : " @" + unitPrice.toPlainString());
    }
  }

  /** Amend a sale: the changes are applied to its current lines to make the next revision. */
  record Amend(int sale, List<Change> changes) implements PostingAction {}

  /** What an amendment does to the lines. */
  enum ChangeKind {
    UP,
    DOWN,
    REMOVE,
    ADD,
    REPRICE
  }

  /**
   * One change: {@code line} selects an existing line (UP, DOWN, REMOVE, REPRICE), {@code variant}
   * the variant an ADD sells; {@code quantity} is added (UP, ADD) or taken (DOWN, the line goes
   * when nothing is left); {@code unitPrice} for ADD and REPRICE (null = the catalogue price).
   */
  record Change(ChangeKind kind, int line, int variant, BigDecimal quantity, BigDecimal unitPrice) {
    @Override
    public String toString() {
      return switch (kind) {
        case UP -> "line " + line + " +" + quantity.toPlainString();
        case DOWN -> "line " + line + " -" + quantity.toPlainString();
        case REMOVE -> "remove line " + line;
        case ADD ->
            "add v"
                + variant
                + " × "
                + quantity.toPlainString()
                + (unitPrice == null ? " @catalogue" : " @" + unitPrice.toPlainString());
        case REPRICE ->
            "reprice line "
                + line
                + (unitPrice == null ? " @catalogue" : " @" + unitPrice.toPlainString());
      };
    }
  }

  /** Credit a sale: no parts = a full credit note of everything left. */
  record Credit(int sale, boolean restock, List<CreditPart> parts) implements PostingAction {}

  /** How much of a line a partial credit note takes. */
  enum Portion {
    ALL_LEFT,
    HALF_LEFT,
    ONE_UNIT,
    MORE_THAN_LEFT
  }

  record CreditPart(int line, Portion portion) {
    @Override
    public String toString() {
      return "line " + line + " " + portion;
    }
  }

  /** Void a sale. */
  record VoidSale(int sale) implements PostingAction {}

  /** Record a payment, or a split tender when there are several tenders. */
  record Pay(int sale, List<TenderSpec> tenders) implements PostingAction {}

  /** How much one tender pays, relative to what the sale still has open when it is recorded. */
  enum PayAmount {
    ALL_OPEN,
    HALF_OPEN,
    MORE_THAN_OPEN,
    ONE_MINOR_UNIT,
    TOO_PRECISE
  }

  record TenderSpec(String method, PayAmount amount) {
    @Override
    public String toString() {
      return method + " " + amount;
    }
  }

  /**
   * Ask for a payment's deletion, then approve it (the reversal), reject it or leave it pending.
   */
  record DeletePayment(int payment, Decision decision) implements PostingAction {}

  enum Decision {
    APPROVE,
    REJECT,
    LEAVE_PENDING
  }

  /** Refund part or all of the credit a sale left its customer, or more than that. */
  record Refund(int sale, RefundAmount amount) implements PostingAction {}

  enum RefundAmount {
    ALL_CREDIT,
    HALF_CREDIT,
    MORE_THAN_CREDIT
  }
}
