package com.ledgerline.it.support;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Waits on a condition an asynchronous step (a queue's consumer, a timer) makes true. */
public final class Await {
  private static final long POLL_MILLIS = 100;

  private Await() {}

  /**
   * Reads {@code read} until {@code done} holds and answers that value; fails the test with the
   * last value read when the deadline passes first.
   */
  public static <T> T until(String what, Duration deadline, Callable<T> read, Predicate<T> done)
      throws Exception {
    Instant end = Instant.now().plus(deadline);
    T value;
    do {
      value = read.call();
      if (done.test(value)) {
        return value;
      }
      TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
    } while (Instant.now().isBefore(end));
    throw new AssertionError(what + " did not happen within " + deadline + "; last seen: " + value);
  }
}
