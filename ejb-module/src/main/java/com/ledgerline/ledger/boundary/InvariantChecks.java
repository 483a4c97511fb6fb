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
              "sale_totals_equal_sum_of_current_lines",
              "select count(*), 'first differing sale: ' || coalesce(min(s.sale_number), '-') from"
                  + " sal_sale s join (select sale_id, revision, sum(net_amount) n, sum(tax_amount)"
                  + " t from sal_sale_line group by sale_id, revision) l on l.sale_id = s.id and"
                  + " l.revision = s.current_revision where s.subtotal <> l.n or s.tax_total <> l.t"
                  + " or s.total <> l.n + l.t"),
          new Check(
              "sale_revisions_recorded_with_totals_of_their_lines",
              "select count(*), 'first sale whose revisions differ from its lines: ' ||"
                  + " coalesce(min(s.sale_number), '-') from sal_sale s left join (select"
                  + " r.sale_id, count(*) c, max(r.revision) m, count(*) filter (where l.sale_id is"
                  + " null or r.subtotal <> l.n or r.tax_total <> l.t) bad from sal_sale_revision r"
                  + " left join (select sale_id, revision, sum(net_amount) n, sum(tax_amount) t from"
                  + " sal_sale_line group by sale_id, revision) l on l.sale_id = r.sale_id and"
                  + " l.revision = r.revision group by r.sale_id) r on r.sale_id = s.id where"
                  + " s.status in ('POSTED', 'VOIDED') and (r.sale_id is null or r.c <>"
                  + " s.current_revision or r.m <> s.current_revision or r.bad > 0)"),
          new Check(
              "unposted_sale_has_no_posted_lines",
              "select count(*), 'first draft or held sale with posted lines: ' ||"
                  + " coalesce(min(s.draft_number), '-') from sal_sale s where s.status not in"
                  + " ('POSTED', 'VOIDED') and (exists (select 1 from sal_sale_line l where"
                  + " l.sale_id = s.id) or exists (select 1 from sal_sale_revision r where"
                  + " r.sale_id = s.id))"),
          new Check(
              "sale_invoice_entries_equal_its_total",
              "select count(*), 'first sale whose invoice entries differ from its total: ' ||"
                  + " coalesce(min(s.sale_number), '-') from sal_sale s left join (select"
                  + " applies_to_number n, sum(amount) a, count(*) filter (where entry_type ="
                  + " 'invoice') invoices from ar_customer_ledger_entry where entry_type in"
                  + " ('invoice', 'invoice_update') group by applies_to_number) e on e.n ="
                  + " s.sale_number where (s.status = 'POSTED' and (e.n is null or e.invoices <> 1"
                  + " or e.a <> s.total)) or (s.status = 'VOIDED' and coalesce(e.a, 0) <> 0)"),
          new Check(
              "sale_line_cost_equals_stock_moved_for_the_sale",
              "with moved as (select document_number n, variant_id v, sum(quantity) q, sum(value)"
                  + " val from inv_stock_movement where document_type in ('SALE_INVOICE',"
                  + " 'SALE_AMENDMENT', 'SALE_VOID') group by document_number, variant_id), held as"
                  + " (select s.sale_number n, l.variant_id v, sum(l.quantity) q,"
                  + " sum(l.cost_amount) val from sal_sale s join sal_sale_line l on l.sale_id ="
                  + " s.id and l.revision = s.current_revision where s.status = 'POSTED' and"
                  + " l.cost_amount is not null group by s.sale_number, l.variant_id) select"
                  + " count(*), 'first sale whose stock movements differ from its lines: ' ||"
                  + " coalesce(min(coalesce(h.n, m.n)), '-') from held h full join moved m on m.n ="
                  + " h.n and m.v = h.v where coalesce(h.q, 0) <> -coalesce(m.q, 0) or"
                  + " coalesce(h.val, 0) <> -coalesce(m.val, 0)"),
          new Check(
              "credit_note_totals_equal_lines_and_ledger_entry",
              "select count(*), 'first differing credit note: ' ||"
                  + " coalesce(min(c.credit_note_number), '-') from sal_credit_note c left join"
                  + " (select credit_note_id, sum(net_amount) n, sum(tax_amount) t from"
                  + " sal_credit_note_line group by credit_note_id) l on l.credit_note_id = c.id"
                  + " left join (select document_number, sum(amount) a from"
                  + " ar_customer_ledger_entry where entry_type = 'credit_note' and document_type ="
                  + " 'CREDIT_NOTE' group by document_number) e on e.document_number ="
                  + " c.credit_note_number where l.credit_note_id is null or c.subtotal <> l.n or"
                  + " c.tax_total <> l.t or e.a is null or e.a <> -c.total"),
          new Check(
              "credited_never_exceeds_sold",
              "select count(*), 'first over-credited sale line: ' || coalesce(min(s.sale_number"
                  + " || '/' || sl.revision || '/' || sl.line_number), '-') from (select"
                  + " sale_line_id, sum(quantity) q, sum(net_amount) n, sum(tax_amount) t,"
                  + " sum(restocked_quantity) rq, sum(coalesce(cost_amount, 0)) rc from"
                  + " sal_credit_note_line group by sale_line_id) c join sal_sale_line sl on sl.id"
                  + " = c.sale_line_id join sal_sale s on s.id = sl.sale_id where c.q >"
                  + " sl.quantity or c.rq > c.q or c.rc > coalesce(sl.cost_amount, 0) or"
                  // the amount the line's tax came from (net, or gross when prices include tax)
                  // is never exceeded; tax, and the net of a gross, only line by line under
                  // PER_LINE (PER_DOCUMENT allots a rate's tax over the lines on each note)
                  + " (s.price_basis = 'TAX_EXCLUSIVE' and c.n > sl.net_amount) or (s.price_basis ="
                  + " 'TAX_INCLUSIVE' and c.n + c.t > sl.net_amount + sl.tax_amount) or"
                  + " (s.rounding_policy = 'PER_LINE' and (c.t > sl.tax_amount or c.n >"
                  + " sl.net_amount))"),
          new Check(
              "channel_transaction_posted_at_most_once",
              "select count(*), 'channel keys posted more than once: ' || count(*) from (select"
                  + " channel, external_reference from sal_sale where external_reference is not"
                  + " null group by channel, external_reference having count(*) > 1) x"),
          new Check(
              "line_tax_equals_rate_snapshot_under_rounding_policy",
              // TaxCalculator.split again, in SQL, for every revision of every sale: the line's
              // amount is its net (tax-exclusive basis) or its gross (tax-inclusive), its exact
              // tax amount × rate / 100 or amount × rate / (100 + rate); PER_LINE rounds each line
              // with the sale's mode; PER_DOCUMENT rounds the sum per rate once and allots it by
              // the largest remainder of the truncated line taxes (ties to the earlier line)
              "with line as (select s.sale_number, l.sale_id, l.revision, l.line_number,"
                  + " l.tax_rate_percent rate, l.tax_amount tax, s.rounding_policy policy,"
                  + " s.rounding_mode mode, shared_currency_scale(s.currency) sc, (case when"
                  + " s.price_basis = 'TAX_INCLUSIVE' then l.net_amount + l.tax_amount else"
                  + " l.net_amount end) * l.tax_rate_percent num, case when s.price_basis ="
                  + " 'TAX_INCLUSIVE' then 100 + l.tax_rate_percent else 100 end den from"
                  + " sal_sale_line l join sal_sale s on s.id = l.sale_id), cut as (select line.*,"
                  + " shared_round_quotient(num, den, sc, 'DOWN') truncated from line where policy"
                  + " = 'PER_DOCUMENT'), ranked as (select cut.*, row_number() over byRemainder - 1"
                  + " rank, count(*) over perRate lines, (shared_round_quotient(sum(num) over"
                  + " perRate, den, sc, mode) - sum(truncated) over perRate) * 10::numeric ^ sc"
                  + " units from cut window perRate as (partition by sale_id, revision, rate),"
                  + " byRemainder as (partition by sale_id, revision, rate order by abs(num -"
                  + " truncated * den) desc, line_number)), expected as (select sale_number,"
                  + " revision, line_number, tax, shared_round_quotient(num, den, sc, mode) due"
                  + " from line where policy = 'PER_LINE' union all select sale_number, revision,"
                  + " line_number, tax, truncated + sign(units) * div(abs(units) - rank + lines -"
                  + " 1, lines) / 10::numeric ^ sc from ranked) select count(*), 'first line whose"
                  + " tax differs from its rate: ' || coalesce(min(sale_number || '/' || revision"
                  + " || '/' || line_number), '-') from expected where tax <> due"),
          new Check(
              "credited_tax_follows_the_sale_line_cumulatively",
              // CreditNoteArithmetic again: per sale line, the amount all its notes credited is
              // quantity × unit price rounded with the sale's mode (the line's own amount once
              // credited in full); PER_LINE: their tax is the calculator's tax on that amount
              // (the line's tax once in full); PER_DOCUMENT: per rate, the notes' tax is the
              // document tax on the amounts credited so far
              "with credited as (select sale_line_id, sum(quantity) q, sum(net_amount) n,"
                  + " sum(tax_amount) t from sal_credit_note_line group by sale_line_id), line as"
                  + " (select s.sale_number, sl.line_number, s.rounding_policy policy,"
                  + " s.rounding_mode mode, shared_currency_scale(s.currency) sc,"
                  + " sl.tax_rate_percent rate, sl.tax_amount tax, c.q = sl.quantity in_full, c.t,"
                  + " case when s.price_basis = 'TAX_INCLUSIVE' then 100 + sl.tax_rate_percent"
                  + " else 100 end den, case when s.price_basis = 'TAX_INCLUSIVE' then c.n + c.t"
                  + " else c.n end amount, case when c.q <> sl.quantity then"
                  + " shared_round_quotient(c.q * sl.unit_price, 1,"
                  + " shared_currency_scale(s.currency), s.rounding_mode) when s.price_basis ="
                  + " 'TAX_INCLUSIVE' then sl.net_amount + sl.tax_amount else sl.net_amount end"
                  + " due_amount from credited c join sal_sale_line sl on sl.id = c.sale_line_id"
                  + " join sal_sale s on s.id = sl.sale_id), broken as (select sale_number || '/'"
                  + " || line_number what from line where amount <> due_amount or (policy ="
                  + " 'PER_LINE' and t <> case when in_full then tax else"
                  + " shared_round_quotient(amount * rate, den, sc, mode) end) union all select"
                  + " sale_number || ' at ' || rate || '%' from line where policy = 'PER_DOCUMENT'"
                  + " group by sale_number, rate, den, sc, mode having sum(t) <>"
                  + " shared_round_quotient(sum(amount * rate), den, sc, mode)) select count(*),"
                  + " 'first sale line whose credit notes break the cumulative rule: ' ||"
                  + " coalesce(min(what), '-') from broken"),
          new Check(
              "unlinked_credit_note_lines_follow_their_rate_snapshot",
              // issue 4: a credit note naming no sale prices its lines like a sale under its own
              // snapshot of the jurisdiction: each line's amount (net, or gross when prices
              // include tax) is quantity × unit price rounded with the note's mode, and its tax
              // is TaxCalculator.split again, as
              // line_tax_equals_rate_snapshot_under_rounding_policy
              // recomputes it for sales (per line, or per rate allotted by largest remainder)
              "with line as (select c.credit_note_number doc, c.id note_id, l.line_number,"
                  + " l.tax_rate_percent rate, l.tax_amount tax, c.rounding_policy policy,"
                  + " c.rounding_mode mode, shared_currency_scale(c.currency) sc, case when"
                  + " c.price_basis = 'TAX_INCLUSIVE' then l.net_amount + l.tax_amount else"
                  + " l.net_amount end amount, shared_round_quotient(l.quantity * l.unit_price, 1,"
                  + " shared_currency_scale(c.currency), c.rounding_mode) due_amount, (case when"
                  + " c.price_basis = 'TAX_INCLUSIVE' then l.net_amount + l.tax_amount else"
                  + " l.net_amount end) * l.tax_rate_percent num, case when c.price_basis ="
                  + " 'TAX_INCLUSIVE' then 100 + l.tax_rate_percent else 100 end den from"
                  + " sal_credit_note_line l join sal_credit_note c on c.id = l.credit_note_id"
                  + " where c.sale_id is null), cut as (select line.*, shared_round_quotient(num,"
                  + " den, sc, 'DOWN') truncated from line where policy = 'PER_DOCUMENT'), ranked"
                  + " as (select cut.*, row_number() over byRemainder - 1 rank, count(*) over"
                  + " perRate lines, (shared_round_quotient(sum(num) over perRate, den, sc, mode) -"
                  + " sum(truncated) over perRate) * 10::numeric ^ sc units from cut window perRate"
                  + " as (partition by note_id, rate), byRemainder as (partition by note_id, rate"
                  + " order by abs(num - truncated * den) desc, line_number)), expected as (select"
                  + " doc, line_number, tax, shared_round_quotient(num, den, sc, mode) due from line"
                  + " where policy = 'PER_LINE' union all select doc, line_number, tax, truncated +"
                  + " sign(units) * div(abs(units) - rank + lines - 1, lines) / 10::numeric ^ sc"
                  + " from ranked), broken as (select doc, line_number from expected where tax <>"
                  + " due union all select doc, line_number from line where amount <> due_amount)"
                  + " select count(*), 'first unlinked credit note line off its rate or price: ' ||"
                  + " coalesce(min(doc || '/' || line_number), '-') from broken"),
          new Check(
              "credit_note_restock_equals_stock_moved",
              // every credit note, linked or not: the goods its lines restocked, at their cost,
              // are exactly the stock movements it wrote (no movement without restock)
              "with moved as (select document_number n, variant_id v, sum(quantity) q, sum(value)"
                  + " val from inv_stock_movement where document_type = 'CREDIT_NOTE' group by"
                  + " document_number, variant_id), held as (select c.credit_note_number n,"
                  + " l.variant_id v, sum(l.restocked_quantity) q, sum(coalesce(l.cost_amount, 0))"
                  + " val from sal_credit_note c join sal_credit_note_line l on l.credit_note_id ="
                  + " c.id where l.restocked_quantity > 0 group by c.credit_note_number,"
                  + " l.variant_id) select count(*), 'first credit note whose restock differs from"
                  + " its stock movements: ' || coalesce(min(coalesce(h.n, m.n)), '-') from held h"
                  + " full join moved m on m.n = h.n and m.v = h.v where coalesce(h.q, 0) <>"
                  + " coalesce(m.q, 0) or coalesce(h.val, 0) <> coalesce(m.val, 0)"),
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
                  + " distinct from 1 or m.q <> a.quantity or m.v <> a.value"),
          new Check(
              "sale_amount_paid_and_status_agree",
              // amount paid = unreversed payments less refunds; the status compares it with what
              // the sale charges (every entry of its open item that does not move money)
              "select count(*), 'first sale whose amount paid or payment status disagrees: ' ||"
                  + " coalesce(min(s.sale_number), '-') from sal_sale s left join (select sale_id,"
                  + " sum(amount) a from pay_payment where status = 'POSTED' group by sale_id) p on"
                  + " p.sale_id = s.id left join (select sale_id, sum(amount) a from pay_refund"
                  + " group by sale_id) r on r.sale_id = s.id where s.amount_paid <> coalesce(p.a,"
                  + " 0) - coalesce(r.a, 0) or s.payment_status <> case when s.amount_paid = 0"
                  + " then 'UNPAID' else (select case when s.amount_paid < c.charged then"
                  + " 'PARTIALLY_PAID' when s.amount_paid = c.charged then 'PAID' else 'OVERPAID'"
                  + " end from (select coalesce(sum(e.amount), 0) charged from"
                  + " ar_customer_ledger_entry e where e.customer_id = s.customer_id and"
                  + " e.applies_to_number = s.sale_number and e.entry_type not in ('payment',"
                  + " 'payment_reversal', 'refund')) c) end"),
          new Check(
              "customer_deposits_equal_customer_credits",
              "select case when control = credits then 0 else 1 end, 'Customer deposits ' ||"
                  + " control || ', customer credits ' || credits from (select -"
                  + accountBalance(Accounts.CUSTOMER_DEPOSITS)
                  + " control, (select coalesce(sum(amount), 0) from pay_customer_credit_movement)"
                  + " credits) t"),
          new Check(
              "payment_splits_match_their_journal_entries",
              // each payment, reversal and refund posts exactly its split: the tender account
              // for the whole amount, Accounts receivable and Customer deposits for the parts
              "select count(*), 'first document whose journal entry differs: ' ||"
                  + " coalesce(min(d.number), '-') from (select p.payment_number number,"
                  + " p.journal_entry_id je, p.account_code tender, p.amount, -p.receivable_amount"
                  + " ar, -p.deposit_amount dep from pay_payment p union all select"
                  + " p.payment_number, v.journal_entry_id, p.account_code, -p.amount,"
                  + " v.receivable_amount, v.deposit_amount from pay_payment_reversal v join"
                  + " pay_payment p on p.id = v.payment_id union all select f.refund_number,"
                  + " f.journal_entry_id, f.account_code, -f.amount, f.receivable_amount,"
                  + " f.deposit_amount from pay_refund f) d where d.amount <> (select"
                  + " coalesce(sum(debit - credit), 0) from gl_journal_line where"
                  + " journal_entry_id = d.je and account_code = d.tender) or d.ar <> (select"
                  + " coalesce(sum(debit - credit), 0) from gl_journal_line where"
                  + " journal_entry_id = d.je and account_code = '"
                  + Accounts.ACCOUNTS_RECEIVABLE
                  + "') or d.dep <> (select coalesce(sum(debit - credit), 0) from gl_journal_line"
                  + " where journal_entry_id = d.je and account_code = '"
                  + Accounts.CUSTOMER_DEPOSITS
                  + "')"),
          new Check(
              "refunds_never_exceed_their_credit_note",
              // issue 3: the refunds naming a credit note are of its sale (none for a note not
              // linked to a sale, issue 4), customer and currency
              // and add up to at most its total (V0069 refuses it at insert too)
              "select count(*), 'first credit note refunded beyond its total or by another sale: '"
                  + " || coalesce(min(c.credit_note_number), '-') from sal_credit_note c join"
                  + " (select credit_note_id, sum(amount) a from"
                  + " pay_refund where credit_note_id is not null group by credit_note_id) r on"
                  + " r.credit_note_id = c.id where r.a > c.total or exists (select 1 from"
                  + " pay_refund f where f.credit_note_id = c.id and (f.sale_id is distinct from"
                  + " c.sale_id or"
                  + " f.customer_id <> c.customer_id or f.currency <> c.currency))"),
          new Check(
              "reversed_payments_have_one_approved_reversal",
              "select count(*), 'first payment whose status and reversal disagree: ' ||"
                  + " coalesce(min(p.payment_number), '-') from pay_payment p left join"
                  + " pay_payment_reversal v on v.payment_id = p.id left join apr_approval_request"
                  + " r on r.request_number = v.approval_request_number where (p.status ="
                  + " 'REVERSED') <> (v.id is not null) or (v.id is not null and (r.id is null or"
                  + " r.status <> 'APPROVED' or r.document_number <> p.payment_number))"),
          new Check(
              "approved_requests_have_enough_distinct_approvers",
              "select count(*), 'first request approved without its approvers: ' ||"
                  + " coalesce(min(r.request_number), '-') from apr_approval_request r where"
                  + " r.status = 'APPROVED' and (select count(distinct d.decided_by) from"
                  + " apr_approval_decision d where d.request_id = r.id and d.decision = 'APPROVE'"
                  + " and d.decided_by <> r.requested_by) < r.approvals_required"),
          // the open-item summary (V0050, kept by a trigger) against the entries it sums, by
          // the trigger's rules; a customer or currency mixed within one item counts too
          new Check(
              "open_items_equal_sum_of_customer_ledger",
              "select count(*), 'first differing open item: ' ||"
                  + " coalesce(min(coalesce(o.item_number, e.item_number)), '-') from ar_open_item o"
                  + " full join (select coalesce(applies_to_number, document_number) item_number,"
                  + " min(customer_id) customer_id, max(customer_id) last_customer_id,"
                  + " min(currency) currency, max(currency) last_currency, min(posting_date)"
                  + " filter (where entry_type = 'invoice') invoice_posting_date,"
                  + " coalesce(min(coalesce(due_date, posting_date)) filter (where entry_type ="
                  + " 'invoice'), min(coalesce(due_date, posting_date))) due_date,"
                  + " coalesce(sum(amount) filter (where entry_type in ('invoice',"
                  + " 'invoice_update')), 0) invoiced_amount, sum(amount) open_amount,"
                  + " max(posting_date) last_posting_date from"
                  + " ar_customer_ledger_entry group by coalesce(applies_to_number,"
                  + " document_number)) e on e.item_number = o.item_number where o.item_number is"
                  + " null or e.item_number is null or e.last_customer_id <> e.customer_id or"
                  + " e.last_currency <> e.currency or o.customer_id <> e.customer_id or"
                  + " o.currency <> e.currency or o.invoice_posting_date is distinct from"
                  + " e.invoice_posting_date or o.due_date <> e.due_date or o.invoiced_amount <>"
                  + " e.invoiced_amount or o.open_amount <> e.open_amount or o.last_posting_date"
                  + " <> e.last_posting_date"),
          // bank reconciliation (V0081): matched at most once net of unmatches, the match's
          // figures are its items', and a card settlement credits exactly its batch
          new Check(
              "statement_lines_matched_at_most_once",
              "select count(*), 'first line matched more than once: ' ||"
                  + " coalesce(min(statement_line_id)::text, '-') from (select statement_line_id"
                  + " from rec_match_item where statement_line_id is not null group by"
                  + " statement_line_id having count(*) filter (where kind = 'MATCH') - count(*)"
                  + " filter (where kind = 'UNMATCH') not in (0, 1)) t"),
          new Check(
              "book_items_matched_at_most_once",
              "select count(*), 'first book item matched more than once: ' ||"
                  + " coalesce(min(book_item_key), '-') from (select book_item_key from"
                  + " rec_match_item where book_item_key is not null group by book_item_key having"
                  + " count(*) filter (where kind = 'MATCH') - count(*) filter (where kind ="
                  + " 'UNMATCH') not in (0, 1)) t"),
          new Check(
              "matches_equal_their_lines_and_items",
              "select count(*), 'first match differing from its items: ' ||"
                  + " coalesce(min(m.id)::text, '-') from rec_match m left join (select match_id,"
                  + " coalesce(sum(amount) filter (where statement_line_id is not null), 0) lines,"
                  + " coalesce(sum(amount) filter (where book_item_key is not null), 0) items from"
                  + " rec_match_item group by match_id) i on i.match_id = m.id where i.match_id is"
                  + " null or i.lines <> m.statement_amount or i.items <> m.book_amount"),
          new Check(
              "card_settlements_equal_their_batches",
              "select count(*), 'first settlement differing from its card batch: ' ||"
                  + " coalesce(min(m.id)::text, '-') from rec_match m join (select i.match_id,"
                  + " sum(i.amount) items, sum(b.gross) batches from rec_match_item i cross join"
                  + " lateral (select coalesce(sum(l.debit - l.credit), 0) gross from"
                  + " gl_journal_line l join gl_journal_entry e on e.id = l.journal_entry_id where"
                  + " l.account_code = '"
                  + Accounts.CARD_CLEARING
                  + "' and e.document_type <> 'BANK_RECONCILIATION' and e.currency ="
                  + " split_part(i.book_item_key, ':', 2) and e.posting_date ="
                  + " cast(split_part(i.book_item_key, ':', 3) as date)) b where i.kind = 'MATCH'"
                  + " and i.book_item_key like 'CARD:%' group by i.match_id) c on c.match_id ="
                  + " m.id where c.items <> c.batches or c.items <> (select coalesce(sum(l.credit"
                  + " - l.debit), 0) from gl_journal_line l where l.journal_entry_id ="
                  + " m.journal_entry_id and l.account_code = '"
                  + Accounts.CARD_CLEARING
                  + "')"));

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
