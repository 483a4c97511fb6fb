package com.ledgerline.web;

import com.ledgerline.reports.control.Amounts;
import com.ledgerline.sales.boundary.SaleDesk;
import com.ledgerline.sales.boundary.SaleEvent;
import com.ledgerline.sales.boundary.SaleView;
import com.ledgerline.sales.boundary.Sales;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;

/**
 * A sale's page ({@code sales/sale.xhtml?number=INV-…}): the document with its lines and figures
 * ({@link Sales#find}) and one timeline of everything that happened to it ({@link
 * SaleDesk#timeline}: one query per kind of event). Read-only; opening it changes nothing.
 */
@Named
@ViewScoped
public class SalePageView implements Serializable {
  private static final long serialVersionUID = 1L;

  @EJB private Sales sales;
  @EJB private SaleDesk desk;

  private String number;
  private SaleView sale;
  private List<SaleEvent> timeline = List.of();

  /** Loads the sale named by the {@code number} parameter (f:viewAction, GET). */
  public void load() {
    if (number == null || number.isBlank()) {
      return;
    }
    sale = sales.find(number.strip()).orElse(null);
    timeline = sale == null ? List.of() : desk.timeline(number.strip());
  }

  public String getNumber() {
    return number;
  }

  public void setNumber(String number) {
    this.number = number;
  }

  public SaleView getSale() {
    return sale;
  }

  /**
   * An event's amount at the sale currency's decimals (ISO 4217), or at its own where it holds more
   * significant ones: a stock movement's cost is never rounded on screen.
   */
  public String money(BigDecimal amount) {
    return sale == null ? MoneyConverter.format(amount) : Amounts.print(amount, sale.currency());
  }

  public List<SaleEvent> getTimeline() {
    return timeline;
  }
}
