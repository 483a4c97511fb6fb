package com.ledgerline.sales.boundary;

import java.time.LocalDate;

/**
 * What the sales list is filtered and sorted by. Every filter is optional (null or blank = not
 * filtered); filters combine with AND.
 *
 * @param from posting date on or after (drafts without a requested date are left out once a date
 *     filter is given)
 * @param to posting date on or before
 * @param customer the customer's number exactly, or a part of the customer's name
 *     (case-insensitive)
 * @param channel the channel code exactly (e.g. {@code pos-store}; sales entered on the screens or
 *     over REST carry {@code api})
 * @param status a {@code SaleStatus} name
 * @param number the start of a sale or draft number (e.g. {@code INV-0000012})
 * @param orderBy the column sorted by; null = {@link Order#NEWEST}
 * @param descending sort direction for {@code orderBy} ({@link Order#NEWEST} is always newest
 *     first)
 */
public record SaleSearch(
    LocalDate from,
    LocalDate to,
    String customer,
    String channel,
    String status,
    String number,
    Order orderBy,
    boolean descending) {

  /** The columns the list sorts by; each ends with the sale's id so that paging is stable. */
  public enum Order {
    /** Entered last first. */
    NEWEST,
    POSTING_DATE,
    NUMBER,
    CUSTOMER,
    CHANNEL,
    STATUS,
    TOTAL
  }

  /** No filter, newest first. */
  public static SaleSearch all() {
    return new SaleSearch(null, null, null, null, null, null, Order.NEWEST, true);
  }
}
