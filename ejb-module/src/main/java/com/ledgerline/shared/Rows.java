package com.ledgerline.shared;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Reads the columns of native query rows, whatever Java type the JDBC driver chose (EclipseLink
 * over the PostgreSQL driver answers {@code java.sql.Date}/{@code Timestamp} or {@code java.time}
 * types, {@code BigDecimal} for numeric, {@code Long}/{@code Integer} for counts). Null stays null;
 * a value of another type is a programming error ({@link IllegalStateException}).
 */
public final class Rows {
  private Rows() {}

  public static LocalDate date(Object value) {
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

  /** A {@code timestamptz} as an instant at UTC. */
  public static OffsetDateTime timestamp(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof OffsetDateTime time) {
      return time;
    }
    if (value instanceof Timestamp time) {
      return time.toInstant().atOffset(ZoneOffset.UTC);
    }
    if (value instanceof Instant time) {
      return time.atOffset(ZoneOffset.UTC);
    }
    throw new IllegalStateException("not a timestamp: " + value.getClass().getName());
  }

  public static long longValue(Object value) {
    return ((Number) value).longValue();
  }

  /** A numeric column; a count or other integer comes back as its exact decimal. */
  public static BigDecimal decimal(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof BigDecimal decimal) {
      return decimal;
    }
    if (value instanceof Long || value instanceof Integer || value instanceof Short) {
      return BigDecimal.valueOf(((Number) value).longValue());
    }
    throw new IllegalStateException("not a decimal: " + value.getClass().getName());
  }

  public static String text(Object value) {
    return value == null ? null : value.toString();
  }

  /** A fixed-length code such as a {@code char(3)} currency, without padding. */
  public static String code(Object value) {
    return value == null ? null : value.toString().strip();
  }

  public static boolean bool(Object value) {
    return (Boolean) value;
  }
}
