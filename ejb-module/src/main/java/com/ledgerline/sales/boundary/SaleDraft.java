package com.ledgerline.sales.boundary;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The content of a draft sale, to create one or to replace a draft's content as a whole.
 *
 * @param customerNumber required
 * @param taxJurisdiction jurisdiction code; null = the default ({@code GB})
 * @param postingDate the accounting date to post on; null = the day it posts
 * @param expectedTotal the gross total the client computed, only checked ({@code TOTALS_MISMATCH});
 *     null = not checked
 * @param deliveryAddress at most 500 characters; null = none
 * @param deliveryDate null = none
 * @param deliveryNotes at most 1000 characters; null = none
 * @param lines the lines (selling price optional: the catalogue price when absent); may be empty
 *     while drafting, a draft posts only with at least one
 */
public record SaleDraft(
    String customerNumber,
    String taxJurisdiction,
    LocalDate postingDate,
    BigDecimal expectedTotal,
    String deliveryAddress,
    LocalDate deliveryDate,
    String deliveryNotes,
    List<PostSale.Line> lines) {}
