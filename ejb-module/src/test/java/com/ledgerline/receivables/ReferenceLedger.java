package com.ledgerline.receivables;

import com.ledgerline.receivables.entity.InvoiceSettlement;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The customer ledger's open items and settlements computed the plain way, in Java, from the
 * entries a test posted: the reference the database's summary and queries are compared with. It
 * restates the rules of migration V0050 and of {@code PaymentHistory} independently of their SQL.
 */
final class ReferenceLedger {

  /** One posted entry; {@code sequence} is the insertion order (the entry id order). */
  record Entry(
      long customerId,
      String type,
      String documentNumber,
      BigDecimal amount,
      LocalDate postingDate,
      LocalDate dueDate,
      String appliesTo,
      long sequence) {
    String item() {
      return appliesTo == null ? documentNumber : appliesTo;
    }
  }

  /** An item as of a date, with the columns of {@code OpenItemsAsOf}. */
  record Item(
      long customerId,
      String itemNumber,
      LocalDate invoiceDate,
      LocalDate dueDate,
      BigDecimal invoicedAmount,
      BigDecimal openAmount) {
    /** The same values with amounts compared by value (scale-free). */
    Item normalised() {
      return new Item(
          customerId,
          itemNumber,
          invoiceDate,
          dueDate,
          invoicedAmount.stripTrailingZeros(),
          openAmount.stripTrailingZeros());
    }
  }

  private final List<Entry> entries = new ArrayList<>();

  void add(Entry entry) {
    entries.add(entry);
  }

  long nextSequence() {
    return entries.size();
  }

  List<Entry> entries() {
    return entries;
  }

  /** Every item (open or not) of the entries posted up to {@code asOf}, by item number. */
  Map<String, Item> allItems(LocalDate asOf) {
    Map<String, List<Entry>> byItem = new TreeMap<>();
    for (Entry e : entries) {
      if (!e.postingDate().isAfter(asOf)) {
        byItem.computeIfAbsent(e.item(), k -> new ArrayList<>()).add(e);
      }
    }
    Map<String, Item> items = new TreeMap<>();
    byItem.forEach((number, list) -> items.put(number, item(number, list)));
    return items;
  }

  /** The items open ({@code openAmount ≠ 0}) as of {@code asOf}. */
  Map<String, Item> openItems(LocalDate asOf) {
    Map<String, Item> open = new TreeMap<>();
    allItems(asOf)
        .forEach(
            (number, item) -> {
              if (item.openAmount().signum() != 0) {
                open.put(number, item.normalised());
              }
            });
    return open;
  }

  private static Item item(String number, List<Entry> list) {
    LocalDate invoiceDate = null;
    LocalDate invoiceDue = null;
    LocalDate anyDue = null;
    BigDecimal invoiced = BigDecimal.ZERO;
    BigDecimal open = BigDecimal.ZERO;
    for (Entry e : list) {
      LocalDate due = e.dueDate() == null ? e.postingDate() : e.dueDate();
      anyDue = anyDue == null || due.isBefore(anyDue) ? due : anyDue;
      if (e.type().equals("invoice")) {
        invoiceDate =
            invoiceDate == null || e.postingDate().isBefore(invoiceDate)
                ? e.postingDate()
                : invoiceDate;
        invoiceDue = invoiceDue == null || due.isBefore(invoiceDue) ? due : invoiceDue;
      }
      if (e.type().equals("invoice") || e.type().equals("invoice_update")) {
        invoiced = invoiced.add(e.amount());
      }
      open = open.add(e.amount());
    }
    return new Item(
        list.get(0).customerId(),
        number,
        invoiceDate,
        invoiceDue != null ? invoiceDue : anyDue,
        invoiced,
        open);
  }

  /**
   * The settlement of each invoice of a customer as of {@code asOf}: the posting date of the first
   * entry after the last moment the running open amount was positive, if it is not positive at the
   * end (entries in posting date, then insertion order).
   */
  List<InvoiceSettlement> settlements(long customerId, LocalDate asOf) {
    Map<String, List<Entry>> byItem = new TreeMap<>();
    for (Entry e : entries) {
      if (e.customerId() == customerId && !e.postingDate().isAfter(asOf)) {
        byItem.computeIfAbsent(e.item(), k -> new ArrayList<>()).add(e);
      }
    }
    List<InvoiceSettlement> result = new ArrayList<>();
    byItem.forEach(
        (number, list) -> {
          list.sort(Comparator.comparing(Entry::postingDate).thenComparingLong(Entry::sequence));
          LocalDate due =
              list.stream()
                  .filter(e -> e.type().equals("invoice"))
                  .map(e -> e.dueDate() == null ? e.postingDate() : e.dueDate())
                  .min(Comparator.naturalOrder())
                  .orElse(null);
          if (due == null) {
            return;
          }
          BigDecimal running = BigDecimal.ZERO;
          LocalDate settledOn = null;
          for (Entry e : list) {
            running = running.add(e.amount());
            if (running.signum() > 0) {
              settledOn = null;
            } else if (settledOn == null) {
              settledOn = e.postingDate();
            }
          }
          result.add(new InvoiceSettlement(number, due, settledOn));
        });
    return result;
  }

  static boolean sameItems(Map<String, Item> expected, Map<String, Item> actual) {
    return Objects.equals(expected, actual);
  }
}
