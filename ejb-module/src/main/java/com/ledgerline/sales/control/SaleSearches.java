package com.ledgerline.sales.control;

import com.ledgerline.sales.boundary.DailyRevenue;
import com.ledgerline.sales.boundary.SaleSearch;
import com.ledgerline.sales.boundary.SaleSummary;
import com.ledgerline.sales.entity.Sale;
import com.ledgerline.sales.entity.SaleStatus;
import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The sales list's queries: one count and one page (the customer fetched in the same statement, so
 * a page is one query however many rows it has), filtered and sorted by the database. Filters are
 * bound parameters; the sort column comes from {@link SaleSearch.Order}, never from caller text.
 */
public final class SaleSearches {
  private final EntityManager em;

  public SaleSearches(EntityManager em) {
    this.em = em;
  }

  /** How many sales match. */
  public long count(SaleSearch search) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    String where = where(search, parameters);
    TypedQuery<Long> query =
        em.createQuery("select count(s) from Sale s join s.customer c" + where, Long.class);
    parameters.forEach(query::setParameter);
    return query.getSingleResult();
  }

  /** One page of the matching sales. */
  public List<SaleSummary> page(SaleSearch search, int offset, int limit) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    String where = where(search, parameters);
    TypedQuery<Sale> query =
        em.createQuery(
            "select s from Sale s join fetch s.customer c" + where + orderBy(search), Sale.class);
    parameters.forEach(query::setParameter);
    return query
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultStream()
        .map(SaleSummary::of)
        .toList();
  }

  /**
   * Posted sales summed per posting date, channel and currency over {@code [from, to]}, by date,
   * channel and currency (one grouped statement on the posting-date index).
   */
  @SuppressWarnings("unchecked")
  public List<DailyRevenue> revenueByDay(LocalDate from, LocalDate to) {
    Query query =
        em.createNativeQuery(
                "SELECT posting_date, channel, currency, sum(subtotal), sum(total), count(*) FROM"
                    + " sal_sale WHERE status = 'POSTED' AND posting_date BETWEEN ?1 AND ?2 GROUP"
                    + " BY posting_date, channel, currency ORDER BY posting_date, channel,"
                    + " currency")
            .setParameter(1, Date.valueOf(from))
            .setParameter(2, Date.valueOf(to));
    List<DailyRevenue> days = new ArrayList<>();
    for (Object[] row : (List<Object[]>) query.getResultList()) {
      days.add(
          new DailyRevenue(
              row[0] instanceof Date d ? d.toLocalDate() : LocalDate.parse(row[0].toString()),
              (String) row[1],
              row[2].toString().trim(),
              (BigDecimal) row[3],
              (BigDecimal) row[4],
              ((Number) row[5]).longValue()));
    }
    return days;
  }

  /** The latest posting date of a posted sale; null when none is posted. */
  public LocalDate latestPostingDate() {
    Object latest =
        em.createNativeQuery("SELECT max(posting_date) FROM sal_sale WHERE status = 'POSTED'")
            .getSingleResult();
    if (latest == null) {
      return null;
    }
    return latest instanceof Date d ? d.toLocalDate() : LocalDate.parse(latest.toString());
  }

  private static String where(SaleSearch search, Map<String, Object> parameters) {
    List<String> conditions = new ArrayList<>();
    if (search.from() != null) {
      conditions.add("s.postingDate >= :from");
      parameters.put("from", search.from());
    }
    if (search.to() != null) {
      conditions.add("s.postingDate <= :to");
      parameters.put("to", search.to());
    }
    if (present(search.customer())) {
      conditions.add("(c.customerNumber = :customerNumber or lower(c.name) like :customerName)");
      parameters.put("customerNumber", search.customer().strip());
      parameters.put(
          "customerName",
          "%" + likeLiteral(search.customer().strip().toLowerCase(Locale.ROOT)) + "%");
    }
    if (present(search.channel())) {
      conditions.add("s.channel = :channel");
      parameters.put("channel", search.channel().strip());
    }
    if (present(search.status())) {
      try {
        parameters.put("status", SaleStatus.valueOf(search.status().strip()));
      } catch (IllegalArgumentException e) {
        throw new BusinessRuleViolation(
            ErrorCode.INVALID_REQUEST, "no sale status " + search.status());
      }
      conditions.add("s.status = :status");
    }
    if (present(search.number())) {
      conditions.add("(s.saleNumber like :number or s.draftNumber like :number)");
      parameters.put("number", likeLiteral(search.number().strip()) + "%");
    }
    return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
  }

  private static String orderBy(SaleSearch search) {
    SaleSearch.Order order = search.orderBy() == null ? SaleSearch.Order.NEWEST : search.orderBy();
    String direction = search.descending() ? " desc" : " asc";
    String column =
        switch (order) {
          case NEWEST -> null;
          case POSTING_DATE -> "s.postingDate";
          case NUMBER -> "s.saleNumber";
          case CUSTOMER -> "c.name";
          case CHANNEL -> "s.channel";
          case STATUS -> "s.status";
          case TOTAL -> "s.total";
        };
    return column == null
        ? " order by s.id desc"
        : " order by " + column + direction + ", s.id" + direction;
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }

  /** The text with LIKE's wildcards taken literally (PostgreSQL's default escape is \). */
  private static String likeLiteral(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
