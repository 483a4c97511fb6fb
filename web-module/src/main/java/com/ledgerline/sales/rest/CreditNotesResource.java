package com.ledgerline.sales.rest;

import com.ledgerline.sales.boundary.CreditNoteView;
import com.ledgerline.sales.boundary.Sales;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/credit-notes/{number}}: a credit note with its journal entry, stock movements and the
 * refunds paid out against it (amount refunded and remaining). Credit notes are issued with {@code
 * POST /api/sales/{sale}/credit-notes} and refunded with {@code POST /api/sales/{sale}/refunds}
 * naming the credit note.
 */
@RequestScoped
@Path("credit-notes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sales")
public class CreditNotesResource {
  @EJB private Sales sales;

  @GET
  @Operation(
      summary = "A credit note with its journal entry, stock movements and refunds",
      description =
          "amountRefunded is the sum of the refunds paid out against it (refundNumbers),"
              + " amountRemaining its total less that: what POST /api/sales/{sale}/refunds with"
              + " its creditNoteNumber may still pay out, as far as the customer's credit on the"
              + " sale allows.")
  @Path("{creditNoteNumber}")
  public CreditNoteView one(@PathParam("creditNoteNumber") String creditNoteNumber) {
    return sales
        .findCreditNote(creditNoteNumber)
        .orElseThrow(() -> new NotFoundException("no credit note " + creditNoteNumber));
  }
}
