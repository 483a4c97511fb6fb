package com.ledgerline.reconciliation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The reconciliation's counters in the MicroProfile application registry ({@code /metrics}), in the
 * style of the channel metrics:
 *
 * <ul>
 *   <li>{@code ledgerline_reconciliation_lines_total{account}}: statement lines a run looked at for
 *       the first time (new lines of the account);
 *   <li>{@code ledgerline_reconciliation_discrepancies_total{account, class}}: discrepancies
 *       flagged;
 *   <li>{@code ledgerline_reconciliation_matches_total{account, rule}}: matches made.
 * </ul>
 *
 * Counted when the run's transaction commits; the counters restart with the server. The durable
 * discrepancy rate per account and month comes from the database ({@code
 * /api/reconciliation/metrics}).
 */
@ApplicationScoped
public class ReconciliationMetrics {
  public static final String LINES = "ledgerline_reconciliation_lines_total";
  public static final String DISCREPANCIES = "ledgerline_reconciliation_discrepancies_total";
  public static final String MATCHES = "ledgerline_reconciliation_matches_total";

  @Inject private MetricRegistry registry;

  public void lines(String account, long count) {
    registry.counter(LINES, new Tag("account", account)).inc(count);
  }

  public void discrepancy(String account, String discrepancyClass) {
    registry
        .counter(DISCREPANCIES, new Tag("account", account), new Tag("class", discrepancyClass))
        .inc();
  }

  public void match(String account, String rule) {
    registry.counter(MATCHES, new Tag("account", account), new Tag("rule", rule)).inc();
  }
}
