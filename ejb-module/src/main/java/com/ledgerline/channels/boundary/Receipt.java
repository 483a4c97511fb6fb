package com.ledgerline.channels.boundary;

/**
 * What became of one inbound message.
 *
 * @param outcome {@code POSTED}, {@code DUPLICATE} (absorbed: the first result is answered) or
 *     {@code REJECTED}
 * @param channel the sender's channel
 * @param messageType e.g. {@code pos.sale}
 * @param transactionId the idempotency key within the channel; null when the body could not be read
 * @param documentType what the message produced (for a duplicate: what its first delivery
 *     produced); null for master data or a rejection
 * @param documentNumber e.g. {@code INV-00000042}; null as above
 * @param errorCode the rejection's stable code; null unless rejected
 * @param detail the rejection's detail; null unless rejected
 * @param rejectionId the recorded rejection; null unless rejected
 * @param syncLatencyMs capture time to settlement in milliseconds; null when the sender stated no
 *     capture time
 */
public record Receipt(
    Outcome outcome,
    String channel,
    String messageType,
    String transactionId,
    String documentType,
    String documentNumber,
    String errorCode,
    String detail,
    Long rejectionId,
    Long syncLatencyMs) {

  /** The three ways a message settles. */
  public enum Outcome {
    POSTED,
    DUPLICATE,
    REJECTED
  }
}
