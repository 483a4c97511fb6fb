package com.ledgerline.harness;

import com.ledgerline.catalog.entity.Product;
import com.ledgerline.catalog.entity.Variant;
import com.ledgerline.customers.entity.Customer;
import com.ledgerline.inventory.control.StockKeeping;
import com.ledgerline.ledger.control.Accounts;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;

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
   * Receives purchased stock exactly as {@code Inventory.receive(..., PURCHASE)} does, through the
   * same control method, without the boundary's EJB context.
   *
   * @return the receipt's document number ({@code GRN-…})
   */
  public String receive(
      Variant variant, BigDecimal quantity, BigDecimal unitCost, LocalDate date, String user) {
    return new StockKeeping(em)
        .postReceipt(variant, quantity, unitCost, date, Accounts.GOODS_RECEIVED_NOT_INVOICED, user);
  }
}
