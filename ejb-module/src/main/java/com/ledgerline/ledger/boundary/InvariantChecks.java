package com.ledgerline.ledger.boundary;

import com.ledgerline.ledger.control.Accounts;
import com.ledgerline.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The ledger's invariants (DESIGN.md 7), checked against the database as it is. Each check is one
 * SQL query that counts violations and says what it compared, so the check is as fast as the
 * database and reads nothing into memory. Used after every test scenario, by {@code
 * deployment/ledgerline check} and over REST. Administrators, finance and auditors may run them.
 */
@Stateless
@RolesAllowed({Roles.ADMIN, Roles.FINANCE, Roles.AUDITOR})
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class InvariantChecks {

  /**
   * One invariant's outcome.
   *
   * @param name stable name of the rule
   * @param violations how many rows break it (0 = holds)
   * @param detail what was compared, with the first offender when broken
   */
  public record Result(String name, long violations, String detail) {
    public boolean holds() {
      return violations == 0;
    }
  }

  /**
   * One query per rule, answering (violations, detail) in a single row: a count and a text.
   *
   * @param name stable name of the rule
   * @param sql the query
   */
  public record Check(String name, String sql) {}

  private static String accountBalance(String account) {
    return "(select coalesce(sum(debit - credit), 0) from gl_journal_line where account_code = '"
        + account
        + "')";
  }

  private static final List<Check> CHECKS =
      List.of(
          new Check(
              "journal_entries_balance",
              "select count(*), 'first unbalanced entry: ' || coalesce(min(e.entry_number), '-')"
                  + " from gl_journal_entry e join (select journal_entry_id from gl_journal_line"
                  + " group by journal_entry_id having sum(debit) <> sum(credit)) u on"
                  + " u.journal_entry_id = e.id"),
          new Check(
              "total_debits_equal_total_credits",
              "select case when coalesce(sum(debit), 0) = coalesce(sum(credit), 0) then 0 else 1"
                  + " end, 'debits ' || coalesce(sum(debit), 0) || ', credits ' ||"
                  + " coalesce(sum(credit), 0) from gl_journal_line"),
          new Check(
              "accounts_receivable_equals_customer_balances",
              "select case when control = ledgers then 0 else 1 end, 'AR control ' || control ||"
                  + " ', customer ledgers ' || ledgers from (select "
                  + accountBalance(Accounts.ACCOUNTS_RECEIVABLE)
                  + " control, (select coalesce(sum(amount), 0) from ar_customer_ledger_entry)"
                  + " ledgers) t"),
          new Check(
              "inventory_account_equals_stock_movement_value",
              "select case when control = movements then 0 else 1 end, 'Inventory account ' ||"
                  + " control || ', stock movements ' || movements from (select "
                  + accountBalance(Accounts.INVENTORY)
                  + " control, (select coalesce(sum(value), 0) from inv_stock_movement) movements)"
                  + " t"),
          new Check(
              "stock_level_equals_sum_of_movements",
              "select count(*), 'first differing variant id: ' || coalesce(min(l.variant_id)::text,"
                  + " '-') from inv_stock_level l left join (select variant_id, sum(quantity) q,"
                  + " sum(value) v from inv_stock_movement group by variant_id) m on m.variant_id"
                  + " = l.variant_id where l.quantity_on_hand <> coalesce(m.q, 0) or"
                  + " l.inventory_value <> coalesce(m.v, 0)"),
          new Check(
              "stock_never_negative_unless_backorder_allowed",
              "select count(*), 'first negative SKU: ' || coalesce(min(v.sku), '-') from"
                  + " inv_stock_level l join cat_variant v on v.id = l.variant_id where"
                  + " l.quantity_on_hand < 0 and not v.backorder_allowed"),
          new Check(
              "sale_totals_equal_sum_of_lines",
              "select count(*), 'first differing sale: ' || coalesce(min(s.sale_number), '-') from"
                  + " sal_sale s join (select sale_id, sum(net_amount) n, sum(tax_amount) t from"
                  + " sal_sale_line group by sale_id) l on l.sale_id = s.id where s.subtotal <> l.n"
                  + " or s.tax_total <> l.t or s.total <> l.n + l.t"),
          new Check(
              "posted_sale_has_invoice_entry_for_its_total",
              "select count(*), 'first sale without a matching invoice entry: ' ||"
                  + " coalesce(min(s.sale_number), '-') from sal_sale s left join"
                  + " ar_customer_ledger_entry e on e.document_type = 'SALE_INVOICE' and"
                  + " e.document_number = s.sale_number and e.entry_type = 'invoice' where s.status"
                  + " = 'POSTED' and (e.id is null or e.amount <> s.total)"),
          new Check(
              "channel_transaction_posted_at_most_once",
              "select count(*), 'channel keys posted more than once: ' || count(*) from (select"
                  + " channel, external_reference from sal_sale where external_reference is not"
                  + " null group by channel, external_reference having count(*) > 1) x"),
          new Check(
              "line_tax_equals_rate_snapshot_under_rounding_policy",
              "select count(*), 'first line whose tax differs from its rate: ' ||"
                  + " coalesce(min(s.sale_number || '/' || l.line_number), '-') from sal_sale_line l"
                  + " join sal_sale s on s.id = l.sale_id join tax_jurisdiction j on j.code ="
                  + " s.jurisdiction_code where s.rounding_policy = 'PER_LINE' and j.rounding_mode"
                  + " = 'HALF_UP' and l.tax_amount <> round(l.net_amount * l.tax_rate_percent /"
                  + " 100, 2)"),
          new Check(
              "customer_open_balance_only_in_customer_currency",
              "select count(*), 'first customer owing in another currency than its own: ' ||"
                  + " coalesce(min(x.customer_number), '-') from (select c.customer_number from"
                  + " ar_customer_ledger_entry e join cus_customer c on c.id = e.customer_id where"
                  + " e.currency <> c.currency group by c.customer_number having sum(e.amount) <>"
                  + " 0) x"),
          new Check(
              "tax_rate_components_sum_to_rate",
              "select count(*), 'first rate whose components differ from it: ' ||"
                  + " coalesce(min(r.jurisdiction_code || '/' || r.category_code || '/' ||"
                  + " r.valid_from), '-') from tax_rate r join (select tax_rate_id,"
                  + " sum(rate_percent) s from tax_rate_component group by tax_rate_id) c on"
                  + " c.tax_rate_id = r.id where c.s <> r.rate_percent"),
          new Check(
              "stock_adjustment_equals_its_movement",
              "select count(*), 'first adjustment differing from its movement: ' ||"
                  + " coalesce(min(a.adjustment_number), '-') from inv_stock_adjustment a left"
                  + " join (select document_number, sum(quantity) q, sum(value) v, count(*) n from"
                  + " inv_stock_movement where document_type = 'STOCK_ADJUSTMENT' group by"
                  + " document_number) m on m.document_number = a.adjustment_number where m.n is"
                  + " distinct from 1 or m.q <> a.quantity or m.v <> a.value"));

  @PersistenceContext private EntityManager em;

  /**
   * Every check, in the stable order {@link #run} uses. The one home of the SQL: {@code
   * deployment/ledgerline check} runs the same queries over JDBC ({@link InvariantCheckCommand}).
   */
  public static List<Check> checks() {
    return CHECKS;
  }

  /** Runs every check; the list is in a stable order. */
  public List<Result> run() {
    List<Result> results = new ArrayList<>();
    for (Check check : CHECKS) {
      Object[] row = (Object[]) em.createNativeQuery(check.sql()).getSingleResult();
      results.add(new Result(check.name(), ((Number) row[0]).longValue(), String.valueOf(row[1])));
    }
    return results;
  }
}
