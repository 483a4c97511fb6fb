package com.ledgerline.reports.rest;

import com.ledgerline.reports.boundary.Reports;
import com.ledgerline.reports.control.ReportFormat;
import com.ledgerline.reports.control.ReportTable;
import com.ledgerline.reports.control.ReportWriter;
import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.DateTimeException;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Reports over REST, each answered as a download ({@code Content-Disposition: attachment;
 * filename="…"}), written while it streams to the client:
 *
 * <ul>
 *   <li>{@code GET /api/reports/{report}?format=pdf|xlsx|csv&from&to&asOf&customer&channel&account}
 *       (finance, administrators, auditors): {@code ar-aging} (asOf, customer), {@code
 *       sales-journal} (from, to, channel, customer), {@code trial-balance} (asOf), {@code
 *       general-ledger} (from, to, account), {@code margin} (from, to, channel), {@code
 *       reconciliation} (from, to, account = a registered bank account) in any format; {@code
 *       statement} (customer, from, to) as PDF;
 *   <li>{@code GET /api/reports/invoices/{INV-…}}, {@code /credit-notes/{CN-…}}, {@code
 *       /receipts/{PAY-…}} (cashiers too): the customer's documents as PDF.
 * </ul>
 *
 * Refusals (RFC 9457 problem documents): {@code REPORT_UNKNOWN} (404), {@code
 * REPORT_FORMAT_NOT_SUPPORTED}, {@code REPORT_PERIOD_INVALID} (a date not ISO, from after to, a
 * period missing), {@code REPORT_PARAMETER_MISSING} (400), {@code REPORT_TOO_LARGE} (422, more than
 * 200,000 rows: narrow the period or filters; never cut short), {@code UNKNOWN_SALE}, {@code
 * UNKNOWN_CREDIT_NOTE}, {@code UNKNOWN_PAYMENT}, {@code UNKNOWN_CUSTOMER}, {@code
 * UNKNOWN_BANK_ACCOUNT} (404).
 */
@RequestScoped
@Path("reports")
@Tag(name = "Reports", description = "Documents and books as PDF, XLSX and CSV")
public class ReportsResource {
  @EJB private Reports reports;

  @GET
  @Path("{report}")
  @Produces({
    "application/pdf",
    "text/csv",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
  })
  @Operation(
      summary =
          "A book: ar-aging, sales-journal, trial-balance, general-ledger, margin,"
              + " reconciliation (pdf, xlsx, csv) or statement (pdf)")
  public Response book(
      @PathParam("report") String report,
      @Parameter(description = "pdf (default), xlsx or csv") @QueryParam("format") String format,
      @Parameter(description = "first posting date, YYYY-MM-DD") @QueryParam("from") String from,
      @Parameter(description = "last posting date, YYYY-MM-DD") @QueryParam("to") String to,
      @Parameter(description = "report date, YYYY-MM-DD; default today") @QueryParam("asOf")
          String asOf,
      @Parameter(description = "customer number") @QueryParam("customer") String customer,
      @Parameter(description = "sales channel") @QueryParam("channel") String channel,
      @Parameter(
              description =
                  "general ledger account code (general-ledger); bank account id"
                      + " (reconciliation)")
          @QueryParam("account")
          String account) {
    ReportFormat reportFormat = ReportFormat.parse(format);
    ReportTable table =
        reports.book(
            report,
            reportFormat,
            new Reports.Filters(
                date("from", from),
                date("to", to),
                date("asOf", asOf),
                blankAsNull(customer),
                blankAsNull(channel),
                blankAsNull(account)));
    return download(table, reportFormat);
  }

  @GET
  @Path("invoices/{saleNumber}")
  @Produces("application/pdf")
  @Operation(summary = "The invoice of a posted sale, PDF")
  public Response invoice(@PathParam("saleNumber") String saleNumber) {
    return download(reports.invoice(saleNumber), ReportFormat.PDF);
  }

  @GET
  @Path("credit-notes/{creditNoteNumber}")
  @Produces("application/pdf")
  @Operation(summary = "A credit note, PDF")
  public Response creditNote(@PathParam("creditNoteNumber") String creditNoteNumber) {
    return download(reports.creditNote(creditNoteNumber), ReportFormat.PDF);
  }

  @GET
  @Path("receipts/{paymentNumber}")
  @Produces("application/pdf")
  @Operation(summary = "A payment receipt, PDF")
  public Response receipt(@PathParam("paymentNumber") String paymentNumber) {
    return download(reports.receipt(paymentNumber), ReportFormat.PDF);
  }

  private static Response download(ReportTable table, ReportFormat format) {
    StreamingOutput body = out -> ReportWriter.write(table, format, out);
    return Response.ok(body, format.mediaType())
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"" + table.fileName() + "." + format.extension() + "\"")
        .build();
  }

  private static String blankAsNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static LocalDate date(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      LocalDate date = LocalDate.parse(value.strip());
      if (date.getYear() < 1 || date.getYear() > 9999) {
        throw new DateTimeException("year out of range");
      }
      return date;
    } catch (DateTimeException e) {
      throw new BusinessRuleViolation(
          ErrorCode.REPORT_PERIOD_INVALID,
          name + " must be an ISO date (YYYY-MM-DD), was " + value);
    }
  }
}
