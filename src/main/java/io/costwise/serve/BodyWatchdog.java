package io.costwise.serve;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Cuts off request bodies that stop arriving. The JDK server has no body read timeout (its {@code
 * maxRspTime} would also cut off long computations), but its handler threads read from a blocking,
 * interruptible channel: interrupting a thread blocked there closes the connection and ends the
 * read. A read that makes no progress for {@code timeout}, seen at two ticks in a row, is
 * interrupted so; only a thread inside {@link Read#awaiting} is ever interrupted, and the flag is
 * cleared when the read ends.
 */
final class BodyWatchdog implements AutoCloseable {
  private final long timeoutNanos;
  private final Map<Thread, Read> reads = new ConcurrentHashMap<>();
  private final ScheduledExecutorService ticker;

  BodyWatchdog(Duration timeout) {
    this.timeoutNanos = timeout.toNanos();
    this.ticker =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "costwise-body-watchdog");
              thread.setDaemon(true);
              return thread;
            });
    long tick = Math.max(50, Math.min(1000, timeout.toMillis() / 4));
    ticker.scheduleWithFixedDelay(this::tick, tick, tick, TimeUnit.MILLISECONDS);
  }

  /** Starts watching this thread's body read; close the result when the read ends. */
  Read watch() {
    Read read = new Read(Thread.currentThread());
    reads.put(read.thread, read);
    return read;
  }

  private void tick() {
    long now = System.nanoTime();
    for (Read read : reads.values()) {
      read.interruptIfStalled(now, timeoutNanos);
    }
  }

  @Override
  public void close() {
    ticker.shutdownNow();
  }

  /** One body being read. */
  final class Read implements AutoCloseable {
    private final Thread thread;
    private volatile long lastProgress = System.nanoTime();
    private boolean awaiting = true;
    private boolean timedOut;
    private boolean suspected;

    private Read(Thread thread) {
      this.thread = thread;
    }

    /** Bytes arrived. */
    void progress() {
      lastProgress = System.nanoTime();
    }

    synchronized boolean timedOut() {
      return timedOut;
    }

    private synchronized void interruptIfStalled(long now, long timeout) {
      if (!awaiting || now - lastProgress <= timeout) {
        suspected = false;
      } else if (!suspected) {
        // Seen stalled once: wait one more tick, so that a pause of the whole process (a long
        // garbage collection) is not mistaken for a stalled client.
        suspected = true;
      } else {
        timedOut = true;
        awaiting = false;
        thread.interrupt();
      }
    }

    @Override
    public void close() {
      synchronized (this) {
        awaiting = false;
      }
      reads.remove(thread, this);
      // An interrupt sent while reading has done its work (the read failed); do not let it leak
      // into the thread's next request.
      Thread.interrupted();
    }
  }
}
