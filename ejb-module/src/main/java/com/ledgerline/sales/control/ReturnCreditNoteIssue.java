package com.ledgerline.sales.control;

import com.ledgerline.catalog.entity.Variant;
import com.ledgerline.customers.entity.Customer;
import com.ledgerline.inventory.control.StockKeeping;
import com.ledgerline.inventory.entity.StockLevel;
import com.ledgerline.inventory.entity.StockMovement;
import com.ledgerline.ledger.control.AccountingPeriods;
import com.ledgerline.ledger.control.Accounts;
import com.ledgerline.ledger.control.Journal;
import com.ledgerline.platform.messaging.OutboundEvents;
import com.ledgerline.sales.boundary.IssueReturn;
import com.ledgerline.sales.boundary.PostSale;
import com.ledgerline.sales.entity.CreditNote;
import com.ledgerline.sales.entity.CreditNoteLine;
import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.DocumentNumbers;
import com.ledgerline.shared.ErrorCode;
import com.ledgerline.shared.Money;
import com.ledgerline.shared.Quantities;
import com.ledgerline.tax.entity.TaxJurisdiction;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Issues a credit note not linked to a sale (issue 4; DESIGN.md 8: an Online Retail {@code C}
 * invoice is a return naming no original), in the caller's transaction:
 *
 * <ul>
 *   <li>the note ({@code CN-…}, the credit notes' gapless series) with the jurisdiction's price
 *       basis, rounding policy and mode as its snapshot, each line priced like a sale line on the
 *       posting date ({@link SaleArithmetic#price}: quantity × unit price rounded to the currency,
 *       split by {@code TaxCalculator} at the rate in force for the variant's tax category);
 *   <li>one journal entry: Dr Sales returns (net) + Dr Output tax payable (tax) / Cr Accounts
 *       receivable (gross); on restock, per stock-tracked line a stock movement back in at the
 *       variant's moving-average cost on the posting date (quantity × average cost, half-up to the
 *       currency) and Dr Inventory / Cr Cost of goods sold for it. Without restock, or for a
 *       service, nothing moves in stock;
 *   <li>a customer ledger {@code credit_note} entry for minus the gross naming no sale: the note is
 *       the customer's own open item (a credit), which a refund naming the note pays out;
 *   <li>the audit record (with the reason) and {@code credit_note.issued} (no sale number).
 * </ul>
 *
 * <p>Locks: the stock levels of the restocked variants (ascending id), the credit note series, the
 * journal series, the open item.
 */
public final class ReturnCreditNoteIssue {
  private final EntityManager em;
  private final OutboundEvents events;
  private final SaleReferences references;
  private final StockKeeping stock;

  public ReturnCreditNoteIssue(EntityManager em, OutboundEvents events) {
    this.em = em;
    this.events = events;
    this.references = new SaleReferences(em);
    this.stock = new StockKeeping(em);
  }

  /**
   * Issues the credit note.
   *
   * @throws BusinessRuleViolation {@code INVALID_REQUEST}, {@code REASON_REQUIRED}, {@code
   *     INVALID_QUANTITY}, {@code INVALID_AMOUNT}, {@code UNKNOWN_CUSTOMER}, {@code
   *     CUSTOMER_NOT_ACTIVE}, {@code CURRENCY_MISMATCH}, {@code UNKNOWN_TAX_JURISDICTION}, {@code
   *     UNKNOWN_VARIANT}, {@code NO_TAX_RATE_IN_FORCE}, {@code TOTALS_MISMATCH}, {@code
   *     ACCOUNTING_PERIOD_CLOSED}. Nothing is written when refused.
   */
  public CreditNote issue(IssueReturn command, String user) {
    if (command == null || command.lines() == null || command.lines().isEmpty()) {
      throw new BusinessRuleViolation(
          ErrorCode.INVALID_REQUEST, "a return needs at least one line");
    }
    String reason = SaleReferences.requireReason(command.reason(), "a credit note");
    List<PostSale.Line> shapes = new ArrayList<>();
    for (IssueReturn.Line line : command.lines()) {
      if (line == null || line.unitPrice() == null) {
        throw new BusinessRuleViolation(
            ErrorCode.INVALID_REQUEST, "every returned line needs a sku, quantity and unit price");
      }
      shapes.add(
          new PostSale.Line(line.sku(), line.quantity(), line.unitPrice(), line.description()));
    }
    SaleReferences.requireLineShapes(shapes);
    Customer customer = references.activeCustomer(command.customerNumber());
    if (command.currency() != null
        && !command.currency().equals(customer.currency().getCurrencyCode())) {
      throw new BusinessRuleViolation(
          ErrorCode.CURRENCY_MISMATCH,
          "the return is in "
              + command.currency()
              + ", customer "
              + customer.customerNumber()
              + " in "
              + customer.currency());
    }
    TaxJurisdiction jurisdiction =
        references.jurisdiction(command.taxJurisdiction(), customer.currency());
    LocalDate date = Optional.ofNullable(command.postingDate()).orElseGet(LocalDate::now);
    // an early, lock-free refusal; the journal takes the month's lock in the lock order
    new AccountingPeriods(em).refuseIfClosed(date);

    List<Variant> variants = new ArrayList<>();
    List<SaleArithmetic.PricingLine> pricing = new ArrayList<>();
    for (IssueReturn.Line line : command.lines()) {
      Variant variant = references.variant(line.sku(), customer.currency());
      variants.add(variant);
      pricing.add(
          new SaleArithmetic.PricingLine(
              line.quantity().setScale(Quantities.QUANTITY_SCALE),
              line.unitPrice().setScale(Quantities.UNIT_AMOUNT_SCALE),
              references.rate(jurisdiction.code(), variant.product().taxCategoryCode(), date)));
    }
    SaleArithmetic.Terms terms = SaleArithmetic.Terms.of(jurisdiction);
    SaleArithmetic.Priced priced = SaleArithmetic.price(pricing, terms);
    SalePosting.requireExpectedTotal(command.expectedTotal(), priced.total());

    Map<Long, Variant> restocked = new TreeMap<>();
    if (command.restock()) {
      variants.stream().filter(Variant::stockTracked).forEach(v -> restocked.put(v.id(), v));
    }
    Map<Long, StockLevel> levels = stock.lock(restocked.values());

    String number = new DocumentNumbers(em).next(DocumentNumbers.CREDIT_NOTE);
    CreditNote note =
        new CreditNote(number, customer, jurisdiction, date, command.restock(), reason, user);
    Journal.Draft draft = new Journal.Draft();
    for (int i = 0; i < variants.size(); i++) {
      Variant variant = variants.get(i);
      IssueReturn.Line line = command.lines().get(i);
      SaleArithmetic.PricingLine priceLine = pricing.get(i);
      BigDecimal restockedQuantity = BigDecimal.ZERO.setScale(Quantities.QUANTITY_SCALE);
      BigDecimal unitCost = null;
      BigDecimal cost = null;
      StockLevel level = levels.get(variant.id());
      if (command.restock() && level != null) {
        restockedQuantity = priceLine.quantity();
        unitCost = level.averageUnitCost();
        cost =
            Money.of(
                    restockedQuantity.multiply(unitCost), customer.currency(), RoundingMode.HALF_UP)
                .amount();
        stock.move(
            level,
            variant,
            StockMovement.Type.RETURN,
            restockedQuantity,
            unitCost,
            cost,
            CreditNoteIssue.DOCUMENT_TYPE,
            number,
            date);
        draft.debit(Accounts.INVENTORY, cost).credit(Accounts.COST_OF_GOODS_SOLD, cost);
      }
      note.addLine(
          new CreditNoteLine.Returned(
              variant,
              Optional.ofNullable(line.description()).orElse(variant.name()),
              priceLine.quantity(),
              priceLine.unitPrice(),
              priced.nets().get(i).amount(),
              priceLine.ratePercent(),
              priced.taxes().get(i).amount(),
              restockedQuantity,
              unitCost,
              cost));
    }
    CreditNoteIssue.post(
        em,
        events,
        draft,
        note,
        customer,
        null,
        date,
        "Credit note " + number + " (return) to " + customer.customerNumber(),
        reason,
        user);
    return note;
  }
}
