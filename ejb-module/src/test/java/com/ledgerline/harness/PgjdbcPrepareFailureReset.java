package com.ledgerline.harness;

import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * Puts a PostgreSQL XA connection back to idle after PREPARE TRANSACTION failed.
 *
 * <p>When PREPARE fails (e.g. a deferred constraint trigger raises), PostgreSQL has already rolled
 * the branch back and the driver reports a rollback code ({@code XA_RB*}), so by the XA rules the
 * transaction manager does not call {@code rollback}. But the driver (42.7.x) keeps the dead xid as
 * its current one, and a pool that hands the connection to the next transaction then fails its
 * {@code start} with "Attempted transaction interleaving is not supported" (pgjdbc issues #3123,
 * #3153). Narayana's transactional driver pools connections, so this decorator calls the driver's
 * {@code rollback(xid)} itself right after such a failure, which only resets the driver's state.
 * The transaction manager still sees the original failure.
 */
final class PgjdbcPrepareFailureReset implements XAResource {
  private final XAResource delegate;

  PgjdbcPrepareFailureReset(XAResource delegate) {
    this.delegate = delegate;
  }

  @Override
  public int prepare(Xid xid) throws XAException {
    try {
      return delegate.prepare(xid);
    } catch (XAException e) {
      if (e.errorCode >= XAException.XA_RBBASE && e.errorCode <= XAException.XA_RBEND) {
        try {
          delegate.rollback(xid);
        } catch (XAException reset) {
          e.addSuppressed(reset);
        }
      }
      throw e;
    }
  }

  @Override
  public void start(Xid xid, int flags) throws XAException {
    delegate.start(xid, flags);
  }

  @Override
  public void end(Xid xid, int flags) throws XAException {
    delegate.end(xid, flags);
  }

  @Override
  public void commit(Xid xid, boolean onePhase) throws XAException {
    delegate.commit(xid, onePhase);
  }

  @Override
  public void rollback(Xid xid) throws XAException {
    delegate.rollback(xid);
  }

  @Override
  public void forget(Xid xid) throws XAException {
    delegate.forget(xid);
  }

  @Override
  public Xid[] recover(int flag) throws XAException {
    return delegate.recover(flag);
  }

  @Override
  public boolean isSameRM(XAResource other) throws XAException {
    XAResource unwrapped = other instanceof PgjdbcPrepareFailureReset r ? r.delegate : other;
    return delegate.isSameRM(unwrapped);
  }

  @Override
  public int getTransactionTimeout() throws XAException {
    return delegate.getTransactionTimeout();
  }

  @Override
  public boolean setTransactionTimeout(int seconds) throws XAException {
    return delegate.setTransactionTimeout(seconds);
  }

  @Override
  public String toString() {
    return delegate.toString();
  }
}
