package com.ledgerline.reconciliation.rest;

import com.ledgerline.reconciliation.boundary.Reconciliation;
import com.ledgerline.reconciliation.boundary.ReconciliationViews.BankAccount;
import com.ledgerline.reconciliation.boundary.ReconciliationViews.Discrepancy;
import com.ledgerline.reconciliation.boundary.ReconciliationViews.DiscrepancyPage;
import com.ledgerline.reconciliation.boundary.ReconciliationViews.Match;
import com.ledgerline.reconciliation.boundary.ReconciliationViews.Rate;
import com.ledgerline.reconciliation.boundary.ReconciliationViews.Run;
import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/reconciliation} (issue 6): bank accounts reconciled, matching runs, matches, the
 * discrepancy queue and the discrepancy rate. Finance and administrators write; auditors read.
 *
 * <ul>
 *   <li>{@code PUT bank-accounts/{accountId}} {@code {"glAccountCode":"1010","currency":"GBP",
 *       "cardSettlements":true}}: registers a statement account (201); {@code GET bank-accounts}.
 *   <li>{@code POST runs}: matches every open line and book item now (201 with the run); {@code GET
 *       runs/{id}}, {@code GET runs/{id}/matches}.
 *   <li>{@code GET matches?statementLine=} or {@code ?bookItem=}: the matches and unmatches naming
 *       it; {@code GET matches/{id}}; {@code POST matches/{id}/reversal} {@code {"reason":…}}
 *       unmatches (a new row; the settlement entry reversed).
 *   <li>{@code GET
 *       discrepancies?class=&status=OPEN|RESOLVED&account=&period=yyyy-MM&offset=&limit=} oldest
 *       first; {@code GET discrepancies/{id}}; {@code POST discrepancies/{id}/resolution} {@code
 *       {"action":"POST_ROUNDING","reason":…,"lineIds":[…],"itemKeys":[…]}}.
 *   <li>{@code GET metrics?from=&to=} (ISO dates): the discrepancy rate per account and month.
 * </ul>
 *
 * Refusals: {@code UNKNOWN_DISCREPANCY}, {@code UNKNOWN_MATCH}, {@code UNKNOWN_STATEMENT_LINE},
 * {@code UNKNOWN_BOOK_ITEM} (404); {@code DISCREPANCY_ALREADY_RESOLVED}, {@code
 * RESOLUTION_NOT_ALLOWED_FOR_DISCREPANCY}, {@code STATEMENT_LINE_ALREADY_MATCHED}, {@code
 * BOOK_ITEM_ALREADY_MATCHED}, {@code MATCH_ALREADY_REVERSED}, {@code
 * BANK_ACCOUNT_ALREADY_REGISTERED}, {@code ACCOUNTING_PERIOD_CLOSED} (409); {@code
 * MATCH_AMOUNTS_DIFFER} (422); {@code INVALID_REQUEST} (400).
 */
@RequestScoped
@Tag(name = "Reconciliation")
@Path("reconciliation")
@Produces(MediaType.APPLICATION_JSON)
public class ReconciliationResource {
  @EJB private Reconciliation reconciliation;

  /** A bank account to register. */
  public record AccountRequest(String glAccountCode, String currency, Boolean cardSettlements) {}

  /** A reason (unmatch). */
  public record Reason(String reason) {}

  /** A resolution: the action, why, and for MATCH_MANUALLY the lines and items to add. */
  public record ResolutionRequest(
      String action, String reason, List<Long> lineIds, List<String> itemKeys) {}

  @PUT
  @Path("bank-accounts/{accountId}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Register a statement account for reconciliation with its ledger account")
  public Response register(@PathParam("accountId") String accountId, AccountRequest request) {
    if (request == null) {
      throw new BusinessRuleViolation(ErrorCode.INVALID_REQUEST, "a body is required");
    }
    BankAccount account =
        reconciliation.registerAccount(
            accountId,
            request.glAccountCode(),
            request.currency(),
            Boolean.TRUE.equals(request.cardSettlements()));
    return Response.created(URI.create("reconciliation/bank-accounts/" + accountId))
        .entity(account)
        .build();
  }

  @GET
  @Path("bank-accounts")
  @Operation(summary = "The bank accounts reconciled")
  public List<BankAccount> accounts() {
    return reconciliation.accounts();
  }

  @POST
  @Path("runs")
  @Operation(
      summary =
          "Match every open statement line and book item now; idempotent (a second run adds"
              + " nothing)")
  public Response run() {
    Run run = reconciliation.run("ON_DEMAND");
    return Response.created(URI.create("reconciliation/runs/" + run.runId())).entity(run).build();
  }

  @GET
  @Path("runs/{id}")
  @Operation(summary = "A run and what it added")
  public Run run(@PathParam("id") long id) {
    return reconciliation
        .findRun(id)
        .orElseThrow(() -> new NotFoundException("no reconciliation run " + id));
  }

  @GET
  @Path("runs/{id}/matches")
  @Operation(summary = "The matches a run made, with rule, score and explanation")
  public List<Match> runMatches(@PathParam("id") long id) {
    return reconciliation.matchesOfRun(id);
  }

  @GET
  @Path("matches")
  @Operation(summary = "The matches and unmatches of a statement line or a book item")
  public List<Match> matches(
      @QueryParam("statementLine") Long statementLine, @QueryParam("bookItem") String bookItem) {
    if (statementLine != null) {
      return reconciliation.matchesOfLine(statementLine);
    }
    if (bookItem != null && !bookItem.isBlank()) {
      return reconciliation.matchesOfItem(bookItem.trim());
    }
    throw new BusinessRuleViolation(
        ErrorCode.INVALID_REQUEST, "name a statementLine or a bookItem (PAY:…, CARD:GBP:…)");
  }

  @GET
  @Path("matches/{id}")
  @Operation(summary = "A match with its lines, book items, fee, rule, score and explanation")
  public Match match(@PathParam("id") long id) {
    return reconciliation
        .match(id)
        .orElseThrow(() -> new BusinessRuleViolation(ErrorCode.UNKNOWN_MATCH, "no match " + id));
  }

  @POST
  @Path("matches/{id}/reversal")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Unmatch: a reversing row, the settlement entry reversed")
  public Response unmatch(@PathParam("id") long id, Reason reason) {
    Match unmatch = reconciliation.unmatch(id, reason == null ? null : reason.reason());
    return Response.created(URI.create("reconciliation/matches/" + unmatch.matchId()))
        .entity(unmatch)
        .build();
  }

  @GET
  @Path("discrepancies")
  @Operation(summary = "The discrepancy queue, oldest first, by class, status, account, period")
  public DiscrepancyPage discrepancies(
      @QueryParam("class") String discrepancyClass,
      @QueryParam("status") String status,
      @QueryParam("account") String account,
      @QueryParam("period") String period,
      @QueryParam("offset") @DefaultValue("0") int offset,
      @QueryParam("limit") @DefaultValue("100") int limit) {
    return reconciliation.discrepancies(discrepancyClass, status, account, period, offset, limit);
  }

  @GET
  @Path("discrepancies/{id}")
  @Operation(summary = "A discrepancy with its resolution")
  public Discrepancy discrepancy(@PathParam("id") long id) {
    return reconciliation
        .discrepancy(id)
        .orElseThrow(
            () -> new BusinessRuleViolation(ErrorCode.UNKNOWN_DISCREPANCY, "no discrepancy " + id));
  }

  @POST
  @Path("discrepancies/{id}/resolution")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Resolve a discrepancy with an action that is posted and audited")
  public Discrepancy resolve(@PathParam("id") long id, ResolutionRequest request) {
    if (request == null) {
      throw new BusinessRuleViolation(ErrorCode.INVALID_REQUEST, "a body is required");
    }
    return reconciliation.resolve(
        id, request.action(), request.reason(), request.lineIds(), request.itemKeys());
  }

  @GET
  @Path("metrics")
  @Operation(summary = "Discrepancy rate (flagged ÷ statement lines) per bank account and month")
  public List<Rate> metrics(@QueryParam("from") String from, @QueryParam("to") String to) {
    LocalDate end = date(to, LocalDate.now());
    LocalDate start = date(from, end.withDayOfMonth(1));
    return reconciliation.rates(start, end);
  }

  private static LocalDate date(String value, LocalDate fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw new BusinessRuleViolation(
          ErrorCode.INVALID_REQUEST, "from and to are ISO dates (YYYY-MM-DD), was " + value);
    }
  }
}
