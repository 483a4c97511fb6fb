package com.ledgerline.payments.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A way to pay (cash, card, bank transfer, voucher, ...) and the general ledger account it posts to
 * (DESIGN.md 5 "payment": Cash / Card clearing / Bank / Voucher liability by tender). Data in
 * {@code pay_tender}, not code.
 */
@Entity
@Table(name = "pay_tender")
public class Tender {
  @Id private String code;

  @Column(nullable = false)
  private String name;

  @Column(name = "account_code", nullable = false)
  private String accountCode;

  @Column(nullable = false)
  private boolean active;

  protected Tender() {}

  /** The method name clients send, e.g. {@code cash}, {@code bank_transfer}. */
  public String code() {
    return code;
  }

  public String name() {
    return name;
  }

  public String accountCode() {
    return accountCode;
  }

  public boolean active() {
    return active;
  }
}
