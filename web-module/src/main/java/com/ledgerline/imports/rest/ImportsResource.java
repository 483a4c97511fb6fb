package com.ledgerline.imports.rest;

import com.ledgerline.imports.boundary.ImportIssueView;
import com.ledgerline.imports.boundary.ImportLog;
import com.ledgerline.imports.boundary.ImportSummary;
import com.ledgerline.imports.boundary.OnlineRetailImport;
import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * {@code /api/imports}: load the Online Retail sample data and read what a run did not post.
 *
 * <ul>
 *   <li>{@code POST /api/imports/online-retail?from=2010-12-01&to=2010-12-01} with the CSV as body
 *       ({@code text/csv}, or gzip as {@code application/gzip} / {@code application/octet-stream};
 *       gzip is recognised by its magic bytes whatever the type says): 200 with the {@link
 *       ImportSummary}. Missing or malformed dates, a reversed range or an unreadable body: 400
 *       problem document {@code INVALID_REQUEST}. Repeating the request posts nothing new.
 *   <li>{@code GET /api/imports/{runId}/issues?offset=0&limit=500}: the run's issues in the order
 *       recorded ({@link ImportIssueView}); 404 for an unknown run.
 * </ul>
 */
@RequestScoped
@Path("imports")
@Produces(MediaType.APPLICATION_JSON)
public class ImportsResource {
  @EJB private OnlineRetailImport onlineRetail;
  @EJB private ImportLog log;

  @POST
  @Path("online-retail")
  @Consumes({
    "text/csv",
    MediaType.TEXT_PLAIN,
    "application/gzip",
    "application/x-gzip",
    MediaType.APPLICATION_OCTET_STREAM
  })
  public ImportSummary importOnlineRetail(
      @QueryParam("from") String from, @QueryParam("to") String to, InputStream body) {
    return onlineRetail.importFile(body, date("from", from), date("to", to));
  }

  @GET
  @Path("{runId}/issues")
  public List<ImportIssueView> issues(
      @PathParam("runId") long runId,
      @QueryParam("offset") @DefaultValue("0") int offset,
      @QueryParam("limit") @DefaultValue("500") int limit) {
    return log.issues(runId, offset, limit)
        .orElseThrow(() -> new NotFoundException("no import run " + runId));
  }

  private static LocalDate date(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new BusinessRuleViolation(
          ErrorCode.INVALID_REQUEST, "query parameter " + name + " (an ISO date) is required");
    }
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw new BusinessRuleViolation(
          ErrorCode.INVALID_REQUEST,
          "query parameter " + name + " '" + value + "' is not an ISO date (yyyy-MM-dd)");
    }
  }
}
