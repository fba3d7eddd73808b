package io.costwise.learn;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One epoch's minibatches in order, gathered by {@link BatchGatherer}; for large batches the next
 * one is gathered on a second core while the current one steps.
 *
 * <p>Gathering shuffled rows costs about as much as a step of one logistic unit (80 and 60 ns a row
 * at batch 1,024), so overlapping the two nearly halves an epoch. The batches, and so the model,
 * are exactly those of gathering in line; only the timing changes. Below {@value #PREFETCH_ROWS}
 * rows a batch is gathered in line: handing it between threads would cost more than it saves.
 */
final class BatchStream implements AutoCloseable {
  static final int PREFETCH_ROWS = 512;

  /** One filled minibatch: the first {@code rows} rows of the arrays. */
  record Batch(double[] features, double[] labels, int rows) {}

  private final BatchGatherer gatherer;
  private final int batchSize;
  private final Batch[] buffers;
  private final Batch[] filled = new Batch[2];
  private final ExecutorService prefetcher;
  private Future<?> pending;
  private int nextBuffer;
  private int remaining;

  BatchStream(BatchGatherer gatherer, int batchSize, int columns) {
    this(
        gatherer,
        batchSize,
        columns,
        batchSize >= PREFETCH_ROWS && Runtime.getRuntime().availableProcessors() > 1);
  }

  BatchStream(BatchGatherer gatherer, int batchSize, int columns, boolean prefetch) {
    this.gatherer = gatherer;
    this.batchSize = batchSize;
    this.buffers = new Batch[prefetch ? 2 : 1];
    for (int b = 0; b < buffers.length; b++) {
      buffers[b] = new Batch(new double[batchSize * columns], new double[batchSize], 0);
    }
    this.prefetcher =
        prefetch
            ? Executors.newSingleThreadExecutor(
                task -> {
                  Thread thread = new Thread(task, "costwise-batches");
                  thread.setDaemon(true);
                  return thread;
                })
            : null;
  }

  /** Starts an epoch of {@code rows} rows in {@code order}. */
  void start(EpochOrder order, int rows) {
    awaitPending();
    gatherer.start(order);
    remaining = rows;
    nextBuffer = 0;
    if (prefetcher != null) {
      pending = prefetcher.submit(() -> fill(0));
    }
  }

  /** The next minibatch; at most {@code batchSize} rows, fewer only at the end of the epoch. */
  Batch next() {
    int current = nextBuffer;
    Batch batch;
    if (prefetcher == null) {
      batch = fill(current);
    } else {
      awaitPending();
      batch = filled[current];
      nextBuffer = 1 - current;
      if (remaining > 0) {
        int other = nextBuffer;
        pending = prefetcher.submit(() -> fill(other));
      }
    }
    return batch;
  }

  private Batch fill(int buffer) {
    int rows = Math.min(batchSize, remaining);
    remaining -= rows;
    Batch target = buffers[buffer];
    gatherer.next(rows, target.features(), target.labels());
    Batch batch = new Batch(target.features(), target.labels(), rows);
    filled[buffer] = batch;
    return batch;
  }

  private void awaitPending() {
    if (pending == null) {
      return;
    }
    try {
      pending.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while gathering a minibatch", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException("gathering a minibatch failed", e.getCause());
    } finally {
      pending = null;
    }
  }

  @Override
  public void close() {
    if (prefetcher != null) {
      try {
        awaitPending();
      } finally {
        prefetcher.shutdownNow();
      }
    }
  }
}
