package com.ledgerline.ledger.boundary;

import static com.ledgerline.shared.Jsonp.JSON;

import com.ledgerline.audit.control.AuditTrail;
import com.ledgerline.ledger.entity.GlAccount;
import com.ledgerline.security.Roles;
import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The chart of accounts: accounts with their type ({@code ASSET}, {@code LIABILITY}, {@code
 * EQUITY}, {@code REVENUE}, {@code EXPENSE}) and normal balance ({@code DEBIT}, {@code CREDIT}).
 * Adding and changing accounts is audited (document type {@code GL_ACCOUNT}). An account's type and
 * normal balance never change once journal lines use it ({@code ACCOUNT_HAS_JOURNAL_LINES}): the
 * change takes the account row {@code FOR UPDATE}, which a posting's foreign key check ({@code FOR
 * KEY SHARE}) conflicts with, so no line can slip in between the check and the change.
 */
@Stateless
@RolesAllowed({Roles.CASHIER, Roles.APPROVER, Roles.FINANCE, Roles.ADMIN, Roles.AUDITOR})
public class ChartOfAccounts {
  private static final Pattern CODE = Pattern.compile("^[0-9A-Z][0-9A-Z.\\-]{0,19}$");

  @PersistenceContext private EntityManager em;
  @Resource private SessionContext session;

  /**
   * An account as read or written.
   *
   * @param code digits, upper-case letters, {@code .} and {@code -}, up to 20
   * @param type {@code ASSET}, {@code LIABILITY}, {@code EQUITY}, {@code REVENUE} or {@code
   *     EXPENSE}
   * @param normalBalance {@code DEBIT} or {@code CREDIT}; absent on input = the type's usual side
   *     (assets and expenses debit; liabilities, equity and revenue credit)
   */
  public record Account(String code, String name, String type, String normalBalance) {
    static Account of(GlAccount a) {
      return new Account(a.code(), a.name(), a.accountType(), a.normalBalance());
    }
  }

  /** The chart, by code. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<Account> accounts() {
    return em.createNamedQuery(GlAccount.ALL, GlAccount.class)
        .getResultStream()
        .map(Account::of)
        .toList();
  }

  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<Account> account(String code) {
    return Optional.ofNullable(em.find(GlAccount.class, code)).map(Account::of);
  }

  /**
   * Adds an account.
   *
   * @throws BusinessRuleViolation {@code INVALID_REQUEST}, {@code ALREADY_EXISTS}
   */
  @RolesAllowed(Roles.ADMIN)
  public Account add(Account account) {
    if (account == null) {
      throw invalid("code, name and type are required");
    }
    String code = required(account.code(), "code");
    if (!CODE.matcher(code).matches()) {
      throw invalid("code may hold 0-9, A-Z, '.' and '-', up to 20 characters, was " + code);
    }
    String name = name(account.name());
    GlAccount.Type type = parse(GlAccount.Type.class, account.type(), "type");
    GlAccount.NormalBalance side =
        account.normalBalance() == null
            ? type.usualBalance()
            : parse(GlAccount.NormalBalance.class, account.normalBalance(), "normalBalance");
    if (em.find(GlAccount.class, code) != null) {
      throw new BusinessRuleViolation(
          ErrorCode.ALREADY_EXISTS, "account " + code + " exists already");
    }
    GlAccount added = new GlAccount(code, name, type, side);
    em.persist(added);
    audit(
        "gl_account.added",
        code,
        JSON.createObjectBuilder()
            .add("name", name)
            .add("type", type.name())
            .add("normalBalance", side.name())
            .build()
            .toString());
    return Account.of(added);
  }

  /**
   * Renames an account or changes its type and normal balance.
   *
   * @param change name, type and normalBalance (absent = the type's usual side)
   * @throws BusinessRuleViolation {@code UNKNOWN_ACCOUNT}, {@code INVALID_REQUEST}, {@code
   *     ACCOUNT_HAS_JOURNAL_LINES} (type or normal balance of an account journal lines use)
   */
  @RolesAllowed(Roles.ADMIN)
  public Account update(String code, Account change) {
    if (change == null) {
      throw invalid("name and type are required");
    }
    if (change.code() != null && !change.code().strip().equals(code)) {
      throw invalid("an account's code never changes: " + code + " cannot become " + change.code());
    }
    String name = name(change.name());
    GlAccount.Type type = parse(GlAccount.Type.class, change.type(), "type");
    GlAccount.NormalBalance side =
        change.normalBalance() == null
            ? type.usualBalance()
            : parse(GlAccount.NormalBalance.class, change.normalBalance(), "normalBalance");
    GlAccount account = em.find(GlAccount.class, code, LockModeType.PESSIMISTIC_WRITE);
    if (account == null) {
      throw new BusinessRuleViolation(ErrorCode.UNKNOWN_ACCOUNT, "no account " + code);
    }
    boolean reclassified = account.type() != type || !account.normalBalance().equals(side.name());
    if (reclassified) {
      long lines =
          ((Number)
                  em.createNativeQuery(
                          "select count(*) from gl_journal_line where account_code = ?")
                      .setParameter(1, code)
                      .getSingleResult())
              .longValue();
      if (lines > 0) {
        throw new BusinessRuleViolation(
            ErrorCode.ACCOUNT_HAS_JOURNAL_LINES,
            "account "
                + code
                + " has "
                + lines
                + " journal lines; its type "
                + account.accountType()
                + " and normal balance "
                + account.normalBalance()
                + " stay (open a new account instead)");
      }
    }
    Account before = Account.of(account);
    account.change(name, type, side);
    Account after = Account.of(account);
    if (!before.equals(after)) {
      audit(
          "gl_account.changed",
          code,
          JSON.createObjectBuilder()
              .add(
                  "from",
                  JSON.createObjectBuilder()
                      .add("name", before.name())
                      .add("type", before.type())
                      .add("normalBalance", before.normalBalance()))
              .add(
                  "to",
                  JSON.createObjectBuilder()
                      .add("name", after.name())
                      .add("type", after.type())
                      .add("normalBalance", after.normalBalance()))
              .build()
              .toString());
    }
    return after;
  }

  private static String name(String value) {
    String name = required(value, "name");
    if (name.length() > 200) {
      throw invalid("name has more than 200 characters");
    }
    return name;
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
    try {
      return Enum.valueOf(type, required(value, field));
    } catch (IllegalArgumentException e) {
      throw invalid(field + " " + value + " is not one of " + List.of(type.getEnumConstants()));
    }
  }

  private static String required(String value, String field) {
    if (value == null || value.isBlank()) {
      throw invalid(field + " is required");
    }
    return value.strip();
  }

  private static BusinessRuleViolation invalid(String detail) {
    return new BusinessRuleViolation(ErrorCode.INVALID_REQUEST, detail);
  }

  private void audit(String action, String code, String detail) {
    new AuditTrail(em).record(user(), action, "GL_ACCOUNT", code, null, detail);
  }

  private String user() {
    return session.getCallerPrincipal() == null ? "system" : session.getCallerPrincipal().getName();
  }
}
