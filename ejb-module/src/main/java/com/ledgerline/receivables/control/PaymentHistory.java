package com.ledgerline.receivables.control;

import com.ledgerline.receivables.control.OpenItemsAsOf.Customers;
import com.ledgerline.receivables.entity.InvoiceSettlement;
import com.ledgerline.receivables.entity.LatePayerIndicator;
import com.ledgerline.receivables.entity.LatePayerRule;
import com.ledgerline.shared.Rows;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * When each invoice was settled, read from the customer ledger, and the late-payer indicator
 * ({@link LatePayerRule}) from it.
 *
 * <p>Per invoice (an item with an {@code invoice} entry), over the entries naming it posted up to
 * the as-of date in posting order (posting date, then entry id): the running open amount; the
 * invoice is settled on the posting date of the first entry after the last moment it was still
 * positive, provided it is not positive at the end. Payments, credit notes and write-offs all
 * settle; a payment reversal or an upward amendment re-opens.
 */
public final class PaymentHistory {
  private final EntityManager em;

  public PaymentHistory(EntityManager em) {
    this.em = em;
  }

  /**
   * The invoices of these customers that fell due in the late-payer window before {@code asOf},
   * with their settlement dates as of it.
   */
  public Map<Long, List<InvoiceSettlement>> settlements(
      Collection<Long> customerIds, LocalDate asOf) {
    Map<Long, List<InvoiceSettlement>> result = new LinkedHashMap<>();
    if (customerIds.isEmpty()) {
      return result;
    }
    String date = OpenItemsAsOf.literal(asOf);
    List<?> rows =
        em.createNativeQuery(
                """
                select customer_id, item_number, due_date,
                       min(posting_date) filter (where running <= 0 and position > last_positive)
                  from (select customer_id, item_number, posting_date, due_date, running, position,
                               coalesce(max(position) filter (where running > 0)
                                        over (partition by item_number), 0) last_positive
                          from (select customer_id, item_number, posting_date,
                                       min(due) over (partition by item_number) due_date,
                                       sum(amount) over (partition by item_number
                                           order by posting_date, id) running,
                                       row_number() over (partition by item_number
                                           order by posting_date, id) position
                                  from (select customer_id, id, amount, posting_date,
                                               coalesce(applies_to_number, document_number)
                                                   item_number,
                                               case when entry_type = 'invoice'
                                                    then coalesce(due_date, posting_date) end due
                                          from ar_customer_ledger_entry
                                         where %1$s and posting_date <= %2$s) e) r) s
                 where due_date >= %3$s and due_date < %2$s
                 group by customer_id, item_number, due_date
                 order by customer_id, due_date, item_number"""
                    .formatted(
                        Customers.ids(customerIds).on("customer_id"),
                        date,
                        OpenItemsAsOf.literal(LatePayerRule.windowStart(asOf))))
            .getResultList();
    for (Object row : rows) {
      Object[] r = (Object[]) row;
      result
          .computeIfAbsent(Rows.longValue(r[0]), id -> new ArrayList<>())
          .add(new InvoiceSettlement(Rows.text(r[1]), Rows.date(r[2]), Rows.date(r[3])));
    }
    return result;
  }

  /** The late-payer indicator of each of these customers as of {@code asOf}. */
  public Map<Long, LatePayerIndicator> indicators(Collection<Long> customerIds, LocalDate asOf) {
    Map<Long, List<InvoiceSettlement>> settlements = settlements(customerIds, asOf);
    Map<Long, LatePayerIndicator> result = new LinkedHashMap<>();
    for (Long id : customerIds) {
      result.put(id, LatePayerRule.assess(settlements.getOrDefault(id, List.of()), asOf));
    }
    return result;
  }
}
