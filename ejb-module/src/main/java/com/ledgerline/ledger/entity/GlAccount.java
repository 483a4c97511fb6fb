package com.ledgerline.ledger.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * An account of the chart of accounts, with its type and normal balance side. Its type and normal
 * balance are fixed once a journal line uses it (they decide how its balance is read in every
 * report); its name may change.
 */
@Entity
@Table(name = "gl_account")
@NamedQuery(name = GlAccount.ALL, query = "select a from GlAccount a order by a.code")
public class GlAccount {
  public static final String ALL = "GlAccount.all";

  /** The five account types of double-entry bookkeeping. */
  public enum Type {
    ASSET(NormalBalance.DEBIT),
    LIABILITY(NormalBalance.CREDIT),
    EQUITY(NormalBalance.CREDIT),
    REVENUE(NormalBalance.CREDIT),
    EXPENSE(NormalBalance.DEBIT);

    private final NormalBalance usual;

    Type(NormalBalance usual) {
      this.usual = usual;
    }

    /** The normal balance of the type; a contra account (e.g. Sales returns) has the other. */
    public NormalBalance usualBalance() {
      return usual;
    }
  }

  /** The side on which the account's balance normally stands. */
  public enum NormalBalance {
    DEBIT,
    CREDIT
  }

  @Id private String code;

  @Column(nullable = false)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(name = "account_type", nullable = false)
  private Type accountType;

  @Enumerated(EnumType.STRING)
  @Column(name = "normal_balance", nullable = false)
  private NormalBalance normalBalance;

  protected GlAccount() {}

  public GlAccount(String code, String name, Type type, NormalBalance normalBalance) {
    this.code = code;
    this.name = name;
    this.accountType = type;
    this.normalBalance = normalBalance;
  }

  public String code() {
    return code;
  }

  public String name() {
    return name;
  }

  public String accountType() {
    return accountType.name();
  }

  public Type type() {
    return accountType;
  }

  public String normalBalance() {
    return normalBalance.name();
  }

  /**
   * Renames the account and sets its type and normal balance. The caller has checked that a type or
   * normal balance change touches an account no journal line uses.
   */
  public void change(String name, Type type, NormalBalance normalBalance) {
    this.name = name;
    this.accountType = type;
    this.normalBalance = normalBalance;
  }
}
