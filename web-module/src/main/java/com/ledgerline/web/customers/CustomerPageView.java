package com.ledgerline.web.customers;

import com.ledgerline.customers.boundary.CustomerView;
import com.ledgerline.customers.boundary.Customers;
import com.ledgerline.receivables.boundary.CustomerAccount;
import com.ledgerline.receivables.boundary.CustomerLedger;
import com.ledgerline.receivables.boundary.Receivables;
import com.ledgerline.web.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * A customer's page ({@code customers/customer.xhtml?number=}): master data with the billing and
 * the technical contact, terms and credit limit ({@link Customers#view}); the balance, its aging
 * and the late-payer indicator ({@link Receivables#account}); the open items and the customer
 * ledger, each paged by the database.
 */
@Named
@ViewScoped
public class CustomerPageView implements Serializable {
  private static final long serialVersionUID = 1L;

  @EJB private Customers customers;
  @EJB private Receivables receivables;

  private String number;
  private CustomerView customer;
  private CustomerAccount account;
  private final LazyDataModel<CustomerAccount.OpenItem> openItems = new OpenItems();
  private final LazyDataModel<CustomerLedger.Entry> ledger = new Ledger();

  @PostConstruct
  void load() {
    number =
        FacesContext.getCurrentInstance()
            .getExternalContext()
            .getRequestParameterMap()
            .get("number");
    if (number == null || number.isBlank()) {
      return;
    }
    try {
      customer = customers.view(number.strip()).orElse(null);
      if (customer != null) {
        account = receivables.account(customer.customerNumber(), null, 0, 1);
      }
    } catch (RuntimeException e) {
      Messages.error(null, e);
    }
  }

  public boolean isFound() {
    return customer != null && account != null;
  }

  public String getNumber() {
    return number;
  }

  public CustomerView getCustomer() {
    return customer;
  }

  public CustomerAccount getAccount() {
    return account;
  }

  public LazyDataModel<CustomerAccount.OpenItem> getOpenItems() {
    return openItems;
  }

  public LazyDataModel<CustomerLedger.Entry> getLedger() {
    return ledger;
  }

  private final class OpenItems extends LazyDataModel<CustomerAccount.OpenItem> {
    private static final long serialVersionUID = 1L;

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
      return account == null ? 0 : (int) Math.min(Integer.MAX_VALUE, account.openItemCount());
    }

    @Override
    public List<CustomerAccount.OpenItem> load(
        int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
      if (customer == null) {
        return List.of();
      }
      try {
        return receivables
            .account(customer.customerNumber(), account.asOf(), first, pageSize)
            .openItems();
      } catch (RuntimeException e) {
        Messages.error(null, e);
        return List.of();
      }
    }

    @Override
    public String getRowKey(CustomerAccount.OpenItem item) {
      return item.itemNumber();
    }
  }

  private final class Ledger extends LazyDataModel<CustomerLedger.Entry> {
    private static final long serialVersionUID = 1L;
    private CustomerLedger last;

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
      if (customer == null) {
        return 0;
      }
      // the page's statement counts too: ask for the first row only to learn the total
      last = receivables.ledger(customer.customerNumber(), 0, 1);
      return (int) Math.min(Integer.MAX_VALUE, last.total());
    }

    @Override
    public List<CustomerLedger.Entry> load(
        int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
      if (customer == null) {
        return List.of();
      }
      try {
        return receivables.ledger(customer.customerNumber(), first, pageSize).entries();
      } catch (RuntimeException e) {
        Messages.error(null, e);
        return List.of();
      }
    }

    @Override
    public String getRowKey(CustomerLedger.Entry entry) {
      return entry.documentNumber() + "/" + entry.entryType();
    }
  }
}
