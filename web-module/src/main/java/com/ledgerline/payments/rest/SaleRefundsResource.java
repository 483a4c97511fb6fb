package com.ledgerline.payments.rest;

import com.ledgerline.payments.boundary.PayRefund;
import com.ledgerline.payments.boundary.Payments;
import com.ledgerline.payments.boundary.RefundView;
import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/sales/{saleNumber}/refunds}: pay money back out of the credit the sale left its
 * customer (FINANCE). Body: {@code {"date":"2011-02-02","method":"cash","amount":2.00,
 * "reason":"overpaid at the till"}}, with {@code "creditNoteNumber":"CN-…"} to pay out one of the
 * sale's credit notes. The refunds are listed with the sale's payments; a credit note shows what
 * was refunded of it at {@code /api/credit-notes/{number}}.
 */
@RequestScoped
@Path("sales/{saleNumber}/refunds")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Payments")
public class SaleRefundsResource {
  @EJB private Payments payments;

  /**
   * The refund request as it goes over the wire (the boundary's {@link PayRefund}).
   *
   * @param date the refund date, required (ISO 8601, its journal entry's posting date)
   * @param currency ISO 4217, optional: checked against the sale's, never converted
   * @param method the tender: {@code cash}, {@code card}, {@code bank_transfer}, {@code voucher}
   * @param amount > 0, at most the currency's decimals (GBP 2)
   * @param reference optional, up to 80 characters
   * @param reason why, required, up to 400 characters
   * @param creditNoteNumber optional: the credit note ({@code CN-…}) of this sale to pay out
   */
  public record RefundRequest(
      LocalDate date,
      String currency,
      String method,
      BigDecimal amount,
      String reference,
      String reason,
      String creditNoteNumber) {
    PayRefund command() {
      return new PayRefund(date, currency, method, amount, reference, reason, creditNoteNumber);
    }
  }

  @Operation(
      summary = "Pay a refund out of the credit a sale left its customer (FINANCE)",
      description =
          "Posts RFD-… (gapless): Dr Accounts receivable for the sale's open amount below zero"
              + " (customer ledger 'refund' naming the sale), Dr Customer deposits for credit held"
              + " there / Cr the tender's account (cash, card, bank_transfer, voucher); the"
              + " sale's amount paid goes down; audited and announced as refund.paid. Body:"
              + " date, method, amount (currency scale), reason, optional currency (checked),"
              + " reference and creditNoteNumber. With creditNoteNumber the refund pays out that"
              + " credit note of this sale: at most its total less earlier refunds of it"
              + " (REFUND_EXCEEDS_CREDIT_NOTE), never another customer's"
              + " (CREDIT_NOTE_OF_ANOTHER_CUSTOMER), sale's (CREDIT_NOTE_OF_ANOTHER_SALE) or"
              + " currency's (CURRENCY_MISMATCH), not dated before it (DATE_BEFORE_ORIGINAL);"
              + " refunds of one credit note are taken one at a time. Always at most the"
              + " customer's credit on the sale (REFUND_EXCEEDS_CUSTOMER_CREDIT). A refusal"
              + " writes nothing.")
  @APIResponse(responseCode = "201", description = "The refund paid out")
  @APIResponse(
      responseCode = "404",
      description = "UNKNOWN_SALE, UNKNOWN_CREDIT_NOTE",
      content = @Content(mediaType = "application/problem+json"))
  @APIResponse(
      responseCode = "409",
      description =
          "REFUND_EXCEEDS_CREDIT_NOTE, REFUND_EXCEEDS_CUSTOMER_CREDIT, SALE_NOT_POSTED,"
              + " ACCOUNTING_PERIOD_CLOSED",
      content = @Content(mediaType = "application/problem+json"))
  @APIResponse(
      responseCode = "422",
      description =
          "CREDIT_NOTE_OF_ANOTHER_CUSTOMER, CREDIT_NOTE_OF_ANOTHER_SALE, CURRENCY_MISMATCH,"
              + " INVALID_AMOUNT, UNKNOWN_TENDER, PAYMENT_DATED_BEFORE_SALE, DATE_BEFORE_ORIGINAL",
      content = @Content(mediaType = "application/problem+json"))
  @APIResponse(
      responseCode = "400",
      description = "INVALID_REQUEST: no date, method or reason; a blank creditNoteNumber",
      content = @Content(mediaType = "application/problem+json"))
  @APIResponse(
      responseCode = "403",
      description = "NOT_ALLOWED: only FINANCE pays refunds",
      content = @Content(mediaType = "application/problem+json"))
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response refund(
      @PathParam("saleNumber") String saleNumber, RefundRequest request, @Context UriInfo uri) {
    if (request == null) {
      throw new BusinessRuleViolation(
          ErrorCode.INVALID_REQUEST, "a JSON refund document is required");
    }
    RefundView refund = payments.refund(saleNumber, request.command());
    return Response.created(uri.getAbsolutePathBuilder().path(refund.refundNumber()).build())
        .entity(refund)
        .build();
  }
}
