package io.costwise.serve;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The server's lifecycle as the endpoints see it: not ready until the model is loaded and has
 * passed its self-check, then ready, then stopping (on SIGTERM). Also counts requests in flight, so
 * that a stop can wait for them.
 */
final class Readiness {
  private final AtomicReference<Invoker> service = new AtomicReference<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private volatile boolean stopping;

  void ready(Invoker loaded) {
    service.set(loaded);
  }

  void stopping() {
    stopping = true;
  }

  boolean isStopping() {
    return stopping;
  }

  /** The service when ready and not stopping. */
  Optional<Invoker> service() {
    return stopping ? Optional.empty() : Optional.ofNullable(service.get());
  }

  void begin() {
    inFlight.incrementAndGet();
  }

  void end() {
    inFlight.decrementAndGet();
  }

  int inFlight() {
    return inFlight.get();
  }
}
