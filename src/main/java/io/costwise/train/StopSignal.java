package io.costwise.train;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns SIGTERM (StopTrainingJob, a spot interruption) into a flag the training loop polls.
 *
 * <p>The JVM runs shutdown hooks on SIGTERM and exits when they return. What the hook does depends
 * on how far the job is:
 *
 * <ul>
 *   <li><b>reading</b> the channels (which may block, e.g. on a Pipe-mode FIFO whose writer has not
 *       come): nothing polls the flag there, so the hook itself records the stop (failure file and
 *       log line, {@link #install}'s action) and returns at once: exit code 143.
 *   <li><b>training</b>: the training loop sees the flag, records the stop and leaves its
 *       checkpoint; the hook waits for that, bounded well inside the 120 seconds SageMaker allows
 *       before SIGKILL: exit code 143.
 *   <li><b>finishing</b> (every epoch done, the model being saved): the job completes (a whole
 *       model is worth more than a stop) and writes {@code success}; the hook waits for it and the
 *       process exits with the job's code, 0, so the exit code agrees with the outcome file.
 * </ul>
 */
final class StopSignal implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StopSignal.class);

  /** How long a stop during training waits for the loop to record it and keep its checkpoint. */
  private static final Duration GRACE = Duration.ofSeconds(20);

  /**
   * How long a stop after training waits for the job to complete. Longer than {@link #GRACE}:
   * saving DL4J's model.zip alone took 15 s on a busy 2-core host (the JVM then exited 143 with a
   * half-written model), and SageMaker allows 120 s after SIGTERM before SIGKILL.
   */
  private static final Duration FINISHING_GRACE = Duration.ofSeconds(100);

  enum Phase {
    READING,
    TRAINING,
    FINISHING
  }

  private volatile boolean requested;
  private volatile Phase phase = Phase.READING;
  private volatile int exitCode = -1;
  private final Runnable onStopWhileReading;
  private final CountDownLatch jobEnded = new CountDownLatch(1);
  private final Thread hook = new Thread(this::onShutdown, "costwise-sigterm");

  StopSignal(Runnable onStopWhileReading) {
    this.onStopWhileReading = onStopWhileReading;
  }

  /**
   * Listens for SIGTERM until closed; {@code onStopWhileReading} records a stop that comes before
   * training starts.
   */
  static StopSignal install(Runnable onStopWhileReading) {
    StopSignal signal = new StopSignal(onStopWhileReading);
    Runtime.getRuntime().addShutdownHook(signal.hook);
    return signal;
  }

  boolean requested() {
    return requested;
  }

  /** The channels are read; from now on the training loop polls the flag. */
  void training() {
    phase = Phase.TRAINING;
  }

  /** Training is done; a stop from now on lets the job complete. */
  void finishing() {
    phase = Phase.FINISHING;
  }

  Phase phase() {
    return phase;
  }

  /** Runs on SIGTERM (package-private for tests). */
  void onShutdown() {
    requested = true;
    if (phase == Phase.READING) {
      onStopWhileReading.run();
      return;
    }
    Duration grace = GRACE;
    if (phase == Phase.FINISHING) {
      LOG.info("SIGTERM after training: completing the job (saving the model) before exiting");
      grace = FINISHING_GRACE;
    }
    try {
      jobEnded.await(grace.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    if (phase == Phase.FINISHING && exitCode == 0) {
      // The JVM would report 143 for a job that succeeded; halt with the job's own code. Every
      // file is written and closed by now (the job has returned).
      Runtime.getRuntime().halt(0);
    }
  }

  /** The job has written its outcome with this exit code: a pending shutdown may proceed. */
  void ended(int code) {
    exitCode = code;
    jobEnded.countDown();
  }

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
