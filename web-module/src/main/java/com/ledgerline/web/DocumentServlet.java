package com.ledgerline.web;

import com.ledgerline.reports.boundary.Reports;
import com.ledgerline.reports.control.ReportFormat;
import com.ledgerline.reports.control.ReportTable;
import com.ledgerline.reports.control.ReportWriter;
import com.ledgerline.shared.BusinessRuleViolation;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The documents a signed-in screen user prints: {@code GET /documents/invoices/{INV-…}}, {@code
 * /documents/receipts/{PAY-…}} and {@code /documents/credit-notes/{CN-…}}, each a PDF rendered by
 * the {@link Reports} boundary (the same documents as {@code /api/reports/…}, which takes HTTP
 * Basic). Served under the screens' session, so the print buttons are plain links; printing changes
 * nothing, so GET is right.
 *
 * <p>Answers: 200 {@code application/pdf} with {@code Content-Disposition: inline; filename=…}; 404
 * for a path that is not a document, or a number the boundary does not know ({@code UNKNOWN_SALE},
 * {@code UNKNOWN_PAYMENT}, {@code UNKNOWN_CREDIT_NOTE}); 403 when the user's roles may not print
 * documents (the boundary's {@code @RolesAllowed}).
 */
@WebServlet(urlPatterns = "/documents/*")
public class DocumentServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  private static final Pattern PATH =
      Pattern.compile("/(invoices|receipts|credit-notes)/([A-Za-z0-9][A-Za-z0-9._-]{0,63})");

  @EJB private transient Reports reports;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Matcher path = PATH.matcher(request.getPathInfo() == null ? "" : request.getPathInfo());
    if (!path.matches()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    ReportTable document;
    try {
      document =
          switch (path.group(1)) {
            case "invoices" -> reports.invoice(path.group(2));
            case "receipts" -> reports.receipt(path.group(2));
            default -> reports.creditNote(path.group(2));
          };
    } catch (EJBAccessException notAllowed) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    } catch (BusinessRuleViolation refused) {
      response.sendError(refused.code().httpStatus(), refused.code().name());
      return;
    }
    response.setContentType(ReportFormat.PDF.mediaType());
    response.setHeader(
        "Content-Disposition",
        "inline; filename=\"" + document.fileName() + "." + ReportFormat.PDF.extension() + "\"");
    ReportWriter.write(document, ReportFormat.PDF, response.getOutputStream());
  }
}
