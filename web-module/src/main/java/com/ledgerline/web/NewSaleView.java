package com.ledgerline.web;

import com.ledgerline.approvals.boundary.ApprovalRequestView;
import com.ledgerline.payments.boundary.PaymentView;
import com.ledgerline.payments.boundary.Payments;
import com.ledgerline.payments.boundary.RecordPayments;
import com.ledgerline.payments.boundary.SalePaymentsView;
import com.ledgerline.sales.boundary.CustomerStanding;
import com.ledgerline.sales.boundary.PostSale;
import com.ledgerline.sales.boundary.SaleDesk;
import com.ledgerline.sales.boundary.SaleDraft;
import com.ledgerline.sales.boundary.SaleView;
import com.ledgerline.sales.boundary.Sales;
import com.ledgerline.sales.boundary.VariantChoice;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The cashier's sale entry ({@code sales/new.xhtml}), following the seed playbook's order: pick the
 * customer (balance, credit headroom, status), add lines by SKU or name (stock on hand shown), see
 * the tax and totals the server computes for the draft ({@link Sales#createDraft}, {@link
 * Sales#updateDraft}: the same arithmetic that posts), save ({@link Sales#postDraft} with the total
 * shown, so a stale screen is refused {@code TOTALS_MISMATCH}); then the journal entry and stock
 * movements the sale posted, and the Payments tab: one or more tenders ({@link Payments#record})
 * and a payment deletion request ({@link Payments#requestDeletion}).
 */
@Named
@ViewScoped
public class NewSaleView implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The index of the Payments tab: payment actions keep it open when the form re-renders. */
  private static final int PAYMENTS_TAB = 1;

  @EJB private Sales sales;
  @EJB private SaleDesk desk;
  @EJB private Payments payments;

  /** A line as entered: what the cashier typed; the figures come from the draft. */
  public static final class LineInput implements Serializable {
    private static final long serialVersionUID = 1L;
    private String sku;
    private String name;
    private BigDecimal quantity;
    private BigDecimal unitPrice;
    private BigDecimal onHand;
    private boolean stockTracked;

    public String getSku() {
      return sku;
    }

    public String getName() {
      return name;
    }

    public BigDecimal getQuantity() {
      return quantity;
    }

    public void setQuantity(BigDecimal quantity) {
      this.quantity = quantity;
    }

    public BigDecimal getUnitPrice() {
      return unitPrice;
    }

    public void setUnitPrice(BigDecimal unitPrice) {
      this.unitPrice = unitPrice;
    }

    public BigDecimal getOnHand() {
      return onHand;
    }

    public boolean isStockTracked() {
      return stockTracked;
    }
  }

  /** One tender of the payment being entered. */
  public static final class TenderInput implements Serializable {
    private static final long serialVersionUID = 1L;
    private String method;
    private BigDecimal amount;
    private String reference;

    public String getMethod() {
      return method;
    }

    public void setMethod(String method) {
      this.method = method;
    }

    public BigDecimal getAmount() {
      return amount;
    }

    public void setAmount(BigDecimal amount) {
      this.amount = amount;
    }

    public String getReference() {
      return reference;
    }

    public void setReference(String reference) {
      this.reference = reference;
    }
  }

  private String customerNumber;
  private CustomerStanding customer;
  private String newSku;
  private BigDecimal newQuantity = BigDecimal.ONE;
  private final List<LineInput> lines = new ArrayList<>();
  private SaleView sale;
  private SalePaymentsView paid;
  private List<SaleDesk.TenderChoice> tenders;
  private final List<TenderInput> tenderInputs = new ArrayList<>();
  private LocalDate paymentDate;
  private String deletionPayment;
  private String deletionReason;
  private final Map<String, String> deletionRequests = new HashMap<>();
  private int activeTab;

  @PostConstruct
  void init() {
    tenders = desk.tenders();
    tenderInputs.add(new TenderInput());
  }

  // --- the customer

  /** Autocomplete: customers by number or name. */
  public List<CustomerStanding> completeCustomer(String text) {
    return desk.customers(text, 10);
  }

  public void customerChosen() {
    customer = customerNumber == null ? null : desk.customer(customerNumber).orElse(null);
    if (!lines.isEmpty()) {
      reprice();
    }
  }

  // --- the lines

  public List<VariantChoice> completeVariant(String text) {
    return desk.variants(text, 10);
  }

  /** Adds the chosen variant as a line (or adds to the line of the same SKU) and reprices. */
  public void addLine() {
    if (newSku == null || newSku.isBlank()) {
      return;
    }
    VariantChoice variant = desk.variant(newSku.strip()).orElse(null);
    if (variant == null) {
      Messages.error(
          null,
          new com.ledgerline.shared.BusinessRuleViolation(
              com.ledgerline.shared.ErrorCode.UNKNOWN_VARIANT, "no SKU " + newSku.strip()));
      return;
    }
    LineInput line = new LineInput();
    line.sku = variant.sku();
    line.name = variant.name();
    line.quantity = newQuantity;
    line.onHand = variant.onHand();
    line.stockTracked = variant.stockTracked();
    lines.add(line);
    newSku = null;
    newQuantity = BigDecimal.ONE;
    reprice();
  }

  public void removeLine(int index) {
    if (index >= 0 && index < lines.size()) {
      lines.remove(index);
      reprice();
    }
  }

  /**
   * Sends the lines to the server as the draft's content: the server prices them (tax, totals)
   * exactly as it will post them. Nothing is posted; a refusal shows its code's text.
   */
  public void reprice() {
    if (customerNumber == null) {
      Messages.error(
          null,
          new com.ledgerline.shared.BusinessRuleViolation(
              com.ledgerline.shared.ErrorCode.INVALID_REQUEST,
              Messages.text("sale.chooseCustomer")));
      return;
    }
    SaleDraft draft =
        new SaleDraft(
            customerNumber,
            null,
            null,
            null,
            null,
            null,
            null,
            lines.stream()
                .map(l -> new PostSale.Line(l.sku, l.quantity, l.unitPrice, null))
                .toList());
    try {
      sale = sale == null ? sales.createDraft(draft) : sales.updateDraft(sale.draftNumber(), draft);
      refreshStock();
    } catch (RuntimeException e) {
      Messages.error(null, e);
    }
  }

  private void refreshStock() {
    for (LineInput line : lines) {
      desk.variant(line.sku).ifPresent(v -> line.onHand = v.onHand());
    }
  }

  /** Posts the draft with the total shown; the sale number appears, or the hold for approval. */
  public void save() {
    if (sale == null || isSaved()) {
      return;
    }
    try {
      sale = sales.postDraft(sale.draftNumber(), sale.total());
      if ("POSTED".equals(sale.status())) {
        Messages.info("sale.posted", sale.saleNumber());
        customer = desk.customer(customerNumber).orElse(customer);
        paid = payments.ofSale(sale.saleNumber()).orElse(null);
        paymentDate = sale.postingDate();
        prefillTender();
        refreshStock();
      } else {
        Messages.info("sale.held", sale.draftNumber());
      }
    } catch (RuntimeException e) {
      Messages.error(null, e);
    }
  }

  /** Discards the draft (nothing was posted). */
  public String discard() {
    if (sale != null && !isSaved()) {
      try {
        sales.discardDraft(sale.draftNumber(), Messages.text("sale.discardReason"));
      } catch (RuntimeException e) {
        Messages.error(null, e);
        return null;
      }
    }
    return "/sales/new?faces-redirect=true";
  }

  // --- payments

  public void addTender() {
    activeTab = PAYMENTS_TAB;
    tenderInputs.add(new TenderInput());
  }

  public void removeTender(int index) {
    if (tenderInputs.size() > 1 && index >= 0 && index < tenderInputs.size()) {
      tenderInputs.remove(index);
    }
  }

  /** Records the tenders entered as one payment (a split tender when several). */
  public void recordPayment() {
    if (!isSaved()) {
      return;
    }
    activeTab = PAYMENTS_TAB;
    List<RecordPayments.Tender> entered =
        tenderInputs.stream()
            .filter(t -> t.method != null || t.amount != null)
            .map(t -> new RecordPayments.Tender(t.method, t.amount, blankToNull(t.reference)))
            .toList();
    try {
      paid =
          payments.record(
              sale.saleNumber(), new RecordPayments(paymentDate, null, null, null, null, entered));
      Messages.info("payment.recorded", entered.size(), paid.paymentStatus());
      tenderInputs.clear();
      tenderInputs.add(new TenderInput());
      prefillTender();
      sale = sales.find(sale.saleNumber()).orElse(sale);
      customer = desk.customer(customerNumber).orElse(customer);
    } catch (RuntimeException e) {
      Messages.error(null, e);
    }
  }

  public void askDeletion(String paymentNumber) {
    activeTab = PAYMENTS_TAB;
    deletionPayment = paymentNumber;
    deletionReason = null;
  }

  /** Asks for the payment's deletion with the reason typed: an approver decides. */
  public void requestDeletion() {
    activeTab = PAYMENTS_TAB;
    if (deletionPayment == null) {
      return;
    }
    try {
      ApprovalRequestView request = payments.requestDeletion(deletionPayment, deletionReason);
      deletionRequests.put(deletionPayment, request.requestNumber());
      Messages.info("payment.deletionRequested", request.requestNumber(), deletionPayment);
      deletionPayment = null;
      deletionReason = null;
    } catch (RuntimeException e) {
      Messages.error(null, e);
    }
  }

  private void prefillTender() {
    if (paid != null && paid.openAmount().signum() > 0 && tenderInputs.size() == 1) {
      TenderInput first = tenderInputs.get(0);
      if (first.amount == null) {
        first.amount = paid.openAmount();
      }
    }
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  // --- what the page reads

  /**
   * The key an autocomplete shows and submits: a suggestion's customer number or SKU, or the chosen
   * value itself (PrimeFaces evaluates the item expressions on both).
   */
  public String key(Object item) {
    if (item instanceof CustomerStanding c) {
      return c.customerNumber();
    }
    if (item instanceof VariantChoice v) {
      return v.sku();
    }
    return item == null ? "" : item.toString();
  }

  public boolean isSaved() {
    return sale != null && sale.saleNumber() != null;
  }

  public boolean isHeld() {
    return sale != null && "PENDING_APPROVAL".equals(sale.status());
  }

  public boolean isEditable() {
    return sale == null || "DRAFT".equals(sale.status());
  }

  /** The server's figures of line {@code index} (0-based), or null before the first pricing. */
  public SaleView.Line figures(int index) {
    if (sale == null || sale.lines() == null || index >= sale.lines().size()) {
      return null;
    }
    return sale.lines().get(index);
  }

  public String deletionRequestOf(String paymentNumber) {
    return deletionRequests.get(paymentNumber);
  }

  public List<PaymentView> getPayments() {
    return paid == null ? List.of() : paid.payments();
  }

  public String getCustomerNumber() {
    return customerNumber;
  }

  public void setCustomerNumber(String customerNumber) {
    this.customerNumber = blankToNull(customerNumber);
  }

  public CustomerStanding getCustomer() {
    return customer;
  }

  public String getNewSku() {
    return newSku;
  }

  public void setNewSku(String newSku) {
    this.newSku = newSku;
  }

  public BigDecimal getNewQuantity() {
    return newQuantity;
  }

  public void setNewQuantity(BigDecimal newQuantity) {
    this.newQuantity = newQuantity;
  }

  public List<LineInput> getLines() {
    return lines;
  }

  public SaleView getSale() {
    return sale;
  }

  public SalePaymentsView getPaid() {
    return paid;
  }

  public List<SaleDesk.TenderChoice> getTenders() {
    return tenders;
  }

  public List<TenderInput> getTenderInputs() {
    return tenderInputs;
  }

  public LocalDate getPaymentDate() {
    return paymentDate;
  }

  public void setPaymentDate(LocalDate paymentDate) {
    this.paymentDate = paymentDate;
  }

  public String getDeletionPayment() {
    return deletionPayment;
  }

  public String getDeletionReason() {
    return deletionReason;
  }

  public void setDeletionReason(String deletionReason) {
    this.deletionReason = deletionReason;
  }

  public int getActiveTab() {
    return activeTab;
  }

  public void setActiveTab(int activeTab) {
    this.activeTab = activeTab;
  }
}
