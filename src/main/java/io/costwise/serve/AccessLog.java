package io.costwise.serve;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request — method, path, status, response bytes, milliseconds, and an error's message
 * — written off the request's thread: handlers only put a small record into a bounded queue, and
 * one daemon thread formats and logs. When the queue is full (a log sink slower than the traffic),
 * lines are dropped and counted, never waited for; the next line written says how many were
 * dropped.
 */
final class AccessLog implements AutoCloseable {
  private final Logger log;
  static final int CAPACITY = 16_384;

  /** One request. */
  record Entry(String method, String path, int status, long bytes, long micros, String error) {
    String line() {
      StringBuilder text =
          new StringBuilder(96)
              .append(method)
              .append(' ')
              .append(path)
              .append(' ')
              .append(status)
              .append(' ')
              .append(bytes)
              .append(" B ")
              .append(micros / 1000)
              .append('.')
              .append((char) ('0' + (micros % 1000) / 100))
              .append(" ms");
      if (error != null) {
        text.append(" error: ").append(error);
      }
      return text.toString();
    }
  }

  private final BlockingQueue<Entry> queue = new ArrayBlockingQueue<>(CAPACITY);
  private final AtomicLong dropped = new AtomicLong();
  private final Thread writer;
  private volatile boolean closed;

  AccessLog() {
    this(LoggerFactory.getLogger("access"));
  }

  AccessLog(Logger log) {
    this.log = log;
    writer = new Thread(this::drain, "costwise-access-log");
    writer.setDaemon(true);
    writer.start();
  }

  /** Queues a line; never blocks. */
  void record(Entry entry) {
    if (!queue.offer(entry)) {
      dropped.incrementAndGet();
    }
  }

  private void drain() {
    while (!closed || !queue.isEmpty()) {
      Entry entry;
      try {
        entry = queue.poll(200, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        closed = true;
        continue;
      }
      if (entry == null) {
        continue;
      }
      long lost = dropped.getAndSet(0);
      if (lost > 0) {
        log.warn("{} access log lines dropped: the log could not keep up", lost);
      }
      // 503 (loading, stopping) is the lifecycle working as meant, not an error.
      if (entry.status() >= 500 && entry.status() != 503) {
        log.error(entry.line());
      } else if (entry.status() >= 400 || entry.error() != null) {
        log.warn(entry.line());
      } else {
        log.info(entry.line());
      }
    }
  }

  /** Writes what is queued (up to a second), then stops. */
  @Override
  public void close() {
    closed = true;
    try {
      writer.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
