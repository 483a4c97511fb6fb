package com.ledgerline.approvals.boundary;

import java.math.BigDecimal;

/**
 * The figures of an approval policy as an ADMIN sets them.
 *
 * @param thresholdAmount ≥ 0, at most the currency's minor-unit decimals; above it a request needs
 *     {@code approversAboveThreshold}
 * @param approversRequired distinct approvers at or below the threshold, 1..5
 * @param approversAboveThreshold distinct approvers above the threshold, approversRequired..5
 * @param expirySeconds how long a request waits for its final decision, > 0
 */
public record PolicyFigures(
    BigDecimal thresholdAmount,
    Integer approversRequired,
    Integer approversAboveThreshold,
    Integer expirySeconds) {}
