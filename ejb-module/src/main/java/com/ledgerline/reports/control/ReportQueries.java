package com.ledgerline.reports.control;

import static com.ledgerline.reports.control.ReportTable.date;
import static com.ledgerline.reports.control.ReportTable.money;
import static com.ledgerline.reports.control.ReportTable.percent;
import static com.ledgerline.reports.control.ReportTable.quantity;
import static com.ledgerline.reports.control.ReportTable.text;

import com.ledgerline.ledger.boundary.TrialBalance;
import com.ledgerline.receivables.control.OpenItemsAsOf;
import com.ledgerline.receivables.control.OpenItemsAsOf.Basis;
import com.ledgerline.receivables.control.OpenItemsAsOf.Customers;
import com.ledgerline.receivables.entity.Aging;
import com.ledgerline.receivables.entity.AgingBucket;
import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
import com.ledgerline.shared.Rows;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The read-only SQL behind each report, shaped into {@link ReportTable}s. Subtotals and totals come
 * from the database ({@code GROUPING SETS}, window sums) or, for the aging buckets, from the
 * receivables' own {@link Aging.Accumulator} (the single definition of the buckets); the trial
 * balance is the ledger's {@link TrialBalance}. Every amount is the stored one (scale 4), shown at
 * its currency's scale by {@link Amounts}.
 */
public final class ReportQueries {
  private final EntityManager em;

  public ReportQueries(EntityManager em) {
    this.em = em;
  }

  // ------------------------------------------------------------------------------------------
  // documents

  /**
   * The invoice of a posted (or voided) sale, its current revision: lines, a VAT summary per rate
   * and the totals the sale carries.
   *
   * @throws BusinessRuleViolation {@code UNKNOWN_SALE} (also for a draft or held sale, which has no
   *     invoice)
   */
  public ReportTable invoice(String saleNumber) {
    List<Object[]> head =
        rows(
            em.createNativeQuery(
                    "select s.id, s.sale_number, s.posting_date, s.due_date, s.currency, s.subtotal,"
                        + " s.tax_total, s.total, s.amount_paid, s.status, s.channel,"
                        + " s.external_reference, s.price_basis, s.current_revision, c.id"
                        + " from sal_sale s join cus_customer c on c.id = s.customer_id"
                        + " where s.sale_number = ?1 and s.status in ('POSTED', 'VOIDED')")
                .setParameter(1, saleNumber));
    if (head.isEmpty()) {
      throw new BusinessRuleViolation(ErrorCode.UNKNOWN_SALE, "no invoice " + saleNumber);
    }
    Object[] s = head.get(0);
    String currency = code(s[4]);
    ReportTable table = documentTable("sale-document", "invoice-" + saleNumber);
    long saleId = number(s[0]).longValue();
    int revision = number(s[13]).intValue();
    for (Object[] l :
        rows(
            em.createNativeQuery(
                    "select line_number, sku, description, quantity, unit_price, net_amount,"
                        + " tax_rate_percent, tax_amount, net_amount + tax_amount"
                        + " from sal_sale_line where sale_id = ?1 and revision = ?2"
                        + " order by line_number")
                .setParameter(1, saleId)
                .setParameter(2, revision))) {
      table.add(
          "DETAIL",
          "",
          currency,
          String.valueOf(l[0]),
          str(l[1]),
          str(l[2]),
          decimal(l[3]),
          decimal(l[4]),
          decimal(l[5]),
          percentOf(l[6]),
          decimal(l[7]),
          decimal(l[8]));
    }
    vatSummary(
        table,
        currency,
        em.createNativeQuery(
                "select tax_rate_percent, sum(net_amount), sum(tax_amount),"
                    + " sum(net_amount + tax_amount) from sal_sale_line"
                    + " where sale_id = ?1 and revision = ?2 group by tax_rate_percent"
                    + " order by tax_rate_percent")
            .setParameter(1, saleId)
            .setParameter(2, revision));
    BigDecimal total = decimal(s[7]);
    BigDecimal paid = decimal(s[8]);
    table
        .header("TITLE", "VOIDED".equals(str(s[9])) ? "INVOICE (VOIDED)" : "INVOICE")
        .header(
            "INFO_LABELS",
            lines("Invoice number", "Invoice date", "Due date", "Currency", "Channel"))
        .header("INFO_VALUES", lines(saleNumber, str(s[2]), str(s[3]), currency, str(s[10])))
        .header("PARTY_LABEL", "BILL TO")
        .header("PARTY_BLOCK", customerBlock(number(s[14]).longValue()))
        .header(
            "FOOTER_LABELS", lines("Subtotal", "VAT", "Total " + currency, "Paid", "Amount due"))
        .header(
            "FOOTER_VALUES",
            lines(
                Amounts.print(decimal(s[5]), currency),
                Amounts.print(decimal(s[6]), currency),
                Amounts.print(total, currency),
                Amounts.print(paid, currency),
                Amounts.print(total.subtract(paid).max(BigDecimal.ZERO), currency)))
        .header(
            "NOTES",
            "Prices are "
                + ("TAX_INCLUSIVE".equals(str(s[12])) ? "inclusive" : "exclusive")
                + " of VAT. Payment is due by "
                + str(s[3])
                + "; please quote "
                + saleNumber
                + ".");
    return table;
  }

  /**
   * A credit note: its lines, a VAT summary per rate, the total credited.
   *
   * @throws BusinessRuleViolation {@code UNKNOWN_CREDIT_NOTE}
   */
  public ReportTable creditNote(String creditNoteNumber) {
    List<Object[]> head =
        rows(
            em.createNativeQuery(
                    "select n.id, n.posting_date, n.currency, n.total, n.reason, n.restock,"
                        + " s.sale_number, n.customer_id from sal_credit_note n"
                        + " left join sal_sale s on s.id = n.sale_id"
                        + " where n.credit_note_number = ?1")
                .setParameter(1, creditNoteNumber));
    if (head.isEmpty()) {
      throw new BusinessRuleViolation(
          ErrorCode.UNKNOWN_CREDIT_NOTE, "no credit note " + creditNoteNumber);
    }
    Object[] n = head.get(0);
    String currency = code(n[2]);
    long id = number(n[0]).longValue();
    ReportTable table = documentTable("sale-document", "credit-note-" + creditNoteNumber);
    for (Object[] l :
        rows(
            em.createNativeQuery(
                    "select line_number, sku, description, quantity, unit_price, net_amount,"
                        + " tax_rate_percent, tax_amount, net_amount + tax_amount"
                        + " from sal_credit_note_line where credit_note_id = ?1"
                        + " order by line_number")
                .setParameter(1, id))) {
      table.add(
          "DETAIL",
          "",
          currency,
          String.valueOf(l[0]),
          str(l[1]),
          str(l[2]),
          decimal(l[3]),
          decimal(l[4]),
          decimal(l[5]),
          percentOf(l[6]),
          decimal(l[7]),
          decimal(l[8]));
    }
    List<Object[]> sums =
        vatSummary(
            table,
            currency,
            em.createNativeQuery(
                    "select tax_rate_percent, sum(net_amount), sum(tax_amount),"
                        + " sum(net_amount + tax_amount) from sal_credit_note_line"
                        + " where credit_note_id = ?1 group by tax_rate_percent"
                        + " order by tax_rate_percent")
                .setParameter(1, id));
    BigDecimal net = BigDecimal.ZERO;
    BigDecimal tax = BigDecimal.ZERO;
    for (Object[] r : sums) {
      net = net.add(decimal(r[1]));
      tax = tax.add(decimal(r[2]));
    }
    String against = n[6] == null ? "(no invoice)" : str(n[6]);
    table
        .header("TITLE", "CREDIT NOTE")
        .header("INFO_LABELS", lines("Credit note number", "Date", "Against invoice", "Currency"))
        .header("INFO_VALUES", lines(creditNoteNumber, str(n[1]), against, currency))
        .header("PARTY_LABEL", "CREDIT TO")
        .header("PARTY_BLOCK", customerBlock(number(n[7]).longValue()))
        .header(
            "FOOTER_LABELS", lines("Net credited", "VAT credited", "Total credited " + currency))
        .header(
            "FOOTER_VALUES",
            lines(
                Amounts.print(net, currency),
                Amounts.print(tax, currency),
                Amounts.print(decimal(n[3]), currency)))
        .header(
            "NOTES",
            "Reason: "
                + str(n[4])
                + (Boolean.TRUE.equals(n[5]) ? ". Goods returned to stock." : "."));
    return table;
  }

  /**
   * A payment receipt: the payment, what it settled and what remains open on the invoice.
   *
   * @throws BusinessRuleViolation {@code UNKNOWN_PAYMENT}
   */
  public ReportTable receipt(String paymentNumber) {
    List<Object[]> head =
        rows(
            em.createNativeQuery(
                    "select p.payment_date, t.name, p.reference, s.sale_number, p.currency,"
                        + " p.amount, p.receivable_amount, p.deposit_amount, p.status, s.total,"
                        + " s.amount_paid, p.customer_id from pay_payment p"
                        + " join pay_tender t on t.code = p.tender_code"
                        + " join sal_sale s on s.id = p.sale_id where p.payment_number = ?1")
                .setParameter(1, paymentNumber));
    if (head.isEmpty()) {
      throw new BusinessRuleViolation(ErrorCode.UNKNOWN_PAYMENT, "no payment " + paymentNumber);
    }
    Object[] p = head.get(0);
    String currency = code(p[4]);
    ReportTable table =
        new ReportTable(
            "receipt",
            "receipt-" + paymentNumber,
            List.of(
                date("date"),
                text("payment"),
                text("method"),
                text("reference"),
                text("invoice"),
                money("amount")));
    table.add(
        "DETAIL",
        "",
        currency,
        day(p[0]),
        paymentNumber,
        str(p[1]),
        str(p[2]),
        str(p[3]),
        decimal(p[5]));
    BigDecimal open = decimal(p[9]).subtract(decimal(p[10]));
    table
        .header("TITLE", "REVERSED".equals(str(p[8])) ? "RECEIPT (REVERSED)" : "PAYMENT RECEIPT")
        .header("INFO_LABELS", lines("Receipt number", "Payment date", "Invoice", "Currency"))
        .header("INFO_VALUES", lines(paymentNumber, str(p[0]), str(p[3]), currency))
        .header("PARTY_LABEL", "RECEIVED FROM")
        .header("PARTY_BLOCK", customerBlock(number(p[11]).longValue()))
        .header(
            "FOOTER_LABELS",
            lines("Amount received", "Applied to invoice", "Held as credit", "Invoice still open"))
        .header(
            "FOOTER_VALUES",
            lines(
                Amounts.print(decimal(p[5]), currency),
                Amounts.print(decimal(p[6]), currency),
                Amounts.print(decimal(p[7]), currency),
                Amounts.print(open.max(BigDecimal.ZERO), currency)))
        .header("NOTES", "Thank you for your payment.");
    return table;
  }

  /**
   * A customer statement for a period: the opening balance, every customer ledger entry of the
   * period with the running balance, the closing balance; then the items open at the end of the
   * period with the aging of the receivables' buckets in the footer.
   *
   * @throws BusinessRuleViolation {@code UNKNOWN_CUSTOMER}
   */
  public ReportTable statement(String customerNumber, LocalDate from, LocalDate to) {
    List<Object[]> customer =
        rows(
            em.createNativeQuery("select id, currency from cus_customer where customer_number = ?1")
                .setParameter(1, customerNumber));
    if (customer.isEmpty()) {
      throw new BusinessRuleViolation(ErrorCode.UNKNOWN_CUSTOMER, "no customer " + customerNumber);
    }
    long id = number(customer.get(0)[0]).longValue();
    String customerCurrency = code(customer.get(0)[1]);
    ReportTable table =
        new ReportTable(
            "statement",
            "statement-" + customerNumber + "-" + to,
            List.of(
                date("date"),
                text("document"),
                text("type"),
                text("invoice"),
                date("due_date"),
                money("amount"),
                money("balance")));
    String activity = "Account activity " + from + " to " + to;
    for (Object[] r :
        rows(
            em.createNativeQuery(
                    """
                    with opening as (
                      select currency, sum(amount) amount from ar_customer_ledger_entry
                       where customer_id = ?1 and posting_date < ?2 group by currency),
                    period as (
                      select currency, posting_date, id, document_number, entry_type,
                             applies_to_number, due_date, amount
                        from ar_customer_ledger_entry
                       where customer_id = ?1 and posting_date between ?2 and ?3),
                    currencies as (select currency from opening union select currency from period
                                   union select ?4)
                    select 0 ord, c.currency, null::date, null, null, null, null::date, null::numeric,
                           coalesce(o.amount, 0), 0::bigint
                      from currencies c left join opening o on o.currency = c.currency
                    union all
                    select 1, p.currency, p.posting_date, p.document_number, p.entry_type,
                           p.applies_to_number, p.due_date, p.amount,
                           coalesce(o.amount, 0) + sum(p.amount) over (partition by p.currency
                               order by p.posting_date, p.id), p.id
                      from period p left join opening o on o.currency = p.currency
                    union all
                    select 2, c.currency, null, null, null, null, null, null,
                           coalesce(o.amount, 0) + coalesce((select sum(amount) from period p
                                                             where p.currency = c.currency), 0), 0
                      from currencies c left join opening o on o.currency = c.currency
                    order by 2, 1, 3, 10""")
                .setParameter(1, id)
                .setParameter(2, Date.valueOf(from))
                .setParameter(3, Date.valueOf(to))
                .setParameter(4, customerCurrency))) {
      int ord = number(r[0]).intValue();
      String currency = code(r[1]);
      switch (ord) {
        case 0 ->
            table.add(
                "OPENING",
                activity,
                currency,
                from,
                "Opening balance",
                "",
                "",
                null,
                null,
                decimal(r[8]));
        case 1 ->
            table.add(
                "DETAIL",
                activity,
                currency,
                day(r[2]),
                str(r[3]),
                str(r[4]).replace('_', ' '),
                r[5] == null ? "" : str(r[5]),
                day(r[6]),
                decimal(r[7]),
                decimal(r[8]));
        default ->
            table.add(
                "CLOSING",
                activity,
                currency,
                to,
                "Closing balance",
                "",
                "",
                null,
                null,
                decimal(r[8]));
      }
    }
    String open = "Open items at " + to;
    Map<String, Aging.Accumulator> aging = new TreeMap<>();
    for (Object[] r :
        rows(
            em.createNativeQuery(
                "select item_number, currency, invoice_posting_date, due_date, invoiced_amount,"
                    + " open_amount from "
                    + OpenItemsAsOf.items(Basis.ENTRIES_UP_TO_DATE, to, Customers.ids(List.of(id)))
                    + " i order by due_date, item_number"))) {
      String currency = code(r[1]);
      LocalDate due = day(r[3]);
      BigDecimal amount = decimal(r[5]);
      aging.computeIfAbsent(currency, c -> new Aging.Accumulator(c, to)).add(due, amount, 1);
      long days = AgingBucket.daysPastDue(due, to);
      table.add(
          "DETAIL",
          open,
          currency,
          day(r[2]),
          str(r[0]),
          amount.signum() < 0 ? "credit" : days > 0 ? days + " days overdue" : "not yet due",
          "",
          due,
          decimal(r[4]),
          amount);
    }
    List<String> labels = new ArrayList<>();
    List<String> values = new ArrayList<>();
    for (Aging.Accumulator accumulator : aging.values()) {
      Aging a = accumulator.result();
      String c = a.currency();
      labels.addAll(
          List.of(
              "Current " + c,
              "1-30 days",
              "31-60 days",
              "61-90 days",
              "Over 90 days",
              "Unapplied credit",
              "Balance due " + c));
      for (BigDecimal v :
          List.of(
              a.current(),
              a.days1To30(),
              a.days31To60(),
              a.days61To90(),
              a.over90(),
              a.unappliedCredit(),
              a.balance())) {
        values.add(Amounts.print(v, c));
      }
    }
    if (aging.isEmpty()) {
      labels.add("Balance due " + customerCurrency);
      values.add(Amounts.print(BigDecimal.ZERO, customerCurrency));
    }
    table
        .header("TITLE", "STATEMENT")
        .header("INFO_LABELS", lines("Customer", "Period from", "Period to", "Currency"))
        .header(
            "INFO_VALUES", lines(customerNumber, from.toString(), to.toString(), customerCurrency))
        .header("PARTY_LABEL", "STATEMENT FOR")
        .header("PARTY_BLOCK", customerBlock(id))
        .header("FOOTER_LABELS", String.join("\n", labels))
        .header("FOOTER_VALUES", String.join("\n", values))
        .header("NOTES", "Aging of the items open at " + to + " by days past their due date.");
    return table;
  }

  // ------------------------------------------------------------------------------------------
  // books

  /**
   * AR aging by payment terms as of a date: one row per customer and currency with open items, a
   * subtotal per terms and currency, a total per currency. Open items as the receivables read them
   * ({@link OpenItemsAsOf}, the basis chosen for the date), bucketed by {@link Aging.Accumulator}.
   */
  public ReportTable aging(LocalDate asOf, String customerNumber) {
    Basis basis = new OpenItemsAsOf(em).choose(asOf, Customers.all());
    Query query =
        em.createNativeQuery(
            "select t.code, t.name, c.customer_number, c.name, i.currency, i.due_date,"
                + " sum(i.open_amount), count(*) from "
                + OpenItemsAsOf.items(basis, asOf, Customers.all())
                + " i join cus_customer c on c.id = i.customer_id"
                + " join cus_payment_terms t on t.code = c.payment_terms_code"
                + " where (?1 = '' or c.customer_number = ?1)"
                + " group by t.days, t.code, t.name, c.customer_number, c.name, i.currency,"
                + " i.due_date, i.open_amount < 0"
                + " order by t.days, t.code, c.customer_number, i.currency");
    query.setParameter(1, customerNumber == null ? "" : customerNumber);
    ReportTable table =
        new ReportTable(
            "ar-aging",
            "ar-aging-" + asOf,
            List.of(
                text("terms"),
                text("customer"),
                text("name"),
                text("currency"),
                money("current"),
                money("days_1_30"),
                money("days_31_60"),
                money("days_61_90"),
                money("over_90"),
                money("unapplied_credit"),
                money("balance")));
    Map<String, Aging.Accumulator> totals = new TreeMap<>();
    Map<String, Aging.Accumulator> termTotals = new TreeMap<>();
    String[] current = null;
    Aging.Accumulator customer = null;
    String termsName = null;
    for (Object[] r : rows(query)) {
      String[] key = {str(r[0]), str(r[2]), code(r[4]), str(r[3])};
      if (current == null || !current[0].equals(key[0])) {
        if (customer != null) {
          agingRow(
              table, "DETAIL", termsName, current[0], current[1], current[3], customer.result());
          customer = null;
        }
        if (current != null) {
          for (Aging.Accumulator t : termTotals.values()) {
            agingRow(
                table, "SUBTOTAL", termsName, current[0], "", "Total " + termsName, t.result());
          }
          termTotals.clear();
        }
      } else if (!current[1].equals(key[1]) || !current[2].equals(key[2])) {
        agingRow(table, "DETAIL", termsName, current[0], current[1], current[3], customer.result());
        customer = null;
      }
      current = key;
      termsName = str(r[1]);
      if (customer == null) {
        customer = new Aging.Accumulator(key[2], asOf);
      }
      LocalDate due = day(r[5]);
      BigDecimal amount = decimal(r[6]);
      long items = number(r[7]).longValue();
      customer.add(due, amount, items);
      termTotals
          .computeIfAbsent(key[2], c -> new Aging.Accumulator(c, asOf))
          .add(due, amount, items);
      totals.computeIfAbsent(key[2], c -> new Aging.Accumulator(c, asOf)).add(due, amount, items);
    }
    if (customer != null) {
      agingRow(table, "DETAIL", termsName, current[0], current[1], current[3], customer.result());
      for (Aging.Accumulator t : termTotals.values()) {
        agingRow(table, "SUBTOTAL", termsName, current[0], "", "Total " + termsName, t.result());
      }
    }
    List<String> labels = new ArrayList<>();
    List<String> values = new ArrayList<>();
    for (Aging.Accumulator t : totals.values()) {
      Aging a = t.result();
      agingRow(table, "TOTAL", "All terms", "", "", "Total " + a.currency(), a);
      labels.add("Receivables " + a.currency());
      values.add(Amounts.print(a.balance(), a.currency()));
      labels.add("of which overdue");
      values.add(Amounts.print(a.overdue(), a.currency()));
    }
    return table
        .header("TITLE", "AR AGING BY TERMS")
        .header(
            "SUBTITLE",
            "As of " + asOf + (customerNumber == null ? "" : ", customer " + customerNumber))
        .header("INFO_LABELS", lines("Open items read from"))
        .header("INFO_VALUES", lines(basis.name().toLowerCase().replace('_', ' ')))
        .header("FOOTER_LABELS", String.join("\n", labels))
        .header("FOOTER_VALUES", String.join("\n", values))
        .header(
            "NOTES",
            "Buckets by days past the due date as of "
                + asOf
                + "; credits (overpayments, credit notes beyond their invoice) are never aged.");
  }

  private static void agingRow(
      ReportTable table,
      String kind,
      String section,
      String terms,
      String customer,
      String name,
      Aging a) {
    table.add(
        kind,
        section,
        a.currency(),
        terms,
        customer,
        name,
        a.currency(),
        a.current(),
        a.days1To30(),
        a.days31To60(),
        a.days61To90(),
        a.over90(),
        a.unappliedCredit(),
        a.balance());
  }

  /**
   * The sales journal: every posted sale of the period (its current totals), with a subtotal per
   * day, channel and currency and a total per currency, all summed by the database.
   */
  public ReportTable salesJournal(
      LocalDate from, LocalDate to, String channel, String customerNumber) {
    ReportTable table =
        new ReportTable(
            "sales-journal",
            "sales-journal-" + from + "-" + to,
            List.of(
                date("posting_date"),
                text("channel"),
                text("sale"),
                text("customer"),
                text("name"),
                text("currency"),
                quantity("sales"),
                money("net"),
                money("tax"),
                money("gross")));
    List<String> labels = new ArrayList<>();
    List<String> values = new ArrayList<>();
    for (Object[] r :
        rows(
            em.createNativeQuery(
                    """
                    select s.currency, s.posting_date, s.channel, s.sale_number, c.customer_number,
                           c.name, count(*), sum(s.subtotal), sum(s.tax_total), sum(s.total),
                           grouping(s.sale_number, c.customer_number, c.name),
                           grouping(s.posting_date, s.channel)
                      from sal_sale s join cus_customer c on c.id = s.customer_id
                     where s.status = 'POSTED' and s.posting_date between ?1 and ?2
                       and (?3 = '' or s.channel = ?3) and (?4 = '' or c.customer_number = ?4)
                     group by grouping sets ((s.currency, s.posting_date, s.channel, s.sale_number,
                                              c.customer_number, c.name),
                                             (s.currency, s.posting_date, s.channel),
                                             (s.currency))
                     order by s.currency, grouping(s.posting_date, s.channel), s.posting_date,
                              s.channel, grouping(s.sale_number, c.customer_number, c.name),
                              s.sale_number""")
                .setParameter(1, Date.valueOf(from))
                .setParameter(2, Date.valueOf(to))
                .setParameter(3, channel == null ? "" : channel)
                .setParameter(4, customerNumber == null ? "" : customerNumber))) {
      String currency = code(r[0]);
      boolean total = number(r[11]).intValue() != 0;
      boolean subtotal = !total && number(r[10]).intValue() != 0;
      if (total) {
        table.add(
            "TOTAL",
            "",
            currency,
            null,
            "",
            "",
            "",
            "Total " + currency,
            currency,
            number(r[6]).longValue(),
            decimal(r[7]),
            decimal(r[8]),
            decimal(r[9]));
        labels.add("Gross sales " + currency);
        values.add(Amounts.print(decimal(r[9]), currency));
      } else if (subtotal) {
        table.add(
            "SUBTOTAL",
            "",
            currency,
            day(r[1]),
            str(r[2]),
            "",
            "",
            "Day and channel",
            currency,
            number(r[6]).longValue(),
            decimal(r[7]),
            decimal(r[8]),
            decimal(r[9]));
      } else {
        table.add(
            "DETAIL",
            "",
            currency,
            day(r[1]),
            str(r[2]),
            str(r[3]),
            str(r[4]),
            str(r[5]),
            currency,
            1L,
            decimal(r[7]),
            decimal(r[8]),
            decimal(r[9]));
      }
    }
    return table
        .header("TITLE", "SALES JOURNAL")
        .header("SUBTITLE", period(from, to) + filters(channel, customerNumber))
        .header("FOOTER_LABELS", String.join("\n", labels))
        .header("FOOTER_VALUES", String.join("\n", values))
        .header("NOTES", "Posted sales at their current revision; voided sales are not listed.");
  }

  /** The trial balance as of a date, from the ledger's {@link TrialBalance}. */
  public ReportTable trialBalance(TrialBalance.Report report) {
    ReportTable table =
        new ReportTable(
            "trial-balance",
            "trial-balance-" + report.asOf(),
            List.of(
                text("currency"),
                text("account"),
                text("name"),
                text("type"),
                text("normal_balance"),
                money("debit"),
                money("credit"),
                money("balance")));
    List<String> labels = new ArrayList<>();
    List<String> values = new ArrayList<>();
    for (TrialBalance.Total total : report.totals()) {
      String c = total.currency();
      for (TrialBalance.Row r : report.accounts()) {
        if (r.currency().equals(c)) {
          table.add(
              "DETAIL",
              "",
              c,
              c,
              r.code(),
              r.name(),
              r.type(),
              r.normalBalance(),
              r.debit(),
              r.credit(),
              r.balance());
        }
      }
      table.add("TOTAL", "", c, c, "", "Total " + c, "", "", total.debit(), total.credit(), null);
      labels.add("Debits = credits " + c);
      values.add(total.balanced() ? "yes" : "NO");
    }
    return table
        .header("TITLE", "TRIAL BALANCE")
        .header("SUBTITLE", "As of " + report.asOf())
        .header("FOOTER_LABELS", String.join("\n", labels))
        .header("FOOTER_VALUES", String.join("\n", values))
        .header(
            "NOTES",
            "Every journal line posted on or before "
                + report.asOf()
                + "; balances in the account's normal-balance sign.");
  }

  /**
   * General ledger detail for a period: per account and currency the opening balance (lines before
   * {@code from}), every line of the period with the running balance, and the closing balance;
   * balances debit − credit. One account or all.
   */
  public ReportTable generalLedger(LocalDate from, LocalDate to, String account) {
    ReportTable table =
        new ReportTable(
            "gl-detail",
            "general-ledger-" + from + "-" + to,
            List.of(
                date("posting_date"),
                text("entry"),
                text("document"),
                text("description"),
                text("currency"),
                money("debit"),
                money("credit"),
                money("balance")));
    for (Object[] r :
        rows(
            em.createNativeQuery(
                    """
                    with period as (
                      select l.account_code, e.currency, e.posting_date, e.id, l.line_number,
                             e.entry_number, e.document_type || ' ' || e.document_number document,
                             coalesce(l.memo, e.description) description, l.debit, l.credit
                        from gl_journal_line l join gl_journal_entry e on e.id = l.journal_entry_id
                       where e.posting_date between ?1 and ?2
                         and (?3 = '' or l.account_code = ?3)),
                    opening as (
                      select l.account_code, e.currency, sum(l.debit - l.credit) amount
                        from gl_journal_line l join gl_journal_entry e on e.id = l.journal_entry_id
                       where e.posting_date < ?1 and (?3 = '' or l.account_code = ?3)
                       group by l.account_code, e.currency),
                    keys as (select account_code, currency from period
                             union select account_code, currency from opening)
                    select k.account_code, a.name, k.currency, 0 ord, null::date posting_date,
                           0::bigint id, 0 line_number, null entry_number, null document,
                           null description, null::numeric debit, null::numeric credit,
                           coalesce(o.amount, 0) balance
                      from keys k join gl_account a on a.code = k.account_code
                      left join opening o using (account_code, currency)
                    union all
                    select p.account_code, a.name, p.currency, 1, p.posting_date, p.id,
                           p.line_number, p.entry_number, p.document, p.description, p.debit,
                           p.credit,
                           coalesce(o.amount, 0) + sum(p.debit - p.credit) over (
                               partition by p.account_code, p.currency
                               order by p.posting_date, p.id, p.line_number)
                      from period p join gl_account a on a.code = p.account_code
                      left join opening o using (account_code, currency)
                    union all
                    select k.account_code, a.name, k.currency, 2, null, 0, 0, null, null, null,
                           s.debit, s.credit,
                           coalesce(o.amount, 0) + coalesce(s.debit, 0) - coalesce(s.credit, 0)
                      from keys k join gl_account a on a.code = k.account_code
                      left join opening o using (account_code, currency)
                      left join (select account_code, currency, sum(debit) debit,
                                        sum(credit) credit from period
                                  group by account_code, currency) s
                             using (account_code, currency)
                    order by 1, 3, 4, 5, 6, 7""")
                .setParameter(1, Date.valueOf(from))
                .setParameter(2, Date.valueOf(to))
                .setParameter(3, account == null ? "" : account))) {
      String currency = code(r[2]);
      String section = str(r[0]) + " " + str(r[1]) + " (" + currency + ")";
      switch (number(r[3]).intValue()) {
        case 0 ->
            table.add(
                "OPENING",
                section,
                currency,
                from,
                "",
                "",
                "Opening balance",
                currency,
                null,
                null,
                decimal(r[12]));
        case 1 ->
            table.add(
                "DETAIL",
                section,
                currency,
                day(r[4]),
                str(r[7]),
                str(r[8]),
                str(r[9]),
                currency,
                zeroAsNull(decimal(r[10])),
                zeroAsNull(decimal(r[11])),
                decimal(r[12]));
        default ->
            table.add(
                "CLOSING",
                section,
                currency,
                to,
                "",
                "",
                "Closing balance, period totals",
                currency,
                decimal(r[10]),
                decimal(r[11]),
                decimal(r[12]));
      }
    }
    return table
        .header("TITLE", "GENERAL LEDGER DETAIL")
        .header("SUBTITLE", period(from, to) + (account == null ? "" : ", account " + account))
        .header("NOTES", "Balances are debit − credit (a debit balance is positive).");
  }

  /**
   * Margin by product and category (the revenue account of the variant) for posted sales of the
   * period: revenue (net of VAT) against the cost of goods sold the sale lines snapshotted at
   * posting; subtotals per category and a total per currency, summed by the database.
   */
  public ReportTable margin(LocalDate from, LocalDate to, String channel) {
    ReportTable table =
        new ReportTable(
            "margin",
            "margin-" + from + "-" + to,
            List.of(
                text("category"),
                text("product"),
                text("name"),
                text("currency"),
                money("revenue"),
                money("cost_of_sales"),
                money("margin"),
                percent("margin_percent")));
    List<String> labels = new ArrayList<>();
    List<String> values = new ArrayList<>();
    for (Object[] r :
        rows(
            em.createNativeQuery(
                    """
                    select s.currency, a.name, p.product_code, p.name, sum(l.net_amount) revenue,
                           sum(coalesce(l.cost_amount, 0)) cost,
                           sum(l.net_amount) - sum(coalesce(l.cost_amount, 0)) margin,
                           case when sum(l.net_amount) <> 0 then
                               (sum(l.net_amount) - sum(coalesce(l.cost_amount, 0))) * 100
                               / sum(l.net_amount) end,
                           grouping(p.product_code, p.name), grouping(a.name)
                      from sal_sale s
                      join sal_sale_line l on l.sale_id = s.id and l.revision = s.current_revision
                      join cat_variant v on v.id = l.variant_id
                      join cat_product p on p.id = v.product_id
                      join gl_account a on a.code = v.revenue_account
                     where s.status = 'POSTED' and s.posting_date between ?1 and ?2
                       and (?3 = '' or s.channel = ?3)
                     group by grouping sets ((s.currency, a.name, p.product_code, p.name),
                                             (s.currency, a.name), (s.currency))
                     order by s.currency, grouping(a.name), a.name,
                              grouping(p.product_code, p.name), p.product_code""")
                .setParameter(1, Date.valueOf(from))
                .setParameter(2, Date.valueOf(to))
                .setParameter(3, channel == null ? "" : channel))) {
      String currency = code(r[0]);
      boolean total = number(r[9]).intValue() != 0;
      boolean subtotal = !total && number(r[8]).intValue() != 0;
      String category = str(r[1]);
      if (total) {
        table.add(
            "TOTAL",
            "",
            currency,
            "",
            "",
            "Total " + currency,
            currency,
            decimal(r[4]),
            decimal(r[5]),
            decimal(r[6]),
            decimalOrNull(r[7]));
        labels.addAll(List.of("Revenue " + currency, "Margin " + currency, "Margin %"));
        values.addAll(
            List.of(
                Amounts.print(decimal(r[4]), currency),
                Amounts.print(decimal(r[6]), currency),
                Amounts.percent(decimalOrNull(r[7]))));
      } else if (subtotal) {
        table.add(
            "SUBTOTAL",
            "",
            currency,
            category,
            "",
            "Total " + category,
            currency,
            decimal(r[4]),
            decimal(r[5]),
            decimal(r[6]),
            decimalOrNull(r[7]));
      } else {
        table.add(
            "DETAIL",
            "",
            currency,
            category,
            str(r[2]),
            str(r[3]),
            currency,
            decimal(r[4]),
            decimal(r[5]),
            decimal(r[6]),
            decimalOrNull(r[7]));
      }
    }
    return table
        .header("TITLE", "MARGIN REPORT")
        .header("SUBTITLE", period(from, to) + filters(channel, null))
        .header("FOOTER_LABELS", String.join("\n", labels))
        .header("FOOTER_VALUES", String.join("\n", values))
        .header(
            "NOTES",
            "Revenue net of VAT of posted sales at their current revision; cost of sales at the"
                + " moving-average cost each line snapshotted when posted. Returns are not netted.");
  }

  // ------------------------------------------------------------------------------------------

  private ReportTable documentTable(String template, String fileName) {
    return new ReportTable(
        template,
        fileName,
        List.of(
            text("line"),
            text("sku"),
            text("description"),
            quantity("quantity"),
            money("unit_price"),
            money("net"),
            percent("tax_rate"),
            money("tax"),
            money("gross")));
  }

  private List<Object[]> vatSummary(ReportTable table, String currency, Query query) {
    List<Object[]> sums = rows(query);
    for (Object[] r : sums) {
      table.add(
          "SUBTOTAL",
          "VAT summary",
          currency,
          "",
          "",
          "VAT at " + Amounts.percent(decimal(r[0])),
          null,
          null,
          decimal(r[1]),
          percentOf(r[0]),
          decimal(r[2]),
          decimal(r[3]));
    }
    return sums;
  }

  private String customerBlock(long customerId) {
    Object[] c =
        rows(em.createNativeQuery(
                    "select c.name, customer_number, legal_entity, billing_address_line1,"
                        + " billing_address_line2, billing_address_line3, billing_city,"
                        + " billing_postal_code, coalesce(billing_country_code, country),"
                        + " tax_id, t.name from cus_customer c"
                        + " join cus_payment_terms t on t.code = c.payment_terms_code"
                        + " where c.id = ?1")
                .setParameter(1, customerId))
            .get(0);
    List<String> lines = new ArrayList<>();
    lines.add(c[2] != null ? str(c[2]) : str(c[0]));
    for (int i = 3; i <= 5; i++) {
      if (c[i] != null && !str(c[i]).isBlank()) {
        lines.add(str(c[i]));
      }
    }
    String city = (c[7] == null ? "" : str(c[7]) + " ") + (c[6] == null ? "" : str(c[6]));
    if (!city.isBlank()) {
      lines.add(city.strip());
    }
    if (c[8] != null) {
      lines.add(str(c[8]).strip());
    }
    lines.add("Customer " + str(c[1]) + " · " + str(c[10]));
    if (c[9] != null) {
      lines.add("VAT no. " + str(c[9]));
    }
    return String.join("\n", lines);
  }

  private static String period(LocalDate from, LocalDate to) {
    return "Period " + from + " to " + to;
  }

  private static String filters(String channel, String customer) {
    return (channel == null ? "" : ", channel " + channel)
        + (customer == null ? "" : ", customer " + customer);
  }

  private static String lines(String... values) {
    return String.join("\n", values);
  }

  /**
   * The most rows a report reads or holds (200,000): a report is built in memory before it is
   * written, so a longer one (a sales journal or general ledger over years) is refused {@code
   * REPORT_TOO_LARGE} with this limit instead of exhausting the heap or being cut short. The AR
   * aging of the 1,000,000-invoice benchmark reads some 140,000 grouped open items.
   */
  public static final int MAX_ROWS = 200_000;

  /**
   * The query's rows, at most {@link #MAX_ROWS}.
   *
   * @throws BusinessRuleViolation {@code REPORT_TOO_LARGE} when there are more
   */
  @SuppressWarnings("unchecked")
  static List<Object[]> rows(Query query) {
    List<Object[]> rows = new ArrayList<>();
    List<Object> result = query.setMaxResults(MAX_ROWS + 1).getResultList();
    if (result.size() > MAX_ROWS) {
      throw tooLarge();
    }
    for (Object row : result) {
      rows.add(row instanceof Object[] r ? r : new Object[] {row});
    }
    return rows;
  }

  /** {@code REPORT_TOO_LARGE} with the limit. */
  public static BusinessRuleViolation tooLarge() {
    return new BusinessRuleViolation(
        ErrorCode.REPORT_TOO_LARGE,
        String.format(
            java.util.Locale.ROOT,
            "the report has more than %,d rows; narrow the period or filter by channel, customer"
                + " or account",
            MAX_ROWS));
  }

  private static String str(Object value) {
    return value == null ? "" : value.toString();
  }

  private static String code(Object value) {
    return Objects.requireNonNull(Rows.code(value), "currency");
  }

  private static Number number(Object value) {
    return (Number) value;
  }

  /** A numeric column; a null sum is zero. */
  private static BigDecimal decimal(Object value) {
    return value == null ? BigDecimal.ZERO : Rows.decimal(value);
  }

  private static BigDecimal decimalOrNull(Object value) {
    return value == null ? null : decimal(value);
  }

  private static BigDecimal zeroAsNull(BigDecimal value) {
    return value.signum() == 0 ? null : value;
  }

  private static BigDecimal percentOf(Object value) {
    return value == null ? null : decimal(value);
  }

  private static LocalDate day(Object value) {
    return Rows.date(value);
  }
}
