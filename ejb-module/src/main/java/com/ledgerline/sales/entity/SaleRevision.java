package com.ledgerline.sales.entity;

import com.ledgerline.ledger.entity.JournalEntry;
import com.ledgerline.shared.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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
import java.time.ZoneOffset;

/**
 * One revision of a posted sale's lines: revision 1 is the sale as posted, each amendment adds the
 * next. Records when it was posted, by whom, why, its totals and the journal entry that posted it
 * (the full entry for revision 1, the delta entry for an amendment). Immutable.
 */
@Entity
@Table(name = "sal_sale_revision")
@NamedQuery(
    name = SaleRevision.OF_SALE,
    query = "select r from SaleRevision r where r.sale = :sale order by r.revision")
public class SaleRevision {
  public static final String OF_SALE = "SaleRevision.ofSale";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "sale_id")
  private Sale sale;

  @Column(nullable = false)
  private int revision;

  @Column(name = "posting_date", nullable = false)
  private LocalDate postingDate;

  @Column(nullable = false)
  private BigDecimal subtotal;

  @Column(name = "tax_total", nullable = false)
  private BigDecimal taxTotal;

  @Column(nullable = false)
  private BigDecimal total;

  @ManyToOne
  @JoinColumn(name = "journal_entry_id")
  private JournalEntry journalEntry;

  private String reason;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "created_by", nullable = false)
  private String createdBy;

  protected SaleRevision() {}

  /** Records the sale's current revision as it stands now (its totals are the header's). */
  public SaleRevision(
      Sale sale, LocalDate postingDate, JournalEntry journalEntry, String reason, String user) {
    this.sale = sale;
    this.revision = sale.currentRevision();
    this.postingDate = postingDate;
    this.subtotal = sale.subtotal();
    this.taxTotal = sale.taxTotal();
    this.total = sale.total();
    this.journalEntry = journalEntry;
    this.reason = reason;
    this.createdBy = user;
    this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
  }

  public int revision() {
    return revision;
  }

  public LocalDate postingDate() {
    return postingDate;
  }

  public BigDecimal subtotal() {
    return subtotal.setScale(Money.scaleOf(sale.currency()));
  }

  public BigDecimal taxTotal() {
    return taxTotal.setScale(Money.scaleOf(sale.currency()));
  }

  public BigDecimal total() {
    return total.setScale(Money.scaleOf(sale.currency()));
  }

  /** Null when the revision moved no account. */
  public JournalEntry journalEntry() {
    return journalEntry;
  }

  /** Why it was amended; null for revision 1. */
  public String reason() {
    return reason;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  public String createdBy() {
    return createdBy;
  }
}
