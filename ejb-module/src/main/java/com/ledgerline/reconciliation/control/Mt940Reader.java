package com.ledgerline.reconciliation.control;

import com.prowidesoftware.swift.model.field.Field60F;
import com.prowidesoftware.swift.model.field.Field61;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads SWIFT MT940 statements (and MT942 interim reports), bare or inside SWIFT blocks: the file
 * is cut into fields by line ({@code :tag:} starts one, other lines continue it), each field read
 * by Prowide's field classes ({@link Field61}, {@link Field60F}). A statement starts at {@code
 * :20:}; {@code :25:} account, {@code :28C:}/{@code :28:} sequence, {@code :60F:}/{@code :60M:}
 * opening, {@code :61:} entries with their {@code :86:} details, the last {@code :62F:}/{@code
 * :62M:} closing. Refusals name the file's line (from 1). The text is UTF-8 when it decodes as
 * such, else Latin-1.
 *
 * <p>Source: SWIFT MT940/MT942 message reference (field 61: value date YYMMDD, entry date MMDD,
 * mark C/D/RC/RD, amount with a decimal comma).
 */
public final class Mt940Reader {
  private static final Pattern TAG = Pattern.compile("^:([0-9]{2}[A-Z]?|NS):(.*)$");
  private static final Pattern EREF = Pattern.compile("EREF\\+([^?\\n]+)");

  private Mt940Reader() {}

  private record Field(String tag, int line, StringBuilder value) {}

  /**
   * @param file the file's name, for refusals
   * @throws com.ledgerline.shared.BusinessRuleViolation {@code STATEMENT_MALFORMED} naming the
   *     line, {@code STATEMENT_BALANCE_MISMATCH}
   */
  public static StatementData read(String file, byte[] content) {
    String text = decode(content);
    String[] rows = text.split("\r\n|\n|\r", -1);
    List<List<Field>> blocks = new ArrayList<>();
    List<Field> block = null;
    Field current = null;
    for (int i = 0; i < rows.length; i++) {
      int lineNumber = i + 1;
      String row = rows[i];
      for (int k = 0; k < row.length(); k++) {
        char c = row.charAt(k);
        if (c < 0x20 && c != '\t') {
          throw StatementRefusals.malformed(
              file, "line " + lineNumber, "control character 0x" + Integer.toHexString(c));
        }
      }
      String stripped = row.replaceFirst("^(\\{[1-3]:[^}]*\\})*\\{4:", "");
      Matcher tag = TAG.matcher(stripped);
      if (tag.matches()) {
        String name = tag.group(1);
        if ("20".equals(name)) {
          block = new ArrayList<>();
          blocks.add(block);
        } else if (block == null) {
          throw StatementRefusals.malformed(
              file,
              "line " + lineNumber,
              "field :" + name + ": outside a statement (a statement starts with :20:)");
        }
        current = new Field(name, lineNumber, new StringBuilder(tag.group(2)));
        block.add(current);
      } else if (stripped.trim().equals("-") || stripped.trim().startsWith("-}")) {
        current = null;
      } else if (current != null) {
        current.value().append('\n').append(row);
      }
      // other lines outside a field: file headers (e.g. "940 00"), ignored
    }
    if (blocks.isEmpty()) {
      throw StatementRefusals.malformed(
          file, "line 1", "no statement (no :20: transaction reference field)");
    }
    List<StatementData.Statement> statements = new ArrayList<>();
    for (List<Field> fields : blocks) {
      StatementData.Statement statement = statement(file, fields);
      StatementRefusals.checkBalances(file, statement);
      statements.add(statement);
    }
    return new StatementData(StatementFormat.MT940, "MT940", List.copyOf(statements));
  }

  private static StatementData.Statement statement(String file, List<Field> fields) {
    Field first = fields.get(0);
    String where = "line " + first.line();
    String statementId = first.value().toString().trim();
    if (statementId.isEmpty()) {
      throw StatementRefusals.malformed(file, where, ":20: is empty");
    }
    String account = null;
    String sequence = "";
    StatementData.Balance opening = null;
    StatementData.Balance closing = null;
    String floorCurrency = null;
    List<Field> entries = new ArrayList<>();
    List<String> details = new ArrayList<>();
    for (Field field : fields.subList(1, fields.size())) {
      String value = field.value().toString();
      String at = "line " + field.line();
      switch (field.tag()) {
        case "25" -> {
          if (account != null || !entries.isEmpty()) {
            throw StatementRefusals.malformed(
                file, at, "a second :25: account field inside one statement");
          }
          account = value.trim();
        }
        case "28", "28C" -> sequence = value.trim();
        case "60F", "60M" -> {
          if (opening == null) {
            opening = balance(file, at, value);
          }
        }
        case "62F", "62M" -> closing = balance(file, at, value);
        case "34F" -> {
          String floor = value.trim();
          floorCurrency = floor.length() >= 3 ? floor.substring(0, 3) : null;
        }
        case "61" -> {
          if (closing != null) {
            throw StatementRefusals.malformed(file, at, ":61: after the closing balance");
          }
          entries.add(field);
          details.add(null);
        }
        case "86" -> {
          if (!entries.isEmpty() && details.get(details.size() - 1) == null) {
            details.set(details.size() - 1, value.replace("\n", "").trim());
          }
        }
        default -> {
          // 21, 64, 65, 13D, 90C, 90D, NS and others carry nothing the statement keeps
        }
      }
    }
    if (account == null || account.isEmpty()) {
      throw StatementRefusals.malformed(file, where, "no :25: account identification");
    }
    String currency =
        opening != null ? opening.currency() : closing != null ? closing.currency() : floorCurrency;
    if (currency == null || !currency.matches("[A-Z]{3}")) {
      throw StatementRefusals.malformed(
          file, where, "no currency (no :60F:, :62F: or :34F: field)");
    }
    LocalDate reference =
        opening != null ? opening.date() : closing != null ? closing.date() : null;
    List<StatementData.Line> lines = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      lines.add(line(file, entries.get(i), details.get(i), currency, reference));
    }
    return new StatementData.Statement(
        where, account, statementId, sequence, currency, opening, closing, List.copyOf(lines));
  }

  private static StatementData.Line line(
      String file, Field field, String detail, String currency, LocalDate reference) {
    String at = "line " + field.line();
    String value = field.value().toString();
    String first = value.split("\n", 2)[0].trim();
    Field61 f61 = new Field61(first);
    LocalDate valueDate = yymmdd(file, at, f61.getValueDate());
    LocalDate bookingDate = valueDate;
    String entryDate = f61.getEntryDate();
    if (entryDate != null && !entryDate.isBlank()) {
      bookingDate = entryDate(file, at, entryDate, valueDate);
    }
    String mark = f61.getDebitCreditMark();
    String amountText = f61.getAmount();
    if (mark == null || amountText == null || !amountText.matches("[0-9]+,[0-9]*")) {
      throw StatementRefusals.malformed(
          file, at, ":61: '" + first + "' has no debit/credit mark and amount");
    }
    BigDecimal amount = new BigDecimal(amountText.replace(',', '.'));
    amount =
        switch (mark) {
          case "C", "RD" -> amount;
          case "D", "RC" -> amount.negate();
          default ->
              throw StatementRefusals.malformed(
                  file, at, "debit/credit mark '" + mark + "' is none of C, D, RC, RD");
        };
    String bankReference = f61.getReferenceOfTheAccountServicingInstitution();
    if (bankReference == null || bankReference.isBlank()) {
      bankReference = f61.getReferenceForTheAccountOwner();
    }
    if (bankReference != null && (bankReference.isBlank() || "NONREF".equals(bankReference))) {
      bankReference = null;
    }
    String endToEnd = null;
    if (detail != null) {
      Matcher eref = EREF.matcher(detail);
      if (eref.find()) {
        endToEnd = eref.group(1).trim();
      }
    }
    return new StatementData.Line(
        at,
        bookingDate,
        valueDate,
        amount,
        currency,
        bankReference,
        endToEnd,
        detail,
        null,
        detail);
  }

  private static StatementData.Balance balance(String file, String at, String value) {
    Field60F field = new Field60F(value.trim());
    String mark = field.getDCMark();
    String amountText = field.getAmount();
    String currency = field.getCurrency();
    if (mark == null
        || !(mark.equals("C") || mark.equals("D"))
        || amountText == null
        || !amountText.matches("[0-9]+,[0-9]*")
        || currency == null
        || !currency.matches("[A-Z]{3}")) {
      throw StatementRefusals.malformed(
          file, at, "balance '" + value.trim() + "' is not C|D YYMMDD currency amount");
    }
    BigDecimal amount = new BigDecimal(amountText.replace(',', '.'));
    return new StatementData.Balance(
        yymmdd(file, at, field.getDate()), mark.equals("D") ? amount.negate() : amount, currency);
  }

  private static LocalDate yymmdd(String file, String at, String text) {
    if (text == null || !text.matches("[0-9]{6}")) {
      throw StatementRefusals.malformed(file, at, "'" + text + "' is not a date YYMMDD");
    }
    int year = Integer.parseInt(text.substring(0, 2));
    try {
      return LocalDate.of(
          year < 80 ? 2000 + year : 1900 + year,
          Integer.parseInt(text.substring(2, 4)),
          Integer.parseInt(text.substring(4, 6)));
    } catch (DateTimeException e) {
      throw StatementRefusals.malformed(
          file, at, "'" + text + "' is not a date: " + e.getMessage());
    }
  }

  /** The entry (booking) date MMDD, in the year that puts it nearest the value date. */
  private static LocalDate entryDate(String file, String at, String text, LocalDate valueDate) {
    if (!text.matches("[0-9]{4}")) {
      throw StatementRefusals.malformed(file, at, "entry date '" + text + "' is not MMDD");
    }
    int month = Integer.parseInt(text.substring(0, 2));
    int day = Integer.parseInt(text.substring(2, 4));
    LocalDate best = null;
    for (int year = valueDate.getYear() - 1; year <= valueDate.getYear() + 1; year++) {
      try {
        LocalDate candidate = LocalDate.of(year, month, day);
        if (best == null
            || Math.abs(candidate.toEpochDay() - valueDate.toEpochDay())
                < Math.abs(best.toEpochDay() - valueDate.toEpochDay())) {
          best = candidate;
        }
      } catch (DateTimeException e) {
        // 29 February outside a leap year: try the other years
      }
    }
    if (best == null) {
      throw StatementRefusals.malformed(file, at, "entry date '" + text + "' is not a date");
    }
    return best;
  }

  private static String decode(byte[] content) {
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(content))
              .toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      return new String(content, StandardCharsets.ISO_8859_1);
    }
  }
}
