package com.ledgerline.reconciliation.control;

import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
import java.util.Locale;

/** The bank statement formats the import reads. */
public enum StatementFormat {
  /** ISO 20022 camt.053 (statement), camt.052 (account report), camt.054 (notification). */
  CAMT,
  /** SWIFT MT940 customer statement (and MT942 interim reports, which carry no balances). */
  MT940,
  /** A CSV file described by a mapping ({@link CsvMapping}). */
  CSV;

  /**
   * The format a client named ({@code ?format=}) or, when it named none, the one its content type
   * says; {@code null} for both = recognised from the content ({@code <} starts XML, a line
   * starting {@code :20:} or a SWIFT block MT940).
   *
   * @throws BusinessRuleViolation {@code STATEMENT_UNSUPPORTED_FORMAT} for a name or a content type
   *     that is none of these
   */
  public static StatementFormat of(String name, String contentType, byte[] content) {
    if (name != null && !name.isBlank()) {
      return switch (name.trim().toLowerCase(Locale.ROOT)) {
        case "camt", "camt.052", "camt.053", "camt.054", "iso20022" -> CAMT;
        case "mt940", "mt942", "swift" -> MT940;
        case "csv" -> CSV;
        default ->
            throw new BusinessRuleViolation(
                ErrorCode.STATEMENT_UNSUPPORTED_FORMAT,
                "format '" + name + "' is none of camt, mt940, csv");
      };
    }
    String type =
        contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).split(";")[0].trim();
    switch (type) {
      case "application/xml", "text/xml" -> {
        return CAMT;
      }
      case "text/csv" -> {
        return CSV;
      }
      case "application/x-mt940", "text/x-mt940" -> {
        return MT940;
      }
      default -> {
        // octet-stream, text/plain or nothing: recognise the content
      }
    }
    String head =
        new String(
                content,
                0,
                Math.min(content.length, 512),
                java.nio.charset.StandardCharsets.ISO_8859_1)
            .stripLeading();
    if (head.startsWith("\uFEFF") || head.startsWith("\u00EF\u00BB\u00BF")) {
      head = head.substring(head.startsWith("\uFEFF") ? 1 : 3).stripLeading();
    }
    if (head.startsWith("<")) {
      return CAMT;
    }
    if (head.startsWith(":") || head.startsWith("{1:") || head.contains("\n:20:")) {
      return MT940;
    }
    throw new BusinessRuleViolation(
        ErrorCode.STATEMENT_UNSUPPORTED_FORMAT,
        "the content is neither XML nor MT940; name the format (?format=csv with a mapping)");
  }
}
