package com.ledgerline.imports.control;

import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the UCI Online Retail CSV (shared/data/online-retail/README.md: UTF-8, RFC 4180 quoting,
 * header {@code InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country})
 * and groups its rows into invoices, keeping the file's order: invoices in the order their first
 * row appears, rows in file order within each invoice (identical rows stay separate rows).
 *
 * <p>No row is dropped silently. Every data record ends up in exactly one of three places: a row of
 * an invoice in the range ({@link Result#linesRead()}), the count of rows outside the range ({@link
 * Result#rowsOutsideRange()}), or the list of unreadable rows ({@link Result#unreadable()}), so
 * {@code rowsRead = linesRead + rowsOutsideRange + unreadable}.
 *
 * <p>Range rule: an invoice belongs to the range when the date of its <em>first</em> row (in file
 * order) lies within {@code from..to} inclusive; all its later rows follow it, whatever their own
 * minute or day, so an invoice is never split at the edge of a range.
 *
 * <p>Pure: no container, no database; every method is static and keeps no state between calls.
 */
public final class OnlineRetailCsv {
  /** The columns the file must have (any order, extra columns are ignored). */
  public static final List<String> COLUMNS =
      List.of(
          "InvoiceNo",
          "StockCode",
          "Description",
          "Quantity",
          "InvoiceDate",
          "UnitPrice",
          "CustomerID",
          "Country");

  private static final DateTimeFormatter INVOICE_DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]");
  private static final int GZIP_MAGIC_1 = 0x1f;
  private static final int GZIP_MAGIC_2 = 0x8b;
  private static final char BYTE_ORDER_MARK = '\uFEFF';

  private OnlineRetailCsv() {}

  /**
   * One data row as the file has it, with the numbers parsed.
   *
   * @param recordNumber 1-based number of the data record (the header is record 0), for people to
   *     find the row in the file
   * @param invoiceNumber {@code InvoiceNo}, trimmed, never blank
   * @param stockCode {@code StockCode}, trimmed, letter case kept
   * @param description {@code Description}, trimmed; empty when the file has none
   * @param quantity {@code Quantity} in units, as written (may be negative); null when unreadable
   * @param invoicedAt {@code InvoiceDate}, UK local date-time
   * @param unitPrice {@code UnitPrice} in GBP, tax-exclusive, as written; null when unreadable
   * @param customerId {@code CustomerID} as written (e.g. {@code 17850.0}), trimmed; empty = none
   * @param country {@code Country}, trimmed
   * @param defect why the row cannot be posted as it stands (an unreadable quantity or price, an
   *     empty stock code); null when the row is well-formed
   */
  public record Row(
      long recordNumber,
      String invoiceNumber,
      String stockCode,
      String description,
      BigDecimal quantity,
      LocalDateTime invoicedAt,
      BigDecimal unitPrice,
      String customerId,
      String country,
      String defect) {

    /** True when the row names no customer (a walk-in sale or a stock adjustment). */
    public boolean withoutCustomer() {
      return customerId.isEmpty();
    }
  }

  /**
   * The rows of one invoice number, in file order.
   *
   * @param invoiceNumber {@code InvoiceNo}
   * @param rows at least one
   */
  public record Invoice(String invoiceNumber, List<Row> rows) {
    public Invoice {
      rows = List.copyOf(rows);
    }

    /** The invoice's time: the {@code InvoiceDate} of its first row (UK local time). */
    public LocalDateTime invoicedAt() {
      return rows.get(0).invoicedAt();
    }

    /** The date of {@link #invoicedAt()}: the posting date of the sale. */
    public LocalDate invoiceDate() {
      return invoicedAt().toLocalDate();
    }
  }

  /**
   * A data record that cannot be placed in an invoice: its field count differs from the header's,
   * it has no invoice number, or its invoice date cannot be read.
   *
   * @param recordNumber 1-based data record number
   * @param invoiceNumber the invoice number if one could be read, else empty
   * @param detail what is wrong, for people
   */
  public record UnreadableRow(long recordNumber, String invoiceNumber, String detail) {}

  /**
   * What a file held for a date range.
   *
   * @param invoices the invoices in the range, in file order
   * @param rowsRead all data records in the file (header excluded)
   * @param rowsOutsideRange records of invoices outside the range
   * @param unreadable records that could not be placed in an invoice
   */
  public record Result(
      List<Invoice> invoices,
      long rowsRead,
      long rowsOutsideRange,
      List<UnreadableRow> unreadable) {
    public Result {
      invoices = List.copyOf(invoices);
      unreadable = List.copyOf(unreadable);
    }

    /** The rows of the invoices in the range. */
    public long linesRead() {
      return invoices.stream().mapToLong(invoice -> invoice.rows().size()).sum();
    }
  }

  /**
   * Opens a CSV body that may be gzip-compressed: gzip is recognised by its magic bytes ({@code 1f
   * 8b}, RFC 1952), not by a file name or a media type.
   *
   * @return the uncompressed bytes; closing it closes {@code body}
   * @throws UncheckedIOException when the body cannot be read
   */
  public static InputStream uncompressed(InputStream body) {
    try {
      BufferedInputStream buffered = new BufferedInputStream(body);
      buffered.mark(2);
      int first = buffered.read();
      int second = buffered.read();
      buffered.reset();
      if (first == GZIP_MAGIC_1 && second == GZIP_MAGIC_2) {
        return new GZIPInputStream(buffered, 64 * 1024);
      }
      return buffered;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a plain or gzip CSV body and keeps the invoices whose first row falls in {@code
   * from..to}.
   *
   * @param body the file's bytes, plain or gzip; read to the end, not closed
   * @param from first invoice date taken, inclusive
   * @param to last invoice date taken, inclusive, ≥ {@code from}
   * @throws BusinessRuleViolation {@code INVALID_REQUEST} when the body is not a readable CSV with
   *     the expected header (nothing has been posted then)
   */
  public static Result read(InputStream body, LocalDate from, LocalDate to) {
    if (from == null || to == null || to.isBefore(from)) {
      throw new BusinessRuleViolation(
          ErrorCode.INVALID_REQUEST, "the range needs from ≤ to, was " + from + ".." + to);
    }
    try {
      Reader reader =
          withoutByteOrderMark(
              new InputStreamReader(uncompressed(body), StandardCharsets.UTF_8.newDecoder()));
      return read(reader, from, to);
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      throw new BusinessRuleViolation(
          ErrorCode.INVALID_REQUEST,
          "the body is not a readable UTF-8 CSV or gzip file: " + e.getMessage());
    }
  }

  private static Result read(Reader reader, LocalDate from, LocalDate to) throws IOException {
    CSVFormat format =
        CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(false).get();
    try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
      requireHeader(parser.getHeaderNames());
      Map<String, List<Row>> inRange = new LinkedHashMap<>();
      Set<String> outOfRange = new HashSet<>();
      List<UnreadableRow> unreadable = new ArrayList<>();
      long rowsRead = 0;
      long rowsOutsideRange = 0;
      for (CSVRecord record : parser) {
        rowsRead++;
        long number = record.getRecordNumber();
        if (!record.isConsistent()) {
          unreadable.add(
              new UnreadableRow(
                  number,
                  "",
                  "has "
                      + record.size()
                      + " fields, the header has "
                      + parser.getHeaderNames().size()));
          continue;
        }
        String invoiceNumber = record.get("InvoiceNo").trim();
        if (invoiceNumber.isEmpty()) {
          unreadable.add(new UnreadableRow(number, "", "has no InvoiceNo"));
          continue;
        }
        LocalDateTime invoicedAt;
        try {
          invoicedAt = LocalDateTime.parse(record.get("InvoiceDate").trim(), INVOICE_DATE);
        } catch (DateTimeParseException e) {
          unreadable.add(
              new UnreadableRow(
                  number,
                  invoiceNumber,
                  "InvoiceDate '" + record.get("InvoiceDate") + "' is not yyyy-MM-dd HH:mm:ss"));
          continue;
        }
        List<Row> rows = inRange.get(invoiceNumber);
        if (rows == null) {
          if (outOfRange.contains(invoiceNumber)) {
            rowsOutsideRange++;
            continue;
          }
          LocalDate day = invoicedAt.toLocalDate();
          if (day.isBefore(from) || day.isAfter(to)) {
            outOfRange.add(invoiceNumber);
            rowsOutsideRange++;
            continue;
          }
          rows = new ArrayList<>();
          inRange.put(invoiceNumber, rows);
        }
        rows.add(row(record, number, invoiceNumber, invoicedAt));
      }
      List<Invoice> invoices = new ArrayList<>(inRange.size());
      inRange.forEach((invoiceNumber, rows) -> invoices.add(new Invoice(invoiceNumber, rows)));
      return new Result(
          Collections.unmodifiableList(invoices), rowsRead, rowsOutsideRange, unreadable);
    }
  }

  private static Row row(
      CSVRecord record, long number, String invoiceNumber, LocalDateTime invoicedAt) {
    List<String> defects = new ArrayList<>();
    String stockCode = record.get("StockCode").trim();
    if (stockCode.isEmpty()) {
      defects.add("StockCode is empty");
    }
    BigDecimal quantity = number(record.get("Quantity"), "Quantity", defects);
    BigDecimal unitPrice = number(record.get("UnitPrice"), "UnitPrice", defects);
    return new Row(
        number,
        invoiceNumber,
        stockCode,
        record.get("Description").trim(),
        quantity,
        invoicedAt,
        unitPrice,
        record.get("CustomerID").trim(),
        record.get("Country").trim(),
        defects.isEmpty() ? null : String.join("; ", defects));
  }

  private static BigDecimal number(String text, String column, List<String> defects) {
    try {
      return new BigDecimal(text.trim());
    } catch (NumberFormatException e) {
      defects.add(column + " '" + text + "' is not a number");
      return null;
    }
  }

  private static void requireHeader(List<String> header) {
    List<String> missing = COLUMNS.stream().filter(column -> !header.contains(column)).toList();
    if (!missing.isEmpty()) {
      throw new BusinessRuleViolation(
          ErrorCode.INVALID_REQUEST,
          "the CSV header "
              + header
              + " lacks "
              + missing
              + "; expected "
              + String.join(",", COLUMNS));
    }
  }

  private static Reader withoutByteOrderMark(Reader reader) throws IOException {
    PushbackReader pushback = new PushbackReader(reader, 1);
    int first = pushback.read();
    if (first != -1 && first != BYTE_ORDER_MARK) {
      pushback.unread(first);
    }
    return pushback;
  }
}
