package com.ledgerline.approvals.control;

import static com.ledgerline.shared.Jsonp.JSON;

import com.ledgerline.approvals.boundary.PolicyFigures;
import com.ledgerline.approvals.entity.ApprovalPolicy;
import com.ledgerline.audit.control.AuditTrail;
import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
import com.ledgerline.shared.Money;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.regex.Pattern;

/** Creates and changes approval policies, checking every figure; each change is audited. */
public final class ApprovalPolicies {
  private static final Pattern REQUEST_TYPE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");
  public static final String DOCUMENT_TYPE = "APPROVAL_POLICY";

  private final EntityManager em;

  public ApprovalPolicies(EntityManager em) {
    this.em = em;
  }

  /** Checked figures of a policy; the threshold at the currency's scale. */
  public record Checked(
      String requestType,
      Currency currency,
      Money threshold,
      int approversRequired,
      int approversAboveThreshold,
      int expirySeconds) {}

  /**
   * Checks a policy's figures.
   *
   * @throws BusinessRuleViolation {@code INVALID_REQUEST} for a malformed type, currency or count;
   *     {@code INVALID_AMOUNT} for a negative or too precise threshold
   */
  public static Checked check(String requestType, String currency, PolicyFigures figures) {
    if (requestType == null || !REQUEST_TYPE.matcher(requestType).matches()) {
      throw new BusinessRuleViolation(
          ErrorCode.INVALID_REQUEST,
          "request type " + requestType + " is not an upper-case name such as PAYMENT_DELETION");
    }
    Currency iso;
    try {
      iso = Currency.getInstance(currency);
      Money.scaleOf(iso);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new BusinessRuleViolation(
          ErrorCode.INVALID_REQUEST, "currency " + currency + " is not an ISO 4217 money code");
    }
    if (figures == null
        || figures.thresholdAmount() == null
        || figures.approversRequired() == null
        || figures.approversAboveThreshold() == null
        || figures.expirySeconds() == null) {
      throw new BusinessRuleViolation(
          ErrorCode.INVALID_REQUEST,
          "thresholdAmount, approversRequired, approversAboveThreshold and expirySeconds are"
              + " required");
    }
    if (figures.thresholdAmount().signum() < 0) {
      throw new BusinessRuleViolation(
          ErrorCode.INVALID_AMOUNT, "the threshold must be ≥ 0, was " + figures.thresholdAmount());
    }
    Money threshold = Money.exact(figures.thresholdAmount(), iso);
    int required = figures.approversRequired();
    int above = figures.approversAboveThreshold();
    if (required < 1 || required > ApprovalPolicy.APPROVERS_MAX) {
      throw new BusinessRuleViolation(
          ErrorCode.INVALID_REQUEST,
          "approversRequired must be 1.." + ApprovalPolicy.APPROVERS_MAX + ", was " + required);
    }
    if (above < required || above > ApprovalPolicy.APPROVERS_MAX) {
      throw new BusinessRuleViolation(
          ErrorCode.INVALID_REQUEST,
          "approversAboveThreshold must be "
              + required
              + ".."
              + ApprovalPolicy.APPROVERS_MAX
              + ", was "
              + above);
    }
    if (figures.expirySeconds() <= 0) {
      throw new BusinessRuleViolation(
          ErrorCode.INVALID_REQUEST,
          "expirySeconds must be positive, was " + figures.expirySeconds());
    }
    return new Checked(requestType, iso, threshold, required, above, figures.expirySeconds());
  }

  /**
   * Creates or changes the policy. Requests already made keep the figures they were made under.
   *
   * @throws BusinessRuleViolation the codes of {@link #check}
   */
  public ApprovalPolicy set(
      String requestType, String currency, PolicyFigures figures, String user) {
    Checked checked = check(requestType, currency, figures);
    ApprovalPolicy policy =
        em.find(ApprovalPolicy.class, new ApprovalPolicy.Key(requestType, currency));
    JsonObjectBuilder detail = JSON.createObjectBuilder();
    if (policy == null) {
      policy = new ApprovalPolicy(requestType, currency);
      em.persist(policy);
    } else {
      detail.add("before", figures(policy));
    }
    policy.change(
        checked.threshold().amount(),
        checked.approversRequired(),
        checked.approversAboveThreshold(),
        checked.expirySeconds(),
        user);
    detail.add("after", figures(policy));
    new AuditTrail(em)
        .record(
            user,
            "approval_policy.changed",
            DOCUMENT_TYPE,
            requestType + "/" + currency,
            null,
            detail.build().toString());
    return policy;
  }

  private static JsonObjectBuilder figures(ApprovalPolicy policy) {
    BigDecimal threshold = policy.thresholdAmount();
    return JSON.createObjectBuilder()
        .add("thresholdAmount", threshold)
        .add("approversRequired", policy.approversRequired())
        .add("approversAboveThreshold", policy.approversAboveThreshold())
        .add("expirySeconds", policy.expirySeconds());
  }
}
