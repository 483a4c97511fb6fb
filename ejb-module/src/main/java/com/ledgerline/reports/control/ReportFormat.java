package com.ledgerline.reports.control;

import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
import java.util.Locale;

/** The formats a report is written in, with the media type and file extension of each. */
public enum ReportFormat {
  PDF("application/pdf", "pdf"),
  XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
  CSV("text/csv; charset=UTF-8", "csv");

  private final String mediaType;
  private final String extension;

  ReportFormat(String mediaType, String extension) {
    this.mediaType = mediaType;
    this.extension = extension;
  }

  public String mediaType() {
    return mediaType;
  }

  public String extension() {
    return extension;
  }

  /**
   * The format named {@code pdf}, {@code xlsx} or {@code csv} (any case); null or blank = PDF.
   *
   * @throws BusinessRuleViolation {@code REPORT_FORMAT_NOT_SUPPORTED} for any other name
   */
  public static ReportFormat parse(String name) {
    if (name == null || name.isBlank()) {
      return PDF;
    }
    for (ReportFormat format : values()) {
      if (format.extension.equals(name.strip().toLowerCase(Locale.ROOT))) {
        return format;
      }
    }
    throw new BusinessRuleViolation(
        ErrorCode.REPORT_FORMAT_NOT_SUPPORTED, "format must be pdf, xlsx or csv, was " + name);
  }
}
