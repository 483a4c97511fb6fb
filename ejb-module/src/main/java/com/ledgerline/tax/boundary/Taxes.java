package com.ledgerline.tax.boundary;

import static com.ledgerline.shared.Jsonp.JSON;

import com.ledgerline.audit.control.AuditTrail;
import com.ledgerline.security.Roles;
import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
import com.ledgerline.shared.Money;
import com.ledgerline.tax.control.RateSchedule;
import com.ledgerline.tax.entity.RoundingPolicy;
import com.ledgerline.tax.entity.TaxCategory;
import com.ledgerline.tax.entity.TaxJurisdiction;
import com.ledgerline.tax.entity.TaxRate;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tax master data: jurisdictions (each with its currency, one rounding policy and mode, and whether
 * its prices include tax), categories, and effective-dated rates. Adding a rate closes the open
 * rate it replaces; rates never overlap ({@code TAX_RATE_OVERLAPS}, and an exclusion constraint in
 * the store). A jurisdiction's declarations never change once created: posted sales snapshot the
 * rounding policy and rate, and the invariant checks read the rounding mode.
 *
 * <p>US-style sales tax: a jurisdiction is a tax area (e.g. {@code US-NY-NYC}) whose rate is the
 * combined rate, listing the authorities' components (state, county, city, district), which must
 * add up to it ({@code TAX_RATE_COMPONENTS_MUST_SUM_TO_RATE}). Postings use the combined rate.
 */
@Stateless
@RolesAllowed({Roles.CASHIER, Roles.APPROVER, Roles.FINANCE, Roles.ADMIN, Roles.AUDITOR})
public class Taxes {
  private static final Pattern JURISDICTION_CODE = Pattern.compile("^[A-Z0-9][A-Z0-9-]{1,19}$");
  private static final Pattern CATEGORY_CODE = Pattern.compile("^[A-Z0-9_]{1,20}$");
  private static final Set<RoundingMode> ROUNDING_MODES =
      Set.of(RoundingMode.HALF_UP, RoundingMode.HALF_EVEN, RoundingMode.DOWN, RoundingMode.UP);
  private static final int RATE_SCALE = 4;

  @PersistenceContext private EntityManager em;
  @Resource private SessionContext session;

  /**
   * A new rate.
   *
   * @param category a tax category code
   * @param ratePercent 0..100, at most 4 decimals
   * @param validFrom first day in force
   * @param validTo first day no longer in force; null = open (closes the open rate before it)
   * @param components optional shares of a combined rate; they must add up to {@code ratePercent}
   */
  public record NewRate(
      String category,
      BigDecimal ratePercent,
      LocalDate validFrom,
      LocalDate validTo,
      List<TaxViews.Component> components) {}

  /**
   * Creates a jurisdiction.
   *
   * @param j code ({@code A-Z 0-9 -}, 2..20, e.g. {@code DE}, {@code US-NY-NYC}), name, currency
   *     (ISO 4217), roundingPolicy, roundingMode (absent = {@code HALF_UP}), pricesIncludeTax
   *     (absent = false), taxType (absent = {@code VAT}); rates are added afterwards
   * @throws BusinessRuleViolation {@code INVALID_REQUEST}, {@code ALREADY_EXISTS}
   */
  @RolesAllowed(Roles.ADMIN)
  public TaxViews.Jurisdiction createJurisdiction(TaxViews.Jurisdiction j) {
    if (j == null) {
      throw invalid("the jurisdiction is required");
    }
    String code = required(j.code(), "code");
    if (!JURISDICTION_CODE.matcher(code).matches()) {
      throw invalid("code may hold A-Z, 0-9 and '-', 2 to 20 characters, was " + code);
    }
    String name = required(j.name(), "name");
    if (name.length() > 200) {
      throw invalid("name has more than 200 characters");
    }
    Currency currency;
    try {
      currency = Currency.getInstance(required(j.currency(), "currency"));
      Money.scaleOf(currency);
    } catch (IllegalArgumentException e) {
      throw invalid("currency " + j.currency() + " is not an ISO 4217 code of money");
    }
    RoundingPolicy policy = parse(RoundingPolicy.class, j.roundingPolicy(), "roundingPolicy");
    RoundingMode mode =
        j.roundingMode() == null
            ? RoundingMode.HALF_UP
            : parse(RoundingMode.class, j.roundingMode(), "roundingMode");
    if (!ROUNDING_MODES.contains(mode)) {
      throw invalid("roundingMode must be one of " + ROUNDING_MODES + ", was " + mode);
    }
    TaxJurisdiction.TaxType type =
        j.taxType() == null
            ? TaxJurisdiction.TaxType.VAT
            : parse(TaxJurisdiction.TaxType.class, j.taxType(), "taxType");
    if (em.find(TaxJurisdiction.class, code) != null) {
      throw new BusinessRuleViolation(
          ErrorCode.ALREADY_EXISTS, "jurisdiction " + code + " exists already");
    }
    TaxJurisdiction jurisdiction =
        new TaxJurisdiction(
            code, name, currency, policy, mode, Boolean.TRUE.equals(j.pricesIncludeTax()), type);
    em.persist(jurisdiction);
    audit(
        "tax_jurisdiction.created",
        "TAX_JURISDICTION",
        code,
        null,
        JSON.createObjectBuilder()
            .add("currency", currency.getCurrencyCode())
            .add("roundingPolicy", policy.name())
            .add("roundingMode", mode.name())
            .add("pricesIncludeTax", jurisdiction.pricesIncludeTax())
            .add("taxType", type.name())
            .build()
            .toString());
    return TaxViews.Jurisdiction.of(jurisdiction, List.of());
  }

  /**
   * Adds a rate to a jurisdiction and category. An open-ended rate closes the open rate that
   * started before it, on its first day. Rate changes of one jurisdiction queue on its row ({@code
   * SELECT ... FOR UPDATE}).
   *
   * @throws BusinessRuleViolation {@code UNKNOWN_TAX_JURISDICTION}, {@code UNKNOWN_TAX_CATEGORY},
   *     {@code INVALID_REQUEST} (rate outside 0..100 or with more than 4 decimals, validTo not
   *     after validFrom, a blank or repeated authority), {@code
   *     TAX_RATE_COMPONENTS_MUST_SUM_TO_RATE}, {@code TAX_RATE_OVERLAPS}, {@code
   *     TAX_RATE_START_BEFORE_POSTED_SALES} (closing the open rate would leave sales already posted
   *     on or after the new rate's first day under the old rate)
   */
  @RolesAllowed(Roles.ADMIN)
  public TaxViews.Jurisdiction addRate(String jurisdictionCode, NewRate rate) {
    if (rate == null || rate.validFrom() == null) {
      throw invalid("category, ratePercent and validFrom are required");
    }
    String category = required(rate.category(), "category");
    if (em.find(TaxCategory.class, category) == null) {
      throw new BusinessRuleViolation(
          ErrorCode.UNKNOWN_TAX_CATEGORY, "no tax category " + category);
    }
    BigDecimal percent = ratePercent(rate.ratePercent(), "ratePercent");
    TaxJurisdiction jurisdiction =
        em.find(TaxJurisdiction.class, jurisdictionCode, LockModeType.PESSIMISTIC_WRITE);
    if (jurisdiction == null) {
      throw new BusinessRuleViolation(
          ErrorCode.UNKNOWN_TAX_JURISDICTION, "no tax jurisdiction " + jurisdictionCode);
    }
    TaxRate added =
        new TaxRate(jurisdictionCode, category, percent, rate.validFrom(), rate.validTo());
    if (rate.components() != null && !rate.components().isEmpty()) {
      BigDecimal sum = BigDecimal.ZERO;
      Set<String> authorities = new HashSet<>();
      for (TaxViews.Component c : rate.components()) {
        if (c == null) {
          throw invalid("a component needs an authority and a ratePercent");
        }
        String authority = required(c.authority(), "components[].authority");
        if (authority.length() > 100 || !authorities.add(authority)) {
          throw invalid("authority " + authority + " is repeated or longer than 100 characters");
        }
        BigDecimal share = ratePercent(c.ratePercent(), "components[].ratePercent");
        sum = sum.add(share);
        added.addComponent(authority, share);
      }
      if (sum.compareTo(percent) != 0) {
        throw new BusinessRuleViolation(
            ErrorCode.TAX_RATE_COMPONENTS_MUST_SUM_TO_RATE,
            "the components add up to "
                + sum.toPlainString()
                + " %, the rate is "
                + percent.toPlainString()
                + " %");
      }
    }
    List<TaxRate> existing =
        em.createNamedQuery(TaxRate.OF_CATEGORY, TaxRate.class)
            .setParameter("jurisdiction", jurisdictionCode)
            .setParameter("category", category)
            .getResultList();
    List<RateSchedule.Period> periods = new ArrayList<>();
    for (TaxRate r : existing) {
      periods.add(new RateSchedule.Period(r.validFrom(), r.validTo().orElse(null)));
    }
    Optional<Integer> toClose =
        RateSchedule.plan(periods, new RateSchedule.Period(rate.validFrom(), rate.validTo()));
    TaxRate closed = toClose.map(existing::get).orElse(null);
    if (closed != null) {
      long later = salesOnOrAfter(jurisdictionCode, category, rate.validFrom());
      if (later > 0) {
        throw new BusinessRuleViolation(
            ErrorCode.TAX_RATE_START_BEFORE_POSTED_SALES,
            later
                + " sale lines in "
                + jurisdictionCode
                + " ("
                + category
                + ") dated "
                + rate.validFrom()
                + " or later were posted at "
                + closed.ratePercent().toPlainString()
                + " %; a new rate may start after the last of them");
      }
      closed.closeAt(rate.validFrom());
      // the store's exclusion constraint checks each statement: the close goes first
      em.flush();
    }
    em.persist(added);
    var detail =
        JSON.createObjectBuilder()
            .add("category", category)
            .add("ratePercent", percent)
            .add("validFrom", rate.validFrom().toString())
            .add("validTo", rate.validTo() == null ? "open" : rate.validTo().toString());
    if (closed != null) {
      detail.add(
          "closed",
          JSON.createObjectBuilder()
              .add("ratePercent", closed.ratePercent())
              .add("validFrom", closed.validFrom().toString())
              .add("validTo", rate.validFrom().toString()));
    }
    audit("tax_rate.added", "TAX_JURISDICTION", jurisdictionCode, null, detail.build().toString());
    return TaxViews.Jurisdiction.of(jurisdiction, rates(jurisdictionCode));
  }

  /**
   * Adds a tax category.
   *
   * @param code {@code A-Z 0-9 _}, up to 20
   * @throws BusinessRuleViolation {@code INVALID_REQUEST}, {@code ALREADY_EXISTS}
   */
  @RolesAllowed(Roles.ADMIN)
  public TaxViews.Category createCategory(TaxViews.Category category) {
    if (category == null) {
      throw invalid("code and name are required");
    }
    String code = required(category.code(), "code");
    if (!CATEGORY_CODE.matcher(code).matches()) {
      throw invalid("code may hold A-Z, 0-9 and '_', up to 20 characters, was " + code);
    }
    String name = required(category.name(), "name");
    if (name.length() > 200) {
      throw invalid("name has more than 200 characters");
    }
    if (em.find(TaxCategory.class, code) != null) {
      throw new BusinessRuleViolation(
          ErrorCode.ALREADY_EXISTS, "tax category " + code + " exists already");
    }
    em.persist(new TaxCategory(code, name));
    audit("tax_category.created", "TAX_CATEGORY", code, null, null);
    return new TaxViews.Category(code, name);
  }

  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<TaxViews.Category> categories() {
    return em.createNamedQuery(TaxCategory.ALL, TaxCategory.class)
        .getResultStream()
        .map(c -> new TaxViews.Category(c.code(), c.name()))
        .toList();
  }

  /** Every jurisdiction, without rates. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<TaxViews.Jurisdiction> jurisdictions() {
    return em.createNamedQuery(TaxJurisdiction.ALL, TaxJurisdiction.class)
        .getResultStream()
        .map(j -> TaxViews.Jurisdiction.of(j, List.of()))
        .toList();
  }

  /** A jurisdiction with its rates by category and start. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<TaxViews.Jurisdiction> jurisdiction(String code) {
    return Optional.ofNullable(em.find(TaxJurisdiction.class, code))
        .map(j -> TaxViews.Jurisdiction.of(j, rates(code)));
  }

  /**
   * The rate in force for a jurisdiction and category on a day: what a posting snapshots.
   *
   * @return percent, 4 decimals
   * @throws BusinessRuleViolation {@code NO_TAX_RATE_IN_FORCE}
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public BigDecimal rateInForce(String jurisdictionCode, String category, LocalDate day) {
    return em.createNamedQuery(TaxRate.IN_FORCE, TaxRate.class)
        .setParameter("jurisdiction", jurisdictionCode)
        .setParameter("category", category)
        .setParameter("day", day)
        .getResultStream()
        .findFirst()
        .map(TaxRate::ratePercent)
        .orElseThrow(
            () ->
                new BusinessRuleViolation(
                    ErrorCode.NO_TAX_RATE_IN_FORCE,
                    "no " + category + " rate in " + jurisdictionCode + " on " + day));
  }

  private List<TaxRate> rates(String jurisdictionCode) {
    return em.createNamedQuery(TaxRate.OF_JURISDICTION, TaxRate.class)
        .setParameter("jurisdiction", jurisdictionCode)
        .getResultList();
  }

  private long salesOnOrAfter(String jurisdictionCode, String category, LocalDate day) {
    return ((Number)
            em.createNativeQuery(
                    "select count(*) from sal_sale_line l join sal_sale s on s.id = l.sale_id"
                        + " where s.jurisdiction_code = ? and l.tax_category_code = ? and"
                        + " s.posting_date >= ?")
                .setParameter(1, jurisdictionCode)
                .setParameter(2, category)
                .setParameter(3, day)
                .getSingleResult())
        .longValue();
  }

  private static BigDecimal ratePercent(BigDecimal value, String field) {
    if (value == null
        || value.signum() < 0
        || value.compareTo(BigDecimal.valueOf(100)) > 0
        || value.stripTrailingZeros().scale() > RATE_SCALE) {
      throw invalid(
          field + " must be 0..100 with at most " + RATE_SCALE + " decimals, was " + value);
    }
    return value.setScale(RATE_SCALE);
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

  private void audit(String action, String type, String number, String reason, String detail) {
    new AuditTrail(em).record(user(), action, type, number, reason, detail);
  }

  private String user() {
    return session.getCallerPrincipal() == null ? "system" : session.getCallerPrincipal().getName();
  }
}
