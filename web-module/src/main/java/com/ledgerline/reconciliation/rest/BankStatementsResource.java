package com.ledgerline.reconciliation.rest;

import com.ledgerline.reconciliation.boundary.BankStatementViews.ImportedFile;
import com.ledgerline.reconciliation.boundary.BankStatementViews.StatementDetail;
import com.ledgerline.reconciliation.boundary.BankStatementViews.StatementSummary;
import com.ledgerline.reconciliation.boundary.BankStatements;
import com.ledgerline.reconciliation.boundary.Reconciliation;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /api/bank-statements} (issue 6):
 *
 * <ul>
 *   <li>{@code POST} with the file as body (finance): the format from {@code
 *       ?format=camt|mt940|csv}, else the {@code Content-Type} ({@code application/xml}, {@code
 *       text/csv}), else the content; the file name from {@code ?fileName=} or {@code
 *       Content-Disposition: attachment; filename="…"}; a CSV also {@code ?account=}, optional
 *       {@code ?statementId=} and {@code ?mapping=}. 201 with the {@link ImportedFile}; refusals as
 *       problem documents ({@code STATEMENT_MALFORMED} 422, {@code STATEMENT_UNSUPPORTED_FORMAT}
 *       415, {@code STATEMENT_BALANCE_MISMATCH} 422, {@code STATEMENT_ALREADY_IMPORTED} 409). The
 *       import is followed by a reconciliation run in a transaction of its own; its id is in the
 *       answer ({@code reconciliationRunId}).
 *   <li>{@code GET ?account=&offset=&limit=}: statements newest first; {@code GET /{id}}: one with
 *       its lines, 404 when unknown.
 * </ul>
 */
@RequestScoped
@Path("bank-statements")
@Produces(MediaType.APPLICATION_JSON)
public class BankStatementsResource {
  private static final Logger LOG = Logger.getLogger(BankStatementsResource.class.getName());
  private static final Pattern FILENAME =
      Pattern.compile("filename\\s*=\\s*\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE);

  @EJB private BankStatements statements;
  @EJB private Reconciliation reconciliation;

  /**
   * The imported file and the reconciliation run that followed it ({@code reconciliationRunId},
   * null when the run failed: the import stands and the next run retries).
   */
  public record Imported(
      long fileId,
      String fileName,
      String format,
      String messageType,
      String contentDigest,
      List<Long> statementIds,
      int lineCount,
      Long reconciliationRunId) {}

  @POST
  @Consumes(MediaType.WILDCARD)
  public Response importFile(
      @QueryParam("format") String format,
      @QueryParam("fileName") String fileName,
      @QueryParam("account") String account,
      @QueryParam("statementId") String statementId,
      @QueryParam("mapping") String mapping,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      @HeaderParam("Content-Disposition") String disposition,
      byte[] body) {
    String name = fileName;
    if ((name == null || name.isBlank()) && disposition != null) {
      Matcher m = FILENAME.matcher(disposition);
      if (m.find()) {
        name = m.group(1).trim();
      }
    }
    ImportedFile imported =
        statements.importFile(
            new BankStatements.Upload(
                name, format, contentType, body, mapping, account, statementId));
    Long runId = null;
    try {
      // a follow-on transaction of its own (REQUIRES_NEW): the import is committed already
      runId = reconciliation.run("IMPORT").runId();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "reconciliation run after the import of " + name + " failed", e);
    }
    return Response.created(URI.create("bank-statements/" + imported.statementIds().get(0)))
        .entity(
            new Imported(
                imported.fileId(),
                imported.fileName(),
                imported.format(),
                imported.messageType(),
                imported.contentDigest(),
                imported.statementIds(),
                imported.lineCount(),
                runId))
        .build();
  }

  @GET
  public List<StatementSummary> list(
      @QueryParam("account") String account,
      @QueryParam("offset") @DefaultValue("0") int offset,
      @QueryParam("limit") @DefaultValue("100") int limit) {
    return statements.list(account, offset, limit);
  }

  @GET
  @Path("{id}")
  public StatementDetail show(@PathParam("id") long id) {
    return statements.show(id).orElseThrow(() -> new NotFoundException("no bank statement " + id));
  }
}
