package com.ledgerline.sales.boundary;

import java.time.LocalDate;

/**
 * A sale's delivery details; informative only, never moves stock.
 *
 * @param address at most 500 characters; null = none
 * @param date null = none
 * @param notes at most 1000 characters; null = none
 * @param status {@code NOT_SHIPPED}, {@code SHIPPED} or {@code DELIVERED}; null = {@code
 *     NOT_SHIPPED}
 */
public record DeliveryDetails(String address, LocalDate date, String notes, String status) {}
