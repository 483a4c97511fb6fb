package com.ledgerline.ledger.rest;

import com.ledgerline.ledger.boundary.TrialBalance;
import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /api/ledger/trial-balance?asOf=YYYY-MM-DD} (finance, auditors): per account and
 * currency the debits, credits and balance in the account's normal-balance sign of every journal
 * line posted on or before {@code asOf} (absent = today), and per currency the totals, debits =
 * credits. A date that is not ISO is refused {@code INVALID_REQUEST} (400).
 */
@RequestScoped
@Path("ledger/trial-balance")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Ledger", description = "The general ledger")
public class TrialBalanceResource {
  @EJB private TrialBalance trialBalance;

  @GET
  @Operation(
      summary = "The trial balance as of a date: per account and currency debits, credits, balance")
  public TrialBalance.Report get(@QueryParam("asOf") String asOf) {
    return trialBalance.asOf(parse(asOf));
  }

  private static LocalDate parse(String asOf) {
    if (asOf == null || asOf.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(asOf);
    } catch (DateTimeParseException e) {
      throw new BusinessRuleViolation(
          ErrorCode.INVALID_REQUEST, "asOf must be an ISO date (YYYY-MM-DD), was " + asOf);
    }
  }
}
