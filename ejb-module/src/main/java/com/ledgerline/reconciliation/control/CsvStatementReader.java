package com.ledgerline.reconciliation.control;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV statement by a {@link CsvMapping}: every record one line, one statement per file. A
 * CSV export carries neither account nor statement id nor balances: the caller names the account
 * and the statement id (default: the file name); no balance check is possible.
 */
public final class CsvStatementReader {
  private CsvStatementReader() {}

  /**
   * @param file the file's name, for refusals and the default statement id
   * @param content UTF-8 text
   * @param accountId the account the statement is of (IBAN or account number), required
   * @param statementId the statement's id; null = the file name
   * @throws com.ledgerline.shared.BusinessRuleViolation {@code STATEMENT_MALFORMED} naming the line
   *     (the file's line number, the header being line 1)
   */
  public static StatementData read(
      String file, byte[] content, CsvMapping mapping, String accountId, String statementId) {
    if (accountId == null || accountId.isBlank()) {
      throw StatementRefusals.malformed(
          file, "file", "a CSV statement needs the account it is of (?account=)");
    }
    String text = new String(content, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    CSVFormat format =
        CSVFormat.DEFAULT.builder().setDelimiter(mapping.delimiter()).setTrim(true).build();
    List<StatementData.Line> lines = new ArrayList<>();
    String currency = mapping.currency();
    try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
      Map<String, Integer> index = new HashMap<>();
      boolean first = true;
      for (CSVRecord record : parser) {
        long lineNumber = parser.getCurrentLineNumber();
        String at = "line " + lineNumber;
        if (first && mapping.header()) {
          first = false;
          for (Map.Entry<String, String> column : mapping.columns().entrySet()) {
            int position = -1;
            for (int i = 0; i < record.size(); i++) {
              if (record.get(i).equals(column.getValue())) {
                position = i;
              }
            }
            if (position < 0) {
              throw StatementRefusals.malformed(
                  file, at, "no column '" + column.getValue() + "' (" + column.getKey() + ")");
            }
            index.put(column.getKey(), position);
          }
          continue;
        }
        if (first) {
          first = false;
          mapping.columns().forEach((k, v) -> index.put(k, Integer.parseInt(v) - 1));
        }
        if (record.size() == 1 && record.get(0).isBlank()) {
          continue;
        }
        LocalDate booking = date(file, at, mapping, value(file, at, record, index, "booking-date"));
        String valueText = value(file, at, record, index, "value-date");
        LocalDate valueDate =
            valueText == null || valueText.isBlank() ? null : date(file, at, mapping, valueText);
        BigDecimal amount = amount(file, at, mapping, value(file, at, record, index, "amount"));
        String lineCurrency = value(file, at, record, index, "currency");
        if (lineCurrency == null || lineCurrency.isBlank()) {
          lineCurrency = mapping.currency();
        }
        if (lineCurrency == null || !lineCurrency.matches("[A-Z]{3}")) {
          throw StatementRefusals.malformed(
              file, at, "currency '" + lineCurrency + "' is not an ISO 4217 code");
        }
        if (currency == null) {
          currency = lineCurrency;
        }
        lines.add(
            new StatementData.Line(
                at,
                booking,
                valueDate,
                amount,
                lineCurrency,
                blankToNull(value(file, at, record, index, "reference")),
                null,
                null,
                blankToNull(value(file, at, record, index, "counterparty")),
                blankToNull(value(file, at, record, index, "description"))));
      }
    } catch (IOException | IllegalStateException | java.io.UncheckedIOException e) {
      throw StatementRefusals.malformed(file, "file", "unreadable CSV: " + e.getMessage());
    }
    if (lines.isEmpty()) {
      throw StatementRefusals.malformed(file, "file", "the file holds no statement line");
    }
    StatementData.Statement statement =
        new StatementData.Statement(
            "file",
            accountId.trim(),
            statementId == null || statementId.isBlank() ? file : statementId.trim(),
            "",
            currency,
            null,
            null,
            List.copyOf(lines));
    return new StatementData(StatementFormat.CSV, "CSV:" + mapping.name(), List.of(statement));
  }

  private static String value(
      String file, String at, CSVRecord record, Map<String, Integer> index, String field) {
    Integer position = index.get(field);
    if (position == null) {
      return null;
    }
    if (position >= record.size()) {
      throw StatementRefusals.malformed(
          file, at, "has " + record.size() + " columns, " + field + " is column " + (position + 1));
    }
    return record.get(position);
  }

  private static LocalDate date(String file, String at, CsvMapping mapping, String text) {
    try {
      return LocalDate.parse(text.trim(), mapping.datePattern());
    } catch (DateTimeParseException e) {
      throw StatementRefusals.malformed(file, at, "'" + text + "' is not a date as mapped");
    }
  }

  private static BigDecimal amount(String file, String at, CsvMapping mapping, String text) {
    String plain = text.trim();
    // thousands separators only in groups of three, so "12,50" under a decimal point is refused
    String pattern =
        mapping.decimalComma()
            ? "[-+]?([0-9]+|[0-9]{1,3}(\\.[0-9]{3})+)(,[0-9]+)?"
            : "[-+]?([0-9]+|[0-9]{1,3}(,[0-9]{3})+)(\\.[0-9]+)?";
    if (!plain.matches(pattern)) {
      throw StatementRefusals.malformed(
          file,
          at,
          "'"
              + text
              + "' is not an amount with a decimal "
              + (mapping.decimalComma() ? "comma" : "point"));
    }
    plain =
        mapping.decimalComma() ? plain.replace(".", "").replace(',', '.') : plain.replace(",", "");
    return new BigDecimal(plain);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
