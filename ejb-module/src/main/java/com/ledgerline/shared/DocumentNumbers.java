package com.ledgerline.shared;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

/**
 * Hands out gapless document numbers (SELECT ... FOR UPDATE on the series row). Callers take
 * numbers after their stock locks so every workflow locks in the same order: stock levels, then
 * series by code.
 */
public final class DocumentNumbers {
  public static final String SALE_INVOICE = "SALE_INVOICE";

  /**
   * Drafts and held sales ({@code DRAFT-}); not an accounting series, but numbered the same way.
   */
  public static final String SALE_DRAFT = "SALE_DRAFT";

  public static final String CREDIT_NOTE = "CREDIT_NOTE";
  public static final String JOURNAL_ENTRY = "JOURNAL_ENTRY";
  public static final String STOCK_RECEIPT = "STOCK_RECEIPT";
  public static final String PAYMENT = "PAYMENT";
  public static final String REFUND = "REFUND";
  public static final String APPROVAL_REQUEST = "APPROVAL_REQUEST";

  private final EntityManager em;

  public DocumentNumbers(EntityManager em) {
    this.em = em;
  }

  /** The next number of the series, held until the caller's transaction ends. */
  public String next(String seriesCode) {
    DocumentSeries series =
        em.find(DocumentSeries.class, seriesCode, LockModeType.PESSIMISTIC_WRITE);
    if (series == null) {
      throw new IllegalStateException("no document series " + seriesCode);
    }
    return series.take();
  }
}
