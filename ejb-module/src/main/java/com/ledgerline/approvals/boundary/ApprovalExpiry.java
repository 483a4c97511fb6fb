package com.ledgerline.approvals.boundary;

import static com.ledgerline.shared.Jsonp.JSON;

import com.ledgerline.approvals.entity.ApprovalRequest;
import com.ledgerline.audit.control.AuditTrail;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.logging.Logger;

/**
 * Marks approval requests {@code EXPIRED} once their time ran out without a final decision: a sweep
 * every ten seconds (an EJB timer, not persistent: each instance sweeps, {@code SKIP LOCKED} keeps
 * them apart), and on demand when someone tries to decide a request that is due. Each expiry is
 * recorded on the request row and in the audit trail, by {@value #ACTOR}.
 */
@Stateless
public class ApprovalExpiry {
  public static final String ACTOR = "system";
  static final int SWEEP_BATCH = 200;
  private static final Logger LOG = Logger.getLogger(ApprovalExpiry.class.getName());

  @PersistenceContext private EntityManager em;

  /** The timer: expires every due request, at most {@value #SWEEP_BATCH} per run. */
  @Schedule(second = "*/10", minute = "*", hour = "*", persistent = false, info = "approval expiry")
  public void sweep() {
    int expired = expireDue(OffsetDateTime.now(ZoneOffset.UTC));
    if (expired > 0) {
      LOG.info(() -> "approval expiry: " + expired + " request(s) expired");
    }
  }

  /**
   * Expires the request in a transaction of its own, so the expiry is recorded even though the
   * caller's decision is refused and rolled back.
   *
   * @return whether it was due and is now {@code EXPIRED}
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public boolean expireIfDue(long requestId) {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    ApprovalRequest request =
        em.find(ApprovalRequest.class, requestId, LockModeType.PESSIMISTIC_WRITE);
    if (request == null || !request.isDue(now)) {
      return false;
    }
    expire(request, now);
    return true;
  }

  private int expireDue(OffsetDateTime now) {
    @SuppressWarnings("unchecked")
    List<Number> due =
        em.createNativeQuery(
                "select id from apr_approval_request where status = 'AWAITING_APPROVAL' and"
                    + " expires_at <= ? order by expires_at limit "
                    + SWEEP_BATCH
                    + " for update skip locked")
            .setParameter(1, Timestamp.from(now.toInstant()))
            .getResultList();
    int expired = 0;
    for (Number id : due) {
      ApprovalRequest request = em.find(ApprovalRequest.class, id.longValue());
      if (request.isDue(now)) {
        expire(request, now);
        expired++;
      }
    }
    return expired;
  }

  private void expire(ApprovalRequest request, OffsetDateTime now) {
    request.expire(ACTOR, now);
    new AuditTrail(em)
        .record(
            ACTOR,
            "approval.expired",
            ApprovalRequest.DOCUMENT_TYPE,
            request.requestNumber(),
            request.decisionReason(),
            JSON.createObjectBuilder()
                .add("documentType", request.documentType())
                .add("documentNumber", request.documentNumber())
                .add("requestedBy", request.requestedBy())
                .add("expiresAt", request.expiresAt().toString())
                .add("approvals", request.approvers().size())
                .add("approvalsRequired", request.approvalsRequired())
                .build()
                .toString());
  }
}
