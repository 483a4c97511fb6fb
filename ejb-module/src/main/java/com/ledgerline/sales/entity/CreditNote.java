package com.ledgerline.sales.entity;

import com.ledgerline.customers.entity.Customer;
import com.ledgerline.ledger.entity.JournalEntry;
import com.ledgerline.shared.Money;
import com.ledgerline.tax.entity.PriceBasis;
import com.ledgerline.tax.entity.TaxJurisdiction;
import jakarta.persistence.CascadeType;
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
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;

/**
 * A credit note ({@code CN-…}, its own gapless series): some or all of a posted sale's lines taken
 * back, with or without restock (DESIGN.md 5), or goods returned without a sale to name (issue 4,
 * DESIGN.md 8: an Online Retail {@code C} invoice), then <em>unlinked</em>: it snapshots the tax
 * terms of its jurisdiction (price basis, rounding policy and mode) as a sale does, and its
 * customer ledger entry is its own open item. Written once with its lines and never changed
 * (database triggers refuse updates and deletes); its ledger and journal effects point at it, a
 * linked note's customer ledger entry names the sale it applies to.
 *
 * <p>Invariants: {@code total = subtotal + taxTotal}, each the sum of its lines; over all credit
 * notes of a sale line the credited quantity, net, tax and restocked cost never exceed the line's;
 * a note names a sale and its revision, or its own tax terms, never both (V0070).
 */
@Entity
@Table(name = "sal_credit_note")
@NamedQuery(
    name = CreditNote.BY_NUMBER,
    query = "select c from CreditNote c where c.creditNoteNumber = :number")
@NamedQuery(
    name = CreditNote.OF_SALE,
    query = "select c from CreditNote c where c.sale = :sale order by c.id")
public class CreditNote {
  public static final String BY_NUMBER = "CreditNote.byNumber";
  public static final String OF_SALE = "CreditNote.ofSale";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "credit_note_number", nullable = false, unique = true)
  private String creditNoteNumber;

  /** Null for a credit note not linked to a sale. */
  @ManyToOne
  @JoinColumn(name = "sale_id")
  private Sale sale;

  @Column(name = "sale_revision")
  private Integer saleRevision;

  /** An unlinked note's own tax terms (null when it follows its sale's). */
  @Column(name = "jurisdiction_code")
  private String jurisdictionCode;

  @Enumerated(EnumType.STRING)
  @Column(name = "price_basis")
  private PriceBasis priceBasis;

  @Column(name = "rounding_policy")
  private String roundingPolicy;

  @Column(name = "rounding_mode")
  private String roundingMode;

  @ManyToOne(optional = false)
  @JoinColumn(name = "customer_id")
  private Customer customer;

  @Column(nullable = false)
  private String currency;

  @Column(name = "posting_date", nullable = false)
  private LocalDate postingDate;

  @Column(nullable = false)
  private boolean restock;

  @Column(nullable = false)
  private String reason;

  @Column(nullable = false)
  private BigDecimal subtotal;

  @Column(name = "tax_total", nullable = false)
  private BigDecimal taxTotal;

  @Column(nullable = false)
  private BigDecimal total;

  @ManyToOne
  @JoinColumn(name = "journal_entry_id")
  private JournalEntry journalEntry;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "created_by", nullable = false)
  private String createdBy;

  @OneToMany(mappedBy = "creditNote", cascade = CascadeType.PERSIST)
  @OrderBy("lineNumber")
  private List<CreditNoteLine> lines = new ArrayList<>();

  protected CreditNote() {}

  public CreditNote(
      String creditNoteNumber,
      Sale sale,
      LocalDate postingDate,
      boolean restock,
      String reason,
      String user) {
    this.creditNoteNumber = creditNoteNumber;
    this.sale = sale;
    this.saleRevision = sale.currentRevision();
    this.customer = sale.customer();
    this.currency = sale.currency().getCurrencyCode();
    this.postingDate = postingDate;
    this.restock = restock;
    this.reason = reason;
    this.createdBy = user;
    this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
    this.subtotal = BigDecimal.ZERO;
    this.taxTotal = BigDecimal.ZERO;
    this.total = BigDecimal.ZERO;
  }

  /**
   * A credit note not linked to a sale: goods a customer returned, credited at the given tax terms
   * (the jurisdiction's on the posting date).
   */
  public CreditNote(
      String creditNoteNumber,
      Customer customer,
      TaxJurisdiction jurisdiction,
      LocalDate postingDate,
      boolean restock,
      String reason,
      String user) {
    this.creditNoteNumber = creditNoteNumber;
    this.customer = customer;
    this.currency = jurisdiction.currency().getCurrencyCode();
    this.jurisdictionCode = jurisdiction.code();
    this.priceBasis = jurisdiction.priceBasis();
    this.roundingPolicy = jurisdiction.roundingPolicy().name();
    this.roundingMode = jurisdiction.roundingMode().name();
    this.postingDate = postingDate;
    this.restock = restock;
    this.reason = reason;
    this.createdBy = user;
    this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
    this.subtotal = BigDecimal.ZERO;
    this.taxTotal = BigDecimal.ZERO;
    this.total = BigDecimal.ZERO;
  }

  /** Adds a line and keeps the totals equal to the sums of the lines. */
  public CreditNoteLine addLine(CreditNoteLine.Values values) {
    CreditNoteLine line = new CreditNoteLine(this, lines.size() + 1, values);
    lines.add(line);
    subtotal = subtotal.add(values.netAmount());
    taxTotal = taxTotal.add(values.taxAmount());
    total = subtotal.add(taxTotal);
    return line;
  }

  /** Adds a line of a note not linked to a sale and keeps the totals the sums of the lines. */
  public CreditNoteLine addLine(CreditNoteLine.Returned values) {
    if (sale != null) {
      throw new IllegalStateException(creditNoteNumber + " credits lines of " + sale.saleNumber());
    }
    CreditNoteLine line = new CreditNoteLine(this, lines.size() + 1, values);
    lines.add(line);
    subtotal = subtotal.add(values.netAmount());
    taxTotal = taxTotal.add(values.taxAmount());
    total = subtotal.add(taxTotal);
    return line;
  }

  /** Links the journal entry that posted it (set once, before the note is written). */
  public void postedBy(JournalEntry entry) {
    if (id != null) {
      throw new IllegalStateException(creditNoteNumber + " is written already");
    }
    this.journalEntry = entry;
  }

  public Long id() {
    return id;
  }

  public String creditNoteNumber() {
    return creditNoteNumber;
  }

  /** The sale it credits; null for a note not linked to a sale. */
  public Sale sale() {
    return sale;
  }

  /** Whether it credits lines of a sale. */
  public boolean linked() {
    return sale != null;
  }

  /** The revision of the sale whose lines it credits; null when not linked. */
  public Integer saleRevision() {
    return saleRevision;
  }

  /** The jurisdiction whose tax terms it follows: the sale's, or its own when not linked. */
  public String jurisdictionCode() {
    return sale != null ? sale.jurisdictionCode() : jurisdictionCode;
  }

  public Customer customer() {
    return customer;
  }

  public Currency currency() {
    return Currency.getInstance(currency);
  }

  public LocalDate postingDate() {
    return postingDate;
  }

  public boolean restock() {
    return restock;
  }

  public String reason() {
    return reason;
  }

  /** At the currency's minor-unit scale. */
  public BigDecimal subtotal() {
    return subtotal.setScale(Money.scaleOf(currency()));
  }

  /** At the currency's minor-unit scale. */
  public BigDecimal taxTotal() {
    return taxTotal.setScale(Money.scaleOf(currency()));
  }

  /** At the currency's minor-unit scale. */
  public BigDecimal total() {
    return total.setScale(Money.scaleOf(currency()));
  }

  /** Null for a note of zero value, which moves no account. */
  public JournalEntry journalEntry() {
    return journalEntry;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  public String createdBy() {
    return createdBy;
  }

  public List<CreditNoteLine> lines() {
    return Collections.unmodifiableList(lines);
  }
}
