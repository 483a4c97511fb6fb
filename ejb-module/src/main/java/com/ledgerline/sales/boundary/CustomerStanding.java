package com.ledgerline.sales.boundary;

import java.math.BigDecimal;

/**
 * A customer as the sale entry shows them while choosing: who they are, whether they may buy, what
 * they owe and how much more they may owe before a sale is held for an approver (DESIGN.md 4, the
 * credit-limit policy).
 *
 * @param status {@code ACTIVE}, {@code ON_HOLD} (may not buy)
 * @param balance the sum of the customer ledger entries in the customer's currency, at its scale (+
 *     = the customer owes)
 * @param creditLimit null = no limit
 * @param creditHeadroom limit − balance (negative when already over); null = no limit
 */
public record CustomerStanding(
    String customerNumber,
    String name,
    String currency,
    String status,
    int paymentTermsDays,
    BigDecimal balance,
    BigDecimal creditLimit,
    BigDecimal creditHeadroom) {}
