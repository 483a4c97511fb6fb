package com.ledgerline.ledger.rest;

import com.ledgerline.ledger.boundary.Periods;
import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * {@code /api/accounting-periods}: the months of the books. {@code GET /{yyyy-MM}} answers a
 * month's status; {@code POST /{yyyy-MM}/close} and {@code /reopen} change it, with a reason
 * (audited).
 */
@RequestScoped
@Path("accounting-periods")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AccountingPeriodsResource {
  @EJB private Periods periods;

  /**
   * @param reason why the month is closed or reopened, required
   */
  public record Change(String reason) {}

  /** The months posted into or changed, newest first. */
  @GET
  public List<Periods.Period> list(
      @QueryParam("offset") @DefaultValue("0") int offset,
      @QueryParam("limit") @DefaultValue("120") int limit) {
    return periods.list(offset, limit);
  }

  @GET
  @Path("{month}")
  public Periods.Period get(@PathParam("month") String month) {
    return periods.get(month(month));
  }

  @POST
  @Path("{month}/close")
  public Periods.Period close(@PathParam("month") String month, Change change) {
    return periods.close(month(month), change == null ? null : change.reason());
  }

  @POST
  @Path("{month}/reopen")
  public Periods.Period reopen(@PathParam("month") String month, Change change) {
    return periods.reopen(month(month), change == null ? null : change.reason());
  }

  private static YearMonth month(String value) {
    try {
      return YearMonth.parse(value);
    } catch (DateTimeParseException e) {
      throw new BusinessRuleViolation(
          ErrorCode.INVALID_REQUEST, "a month is written yyyy-MM, was " + value);
    }
  }
}
