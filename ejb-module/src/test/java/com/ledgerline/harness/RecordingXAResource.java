package com.ledgerline.harness;

import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * Passes every call to the real resource and records it, with its outcome, in a {@link XaRecorder}.
 */
final class RecordingXAResource implements XAResource {
  private final String resource;
  private final XAResource delegate;
  private final XaRecorder recorder;

  RecordingXAResource(String resource, XAResource delegate, XaRecorder recorder) {
    this.resource = resource;
    this.delegate = delegate;
    this.recorder = recorder;
  }

  @FunctionalInterface
  private interface XaCall<T> {
    T call() throws XAException;
  }

  private <T> T recorded(
      String operation, XaCall<T> call, java.util.function.Function<T, String> outcome)
      throws XAException {
    try {
      T result = call.call();
      recorder.called(resource, operation, outcome.apply(result));
      return result;
    } catch (XAException e) {
      recorder.called(resource, operation, XaRecorder.describe(e));
      throw e;
    }
  }

  @Override
  public void start(Xid xid, int flags) throws XAException {
    recorded(
        "start",
        () -> {
          delegate.start(xid, flags);
          return flags;
        },
        XaFlags::start);
  }

  @Override
  public void end(Xid xid, int flags) throws XAException {
    recorded(
        "end",
        () -> {
          delegate.end(xid, flags);
          return flags;
        },
        XaFlags::end);
  }

  @Override
  public int prepare(Xid xid) throws XAException {
    return recorded("prepare", () -> delegate.prepare(xid), XaFlags::vote);
  }

  @Override
  public void commit(Xid xid, boolean onePhase) throws XAException {
    if (!onePhase) {
      recorder.runBeforeCommit(resource, xid);
    }
    recorded(
        onePhase ? "commit-one-phase" : "commit",
        () -> {
          delegate.commit(xid, onePhase);
          return "ok";
        },
        String::valueOf);
  }

  @Override
  public void rollback(Xid xid) throws XAException {
    recorded(
        "rollback",
        () -> {
          delegate.rollback(xid);
          return "ok";
        },
        String::valueOf);
  }

  @Override
  public void forget(Xid xid) throws XAException {
    recorded(
        "forget",
        () -> {
          delegate.forget(xid);
          return "ok";
        },
        String::valueOf);
  }

  @Override
  public Xid[] recover(int flag) throws XAException {
    return recorded("recover", () -> delegate.recover(flag), xids -> xids.length + " xid(s)");
  }

  @Override
  public boolean isSameRM(XAResource other) throws XAException {
    XAResource unwrapped = other instanceof RecordingXAResource r ? r.delegate : other;
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

  String resource() {
    return resource;
  }

  @Override
  public String toString() {
    return resource + ":" + delegate;
  }

  /** Names for XA flags and votes in the record. */
  private static final class XaFlags {
    static String start(int flags) {
      return switch (flags) {
        case XAResource.TMNOFLAGS -> "TMNOFLAGS";
        case XAResource.TMJOIN -> "TMJOIN";
        case XAResource.TMRESUME -> "TMRESUME";
        default -> "flags " + flags;
      };
    }

    static String end(int flags) {
      return switch (flags) {
        case XAResource.TMSUCCESS -> "TMSUCCESS";
        case XAResource.TMFAIL -> "TMFAIL";
        case XAResource.TMSUSPEND -> "TMSUSPEND";
        default -> "flags " + flags;
      };
    }

    static String vote(int vote) {
      return switch (vote) {
        case XAResource.XA_OK -> "XA_OK";
        case XAResource.XA_RDONLY -> "XA_RDONLY";
        default -> "vote " + vote;
      };
    }
  }
}
