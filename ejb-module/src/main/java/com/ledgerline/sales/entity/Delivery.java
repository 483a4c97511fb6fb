package com.ledgerline.sales.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.LocalDate;

/**
 * Where and when a sale's goods go. Informative: a change of delivery details or status never moves
 * stock (stock leaves at posting) and never touches the ledger.
 */
@Embeddable
public class Delivery {
  /** How far delivery has got. */
  public enum Status {
    NOT_SHIPPED,
    SHIPPED,
    DELIVERED
  }

  /** No delivery details, not shipped. */
  public static final Delivery NONE = new Delivery(null, null, null, Status.NOT_SHIPPED);

  @Column(name = "delivery_address")
  private String address;

  @Column(name = "delivery_date")
  private LocalDate date;

  @Column(name = "delivery_notes")
  private String notes;

  @Enumerated(EnumType.STRING)
  @Column(name = "delivery_status", nullable = false)
  private Status status;

  protected Delivery() {}

  /**
   * @param address free text, at most 500 characters; null = none
   * @param date the day asked for or agreed; null = none
   * @param notes free text, at most 1000 characters; null = none
   * @param status null = {@code NOT_SHIPPED}
   */
  public Delivery(String address, LocalDate date, String notes, Status status) {
    this.address = address;
    this.date = date;
    this.notes = notes;
    this.status = status == null ? Status.NOT_SHIPPED : status;
  }

  public String address() {
    return address;
  }

  public LocalDate date() {
    return date;
  }

  public String notes() {
    return notes;
  }

  public Status status() {
    return status == null ? Status.NOT_SHIPPED : status;
  }
}
