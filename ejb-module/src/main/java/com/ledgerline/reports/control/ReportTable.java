package com.ledgerline.reports.control;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One rendered report's content, independent of the format: the header a PDF prints (company,
 * title, document facts, the customer), the columns, and the rows, each with its kind ({@code
 * DETAIL}, {@code SUBTOTAL}, {@code TOTAL}, {@code OPENING}, {@code CLOSING}), its section and its
 * typed values. Amounts are {@link BigDecimal} with their row's currency; every subtotal and total
 * row carries figures the database (or the receivables' {@code Aging} accumulator) summed, never a
 * template.
 *
 * <p>The PDF template of {@code template} has one text field {@code c<i>} per column, in order; CSV
 * and XLSX write the same rows with the kind and section as leading columns.
 */
public final class ReportTable {
  /** How a column's values are typed and shown. */
  public enum Type {
    TEXT,
    /** {@link java.time.LocalDate} or null. */
    DATE,
    /** {@link BigDecimal} in the row's currency. */
    MONEY,
    /** {@link BigDecimal}, a percentage. */
    PERCENT,
    /** {@link BigDecimal} units, or a whole count ({@link Long}). */
    QUANTITY
  }

  /** A column: its name in CSV/XLSX headers and its type. */
  public record Column(String name, Type type) {}

  /**
   * One row.
   *
   * @param currency ISO 4217 code of the row's amounts (null when it has none)
   * @param values one per column
   */
  public record Row(String kind, String section, String currency, Object[] values) {}

  private final String template;
  private final String fileName;
  private final List<Column> columns;
  private final List<Row> rows = new ArrayList<>();
  private final Map<String, String> header = new LinkedHashMap<>();

  /**
   * @param template the compiled template's name ({@code reports/<template>.jasper})
   * @param fileName the download's name without extension
   */
  public ReportTable(String template, String fileName, List<Column> columns) {
    this.template = template;
    this.fileName = fileName;
    this.columns = List.copyOf(columns);
  }

  public static Column text(String name) {
    return new Column(name, Type.TEXT);
  }

  public static Column date(String name) {
    return new Column(name, Type.DATE);
  }

  public static Column money(String name) {
    return new Column(name, Type.MONEY);
  }

  public static Column percent(String name) {
    return new Column(name, Type.PERCENT);
  }

  public static Column quantity(String name) {
    return new Column(name, Type.QUANTITY);
  }

  public ReportTable add(String kind, String section, String currency, Object... values) {
    if (values.length != columns.size()) {
      throw new IllegalArgumentException(
          "row of " + values.length + " values for " + columns.size() + " columns");
    }
    if (rows.size() >= ReportQueries.MAX_ROWS) {
      throw ReportQueries.tooLarge();
    }
    rows.add(new Row(kind, section, currency, values));
    return this;
  }

  /** Sets a header parameter of the PDF ({@code TITLE}, {@code INFO_LABELS}, …). */
  public ReportTable header(String name, String value) {
    header.put(name, value);
    return this;
  }

  public String template() {
    return template;
  }

  public String fileName() {
    return fileName;
  }

  public List<Column> columns() {
    return columns;
  }

  public List<Row> rows() {
    return rows;
  }

  public Map<String, String> header() {
    return header;
  }

  /** A value as printed in a PDF cell. */
  public static String print(Column column, Object value, String currency) {
    if (value == null) {
      return "";
    }
    return switch (column.type()) {
      case MONEY -> Amounts.print((BigDecimal) value, currency);
      case PERCENT -> Amounts.percent((BigDecimal) value);
      case QUANTITY ->
          value instanceof BigDecimal q ? Amounts.quantity(q) : String.format("%,d", value);
      default -> value.toString();
    };
  }

  /** A value as written in CSV: amounts plain at the currency's scale, dates ISO. */
  public static String plain(Column column, Object value, String currency) {
    if (value == null) {
      return "";
    }
    return switch (column.type()) {
      case MONEY -> Amounts.plain((BigDecimal) value, currency);
      case PERCENT -> ((BigDecimal) value).toPlainString();
      case QUANTITY -> value instanceof BigDecimal q ? Amounts.quantity(q) : value.toString();
      default -> value.toString();
    };
  }
}
