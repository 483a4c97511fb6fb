package com.ledgerline.shared;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A gapless document number series. The row is locked by the posting transaction that takes a
 * number, so a rollback gives the number back and concurrent postings queue on the lock.
 */
@Entity
@Table(name = "doc_number_series")
public class DocumentSeries {
  @Id
  @Column(name = "series_code")
  private String seriesCode;

  @Column(nullable = false)
  private String prefix;

  @Column(nullable = false)
  private int digits;

  @Column(name = "next_number", nullable = false)
  private long nextNumber;

  protected DocumentSeries() {}

  /** Takes the next number, e.g. {@code INV-00000042}. */
  public String take() {
    String number = prefix + String.format("%0" + digits + "d", nextNumber);
    nextNumber++;
    return number;
  }
}
