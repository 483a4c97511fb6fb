package com.ledgerline.sales.entity;

import com.ledgerline.customers.entity.Customer;
import com.ledgerline.shared.Money;
import com.ledgerline.tax.entity.PriceBasis;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
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
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * A sale to a customer: the sales invoice, from draft to posted document.
 *
 * <p>Lifecycle (DESIGN.md 4): {@code DRAFT} (editable, no effects, known by its {@code DRAFT-}
 * number) → {@code POSTED} (the gapless {@code INV-} number, stock out, customer ledger {@code
 * invoice}, journal entry) or {@code PENDING_APPROVAL} when the credit limit would be breached →
 * released by an approver ({@code POSTED}) or {@code REJECTED} (final). A draft may be {@code
 * DISCARDED} (final). A posted sale changes its lines only by an amendment, which writes the full
 * set of lines again as the next revision; it is {@code VOIDED} (final) only while nothing was paid
 * or credited. Delivery is separate and never moves stock.
 *
 * <p>Payment status is separate (DESIGN.md 4): {@code amountPaid} and {@code paymentStatus} are
 * stored figures kept by the payments component in the same transaction as each payment, reversal
 * and refund, with the sale row locked; see {@link #settle}.
 *
 * <p>Prices: the sale snapshots its jurisdiction's price basis, rounding policy and mode; a line's
 * amount ({@code quantity × unit price}, rounded to the currency) is its net under a tax-exclusive
 * basis and its gross under a tax-inclusive one, and {@code TaxCalculator} splits it.
 *
 * <p>Invariants: {@code total = subtotal + taxTotal}; subtotal and tax total are the sums of the
 * current revision's lines; every posted line carries the tax rate and unit cost used at posting
 * (snapshots); a sale has an invoice number exactly when it is posted or voided. The database
 * states these again (checks and the trigger {@code sal_sale_lifecycle}). {@code amountPaid} = the
 * sale's unreversed payments less its refunds, and {@code paymentStatus} = {@link PaymentStatus#of}
 * of it (checked by {@code InvariantChecks}).
 */
@Entity
@Table(name = "sal_sale")
@NamedQuery(name = Sale.BY_NUMBER, query = "select s from Sale s where s.saleNumber = :number")
@NamedQuery(
    name = Sale.BY_REFERENCE,
    query = "select s from Sale s where s.saleNumber = :number or s.draftNumber = :number")
@NamedQuery(
    name = Sale.BY_CHANNEL_REFERENCE,
    query = "select s from Sale s where s.channel = :channel and s.externalReference = :reference")
public class Sale {
  public static final String BY_NUMBER = "Sale.byNumber";
  public static final String BY_REFERENCE = "Sale.byReference";
  public static final String BY_CHANNEL_REFERENCE = "Sale.byChannelReference";

  /** How a held sale was decided. */
  public enum Decision {
    RELEASED,
    REJECTED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "sale_number", unique = true)
  private String saleNumber;

  @Column(name = "draft_number", unique = true)
  private String draftNumber;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private SaleStatus status;

  @ManyToOne(optional = false)
  @JoinColumn(name = "customer_id")
  private Customer customer;

  @Column(nullable = false)
  private String currency;

  @Column(name = "jurisdiction_code", nullable = false)
  private String jurisdictionCode;

  @Column(name = "rounding_policy", nullable = false)
  private String roundingPolicy;

  @Column(name = "rounding_mode", nullable = false)
  private String roundingMode;

  @Enumerated(EnumType.STRING)
  @Column(name = "price_basis", nullable = false)
  private PriceBasis priceBasis;

  @Column(name = "posting_date")
  private LocalDate postingDate;

  @Column(name = "due_date")
  private LocalDate dueDate;

  @Column(nullable = false)
  private BigDecimal subtotal;

  @Column(name = "tax_total", nullable = false)
  private BigDecimal taxTotal;

  @Column(nullable = false)
  private BigDecimal total;

  @Column(name = "current_revision", nullable = false)
  private int currentRevision;

  @Column(nullable = false)
  private String channel;

  @Column(name = "external_reference")
  private String externalReference;

  @Column(name = "captured_at")
  private OffsetDateTime capturedAt;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "created_by", nullable = false)
  private String createdBy;

  @Column(name = "amount_paid", nullable = false)
  private BigDecimal amountPaid = BigDecimal.ZERO;

  @Enumerated(EnumType.STRING)
  @Column(name = "payment_status", nullable = false)
  private PaymentStatus paymentStatus = PaymentStatus.UNPAID;

  @Embedded private Delivery delivery = Delivery.NONE;

  @Column(name = "submitted_by")
  private String submittedBy;

  @Column(name = "submitted_at")
  private OffsetDateTime submittedAt;

  @Column(name = "hold_reason")
  private String holdReason;

  @Column(name = "decided_by")
  private String decidedBy;

  @Column(name = "decided_at")
  private OffsetDateTime decidedAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "decision")
  private Decision decision;

  @Column(name = "decision_reason")
  private String decisionReason;

  @Column(name = "posted_by")
  private String postedBy;

  @Column(name = "posted_at")
  private OffsetDateTime postedAt;

  @Column(name = "voided_by")
  private String voidedBy;

  @Column(name = "voided_at")
  private OffsetDateTime voidedAt;

  @Column(name = "void_reason")
  private String voidReason;

  /** The lines of every revision; {@link #lines()} answers the current one. */
  @OneToMany(mappedBy = "sale", cascade = CascadeType.PERSIST)
  @OrderBy("revision, lineNumber")
  private List<SaleLine> lines = new ArrayList<>();

  @OneToMany(mappedBy = "sale", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("lineNumber")
  private List<SaleDraftLine> draftLines = new ArrayList<>();

  protected Sale() {}

  /**
   * A new sale in {@code DRAFT}, with no lines, no number and no effects.
   *
   * @param roundingPolicy the jurisdiction's policy ({@code PER_LINE}, {@code PER_DOCUMENT})
   * @param roundingMode the jurisdiction's rounding mode, snapshotted with the policy
   * @param priceBasis whether the jurisdiction's prices include tax, snapshotted with the policy:
   *     what the sale's unit prices mean for good
   */
  public Sale(
      Customer customer,
      Currency currency,
      String jurisdictionCode,
      String roundingPolicy,
      RoundingMode roundingMode,
      PriceBasis priceBasis,
      String channel,
      String externalReference,
      OffsetDateTime capturedAt,
      String createdBy) {
    this.status = SaleStatus.DRAFT;
    this.customer = customer;
    this.currency = currency.getCurrencyCode();
    this.jurisdictionCode = jurisdictionCode;
    this.roundingPolicy = roundingPolicy;
    this.roundingMode = roundingMode.name();
    this.priceBasis = Objects.requireNonNull(priceBasis);
    this.channel = channel;
    this.externalReference = externalReference;
    this.capturedAt = capturedAt;
    this.createdBy = createdBy;
    this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
    this.currentRevision = 1;
    zeroTotals();
  }

  private void zeroTotals() {
    this.subtotal = BigDecimal.ZERO;
    this.taxTotal = BigDecimal.ZERO;
    this.total = BigDecimal.ZERO;
  }

  private void requireStatus(SaleStatus expected) {
    if (status != expected) {
      throw new IllegalStateException(reference() + " is " + status + ", not " + expected);
    }
  }

  /** Names a draft or held sale ({@code DRAFT-…}); once given, never changes. */
  public void assignDraftNumber(String number) {
    if (draftNumber != null) {
      throw new IllegalStateException(reference() + " has its draft number already");
    }
    draftNumber = number;
  }

  /**
   * Changes a draft's header (the caller has checked currency and jurisdiction).
   *
   * @param requestedPostingDate the accounting date asked for; null = the day it posts
   */
  public void reviseDraft(
      Customer customer,
      Currency currency,
      String jurisdictionCode,
      String roundingPolicy,
      RoundingMode roundingMode,
      PriceBasis priceBasis,
      LocalDate requestedPostingDate,
      Delivery delivery) {
    requireStatus(SaleStatus.DRAFT);
    this.customer = customer;
    this.currency = currency.getCurrencyCode();
    this.jurisdictionCode = jurisdictionCode;
    this.roundingPolicy = roundingPolicy;
    this.roundingMode = roundingMode.name();
    this.priceBasis = Objects.requireNonNull(priceBasis);
    this.postingDate = requestedPostingDate;
    this.delivery = Objects.requireNonNull(delivery);
  }

  /** Replaces the lines of a draft (or of a sale being held); the totals become their preview. */
  public void replaceDraftLines(List<SaleDraftLine.Values> values) {
    if (status != SaleStatus.DRAFT) {
      throw new IllegalStateException(reference() + " is " + status + ", its lines are fixed");
    }
    draftLines.clear();
    zeroTotals();
    for (SaleDraftLine.Values v : values) {
      SaleDraftLine line = new SaleDraftLine(this, draftLines.size() + 1, v);
      draftLines.add(line);
      subtotal = subtotal.add(v.netAmount());
      taxTotal = taxTotal.add(v.taxAmount());
    }
    total = subtotal.add(taxTotal);
  }

  /** The requester asks to post; the credit limit holds it for an approver. */
  public void hold(String requestedBy, String reason) {
    requireStatus(SaleStatus.DRAFT);
    status = SaleStatus.PENDING_APPROVAL;
    submittedBy = requestedBy;
    submittedAt = OffsetDateTime.now(ZoneOffset.UTC);
    holdReason = reason;
  }

  /** The approver's decision on a held sale; a release is followed by {@link #post}. */
  public void decide(Decision decision, String approver, String reason) {
    requireStatus(SaleStatus.PENDING_APPROVAL);
    this.decision = decision;
    this.decidedBy = approver;
    this.decidedAt = OffsetDateTime.now(ZoneOffset.UTC);
    this.decisionReason = reason;
    if (decision == Decision.REJECTED) {
      status = SaleStatus.REJECTED;
    }
  }

  /** Discards a draft for good; it keeps its lines for the record. */
  public void discard() {
    requireStatus(SaleStatus.DRAFT);
    status = SaleStatus.DISCARDED;
  }

  /**
   * Posts the sale under its invoice number: revision 1 starts empty and {@link #addLine} fills it.
   * A draft's lines stay as they were, for the record.
   */
  public void post(String saleNumber, LocalDate postingDate, LocalDate dueDate, String user) {
    if (status != SaleStatus.DRAFT && status != SaleStatus.PENDING_APPROVAL) {
      throw new IllegalStateException(reference() + " is " + status + " and cannot post");
    }
    if (status == SaleStatus.DRAFT) {
      submittedBy = user;
      submittedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }
    this.saleNumber = saleNumber;
    this.postingDate = postingDate;
    this.dueDate = dueDate;
    this.status = SaleStatus.POSTED;
    this.postedBy = user;
    this.postedAt = OffsetDateTime.now(ZoneOffset.UTC);
    this.currentRevision = 1;
    zeroTotals();
  }

  /**
   * Starts the next revision of a posted sale's lines: empty, totals zero until lines are added.
   */
  public int startRevision() {
    requireStatus(SaleStatus.POSTED);
    currentRevision++;
    zeroTotals();
    return currentRevision;
  }

  /** Adds a line to the current revision and keeps the totals equal to the sums of its lines. */
  public SaleLine addLine(SaleLine.Values values) {
    requireStatus(SaleStatus.POSTED);
    SaleLine line = new SaleLine(this, currentRevision, lines().size() + 1, values);
    lines.add(line);
    subtotal = subtotal.add(line.netAmount());
    taxTotal = taxTotal.add(line.taxAmount());
    total = subtotal.add(taxTotal);
    return line;
  }

  /** Voids a posted sale for good (its reversing documents are written by the caller). */
  public void voided(String user, String reason) {
    requireStatus(SaleStatus.POSTED);
    status = SaleStatus.VOIDED;
    voidedBy = user;
    voidedAt = OffsetDateTime.now(ZoneOffset.UTC);
    voidReason = reason;
  }

  /** Changes the delivery details: informative, never moves stock. */
  public void changeDelivery(Delivery delivery) {
    this.delivery = Objects.requireNonNull(delivery);
  }

  public Long id() {
    return id;
  }

  /** The invoice number ({@code INV-…}); null until posted. */
  public String saleNumber() {
    return saleNumber;
  }

  /** The draft number ({@code DRAFT-…}); null for a sale posted in one step. */
  public String draftNumber() {
    return draftNumber;
  }

  /** The number people know it by: the invoice number once posted, else the draft number. */
  public String reference() {
    return saleNumber != null ? saleNumber : draftNumber;
  }

  public SaleStatus status() {
    return status;
  }

  public Customer customer() {
    return customer;
  }

  public Currency currency() {
    return Currency.getInstance(currency);
  }

  public String jurisdictionCode() {
    return jurisdictionCode;
  }

  public String roundingPolicy() {
    return roundingPolicy;
  }

  public RoundingMode roundingMode() {
    return RoundingMode.valueOf(roundingMode);
  }

  /**
   * What the unit prices of its lines mean: net of tax ({@link PriceBasis#TAX_EXCLUSIVE}) or
   * including it ({@link PriceBasis#TAX_INCLUSIVE}), the jurisdiction's declaration when the sale
   * was drafted or posted.
   */
  public PriceBasis priceBasis() {
    return priceBasis;
  }

  /**
   * The accounting date: once posted the invoice date; for a draft the date asked for (or null).
   */
  public LocalDate postingDate() {
    return postingDate;
  }

  public LocalDate dueDate() {
    return dueDate;
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

  public int currentRevision() {
    return currentRevision;
  }

  public String channel() {
    return channel;
  }

  public String externalReference() {
    return externalReference;
  }

  public OffsetDateTime capturedAt() {
    return capturedAt;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  public String createdBy() {
    return createdBy;
  }

  public Delivery delivery() {
    return delivery == null ? Delivery.NONE : delivery;
  }

  /** Who asked to post it (the requester of a held sale). */
  public String submittedBy() {
    return submittedBy;
  }

  public OffsetDateTime submittedAt() {
    return submittedAt;
  }

  public String holdReason() {
    return holdReason;
  }

  public String decidedBy() {
    return decidedBy;
  }

  public OffsetDateTime decidedAt() {
    return decidedAt;
  }

  public Decision decision() {
    return decision;
  }

  public String decisionReason() {
    return decisionReason;
  }

  public String postedBy() {
    return postedBy;
  }

  public OffsetDateTime postedAt() {
    return postedAt;
  }

  public String voidedBy() {
    return voidedBy;
  }

  public OffsetDateTime voidedAt() {
    return voidedAt;
  }

  public String voidReason() {
    return voidReason;
  }

  /** The lines of the current revision (none before posting). */
  public List<SaleLine> lines() {
    return linesOf(currentRevision);
  }

  /** The lines of one revision, in line order. */
  public List<SaleLine> linesOf(int revision) {
    if (saleNumber == null) {
      return List.of();
    }
    return lines.stream().filter(l -> l.revision() == revision).toList();
  }

  /** The draft's lines (kept after posting, for the record). */
  public List<SaleDraftLine> draftLines() {
    return Collections.unmodifiableList(draftLines);
  }

  /** Net amount received for the sale, at the currency's minor-unit scale. */
  public BigDecimal amountPaid() {
    return amountPaid.setScale(Money.scaleOf(currency()));
  }

  public PaymentStatus paymentStatus() {
    return paymentStatus;
  }

  /**
   * Records the sale's payment figures after a payment, reversal or refund. The caller holds the
   * sale row's lock.
   *
   * @param amountPaid the sale's unreversed payments less its refunds, ≥ 0, currency scale
   * @param charged what the sale charges the customer: its invoice, amendments, credit notes and
   *     write-offs (the non-payment entries of its open item)
   */
  public void settle(BigDecimal amountPaid, BigDecimal charged) {
    this.paymentStatus = PaymentStatus.of(amountPaid, charged);
    this.amountPaid = amountPaid;
  }
}
