package com.ledgerline.ledger.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An account of the chart of accounts, with its type and normal balance side. */
@Entity
@Table(name = "gl_account")
public class GlAccount {
  @Id private String code;

  @Column(nullable = false)
  private String name;

  @Column(name = "account_type", nullable = false)
  private String accountType;

  @Column(name = "normal_balance", nullable = false)
  private String normalBalance;

  protected GlAccount() {}

  public String code() {
    return code;
  }

  public String name() {
    return name;
  }

  public String accountType() {
    return accountType;
  }

  public String normalBalance() {
    return normalBalance;
  }
}
