package com.ledgerline.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * Records every XA call the transaction manager makes on the harness's resources, in order, with
 * its outcome: the evidence of what the two-phase protocol actually did. Hooks run just before a
 * resource's second-phase commit, between the phases: the place to look at a prepared branch, or
 * for a crash test to stop the JVM.
 */
public final class XaRecorder {
  /** The PostgreSQL resource's name in the record. */
  public static final String POSTGRESQL = "postgresql";

  /** The Artemis resource's name in the record. */
  public static final String ARTEMIS = "artemis";

  /** The operations of the two phases; {@code start} and {@code end} are left out of those. */
  private static final Set<String> PHASE_OPERATIONS =
      Set.of("prepare", "commit", "commit-one-phase", "rollback", "forget", "observed");

  /**
   * One call.
   *
   * @param resource {@link #POSTGRESQL} or {@link #ARTEMIS}
   * @param operation the {@link XAResource} method ({@code commit-one-phase} for a one-phase
   *     commit), or {@code observed} for what a hook saw
   * @param outcome {@code XA_OK}, {@code XA_RDONLY}, {@code ok}, what a hook saw, or {@code
   *     XAException(<code>): <messages of the cause chain>}
   */
  public record Call(String resource, String operation, String outcome) {
    @Override
    public String toString() {
      return operation + "=" + outcome;
    }
  }

  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final Map<String, List<Consumer<Xid>>> beforeCommit = new ConcurrentHashMap<>();

  /** Wraps a resource so that its calls are recorded under {@code resource}. */
  public XAResource record(String resource, XAResource delegate) {
    return new RecordingXAResource(resource, delegate, this);
  }

  /** Runs {@code hook} before every two-phase commit of {@code resource}, before the call. */
  public void beforeCommit(String resource, Consumer<Xid> hook) {
    beforeCommit.computeIfAbsent(resource, r -> new CopyOnWriteArrayList<>()).add(hook);
  }

  /** Adds what a hook saw to the record. */
  public void observed(String resource, String what) {
    calls.add(new Call(resource, "observed", what));
  }

  /** Forgets the calls recorded so far (the hooks stay). */
  public void clear() {
    calls.clear();
  }

  public List<Call> calls() {
    return List.copyOf(calls);
  }

  /**
   * The prepare, commit, rollback and forget calls and the observations of one resource, as {@code
   * operation=outcome}, in order.
   */
  public List<String> phases(String resource) {
    return calls.stream()
        .filter(c -> c.resource().equals(resource) && PHASE_OPERATIONS.contains(c.operation()))
        .map(Call::toString)
        .collect(Collectors.toList());
  }

  void called(String resource, String operation, String outcome) {
    calls.add(new Call(resource, operation, outcome));
  }

  void runBeforeCommit(String resource, Xid xid) {
    for (Consumer<Xid> hook : beforeCommit.getOrDefault(resource, List.of())) {
      hook.accept(xid);
    }
  }

  static String describe(XAException failure) {
    List<String> messages = new ArrayList<>();
    for (Throwable t = failure; t != null && messages.size() < 5; t = t.getCause()) {
      messages.add(String.valueOf(t.getMessage()));
    }
    return "XAException(" + failure.errorCode + "): " + String.join(" <- ", messages);
  }
}
