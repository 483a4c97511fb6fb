package com.ledgerline.reports.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTableTest {
  @Test
  void aReportBeyondTheRowLimitIsRefusedNotCutShort() {
    ReportTable table =
        new ReportTable("t", "t", List.of(ReportTable.text("a"), ReportTable.money("b")));
    for (int i = 0; i < ReportQueries.MAX_ROWS; i++) {
      table.add("DETAIL", "", "GBP", "row", BigDecimal.ONE);
    }
    assertEquals(ReportQueries.MAX_ROWS, table.rows().size());
    BusinessRuleViolation refused =
        assertThrows(
            BusinessRuleViolation.class,
            () -> table.add("DETAIL", "", "GBP", "one more", BigDecimal.ONE));
    assertEquals(ErrorCode.REPORT_TOO_LARGE, refused.code());
    assertEquals(
        "REPORT_TOO_LARGE: the report has more than 200,000 rows; narrow the period or filter by"
            + " channel, customer or account",
        refused.getMessage());
  }

  @Test
  void cellsArePrintedAtTheCurrencyScaleAndPlainInCsv() {
    ReportTable.Column money = ReportTable.money("m");
    assertEquals("1,234.50", ReportTable.print(money, new BigDecimal("1234.5000"), "GBP"));
    assertEquals("1234.50", ReportTable.plain(money, new BigDecimal("1234.5000"), "GBP"));
    assertEquals("1,235", ReportTable.print(money, new BigDecimal("1235"), "JPY"));
    assertEquals("", ReportTable.print(money, null, "GBP"));
  }
}
