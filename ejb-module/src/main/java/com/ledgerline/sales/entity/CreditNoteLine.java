package com.ledgerline.sales.entity;

import com.ledgerline.catalog.entity.Variant;
import com.ledgerline.shared.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/**
 * One credited line: on a note linked to a sale, the quantity taken back of a sale line and the
 * net, tax and (on restock) cost it takes back, at the sale line's price, tax rate and cost
 * snapshots; on an unlinked note (goods returned without a sale, issue 4), the returned variant at
 * the price the channel credited, the rate in force on the note's posting date and, on restock, the
 * variant's moving-average cost then. Immutable.
 */
@Entity
@Table(name = "sal_credit_note_line")
public class CreditNoteLine {

  /**
   * @param saleLine the credited line of the sale's current revision
   * @param quantity units credited, positive, 4 decimals
   * @param netAmount the net credited, currency scale
   * @param taxAmount the tax credited at the line's rate snapshot, currency scale
   * @param restockedQuantity units moved back into stock (0 without restock or for services)
   * @param costAmount the cost moved back into Inventory (null when nothing was restocked)
   */
  public record Values(
      SaleLine saleLine,
      BigDecimal quantity,
      BigDecimal netAmount,
      BigDecimal taxAmount,
      BigDecimal restockedQuantity,
      BigDecimal costAmount) {}

  /**
   * A line of a credit note not linked to a sale.
   *
   * @param variant the returned variant
   * @param description what the customer sees
   * @param quantity units returned, positive, 4 decimals
   * @param unitPrice per unit, 6 decimals, in the note's price basis
   * @param netAmount currency scale
   * @param taxRatePercent the rate in force on the posting date
   * @param taxAmount currency scale
   * @param restockedQuantity units moved back into stock (0 without restock or for services)
   * @param unitCost the moving-average cost the goods came back at (null when nothing restocked)
   * @param costAmount the cost moved back into Inventory (null when nothing was restocked)
   */
  public record Returned(
      Variant variant,
      String description,
      BigDecimal quantity,
      BigDecimal unitPrice,
      BigDecimal netAmount,
      BigDecimal taxRatePercent,
      BigDecimal taxAmount,
      BigDecimal restockedQuantity,
      BigDecimal unitCost,
      BigDecimal costAmount) {}

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "credit_note_id")
  private CreditNote creditNote;

  @Column(name = "line_number", nullable = false)
  private int lineNumber;

  /** Null on a note not linked to a sale. */
  @ManyToOne
  @JoinColumn(name = "sale_line_id")
  private SaleLine saleLine;

  @ManyToOne(optional = false)
  @JoinColumn(name = "variant_id")
  private Variant variant;

  @Column(nullable = false)
  private String sku;

  @Column(nullable = false)
  private String description;

  @Column(nullable = false)
  private BigDecimal quantity;

  @Column(name = "unit_price", nullable = false)
  private BigDecimal unitPrice;

  @Column(name = "net_amount", nullable = false)
  private BigDecimal netAmount;

  @Column(name = "tax_rate_percent", nullable = false)
  private BigDecimal taxRatePercent;

  @Column(name = "tax_amount", nullable = false)
  private BigDecimal taxAmount;

  @Column(name = "restocked_quantity", nullable = false)
  private BigDecimal restockedQuantity;

  @Column(name = "unit_cost")
  private BigDecimal unitCost;

  @Column(name = "cost_amount")
  private BigDecimal costAmount;

  protected CreditNoteLine() {}

  CreditNoteLine(CreditNote creditNote, int lineNumber, Values values) {
    SaleLine sold = values.saleLine();
    this.creditNote = creditNote;
    this.lineNumber = lineNumber;
    this.saleLine = sold;
    this.variant = sold.variant();
    this.sku = sold.sku();
    this.description = sold.description();
    this.quantity = values.quantity();
    this.unitPrice = sold.unitPrice();
    this.netAmount = values.netAmount();
    this.taxRatePercent = sold.taxRatePercent();
    this.taxAmount = values.taxAmount();
    this.restockedQuantity = values.restockedQuantity();
    this.unitCost = values.costAmount() == null ? null : sold.unitCost();
    this.costAmount = values.costAmount();
  }

  CreditNoteLine(CreditNote creditNote, int lineNumber, Returned values) {
    this.creditNote = creditNote;
    this.lineNumber = lineNumber;
    this.variant = values.variant();
    this.sku = values.variant().sku();
    this.description = values.description();
    this.quantity = values.quantity();
    this.unitPrice = values.unitPrice();
    this.netAmount = values.netAmount();
    this.taxRatePercent = values.taxRatePercent();
    this.taxAmount = values.taxAmount();
    this.restockedQuantity = values.restockedQuantity();
    this.unitCost = values.costAmount() == null ? null : values.unitCost();
    this.costAmount = values.costAmount();
  }

  public int lineNumber() {
    return lineNumber;
  }

  /** The credited sale line; null on a note not linked to a sale. */
  public SaleLine saleLine() {
    return saleLine;
  }

  public Variant variant() {
    return variant;
  }

  public String sku() {
    return sku;
  }

  public String description() {
    return description;
  }

  public BigDecimal quantity() {
    return quantity;
  }

  public BigDecimal unitPrice() {
    return unitPrice;
  }

  public BigDecimal netAmount() {
    return netAmount.setScale(Money.scaleOf(creditNote.currency()));
  }

  public BigDecimal taxRatePercent() {
    return taxRatePercent;
  }

  public BigDecimal taxAmount() {
    return taxAmount.setScale(Money.scaleOf(creditNote.currency()));
  }

  public BigDecimal restockedQuantity() {
    return restockedQuantity;
  }

  public BigDecimal unitCost() {
    return unitCost;
  }

  /** Null when nothing was restocked. */
  public BigDecimal costAmount() {
    return costAmount == null ? null : costAmount.setScale(Money.scaleOf(creditNote.currency()));
  }
}
