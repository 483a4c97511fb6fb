package com.ledgerline.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** A report downloaded over REST and read back as a person's tools would read it. */
public final class ReportFiles {
  public static final String XLSX =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private ReportFiles() {}

  /** The PDF's text (PDFBox); it has pages and its footer counts them. */
  public static String pdfText(Api api, String path, String fileName) throws Exception {
    Api.Download download = api.download(path);
    assertEquals(200, download.status(), download.text());
    assertEquals("application/pdf", download.contentType());
    assertEquals(
        "attachment; filename=\"" + fileName + ".pdf\"", download.header("Content-Disposition"));
    return pdfText(download);
  }

  /** A downloaded PDF's text (PDFBox); it has pages and its footer counts them. */
  public static String pdfText(Api.Download pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf.body())) {
      assertTrue(document.getNumberOfPages() > 0);
      String text = new PDFTextStripper().getText(document);
      assertTrue(text.matches("(?s).*Page 1 of\\s*" + document.getNumberOfPages() + "\\b.*"), text);
      return text;
    }
  }

  /** The CSV's rows by its header names; the download is named {@code fileName.csv}. */
  public static List<Map<String, String>> csv(Api api, String path, String fileName)
      throws Exception {
    Api.Download download = api.download(path);
    assertEquals(200, download.status(), download.text());
    assertTrue(download.contentType().startsWith("text/csv"), download.contentType());
    assertEquals(
        "attachment; filename=\"" + fileName + ".csv\"", download.header("Content-Disposition"));
    List<Map<String, String>> rows = new ArrayList<>();
    for (CSVRecord record :
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new StringReader(download.text()))) {
      rows.add(record.toMap());
    }
    assertFalse(rows.isEmpty(), path);
    return rows;
  }

  /**
   * The XLSX's rows by its header names, numeric cells as plain decimals (at the scale the cell's
   * format shows), dates ISO.
   */
  public static List<Map<String, String>> xlsx(Api api, String path, String fileName)
      throws Exception {
    Api.Download download = api.download(path);
    assertEquals(200, download.status(), download.text());
    assertEquals(XLSX, download.contentType());
    assertEquals(
        "attachment; filename=\"" + fileName + ".xlsx\"", download.header("Content-Disposition"));
    List<Map<String, String>> rows = new ArrayList<>();
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(download.body()))) {
      Sheet sheet = workbook.getSheetAt(0);
      Row header = sheet.getRow(0);
      for (int r = 1; r <= sheet.getLastRowNum(); r++) {
        Row row = sheet.getRow(r);
        Map<String, String> values = new HashMap<>();
        for (int c = 0; c < header.getLastCellNum(); c++) {
          values.put(header.getCell(c).getStringCellValue(), cell(row.getCell(c)));
        }
        rows.add(values);
      }
    }
    assertFalse(rows.isEmpty(), path);
    return rows;
  }

  private static String cell(Cell cell) {
    if (cell == null) {
      return "";
    }
    if (cell.getCellType() == CellType.NUMERIC) {
      String format = cell.getCellStyle().getDataFormatString();
      if (format.contains("yy")) {
        return cell.getLocalDateTimeCellValue().toLocalDate().toString();
      }
      int scale = format.contains(".") ? format.length() - format.indexOf('.') - 1 : 0;
      BigDecimal value = BigDecimal.valueOf(cell.getNumericCellValue());
      return format.equals("General")
          ? value.stripTrailingZeros().toPlainString()
          : value.setScale(scale, RoundingMode.HALF_EVEN).toPlainString();
    }
    return cell.getStringCellValue();
  }

  /** A CSV/XLSX amount; blank is zero. */
  public static BigDecimal amount(Map<String, String> row, String column) {
    String value = row.get(column);
    return value == null || value.isEmpty() ? BigDecimal.ZERO : new BigDecimal(value);
  }
}
