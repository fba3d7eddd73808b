package io.costwise.train;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns SIGTERM (StopTrainingJob, a spot interruption) into a flag the training loop polls.
 *
 * <p>The JVM runs shutdown hooks on SIGTERM and exits when they return, so the hook sets the flag
 * and then waits for the job to record the stop and leave its checkpoint, bounded well inside the
 * 120 seconds SageMaker allows before SIGKILL.
 */
final class StopSignal implements AutoCloseable {
  private static final Duration GRACE = Duration.ofSeconds(20);

  private volatile boolean requested;
  private final CountDownLatch jobEnded = new CountDownLatch(1);
  private final Thread hook = new Thread(this::onShutdown, "costwise-sigterm");

  /** Listens for SIGTERM until closed. */
  static StopSignal install() {
    StopSignal signal = new StopSignal();
    Runtime.getRuntime().addShutdownHook(signal.hook);
    return signal;
  }

  boolean requested() {
    return requested;
  }

  private void onShutdown() {
    requested = true;
    try {
      jobEnded.await(GRACE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The job has written its outcome: a pending shutdown may proceed. */
  @Override
  public void close() {
    jobEnded.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // Shutdown already under way: the hook is running and was just released.
    }
  }
}
