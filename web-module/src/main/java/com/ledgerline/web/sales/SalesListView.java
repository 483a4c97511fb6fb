package com.ledgerline.web.sales;

import com.ledgerline.sales.boundary.SaleSearch;
import com.ledgerline.sales.boundary.SaleSummary;
import com.ledgerline.sales.boundary.Sales;
import com.ledgerline.sales.entity.SaleStatus;
import com.ledgerline.web.Messages;
import com.ledgerline.web.Sorting;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The sales list ({@code sales/list.xhtml}): filters (posting dates, customer, channel, status,
 * number) applied by the database through {@link Sales#count} and {@link Sales#search}, one page at
 * a time, sorted server-side. Each row links to the sale's page. Every role may read it.
 */
@Named
@ViewScoped
public class SalesListView implements Serializable {
  private static final long serialVersionUID = 1L;

  @EJB private Sales sales;

  private LocalDate from;
  private LocalDate to;
  private String customer;
  private String channel;
  private String status;
  private String number;
  private final LazyDataModel<SaleSummary> model = new Model();

  /** Applies the filters (an AJAX POST; the table starts again at its first page). */
  public void search() {
    // the table reloads with the new filters on its update
  }

  /** Clears every filter. */
  public void clear() {
    from = null;
    to = null;
    customer = null;
    channel = null;
    status = null;
    number = null;
  }

  public LazyDataModel<SaleSummary> getModel() {
    return model;
  }

  public List<String> getStatuses() {
    return Arrays.stream(SaleStatus.values()).map(Enum::name).toList();
  }

  private SaleSearch search(SaleSearch.Order order, boolean descending) {
    return new SaleSearch(from, to, customer, channel, status, number, order, descending);
  }

  private final class Model extends LazyDataModel<SaleSummary> {
    private static final long serialVersionUID = 1L;

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
      try {
        return (int) Math.min(Integer.MAX_VALUE, sales.count(search(null, true)));
      } catch (RuntimeException e) {
        Messages.error(null, e);
        return 0;
      }
    }

    @Override
    public List<SaleSummary> load(
        int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
      Sorting sorting = Sorting.of(sortBy).orElse(new Sorting("", true));
      SaleSearch.Order order =
          switch (sorting.field()) {
            case "postingDate" -> SaleSearch.Order.POSTING_DATE;
            case "saleNumber" -> SaleSearch.Order.NUMBER;
            case "customerName" -> SaleSearch.Order.CUSTOMER;
            case "channel" -> SaleSearch.Order.CHANNEL;
            case "status" -> SaleSearch.Order.STATUS;
            case "total" -> SaleSearch.Order.TOTAL;
            default -> SaleSearch.Order.NEWEST;
          };
      try {
        return sales.search(search(order, sorting.descending()), first, pageSize);
      } catch (RuntimeException e) {
        Messages.error(null, e);
        return List.of();
      }
    }

    @Override
    public String getRowKey(SaleSummary sale) {
      return sale.saleNumber() != null ? sale.saleNumber() : sale.draftNumber();
    }
  }

  public LocalDate getFrom() {
    return from;
  }

  public void setFrom(LocalDate from) {
    this.from = from;
  }

  public LocalDate getTo() {
    return to;
  }

  public void setTo(LocalDate to) {
    this.to = to;
  }

  public String getCustomer() {
    return customer;
  }

  public void setCustomer(String customer) {
    this.customer = customer;
  }

  public String getChannel() {
    return channel;
  }

  public void setChannel(String channel) {
    this.channel = channel;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public String getNumber() {
    return number;
  }

  public void setNumber(String number) {
    this.number = number;
  }
}
