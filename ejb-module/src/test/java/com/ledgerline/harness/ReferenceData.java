package com.ledgerline.harness;

import com.ledgerline.catalog.entity.Product;
import com.ledgerline.catalog.entity.Variant;
import com.ledgerline.customers.entity.Customer;
import com.ledgerline.inventory.boundary.Inventory;
import com.ledgerline.inventory.control.StockKeeping;
import com.ledgerline.inventory.entity.StockLevel;
import com.ledgerline.inventory.entity.StockMovement;
import com.ledgerline.ledger.control.Accounts;
import com.ledgerline.ledger.control.Journal;
import com.ledgerline.shared.DocumentNumbers;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

/**
 * Customers, variants and stock for harness scenarios, written inside the caller's transaction the
 * way the boundaries write them ({@code Customers.register}, {@code Catalog.defineVariant}, {@code
 * Inventory.receive}), without their EJB context: the tax jurisdiction, categories and rates come
 * from the migrations.
 */
public final class ReferenceData {
  public static final Currency GBP = Currency.getInstance("GBP");

  private final EntityManager em;

  public ReferenceData(EntityManager em) {
    this.em = em;
  }

  /** An active GBP customer. */
  public Customer customer(String customerNumber, int paymentTermsDays) {
    Customer customer =
        new Customer(
            customerNumber,
            "Harness customer " + customerNumber,
            "United Kingdom",
            GBP,
            paymentTermsDays);
    em.persist(customer);
    em.flush();
    return customer;
  }

  /** A stock-tracked GBP variant (its own product), revenue to Sales revenue. */
  public Variant stockedVariant(String sku, BigDecimal sellingPrice, String taxCategoryCode) {
    Product product = new Product(sku, "Harness product " + sku, taxCategoryCode);
    em.persist(product);
    Variant variant =
        new Variant(
            product,
            sku,
            "Harness product " + sku,
            sellingPrice,
            GBP,
            true,
            Accounts.SALES_REVENUE);
    em.persist(variant);
    em.flush();
    return variant;
  }

  /**
   * Receives purchased stock as {@code Inventory.receive(..., PURCHASE)} does: locks the stock
   * level, numbers a goods receipt, writes the movement and posts Dr Inventory / Cr Goods received
   * not invoiced. The boundary itself needs an EJB {@code SessionContext} for the user.
   *
   * @return the receipt's document number ({@code GRN-…})
   */
  public String receive(
      Variant variant, BigDecimal quantity, BigDecimal unitCost, LocalDate date, String user) {
    StockKeeping stock = new StockKeeping(em);
    StockLevel level = stock.lock(List.of(variant)).get(variant.id());
    DocumentNumbers numbers = new DocumentNumbers(em);
    String receiptNumber = numbers.next(DocumentNumbers.STOCK_RECEIPT);
    StockMovement movement =
        stock.receive(
            level, variant, quantity, unitCost, Inventory.DOCUMENT_TYPE, receiptNumber, date);
    new Journal(em, numbers)
        .post(
            new Journal.Draft()
                .debit(Accounts.INVENTORY, movement.value())
                .credit(Accounts.GOODS_RECEIVED_NOT_INVOICED, movement.value()),
            date,
            variant.currency().getCurrencyCode(),
            Inventory.DOCUMENT_TYPE,
            receiptNumber,
            "Stock receipt " + receiptNumber + " of " + variant.sku(),
            user);
    return receiptNumber;
  }
}
