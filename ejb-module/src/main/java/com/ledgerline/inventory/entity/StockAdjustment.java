package com.ledgerline.inventory.entity;

import com.ledgerline.catalog.entity.Variant;
import com.ledgerline.ledger.entity.JournalEntry;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A stock adjustment document ({@code ADJ-…}): a counted or observed change of a variant's stock
 * with its reason. It has one {@link StockMovement} of type {@code ADJUSTMENT} and, when its value
 * is not zero, one journal entry: a decrease Dr Inventory adjustments / Cr Inventory at the
 * moving-average cost, an increase the reverse. Immutable once written (a trigger refuses updates
 * and deletes); a wrong adjustment is corrected by another adjustment.
 */
@Entity
@Table(name = "inv_stock_adjustment")
@NamedQuery(
    name = StockAdjustment.BY_NUMBER,
    query = "select a from StockAdjustment a where a.adjustmentNumber = :number")
public class StockAdjustment {
  public static final String BY_NUMBER = "StockAdjustment.byNumber";

  /**
   * Why stock changed. Shrinkage, damage and expiry only lower stock; found stock only raises it; a
   * count correction goes either way.
   */
  public enum Reason {
    SHRINKAGE(-1),
    DAMAGE(-1),
    EXPIRY(-1),
    COUNT_CORRECTION(0),
    FOUND_STOCK(1);

    private final int direction;

    Reason(int direction) {
      this.direction = direction;
    }

    /** Whether a change of this sign (−1 or +1) fits the reason. */
    public boolean allows(int sign) {
      return direction == 0 || direction == sign;
    }
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "adjustment_number", nullable = false, unique = true)
  private String adjustmentNumber;

  @ManyToOne(optional = false)
  @JoinColumn(name = "variant_id")
  private Variant variant;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Reason reason;

  @Column(nullable = false)
  private BigDecimal quantity;

  @Column(name = "unit_cost", nullable = false)
  private BigDecimal unitCost;

  @Column(nullable = false)
  private BigDecimal value;

  @Column(nullable = false)
  private String currency;

  @Column(name = "posting_date", nullable = false)
  private LocalDate postingDate;

  private String note;

  @ManyToOne
  @JoinColumn(name = "journal_entry_id")
  private JournalEntry journalEntry;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "created_by", nullable = false)
  private String createdBy;

  protected StockAdjustment() {}

  /**
   * @param movement the adjustment's stock movement (signed quantity and value)
   * @param journalEntry null when the value is zero
   */
  public StockAdjustment(
      String adjustmentNumber,
      Reason reason,
      StockMovement movement,
      LocalDate postingDate,
      String note,
      JournalEntry journalEntry,
      OffsetDateTime createdAt,
      String createdBy) {
    this.adjustmentNumber = adjustmentNumber;
    this.variant = movement.variant();
    this.reason = reason;
    this.quantity = movement.quantity();
    this.unitCost = movement.unitCost();
    this.value = movement.value();
    this.currency = movement.variant().currency().getCurrencyCode();
    this.postingDate = postingDate;
    this.note = note;
    this.journalEntry = journalEntry;
    this.createdAt = createdAt;
    this.createdBy = createdBy;
  }

  public String adjustmentNumber() {
    return adjustmentNumber;
  }

  public Variant variant() {
    return variant;
  }

  public Reason reason() {
    return reason;
  }

  /** Signed, 4 decimals: negative out of stock, positive into it. */
  public BigDecimal quantity() {
    return quantity;
  }

  /** Per unit, 6 decimals: the moving-average cost (or the given cost of an increase). */
  public BigDecimal unitCost() {
    return unitCost;
  }

  /** Signed, at the currency's scale: the amount posted to Inventory. */
  public BigDecimal value() {
    return value;
  }

  public String currency() {
    return currency;
  }

  public LocalDate postingDate() {
    return postingDate;
  }

  public String note() {
    return note;
  }

  /** Null when the value is zero (nothing moved in the ledger). */
  public JournalEntry journalEntry() {
    return journalEntry;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  public String createdBy() {
    return createdBy;
  }
}
