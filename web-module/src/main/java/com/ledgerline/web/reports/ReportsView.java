package com.ledgerline.web.reports;

import com.ledgerline.reports.boundary.Reports;
import com.ledgerline.reports.control.ReportFormat;
import com.ledgerline.reports.control.ReportTable;
import com.ledgerline.reports.control.ReportWriter;
import com.ledgerline.web.Messages;
import jakarta.ejb.EJB;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * The books for finance, admin and auditors ({@code reports/index.xhtml}): pick a report of {@link
 * Reports.Book}, a format and its filters, and download it. The report is rendered by the same
 * boundary as {@code GET /api/reports/{name}}; a refusal ({@code REPORT_PERIOD_INVALID}, {@code
 * REPORT_PARAMETER_MISSING}, {@code REPORT_FORMAT_NOT_SUPPORTED}, {@code UNKNOWN_CUSTOMER}, {@code
 * REPORT_TOO_LARGE}) stays on the page as the code's readable text with the boundary's detail.
 * Nothing is changed: the download is a POST only because the filters are a Faces form.
 */
@Named
@ViewScoped
public class ReportsView implements Serializable {
  private static final long serialVersionUID = 1L;

  @EJB private transient Reports reports;

  private String report = Reports.Book.AR_AGING.path();
  private String format = "pdf";
  private LocalDate from;
  private LocalDate to;
  private LocalDate asOf;
  private String customer;
  private String channel;
  private String account;

  /** The reports offered, by their path name ({@code ar-aging}, …). */
  public List<String> getBooks() {
    return Arrays.stream(Reports.Book.values()).map(Reports.Book::path).toList();
  }

  /** Renders the chosen report and sends it as a download; on a refusal the page shows why. */
  public void download() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    ReportFormat chosen;
    ReportTable table;
    try {
      chosen = ReportFormat.parse(format);
      table =
          reports.book(
              report,
              chosen,
              new Reports.Filters(from, to, asOf, blank(customer), blank(channel), blank(account)));
    } catch (RuntimeException refused) {
      Messages.error(null, refused);
      return;
    }
    ExternalContext response = faces.getExternalContext();
    response.responseReset();
    response.setResponseContentType(chosen.mediaType());
    response.setResponseHeader(
        "Content-Disposition",
        "attachment; filename=\"" + table.fileName() + "." + chosen.extension() + "\"");
    ReportWriter.write(table, chosen, response.getResponseOutputStream());
    faces.responseComplete();
  }

  private static String blank(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  public String getReport() {
    return report;
  }

  public void setReport(String report) {
    this.report = report;
  }

  public String getFormat() {
    return format;
  }

  public void setFormat(String format) {
    this.format = format;
  }

  public LocalDate getFrom() {
    return from;
  }

  public void setFrom(LocalDate from) {
    this.from = from;
  }

  public LocalDate getTo() {
    return to;
  }

  public void setTo(LocalDate to) {
    this.to = to;
  }

  public LocalDate getAsOf() {
    return asOf;
  }

  public void setAsOf(LocalDate asOf) {
    this.asOf = asOf;
  }

  public String getCustomer() {
    return customer;
  }

  public void setCustomer(String customer) {
    this.customer = customer;
  }

  public String getChannel() {
    return channel;
  }

  public void setChannel(String channel) {
    this.channel = channel;
  }

  public String getAccount() {
    return account;
  }

  public void setAccount(String account) {
    this.account = account;
  }
}
