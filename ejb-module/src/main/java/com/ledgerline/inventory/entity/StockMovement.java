package com.ledgerline.inventory.entity;

import com.ledgerline.catalog.entity.Variant;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One signed change of a variant's stock (+ in, - out) at a unit cost, caused by a document.
 * Immutable once written (a database trigger refuses updates and deletes). Stock on hand and
 * inventory value are the sums of movements.
 */
@Entity
@Table(name = "inv_stock_movement")
public class StockMovement {

  /** What caused the movement. */
  public enum Type {
    RECEIPT,
    SALE,
    SALE_AMENDMENT,
    RETURN,
    ADJUSTMENT,
    VOID
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "variant_id")
  private Variant variant;

  @Enumerated(EnumType.STRING)
  @Column(name = "movement_type", nullable = false)
  private Type movementType;

  @Column(nullable = false)
  private BigDecimal quantity;

  @Column(name = "unit_cost", nullable = false)
  private BigDecimal unitCost;

  @Column(nullable = false)
  private BigDecimal value;

  @Column(nullable = false)
  private String currency;

  @Column(name = "document_type", nullable = false)
  private String documentType;

  @Column(name = "document_number", nullable = false)
  private String documentNumber;

  @Column(name = "posting_date", nullable = false)
  private LocalDate postingDate;

  protected StockMovement() {}

  /**
   * @param quantity signed, 4 decimals: positive into stock, negative out of it
   * @param unitCost cost per unit, 6 decimals
   * @param value signed quantity × unit cost at the currency's scale, as posted to Inventory
   */
  public StockMovement(
      Variant variant,
      Type movementType,
      BigDecimal quantity,
      BigDecimal unitCost,
      BigDecimal value,
      String currency,
      String documentType,
      String documentNumber,
      LocalDate postingDate) {
    this.variant = variant;
    this.movementType = movementType;
    this.quantity = quantity;
    this.unitCost = unitCost;
    this.value = value;
    this.currency = currency;
    this.documentType = documentType;
    this.documentNumber = documentNumber;
    this.postingDate = postingDate;
  }

  public Long id() {
    return id;
  }

  public Variant variant() {
    return variant;
  }

  public Type movementType() {
    return movementType;
  }

  public BigDecimal quantity() {
    return quantity;
  }

  public BigDecimal unitCost() {
    return unitCost;
  }

  public BigDecimal value() {
    return value;
  }

  public String currency() {
    return currency;
  }

  public String documentType() {
    return documentType;
  }

  public String documentNumber() {
    return documentNumber;
  }

  public LocalDate postingDate() {
    return postingDate;
  }
}
