package com.ledgerline.reports.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRField;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperExportManager;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.fill.JRSwapFileVirtualizer;
import net.sf.jasperreports.engine.util.JRLoader;
import net.sf.jasperreports.engine.util.JRSwapFile;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes a {@link ReportTable} as PDF (its compiled JasperReports template, {@code
 * reports/<template>.jasper} on the class path), XLSX (Apache POI's streaming workbook: amounts are
 * numeric cells formatted at their currency's scale, dates date cells) or CSV (RFC 4180, UTF-8, a
 * header row; amounts plain at the currency's scale, dates ISO). Pure: no database, no clock.
 *
 * <p>A PDF of more than {@value #VIRTUALIZE_ABOVE_ROWS} rows is filled through a swap-file
 * virtualizer, so finished pages leave the heap.
 */
public final class ReportWriter {
  /** Above this many rows the PDF's pages are swapped to a temporary file while filling. */
  public static final int VIRTUALIZE_ABOVE_ROWS = 2_000;

  /**
   * The books whose PDF leaves a zero amount of a detail row blank, as ledgers are read (an empty
   * aging bucket, the credit column of a debit-only account, the fee of a bank transfer's match);
   * totals, CSV and XLSX show every zero.
   */
  private static final Set<String> BLANK_ZEROS =
      Set.of("ar-aging", "trial-balance", "reconciliation");

  private static final Map<String, JasperReport> TEMPLATES = new ConcurrentHashMap<>();

  private ReportWriter() {}

  /** Writes the table in the format; the stream is flushed, not closed. */
  public static void write(ReportTable table, ReportFormat format, OutputStream out)
      throws IOException {
    switch (format) {
      case PDF -> pdf(table, out);
      case XLSX -> xlsx(table, out);
      case CSV -> csv(table, out);
    }
    out.flush();
  }

  static JasperReport template(String name) {
    return TEMPLATES.computeIfAbsent(
        name,
        n -> {
          try (InputStream in =
              ReportWriter.class.getClassLoader().getResourceAsStream("reports/" + n + ".jasper")) {
            if (in == null) {
              throw new IllegalStateException("no compiled report template reports/" + n);
            }
            return (JasperReport) JRLoader.loadObject(in);
          } catch (IOException | JRException e) {
            throw new IllegalStateException("report template " + n + " cannot be loaded", e);
          }
        });
  }

  private static void pdf(ReportTable table, OutputStream out) throws IOException {
    Map<String, Object> parameters = new HashMap<>(table.header());
    JRSwapFileVirtualizer virtualizer = null;
    Path swapDirectory = null;
    try {
      if (table.rows().size() > VIRTUALIZE_ABOVE_ROWS) {
        swapDirectory = Files.createTempDirectory("ledgerline-report-");
        virtualizer =
            new JRSwapFileVirtualizer(
                50, new JRSwapFile(swapDirectory.toString(), 4096, 1024), true);
        parameters.put(JRParameter.REPORT_VIRTUALIZER, virtualizer);
      }
      JasperPrint print =
          JasperFillManager.fillReport(
              template(table.template()), parameters, new RowSource(table));
      JasperExportManager.exportReportToPdfStream(print, out);
    } catch (JRException e) {
      throw new IllegalStateException("report " + table.template() + " cannot be rendered", e);
    } finally {
      if (virtualizer != null) {
        virtualizer.cleanup();
      }
      if (swapDirectory != null) {
        try (var files = Files.list(swapDirectory)) {
          files.forEach(ReportWriter::deleteQuietly);
        }
        deleteQuietly(swapDirectory);
      }
    }
  }

  /**
   * The table's rows as the template's fields, each cell formatted as it is read: no second copy of
   * a long report in memory.
   */
  private static final class RowSource implements JRDataSource {
    private final ReportTable table;
    private final Iterator<ReportTable.Row> rows;
    private final boolean blankZeros;
    private ReportTable.Row row;

    RowSource(ReportTable table) {
      this.table = table;
      this.blankZeros = BLANK_ZEROS.contains(table.template());
      this.rows = table.rows().iterator();
    }

    @Override
    public boolean next() {
      row = rows.hasNext() ? rows.next() : null;
      return row != null;
    }

    @Override
    public Object getFieldValue(JRField field) {
      String name = field.getName();
      return switch (name) {
        case "kind" -> row.kind();
        case "section" -> row.section();
        default -> {
          int i = Integer.parseInt(name.substring(1));
          ReportTable.Column column = table.columns().get(i);
          Object value = row.values()[i];
          yield blankZeros
                  && "DETAIL".equals(row.kind())
                  && column.type() == ReportTable.Type.MONEY
                  && value instanceof BigDecimal amount
                  && amount.signum() == 0
              ? ""
              : ReportTable.print(column, value, row.currency());
        }
      };
    }
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void csv(ReportTable table, OutputStream out) throws IOException {
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180);
    List<String> names = new ArrayList<>();
    names.add("kind");
    names.add("section");
    table.columns().forEach(c -> names.add(c.name()));
    printer.printRecord(names);
    for (ReportTable.Row row : table.rows()) {
      List<String> values = new ArrayList<>();
      values.add(row.kind());
      values.add(row.section() == null ? "" : row.section());
      for (int i = 0; i < table.columns().size(); i++) {
        values.add(ReportTable.plain(table.columns().get(i), row.values()[i], row.currency()));
      }
      printer.printRecord(values);
    }
    printer.flush();
  }

  private static void xlsx(ReportTable table, OutputStream out) throws IOException {
    try (SXSSFWorkbook workbook = new SXSSFWorkbook(500)) {
      SXSSFSheet sheet = workbook.createSheet(table.fileName());
      Font bold = workbook.createFont();
      bold.setBold(true);
      CellStyle headerStyle = workbook.createCellStyle();
      headerStyle.setFont(bold);
      CellStyle dateStyle = workbook.createCellStyle();
      dateStyle.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
      Map<Integer, CellStyle> moneyStyles = new HashMap<>();
      var header = sheet.createRow(0);
      List<ReportTable.Column> columns = table.columns();
      header.createCell(0).setCellValue("kind");
      header.createCell(1).setCellValue("section");
      for (int i = 0; i < columns.size(); i++) {
        header.createCell(i + 2).setCellValue(columns.get(i).name());
      }
      header.forEach(c -> c.setCellStyle(headerStyle));
      sheet.createFreezePane(0, 1);
      int r = 1;
      for (ReportTable.Row row : table.rows()) {
        var line = sheet.createRow(r++);
        line.createCell(0).setCellValue(row.kind());
        line.createCell(1).setCellValue(row.section() == null ? "" : row.section());
        for (int i = 0; i < columns.size(); i++) {
          Object value = row.values()[i];
          if (value == null) {
            continue;
          }
          Cell cell = line.createCell(i + 2);
          switch (columns.get(i).type()) {
            case MONEY -> {
              BigDecimal amount = Amounts.atScale((BigDecimal) value, row.currency());
              cell.setCellValue(amount.doubleValue());
              cell.setCellStyle(
                  moneyStyles.computeIfAbsent(
                      amount.scale(),
                      scale -> {
                        CellStyle style = workbook.createCellStyle();
                        style.setDataFormat(
                            workbook
                                .createDataFormat()
                                .getFormat(scale == 0 ? "#,##0" : "#,##0." + "0".repeat(scale)));
                        return style;
                      }));
            }
            case PERCENT, QUANTITY ->
                cell.setCellValue(
                    value instanceof BigDecimal d
                        ? d.doubleValue()
                        : ((Number) value).doubleValue());
            case DATE -> {
              cell.setCellValue((LocalDate) value);
              cell.setCellStyle(dateStyle);
            }
            default -> cell.setCellValue(value.toString());
          }
        }
      }
      workbook.write(out);
      workbook.dispose();
    }
  }
}
