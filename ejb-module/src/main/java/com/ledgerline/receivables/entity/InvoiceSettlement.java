package com.ledgerline.receivables.entity;

import java.time.LocalDate;
import java.util.Objects;

/**
 * When one invoice was settled, as read from the customer ledger: the posting date of the entry
 * after which the invoice's open amount (the running sum of the entries naming it, in posting
 * order) reached zero or less and stayed there up to the as-of date. A payment later reversed, or
 * an amendment that raised the invoice again, does not count as settling it.
 *
 * @param invoiceNumber the invoice (sale) number
 * @param dueDate the invoice entry's due date
 * @param settledOn null while the invoice is still open on the as-of date
 */
public record InvoiceSettlement(String invoiceNumber, LocalDate dueDate, LocalDate settledOn) {
  public InvoiceSettlement {
    Objects.requireNonNull(invoiceNumber, "invoiceNumber");
    Objects.requireNonNull(dueDate, "dueDate");
  }
}
