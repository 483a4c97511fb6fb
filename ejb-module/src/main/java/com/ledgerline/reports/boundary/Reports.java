package com.ledgerline.reports.boundary;

import com.ledgerline.ledger.boundary.TrialBalance;
import com.ledgerline.reports.control.ReconciliationReport;
import com.ledgerline.reports.control.ReportFormat;
import com.ledgerline.reports.control.ReportQueries;
import com.ledgerline.reports.control.ReportTable;
import com.ledgerline.security.Roles;
import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The reports, read-only: each call reads the report's figures (one method per report) and answers
 * a {@link ReportTable} that {@code control.ReportWriter} writes as PDF, XLSX or CSV. Documents
 * (invoice, credit note, payment receipt) may be printed by cashiers too; the books by finance,
 * administrators and auditors.
 *
 * <p>The company block every report prints comes from MicroProfile Config: {@code
 * ledgerline.company.name} and {@code ledgerline.company.address} (lines separated by {@code |}).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
@RolesAllowed({Roles.FINANCE, Roles.ADMIN, Roles.AUDITOR})
public class Reports {
  /** A report of the books: its name in {@code /api/reports/{name}} and the formats offered. */
  public enum Book {
    AR_AGING("ar-aging", true),
    SALES_JOURNAL("sales-journal", true),
    TRIAL_BALANCE("trial-balance", true),
    GENERAL_LEDGER("general-ledger", true),
    MARGIN("margin", true),
    STATEMENT("statement", false),
    RECONCILIATION("reconciliation", true);

    private final String path;
    private final boolean spreadsheets;

    Book(String path, boolean spreadsheets) {
      this.path = path;
      this.spreadsheets = spreadsheets;
    }

    public String path() {
      return path;
    }

    /**
     * @throws BusinessRuleViolation {@code REPORT_UNKNOWN}
     */
    public static Book of(String path) {
      return Arrays.stream(values())
          .filter(b -> b.path.equals(path))
          .findFirst()
          .orElseThrow(
              () ->
                  new BusinessRuleViolation(
                      ErrorCode.REPORT_UNKNOWN,
                      "no report "
                          + path
                          + "; known: "
                          + Arrays.stream(values()).map(Book::path).toList()));
    }

    /**
     * @throws BusinessRuleViolation {@code REPORT_FORMAT_NOT_SUPPORTED}
     */
    public ReportFormat require(ReportFormat format) {
      if (format != ReportFormat.PDF && !spreadsheets) {
        throw new BusinessRuleViolation(
            ErrorCode.REPORT_FORMAT_NOT_SUPPORTED, path + " is offered as pdf only");
      }
      return format;
    }
  }

  /**
   * The filters a book reads; which ones apply depends on the report. {@code account} is a general
   * ledger account code for the general ledger, a registered bank account id for the
   * reconciliation.
   */
  public record Filters(
      LocalDate from,
      LocalDate to,
      LocalDate asOf,
      String customer,
      String channel,
      String account) {}

  private static final Set<String> DOCUMENT_ROLES =
      Set.of(Roles.CASHIER, Roles.FINANCE, Roles.ADMIN, Roles.AUDITOR);

  @PersistenceContext private EntityManager em;
  @EJB private TrialBalance trialBalance;

  /**
   * A book.
   *
   * @param format checked against the report before anything is read
   * @throws BusinessRuleViolation {@code REPORT_UNKNOWN}, {@code REPORT_FORMAT_NOT_SUPPORTED},
   *     {@code REPORT_PERIOD_INVALID} (from/to missing for a period report, from after to), {@code
   *     REPORT_PARAMETER_MISSING} (the statement's customer), {@code UNKNOWN_CUSTOMER}, {@code
   *     UNKNOWN_BANK_ACCOUNT} (the reconciliation's {@code account} is not registered), {@code
   *     REPORT_TOO_LARGE} (more than {@link ReportQueries#MAX_ROWS} rows)
   */
  public ReportTable book(String name, ReportFormat format, Filters filters) {
    Book book = Book.of(name);
    book.require(format);
    ReportQueries queries = new ReportQueries(em);
    LocalDate today = LocalDate.now();
    ReportTable table =
        switch (book) {
          case AR_AGING ->
              queries.aging(filters.asOf() == null ? today : filters.asOf(), filters.customer());
          case TRIAL_BALANCE ->
              queries.trialBalance(
                  trialBalance.asOf(filters.asOf() == null ? today : filters.asOf()));
          case SALES_JOURNAL -> {
            requirePeriod(filters);
            yield queries.salesJournal(
                filters.from(), filters.to(), filters.channel(), filters.customer());
          }
          case GENERAL_LEDGER -> {
            requirePeriod(filters);
            yield queries.generalLedger(filters.from(), filters.to(), filters.account());
          }
          case MARGIN -> {
            requirePeriod(filters);
            yield queries.margin(filters.from(), filters.to(), filters.channel());
          }
          case RECONCILIATION -> {
            requirePeriod(filters);
            yield new ReconciliationReport(em)
                .report(filters.from(), filters.to(), filters.account());
          }
          case STATEMENT -> {
            requirePeriod(filters);
            if (filters.customer() == null) {
              throw new BusinessRuleViolation(
                  ErrorCode.REPORT_PARAMETER_MISSING, "the statement needs customer=");
            }
            yield queries.statement(filters.customer(), filters.from(), filters.to());
          }
        };
    return stamp(table);
  }

  /**
   * The invoice of a posted or voided sale (PDF).
   *
   * @throws BusinessRuleViolation {@code UNKNOWN_SALE}
   */
  @RolesAllowed({Roles.CASHIER, Roles.FINANCE, Roles.ADMIN, Roles.AUDITOR})
  public ReportTable invoice(String saleNumber) {
    return stamp(new ReportQueries(em).invoice(saleNumber));
  }

  /**
   * A credit note (PDF).
   *
   * @throws BusinessRuleViolation {@code UNKNOWN_CREDIT_NOTE}
   */
  @RolesAllowed({Roles.CASHIER, Roles.FINANCE, Roles.ADMIN, Roles.AUDITOR})
  public ReportTable creditNote(String creditNoteNumber) {
    return stamp(new ReportQueries(em).creditNote(creditNoteNumber));
  }

  /**
   * A payment's receipt (PDF).
   *
   * @throws BusinessRuleViolation {@code UNKNOWN_PAYMENT}
   */
  @RolesAllowed({Roles.CASHIER, Roles.FINANCE, Roles.ADMIN, Roles.AUDITOR})
  public ReportTable receipt(String paymentNumber) {
    return stamp(new ReportQueries(em).receipt(paymentNumber));
  }

  /** The roles that may print documents (invoice, credit note, receipt). */
  public static Set<String> documentRoles() {
    return DOCUMENT_ROLES;
  }

  private static void requirePeriod(Filters filters) {
    if (filters.from() == null || filters.to() == null) {
      throw new BusinessRuleViolation(
          ErrorCode.REPORT_PERIOD_INVALID, "this report needs from= and to= (YYYY-MM-DD)");
    }
    if (filters.from().isAfter(filters.to())) {
      throw new BusinessRuleViolation(
          ErrorCode.REPORT_PERIOD_INVALID,
          "from " + filters.from() + " is after to " + filters.to());
    }
  }

  /** The default company name, when {@code ledgerline.company.name} is not configured. */
  public static final String COMPANY_NAME = "Ledgerline Ltd";

  /** The default company address ({@code |} between lines). */
  public static final String COMPANY_ADDRESS =
      "1 Ledger Lane|London EC1A 1AA|United Kingdom|VAT no. GB 000 0000 00";

  /** The company block of the configuration and the printing time. */
  public static ReportTable stamp(ReportTable table) {
    var config = ConfigProvider.getConfig();
    return stamp(
        table,
        config.getOptionalValue("ledgerline.company.name", String.class).orElse(COMPANY_NAME),
        config
            .getOptionalValue("ledgerline.company.address", String.class)
            .orElse(COMPANY_ADDRESS));
  }

  /** The given company block and the printing time. */
  public static ReportTable stamp(ReportTable table, String name, String address) {
    return table
        .header("COMPANY_NAME", name)
        .header("COMPANY_ADDRESS", address.replace('|', '\n'))
        .header(
            "PRINTED_AT",
            ZonedDateTime.now(ZoneId.of("Europe/London"))
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.UK)));
  }
}
