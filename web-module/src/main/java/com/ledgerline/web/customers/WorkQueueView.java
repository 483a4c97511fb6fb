package com.ledgerline.web.customers;

import com.ledgerline.receivables.boundary.Receivables;
import com.ledgerline.receivables.boundary.WorkQueueSheet;
import com.ledgerline.web.Messages;
import com.ledgerline.web.Sorting;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The receivables work queue ({@code customers/queue.xhtml}): customers with an overdue amount,
 * most overdue first or sorted by a column, each with balance, overdue amount, oldest due date,
 * aging buckets and the late-payer flag. Paged and sorted by the database ({@link
 * Receivables#workQueueSize}, {@link Receivables#workQueueSheet}); a page costs the same however
 * many customers the ledger has.
 */
@Named
@ViewScoped
public class WorkQueueView implements Serializable {
  private static final long serialVersionUID = 1L;

  @EJB private Receivables receivables;

  private LocalDate asOf;
  private String currency;
  private final LazyDataModel<WorkQueueSheet.Row> model = new Model();

  public void apply() {
    // the table reloads with the new date and currency
  }

  public LazyDataModel<WorkQueueSheet.Row> getModel() {
    return model;
  }

  /** The date the queue is computed for (today when none is chosen). */
  public LocalDate getEffectiveAsOf() {
    return asOf == null ? LocalDate.now() : asOf;
  }

  private String currencyOrNull() {
    return currency == null || currency.isBlank() ? null : currency.strip().toUpperCase();
  }

  private final class Model extends LazyDataModel<WorkQueueSheet.Row> {
    private static final long serialVersionUID = 1L;

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
      try {
        return (int) Math.min(Integer.MAX_VALUE, receivables.workQueueSize(asOf, currencyOrNull()));
      } catch (RuntimeException e) {
        Messages.error(null, e);
        return 0;
      }
    }

    @Override
    public List<WorkQueueSheet.Row> load(
        int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
      Sorting sorting = Sorting.of(sortBy).orElse(new Sorting("", true));
      WorkQueueSheet.Order order =
          switch (sorting.field()) {
            case "overdueAmount" -> WorkQueueSheet.Order.OVERDUE_AMOUNT;
            case "balance" -> WorkQueueSheet.Order.BALANCE;
            case "oldestDueDate" -> WorkQueueSheet.Order.OLDEST_DUE_DATE;
            case "overdueItems" -> WorkQueueSheet.Order.OVERDUE_ITEMS;
            case "customerNumber" -> WorkQueueSheet.Order.CUSTOMER_NUMBER;
            case "name" -> WorkQueueSheet.Order.NAME;
            default -> WorkQueueSheet.Order.MOST_OVERDUE;
          };
      try {
        return receivables
            .workQueueSheet(asOf, currencyOrNull(), order, sorting.descending(), first, pageSize)
            .rows();
      } catch (RuntimeException e) {
        Messages.error(null, e);
        return List.of();
      }
    }

    @Override
    public String getRowKey(WorkQueueSheet.Row row) {
      return row.entry().customerNumber() + "/" + row.entry().currency();
    }
  }

  public LocalDate getAsOf() {
    return asOf;
  }

  public void setAsOf(LocalDate asOf) {
    this.asOf = asOf;
  }

  public String getCurrency() {
    return currency;
  }

  public void setCurrency(String currency) {
    this.currency = currency;
  }
}
