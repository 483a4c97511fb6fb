package com.ledgerline.payments.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
import com.ledgerline.shared.Money;
import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;

/** Refunds against a credit note at the edges of what it has left (issue 3). */
class AllocationTest {
  private static final Currency GBP = Currency.getInstance("GBP");
  private static final Currency JPY = Currency.getInstance("JPY");

  private static Money gbp(String amount) {
    return Money.exact(new BigDecimal(amount), GBP);
  }

  @Test
  void aRefundOfExactlyWhatIsLeftLeavesNothing() {
    assertEquals(gbp("0.00"), Allocation.withinCreditNote(gbp("4.59"), gbp("9.18"), gbp("4.59")));
  }

  @Test
  void aPartialRefundLeavesTheRest() {
    assertEquals(gbp("6.18"), Allocation.withinCreditNote(gbp("3.00"), gbp("9.18"), gbp("0.00")));
  }

  @Test
  void onePennyMoreThanIsLeftIsRefusedWithItsCode() {
    BusinessRuleViolation refused =
        assertThrows(
            BusinessRuleViolation.class,
            () -> Allocation.withinCreditNote(gbp("4.60"), gbp("9.18"), gbp("4.59")));
    assertEquals(ErrorCode.REFUND_EXCEEDS_CREDIT_NOTE, refused.code());
  }

  @Test
  void aCreditNoteRefundedInFullTakesNoMore() {
    BusinessRuleViolation refused =
        assertThrows(
            BusinessRuleViolation.class,
            () -> Allocation.withinCreditNote(gbp("0.01"), gbp("9.18"), gbp("9.18")));
    assertEquals(ErrorCode.REFUND_EXCEEDS_CREDIT_NOTE, refused.code());
  }

  @Test
  void anotherCurrencyIsNeverCompared() {
    BusinessRuleViolation refused =
        assertThrows(
            BusinessRuleViolation.class,
            () ->
                Allocation.withinCreditNote(
                    Money.exact(BigDecimal.ONE, JPY), gbp("9.18"), gbp("0.00")));
    assertEquals(ErrorCode.CURRENCY_MISMATCH, refused.code());
  }
}
