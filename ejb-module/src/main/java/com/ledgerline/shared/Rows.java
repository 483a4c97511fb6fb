package com.ledgerline.receivables.control;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Reads the columns of native query rows, whatever Java type the JDBC driver chose. */
final class Rows {
  private Rows() {}

  static LocalDate date(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof LocalDate date) {
      return date;
    }
    if (value instanceof java.sql.Date date) {
      return date.toLocalDate();
    }
    throw new IllegalStateException("not a date: " + value.getClass().getName());
  }

  static long longValue(Object value) {
    return ((Number) value).longValue();
  }

  static BigDecimal decimal(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof BigDecimal decimal) {
      return decimal;
    }
    throw new IllegalStateException("not a decimal: " + value.getClass().getName());
  }

  static String text(Object value) {
    return value == null ? null : value.toString();
  }

  /** A fixed-length code such as a {@code char(3)} currency, without padding. */
  static String code(Object value) {
    return value == null ? null : value.toString().strip();
  }

  static boolean bool(Object value) {
    return (Boolean) value;
  }
}
