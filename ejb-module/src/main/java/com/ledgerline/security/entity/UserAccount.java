package com.ledgerline.security.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * A person who signs in ({@code sec_user}) and the roles they hold ({@code sec_user_role}).
 *
 * <p>Lifecycle: created enabled with a password and at least one role; may be disabled (every
 * sign-in is refused from the next request on, also one already validated and cached) and enabled
 * again; the password may be replaced. Never deleted: the audit trail names users. The password is
 * kept only as a PBKDF2 hash in Jakarta Security's format ({@code
 * PBKDF2WithHmacSHA256:600000:<salt>:<hash>}, see {@code control.PasswordHashing}).
 */
@Entity
@Table(name = "sec_user")
@NamedQuery(name = UserAccount.BY_NAME, query = "select u from UserAccount u where u.name = :name")
@NamedQuery(name = UserAccount.ALL, query = "select u from UserAccount u order by u.name")
public class UserAccount {
  public static final String BY_NAME = "UserAccount.byName";
  public static final String ALL = "UserAccount.all";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "user_name", nullable = false, unique = true, updatable = false)
  private String name;

  @Column(name = "password_hash", nullable = false)
  private String passwordHash;

  @Column(nullable = false)
  private boolean enabled;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "sec_user_role", joinColumns = @JoinColumn(name = "user_id"))
  @Column(name = "role", nullable = false)
  private Set<String> roles = new TreeSet<>();

  @Column(name = "created_at", nullable = false, updatable = false)
  private OffsetDateTime createdAt;

  @Column(name = "created_by", nullable = false, updatable = false)
  private String createdBy;

  @Column(name = "changed_at", nullable = false)
  private OffsetDateTime changedAt;

  protected UserAccount() {}

  public UserAccount(
      String name, String passwordHash, Set<String> roles, OffsetDateTime at, String by) {
    this.name = name;
    this.passwordHash = passwordHash;
    this.enabled = true;
    this.roles = new TreeSet<>(roles);
    this.createdAt = at;
    this.createdBy = by;
    this.changedAt = at;
  }

  public String name() {
    return name;
  }

  public String passwordHash() {
    return passwordHash;
  }

  public boolean enabled() {
    return enabled;
  }

  /** The role names, sorted. */
  public Set<String> roles() {
    return Collections.unmodifiableSet(new TreeSet<>(roles));
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  public String createdBy() {
    return createdBy;
  }

  public OffsetDateTime changedAt() {
    return changedAt;
  }

  public void enable(boolean enabled, OffsetDateTime at) {
    this.enabled = enabled;
    this.changedAt = at;
  }

  public void replacePasswordHash(String passwordHash, OffsetDateTime at) {
    this.passwordHash = passwordHash;
    this.changedAt = at;
  }
}
