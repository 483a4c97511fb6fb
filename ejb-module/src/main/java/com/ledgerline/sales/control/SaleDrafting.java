package com.ledgerline.sales.control;

import static com.ledgerline.shared.Jsonp.JSON;

import com.ledgerline.audit.control.AuditTrail;
import com.ledgerline.catalog.entity.Variant;
import com.ledgerline.customers.entity.Customer;
import com.ledgerline.inventory.entity.StockLevel;
import com.ledgerline.sales.boundary.DeliveryDetails;
import com.ledgerline.sales.boundary.PostSale;
import com.ledgerline.sales.boundary.SaleDraft;
import com.ledgerline.sales.entity.Delivery;
import com.ledgerline.sales.entity.Sale;
import com.ledgerline.sales.entity.SaleDraftLine;
import com.ledgerline.sales.entity.SaleStatus;
import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.DocumentNumbers;
import com.ledgerline.shared.ErrorCode;
import com.ledgerline.shared.Quantities;
import com.ledgerline.tax.entity.TaxJurisdiction;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Drafts (DESIGN.md 4): a sale being prepared, with no effect at all (no invoice number, no stock,
 * ledger or journal entry, no event). A draft is known by its {@code DRAFT-} number; its lines can
 * be replaced, it can be discarded, and it posts through {@link SalePosting#postDraft}.
 *
 * <p>Saving a draft checks what posting will check, so a cashier learns early: the customer is
 * active, the SKUs exist in the customer's currency, a tax rate is in force, the client's total (if
 * sent) equals the server's calculation ({@code TOTALS_MISMATCH}), and the quantity of each
 * stock-tracked variant is on hand unless its backorder policy allows more ({@code
 * INSUFFICIENT_STOCK}; stock is read, not reserved, and checked again under lock at posting).
 */
public final class SaleDrafting {
  /** The document type drafts and held sales are audited under (by their draft number). */
  public static final String DOCUMENT_TYPE = "SALE_DRAFT";

  private final EntityManager em;
  private final SaleReferences references;
  private final AuditTrail audit;

  public SaleDrafting(EntityManager em) {
    this.em = em;
    this.references = new SaleReferences(em);
    this.audit = new AuditTrail(em);
  }

  /**
   * Creates a draft.
   *
   * @throws BusinessRuleViolation {@code INVALID_REQUEST}, {@code INVALID_QUANTITY}, {@code
   *     INVALID_AMOUNT}, {@code UNKNOWN_CUSTOMER}, {@code CUSTOMER_NOT_ACTIVE}, {@code
   *     UNKNOWN_VARIANT}, {@code CURRENCY_MISMATCH}, {@code UNKNOWN_TAX_JURISDICTION}, {@code
   *     NO_TAX_RATE_IN_FORCE}, {@code TOTALS_MISMATCH}, {@code INSUFFICIENT_STOCK}
   */
  public Sale create(SaleDraft command, String user) {
    Content content = content(command);
    Sale draft =
        new Sale(
            content.customer(),
            content.customer().currency(),
            content.jurisdiction().code(),
            content.jurisdiction().roundingPolicy().name(),
            content.jurisdiction().roundingMode(),
            content.jurisdiction().priceBasis(),
            SalePosting.DEFAULT_CHANNEL,
            null,
            OffsetDateTime.now(ZoneOffset.UTC),
            user);
    apply(draft, command, content);
    draft.assignDraftNumber(new DocumentNumbers(em).next(DocumentNumbers.SALE_DRAFT));
    em.persist(draft);
    audit.record(
        user, "sale.draft_created", DOCUMENT_TYPE, draft.draftNumber(), null, summary(draft));
    return draft;
  }

  /**
   * Replaces a draft's content (header fields and lines) as a whole.
   *
   * @throws BusinessRuleViolation {@code SALE_NOT_DRAFT} and the codes of {@link #create}
   */
  public Sale update(Sale draft, SaleDraft command, String user) {
    SalePosting.requireStatus(draft, SaleStatus.DRAFT, ErrorCode.SALE_NOT_DRAFT);
    Content content = content(command);
    references.lock(draft);
    SalePosting.requireStatus(draft, SaleStatus.DRAFT, ErrorCode.SALE_NOT_DRAFT);
    apply(draft, command, content);
    audit.record(
        user, "sale.draft_updated", DOCUMENT_TYPE, draft.draftNumber(), null, summary(draft));
    return draft;
  }

  /**
   * Discards a draft for good ({@code DISCARDED}); it keeps its lines for the record.
   *
   * @param reason why; optional
   * @throws BusinessRuleViolation {@code SALE_NOT_DRAFT}
   */
  public Sale discard(Sale draft, String reason, String user) {
    SalePosting.requireStatus(draft, SaleStatus.DRAFT, ErrorCode.SALE_NOT_DRAFT);
    references.lock(draft);
    SalePosting.requireStatus(draft, SaleStatus.DRAFT, ErrorCode.SALE_NOT_DRAFT);
    draft.discard();
    audit.record(
        user,
        "sale.draft_discarded",
        DOCUMENT_TYPE,
        draft.draftNumber(),
        SaleReferences.blank(reason) ? null : SaleReferences.requireReason(reason, "a discard"),
        summary(draft));
    return draft;
  }

  /**
   * Changes a sale's delivery details; allowed on a draft, a held or a posted sale. Never moves
   * stock.
   *
   * @throws BusinessRuleViolation {@code INVALID_REQUEST} (status or field lengths), {@code
   *     SALE_NOT_POSTED} for a voided, rejected or discarded sale
   */
  public Sale changeDelivery(Sale sale, DeliveryDetails details, String user) {
    Delivery delivery = delivery(details);
    references.lock(sale);
    if (sale.status() != SaleStatus.DRAFT
        && sale.status() != SaleStatus.PENDING_APPROVAL
        && sale.status() != SaleStatus.POSTED) {
      throw new BusinessRuleViolation(
          ErrorCode.SALE_NOT_POSTED,
          sale.reference() + " is " + sale.status() + "; its delivery is closed");
    }
    sale.changeDelivery(delivery);
    audit.record(
        user,
        "sale.delivery_changed",
        sale.saleNumber() != null ? SalePosting.DOCUMENT_TYPE : DOCUMENT_TYPE,
        sale.reference(),
        null,
        JSON.createObjectBuilder()
            .add("status", delivery.status().name())
            .add("date", delivery.date() == null ? "" : delivery.date().toString())
            .build()
            .toString());
    return sale;
  }

  /** What a draft command resolves to. */
  private record Content(
      Customer customer, TaxJurisdiction jurisdiction, List<SaleDraftLine.Values> lines) {}

  private Content content(SaleDraft command) {
    if (command == null || SaleReferences.blank(command.customerNumber())) {
      throw new BusinessRuleViolation(ErrorCode.INVALID_REQUEST, "customerNumber is required");
    }
    List<PostSale.Line> lines = Optional.ofNullable(command.lines()).orElse(List.of());
    SaleReferences.requireLineShapes(lines);
    delivery(
        new DeliveryDetails(
            command.deliveryAddress(), command.deliveryDate(), command.deliveryNotes(), null));
    Customer customer = references.activeCustomer(command.customerNumber());
    TaxJurisdiction jurisdiction =
        references.jurisdiction(
            Optional.ofNullable(command.taxJurisdiction()).orElse(SalePosting.DEFAULT_JURISDICTION),
            customer.currency());
    LocalDate day = Optional.ofNullable(command.postingDate()).orElseGet(LocalDate::now);
    List<Variant> variants = new ArrayList<>();
    List<SaleArithmetic.PricingLine> pricing = new ArrayList<>();
    List<BigDecimal> prices = new ArrayList<>();
    List<BigDecimal> rates = new ArrayList<>();
    for (PostSale.Line line : lines) {
      Variant variant = references.variant(line.sku(), customer.currency());
      BigDecimal price =
          Optional.ofNullable(line.unitPrice())
              .orElse(variant.sellingPrice())
              .setScale(Quantities.UNIT_AMOUNT_SCALE);
      BigDecimal rate =
          references.rate(jurisdiction.code(), variant.product().taxCategoryCode(), day);
      variants.add(variant);
      prices.add(price);
      rates.add(rate);
      pricing.add(new SaleArithmetic.PricingLine(line.quantity(), price, rate));
    }
    SaleArithmetic.Priced priced =
        SaleArithmetic.price(pricing, SaleArithmetic.Terms.of(jurisdiction));
    SalePosting.requireExpectedTotal(command.expectedTotal(), priced.total());
    List<SaleDraftLine.Values> values = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Variant variant = variants.get(i);
      values.add(
          new SaleDraftLine.Values(
              variant,
              Optional.ofNullable(lines.get(i).description()).orElse(variant.name()),
              lines.get(i).quantity().setScale(Quantities.QUANTITY_SCALE),
              prices.get(i),
              priced.nets().get(i).amount(),
              rates.get(i),
              priced.taxes().get(i).amount()));
    }
    requireOnHand(values);
    return new Content(customer, jurisdiction, values);
  }

  private static void apply(Sale draft, SaleDraft command, Content content) {
    Delivery delivery =
        new Delivery(
            command.deliveryAddress(),
            command.deliveryDate(),
            command.deliveryNotes(),
            draft.delivery().status());
    draft.reviseDraft(
        content.customer(),
        content.customer().currency(),
        content.jurisdiction().code(),
        content.jurisdiction().roundingPolicy().name(),
        content.jurisdiction().roundingMode(),
        content.jurisdiction().priceBasis(),
        command.postingDate(),
        delivery);
    draft.replaceDraftLines(content.lines());
  }

  /** The draft-time stock rule: read, not reserved; posting checks again under lock. */
  private void requireOnHand(List<SaleDraftLine.Values> lines) {
    Map<Variant, BigDecimal> requested = new LinkedHashMap<>();
    for (SaleDraftLine.Values line : lines) {
      if (line.variant().stockTracked()) {
        requested.merge(line.variant(), line.quantity(), BigDecimal::add);
      }
    }
    StringBuilder shortages = new StringBuilder();
    requested.forEach(
        (variant, quantity) -> {
          BigDecimal onHand = onHand(variant);
          if (!variant.backorderAllowed() && onHand.compareTo(quantity) < 0) {
            if (shortages.length() > 0) {
              shortages.append("; ");
            }
            shortages
                .append(variant.sku())
                .append(": requested ")
                .append(quantity.stripTrailingZeros().toPlainString())
                .append(", on hand ")
                .append(onHand.stripTrailingZeros().toPlainString());
          }
        });
    if (shortages.length() > 0) {
      throw new BusinessRuleViolation(ErrorCode.INSUFFICIENT_STOCK, shortages.toString());
    }
  }

  /** Units on hand of a variant now (0 when it never had stock). */
  private BigDecimal onHand(Variant variant) {
    StockLevel level = em.find(StockLevel.class, variant.id());
    return level == null ? BigDecimal.ZERO : level.quantityOnHand();
  }

  private static Delivery delivery(DeliveryDetails details) {
    if (details == null) {
      return Delivery.NONE;
    }
    if (details.address() != null && details.address().length() > 500) {
      throw new BusinessRuleViolation(
          ErrorCode.INVALID_REQUEST, "the delivery address is longer than 500 characters");
    }
    if (details.notes() != null && details.notes().length() > 1000) {
      throw new BusinessRuleViolation(
          ErrorCode.INVALID_REQUEST, "the delivery notes are longer than 1000 characters");
    }
    Delivery.Status status = Delivery.Status.NOT_SHIPPED;
    if (details.status() != null) {
      try {
        status = Delivery.Status.valueOf(details.status());
      } catch (IllegalArgumentException e) {
        throw new BusinessRuleViolation(
            ErrorCode.INVALID_REQUEST,
            "delivery status must be NOT_SHIPPED, SHIPPED or DELIVERED, was " + details.status());
      }
    }
    return new Delivery(details.address(), details.date(), details.notes(), status);
  }

  private static String summary(Sale draft) {
    return JSON.createObjectBuilder()
        .add("customerNumber", draft.customer().customerNumber())
        .add("lines", draft.draftLines().size())
        .add("total", draft.total())
        .add("currency", draft.currency().getCurrencyCode())
        .build()
        .toString();
  }
}
