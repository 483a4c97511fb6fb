package com.ledgerline.ledger.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A calendar month of the books. A month without a row is open; a row records the month's last
 * status change.
 */
@Entity
@Table(name = "gl_accounting_period")
public class AccountingPeriod {

  /** Whether postings dated in the month are accepted. */
  public enum Status {
    OPEN,
    CLOSED
  }

  @Id
  @Column(name = "period_start")
  private LocalDate periodStart;

  @Column(name = "period_end", nullable = false)
  private LocalDate periodEnd;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Status status;

  @Column(name = "changed_at", nullable = false)
  private OffsetDateTime changedAt;

  @Column(name = "changed_by", nullable = false)
  private String changedBy;

  protected AccountingPeriod() {}

  public AccountingPeriod(LocalDate periodStart, Status status, OffsetDateTime at, String by) {
    this.periodStart = periodStart.withDayOfMonth(1);
    this.periodEnd = this.periodStart.plusMonths(1).minusDays(1);
    this.status = status;
    this.changedAt = at;
    this.changedBy = by;
  }

  public LocalDate periodStart() {
    return periodStart;
  }

  public LocalDate periodEnd() {
    return periodEnd;
  }

  public Status status() {
    return status;
  }

  public OffsetDateTime changedAt() {
    return changedAt;
  }

  public String changedBy() {
    return changedBy;
  }

  /** Records a status change (closing or reopening the month). */
  public void change(Status status, OffsetDateTime at, String by) {
    this.status = status;
    this.changedAt = at;
    this.changedBy = by;
  }
}
