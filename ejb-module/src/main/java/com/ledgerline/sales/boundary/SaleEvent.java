package com.ledgerline.sales.boundary;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One thing that happened to a sale, for its timeline.
 *
 * @param date the accounting (posting, payment, reversal) date, or the day it happened
 * @param at when it was recorded; null where the store keeps only the date (stock movements,
 *     customer ledger entries)
 * @param kind {@code REVISION}, {@code JOURNAL_ENTRY}, {@code STOCK_MOVEMENT}, {@code
 *     CUSTOMER_LEDGER}, {@code PAYMENT}, {@code REVERSAL}, {@code APPROVAL_REQUEST}, {@code
 *     APPROVAL_DECISION}, {@code CREDIT_NOTE}
 * @param documentNumber the document the event is about (the sale, a payment, a journal entry, …)
 * @param description what happened, in the store's words (types, SKUs, reasons)
 * @param amount the event's amount as stored (scale 4 for ledger figures); null where none
 * @param actor who recorded it; null where the store does not say
 */
public record SaleEvent(
    LocalDate date,
    OffsetDateTime at,
    String kind,
    String documentNumber,
    String description,
    BigDecimal amount,
    String actor) {}
