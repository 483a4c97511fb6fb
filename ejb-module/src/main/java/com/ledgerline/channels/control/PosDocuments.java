package com.ledgerline.channels.control;

import com.ledgerline.customers.entity.Customer;
import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code pos.sale} and {@code pos.refund} v1 share: the customer's currency, the tenders that
 * must add up to {@code amount}, and the posting date.
 */
final class PosDocuments {
  /** A tender whose money moved (taken for a sale, paid back for a refund). */
  static final String SETTLED = "settled";

  /** A settled tender: method, amount (> 0, as sent) and optional reference. */
  record Settled(String method, BigDecimal amount, String reference) {}

  private PosDocuments() {}

  /**
   * @throws BusinessRuleViolation {@code CURRENCY_MISMATCH} when the customer exists in another
   *     currency (an unknown customer is left to the posting, which names it)
   */
  static void requireCustomerCurrency(EntityManager em, JsonObject document, String documentName) {
    String currency = document.getString("currency");
    String customerNumber = document.getString("customerNumber");
    em.createNamedQuery(Customer.BY_NUMBER, Customer.class)
        .setParameter("number", customerNumber)
        .getResultStream()
        .findFirst()
        .filter(c -> !c.currency().getCurrencyCode().equals(currency))
        .ifPresent(
            c -> {
              throw new BusinessRuleViolation(
                  ErrorCode.CURRENCY_MISMATCH,
                  "the "
                      + documentName
                      + " is in "
                      + currency
                      + ", customer "
                      + customerNumber
                      + " in "
                      + c.currency().getCurrencyCode());
            });
  }

  /**
   * The settled tenders of the array {@code member}, after checking that all its tenders add up to
   * the document's {@code amount}.
   *
   * @throws BusinessRuleViolation {@code PAYMENTS_MISMATCH}
   */
  static List<Settled> settledTenders(JsonObject document, String member, String documentName) {
    BigDecimal amount = new BigDecimal(document.getString("amount"));
    List<Settled> settled = new ArrayList<>();
    BigDecimal tendered = BigDecimal.ZERO;
    for (JsonValue value : document.getJsonArray(member)) {
      JsonObject tender = value.asJsonObject();
      BigDecimal paid = new BigDecimal(tender.getString("amount"));
      tendered = tendered.add(paid);
      if (SETTLED.equals(tender.getString("status"))) {
        settled.add(
            new Settled(tender.getString("method"), paid, tender.getString("reference", null)));
      }
    }
    if (tendered.compareTo(amount) != 0) {
      throw new BusinessRuleViolation(
          ErrorCode.PAYMENTS_MISMATCH,
          "the "
              + member
              + " add up to "
              + tendered.toPlainString()
              + ", the "
              + documentName
              + "'s amount is "
              + amount.toPlainString());
    }
    return settled;
  }

  /** {@code postingDate} when given, else the date of {@code capturedAt} in UTC. */
  static LocalDate postingDate(JsonObject document) {
    return document.containsKey("postingDate")
        ? LocalDate.parse(document.getString("postingDate"))
        : Instant.parse(document.getString("capturedAt")).atOffset(ZoneOffset.UTC).toLocalDate();
  }
}
