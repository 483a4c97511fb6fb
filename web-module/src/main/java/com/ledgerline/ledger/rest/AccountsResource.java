package com.ledgerline.ledger.rest;

import com.ledgerline.ledger.boundary.ChartOfAccounts;
import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/**
 * {@code /api/accounts}: the chart of accounts with each account's type and normal balance; add an
 * account, rename or reclassify one ({@code PUT}; refused {@code ACCOUNT_HAS_JOURNAL_LINES} once
 * journal lines use it).
 */
@RequestScoped
@Path("accounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AccountsResource {
  @EJB private ChartOfAccounts chart;

  @GET
  public List<ChartOfAccounts.Account> list() {
    return chart.accounts();
  }

  @GET
  @Path("{code}")
  public ChartOfAccounts.Account get(@PathParam("code") String code) {
    return chart
        .account(code)
        .orElseThrow(
            () -> new BusinessRuleViolation(ErrorCode.UNKNOWN_ACCOUNT, "no account " + code));
  }

  @POST
  public Response add(ChartOfAccounts.Account account) {
    ChartOfAccounts.Account added = chart.add(account);
    return Response.created(URI.create("accounts/" + added.code())).entity(added).build();
  }

  @PUT
  @Path("{code}")
  public ChartOfAccounts.Account update(
      @PathParam("code") String code, ChartOfAccounts.Account account) {
    return chart.update(code, account);
  }
}
