package com.ledgerline.payments.control;

import static com.ledgerline.shared.Jsonp.JSON;

import com.ledgerline.payments.entity.Payment;
import com.ledgerline.payments.entity.PaymentReversal;
import com.ledgerline.payments.entity.Refund;
import com.ledgerline.sales.entity.Sale;
import jakarta.json.JsonObjectBuilder;

/**
 * The outbound events of the payments component (DESIGN.md 6, versioned JSON): {@code
 * payment.recorded}, {@code payment.reversed}, {@code refund.paid} (its {@code creditNoteNumber}
 * empty when the refund names none). Amounts at the currency's scale. The same documents are the
 * detail of the audit records.
 */
final class PaymentEvents {
  static final int SCHEMA_VERSION = 1;

  private PaymentEvents() {}

  static String recorded(Payment payment, Sale sale) {
    return header("payment.recorded", sale)
        .add("paymentNumber", payment.paymentNumber())
        .add("paymentDate", payment.paymentDate().toString())
        .add("method", payment.tenderCode())
        .add("accountCode", payment.accountCode())
        .add("amount", payment.amount().amount())
        .add("receivableAmount", payment.receivableAmount().amount())
        .add("depositAmount", payment.depositAmount().amount())
        .add("reference", payment.reference() == null ? "" : payment.reference())
        .add("journalEntryNumber", payment.journalEntry().entryNumber())
        .build()
        .toString();
  }

  static String reversed(PaymentReversal reversal, Sale sale, String requestedBy) {
    Payment payment = reversal.payment();
    return header("payment.reversed", sale)
        .add("paymentNumber", payment.paymentNumber())
        .add("reversalDate", reversal.reversalDate().toString())
        .add("method", payment.tenderCode())
        .add("amount", payment.amount().amount())
        .add("receivableAmount", reversal.receivableAmount().amount())
        .add("depositAmount", reversal.depositAmount().amount())
        .add("approvalRequestNumber", reversal.approvalRequestNumber())
        .add("requestedBy", requestedBy)
        .add("approvedBy", reversal.createdBy())
        .add("reason", reversal.reason())
        .add("journalEntryNumber", reversal.journalEntry().entryNumber())
        .build()
        .toString();
  }

  static String refunded(Refund refund, Sale sale) {
    return header("refund.paid", sale)
        .add("refundNumber", refund.refundNumber())
        .add(
            "creditNoteNumber",
            refund.creditNote() == null ? "" : refund.creditNote().creditNoteNumber())
        .add("refundDate", refund.refundDate().toString())
        .add("method", refund.tenderCode())
        .add("amount", refund.amount().amount())
        .add("receivableAmount", refund.receivableAmount().amount())
        .add("depositAmount", refund.depositAmount().amount())
        .add("reason", refund.reason())
        .add("journalEntryNumber", refund.journalEntry().entryNumber())
        .build()
        .toString();
  }

  /**
   * {@code refund.paid} of a credit note not linked to a sale (issue 4): no sale number or sale
   * figures; the whole amount came from the note's open item.
   */
  static String refundedOfCreditNote(Refund refund) {
    return JSON.createObjectBuilder()
        .add("eventType", "refund.paid")
        .add("schemaVersion", SCHEMA_VERSION)
        .addNull("saleNumber")
        .add("customerNumber", refund.creditNote().customer().customerNumber())
        .add("currency", refund.currency().getCurrencyCode())
        .add("refundNumber", refund.refundNumber())
        .add("creditNoteNumber", refund.creditNote().creditNoteNumber())
        .add("refundDate", refund.refundDate().toString())
        .add("method", refund.tenderCode())
        .add("amount", refund.amount().amount())
        .add("receivableAmount", refund.receivableAmount().amount())
        .add("depositAmount", refund.depositAmount().amount())
        .add("reason", refund.reason())
        .add("journalEntryNumber", refund.journalEntry().entryNumber())
        .build()
        .toString();
  }

  private static JsonObjectBuilder header(String eventType, Sale sale) {
    return JSON.createObjectBuilder()
        .add("eventType", eventType)
        .add("schemaVersion", SCHEMA_VERSION)
        .add("saleNumber", sale.saleNumber())
        .add("customerNumber", sale.customer().customerNumber())
        .add("currency", sale.currency().getCurrencyCode())
        .add("saleAmountPaid", sale.amountPaid())
        .add("salePaymentStatus", sale.paymentStatus().name());
  }
}
