package com.ledgerline.reconciliation.control;

import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * How a bank's CSV export maps to statement lines: a small properties file (README "Bank
 * statements"). Keys: {@code delimiter} (one character, default {@code ,}), {@code decimal} ({@code
 * comma} or {@code point}, default {@code point}), {@code date-pattern} (a {@link
 * DateTimeFormatter} pattern, default {@code yyyy-MM-dd}), {@code header} ({@code true}: columns
 * are named by the first row; {@code false}: by number from 1), {@code currency} (the currency when
 * no column gives it), and {@code column.booking-date}, {@code column.value-date}, {@code
 * column.amount} (signed, credit positive), {@code column.currency}, {@code column.reference},
 * {@code column.counterparty}, {@code column.description}. Booking date and amount are required.
 *
 * @param columns field name (booking-date, value-date, ...) → column name or number
 */
public record CsvMapping(
    String name,
    char delimiter,
    boolean decimalComma,
    DateTimeFormatter datePattern,
    boolean header,
    String currency,
    Map<String, String> columns) {

  static final java.util.Set<String> FIELDS =
      java.util.Set.of(
          "booking-date",
          "value-date",
          "amount",
          "currency",
          "reference",
          "counterparty",
          "description");

  /**
   * The mapping shipped as {@code reconciliation/csv-mappings/<name>.properties}.
   *
   * @throws BusinessRuleViolation {@code STATEMENT_UNSUPPORTED_FORMAT} for an unknown name
   */
  public static CsvMapping named(String name) {
    String chosen = name == null || name.isBlank() ? "default" : name.trim();
    if (!chosen.matches("[a-z0-9-]{1,40}")) {
      throw new BusinessRuleViolation(
          ErrorCode.STATEMENT_UNSUPPORTED_FORMAT, "no CSV mapping '" + chosen + "'");
    }
    try (InputStream in =
        CsvMapping.class.getResourceAsStream(
            "/reconciliation/csv-mappings/" + chosen + ".properties")) {
      if (in == null) {
        throw new BusinessRuleViolation(
            ErrorCode.STATEMENT_UNSUPPORTED_FORMAT, "no CSV mapping '" + chosen + "'");
      }
      return parse(chosen, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("unreadable CSV mapping " + chosen, e);
    }
  }

  /**
   * Reads a mapping file's text.
   *
   * @throws BusinessRuleViolation {@code STATEMENT_UNSUPPORTED_FORMAT} naming the key that is wrong
   */
  public static CsvMapping parse(String name, String text) {
    Properties properties = new Properties();
    try {
      properties.load(new StringReader(text));
    } catch (IOException | IllegalArgumentException e) {
      throw invalid(name, "unreadable: " + e.getMessage());
    }
    Map<String, String> columns = new TreeMap<>();
    for (String key : properties.stringPropertyNames()) {
      if (key.startsWith("column.")) {
        String field = key.substring("column.".length());
        if (!FIELDS.contains(field)) {
          throw invalid(name, "unknown field " + key);
        }
        columns.put(field, properties.getProperty(key).trim());
      }
    }
    for (String required : new String[] {"booking-date", "amount"}) {
      if (!columns.containsKey(required)) {
        throw invalid(name, "column." + required + " is required");
      }
    }
    String delimiter = properties.getProperty("delimiter", ",");
    if (delimiter.equals("\\t") || delimiter.equals("tab")) {
      delimiter = "\t";
    }
    if (delimiter.length() != 1) {
      throw invalid(name, "delimiter must be one character");
    }
    String decimal = properties.getProperty("decimal", "point").trim();
    if (!decimal.equals("comma") && !decimal.equals("point")) {
      throw invalid(name, "decimal must be comma or point");
    }
    DateTimeFormatter pattern;
    try {
      pattern =
          DateTimeFormatter.ofPattern(
                  properties.getProperty("date-pattern", "uuuu-MM-dd").trim().replace('y', 'u'))
              .withResolverStyle(ResolverStyle.STRICT);
    } catch (IllegalArgumentException e) {
      throw invalid(name, "date-pattern: " + e.getMessage());
    }
    String currency = properties.getProperty("currency");
    if (currency != null && !currency.trim().matches("[A-Z]{3}")) {
      throw invalid(name, "currency must be an ISO 4217 code");
    }
    if (currency == null && !columns.containsKey("currency")) {
      throw invalid(name, "either currency or column.currency is required");
    }
    boolean header = Boolean.parseBoolean(properties.getProperty("header", "true").trim());
    if (!header) {
      for (Map.Entry<String, String> column : columns.entrySet()) {
        if (!column.getValue().matches("[1-9][0-9]{0,2}")) {
          throw invalid(
              name, "column." + column.getKey() + " must be a column number without a header");
        }
      }
    }
    return new CsvMapping(
        name,
        delimiter.charAt(0),
        decimal.equals("comma"),
        pattern,
        header,
        currency == null ? null : currency.trim(),
        Map.copyOf(columns));
  }

  private static BusinessRuleViolation invalid(String name, String reason) {
    return new BusinessRuleViolation(
        ErrorCode.STATEMENT_UNSUPPORTED_FORMAT, "CSV mapping '" + name + "': " + reason);
  }
}
