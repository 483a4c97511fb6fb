package com.ledgerline.ledger.rest;

import com.ledgerline.ledger.boundary.InvariantChecks;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/checks/invariants}: the ledger's invariants (DESIGN.md 7) with the number of rows
 * that break each; all zero means the books hold together.
 */
@RequestScoped
@Path("checks/invariants")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Checks", description = "The ledger's invariants (DESIGN.md 7)")
public class InvariantsResource {
  @EJB private InvariantChecks checks;

  @GET
  @Operation(summary = "Run every invariant check; all violation counts 0 = the books hold")
  public List<InvariantChecks.Result> run() {
    return checks.run();
  }
}
