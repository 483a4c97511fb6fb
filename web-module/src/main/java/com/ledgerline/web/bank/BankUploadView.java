package com.ledgerline.web.bank;

import com.ledgerline.reconciliation.boundary.BankStatementViews.ImportedFile;
import com.ledgerline.reconciliation.boundary.BankStatementViews.StatementSummary;
import com.ledgerline.reconciliation.boundary.BankStatements;
import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.web.Messages;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.file.UploadedFile;

/**
 * The bank statement upload ({@code bank/upload.xhtml}, finance): each file is sent with a progress
 * bar (the browser's upload progress) and imported by {@link BankStatements#importFile} in one
 * transaction; the page lists every file of the session with its counts (statements, lines) or its
 * refusal (the code's text and the boundary's reason: the element or line, what was wrong). A file
 * is at most {@value BankStatements#MAX_FILE_BYTES} bytes, so an import takes seconds, not minutes,
 * of a request thread.
 */
@Named
@ViewScoped
public class BankUploadView implements Serializable {
  private static final long serialVersionUID = 1L;

  @EJB private BankStatements statements;

  private String format;
  private String csvMapping;
  private String accountId;
  private final List<Result> results = new ArrayList<>();
  private List<StatementSummary> recent;

  /**
   * One file's outcome: its counts when imported, its refusal otherwise.
   *
   * @param code the error code of a refusal; null when imported
   * @param refusal the readable refusal; null when imported
   */
  public record Result(
      String fileName,
      String format,
      Integer statements,
      Integer lines,
      Long fileId,
      String code,
      String refusal) {
    public boolean isImported() {
      return code == null;
    }
  }

  /** Imports one uploaded file (each file of a multiple upload is its own request). */
  public void upload(FileUploadEvent event) {
    UploadedFile file = event.getFile();
    try {
      ImportedFile imported =
          statements.importFile(
              new BankStatements.Upload(
                  file.getFileName(),
                  blankToNull(format),
                  file.getContentType(),
                  file.getContent(),
                  "csv".equals(format) ? blankToNull(csvMapping) : null,
                  "csv".equals(format) ? blankToNull(accountId) : null,
                  null));
      results.add(
          0,
          new Result(
              imported.fileName(),
              imported.format(),
              imported.statementIds().size(),
              imported.lineCount(),
              imported.fileId(),
              null,
              null));
      recent = null;
    } catch (RuntimeException e) {
      Optional<BusinessRuleViolation> violation = Messages.violation(e);
      if (violation.isEmpty()) {
        throw e;
      }
      BusinessRuleViolation v = violation.get();
      results.add(
          0,
          new Result(
              file.getFileName(),
              format,
              null,
              null,
              null,
              v.code().name(),
              Messages.describe(v.code(), v.detail())));
    }
  }

  public List<Result> getResults() {
    return results;
  }

  /** The latest statements imported (by anyone), newest first. */
  public List<StatementSummary> getRecent() {
    if (recent == null) {
      recent = statements.list(null, 0, 10);
    }
    return recent;
  }

  public int getMaxFileBytes() {
    return BankStatements.MAX_FILE_BYTES;
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  public String getFormat() {
    return format;
  }

  public void setFormat(String format) {
    this.format = format;
  }

  public String getCsvMapping() {
    return csvMapping;
  }

  public void setCsvMapping(String csvMapping) {
    this.csvMapping = csvMapping;
  }

  public String getAccountId() {
    return accountId;
  }

  public void setAccountId(String accountId) {
    this.accountId = accountId;
  }
}
