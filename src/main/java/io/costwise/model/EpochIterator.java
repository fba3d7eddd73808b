package io.costwise.model;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.BooleanSupplier;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/**
 * One epoch's minibatches, in the epoch's shuffled order, for {@code MultiLayerNetwork.fit}.
 *
 * <p>Fitting a whole epoch from an iterator costs DL4J about a third less per step than one {@code
 * fit(DataSet)} call per minibatch. It ends early when a stop is requested; the caller then
 * discards the partial epoch. Not asynchronous: batches are cheap to build, and a prefetch thread
 * would only compete with training for the CPU.
 */
final class EpochIterator implements DataSetIterator {
  private static final long serialVersionUID = 1L;

  private final transient Batches batches;
  private final int[] order;
  private final int batchSize;
  private final transient BooleanSupplier stopRequested;
  private int from;

  EpochIterator(Batches batches, int[] order, int batchSize, BooleanSupplier stopRequested) {
    this.batches = batches;
    this.order = order;
    this.batchSize = batchSize;
    this.stopRequested = stopRequested;
  }

  /** Whether the epoch ended because a stop was requested, not because it was complete. */
  boolean stopped() {
    return from < order.length;
  }

  @Override
  public boolean hasNext() {
    return from < order.length && !stopRequested.getAsBoolean();
  }

  @Override
  public DataSet next() {
    // Only the rows decide here: the stop flag may change between hasNext() and next().
    if (from >= order.length) {
      throw new NoSuchElementException();
    }
    int to = Math.min(order.length, from + batchSize);
    DataSet batch = batches.of(order, from, to);
    from = to;
    return batch;
  }

  @Override
  public DataSet next(int num) {
    throw new UnsupportedOperationException("batches have a fixed size");
  }

  @Override
  public int inputColumns() {
    return batches.columns();
  }

  @Override
  public int totalOutcomes() {
    return 1;
  }

  @Override
  public boolean resetSupported() {
    return false;
  }

  @Override
  public boolean asyncSupported() {
    return false;
  }

  @Override
  public void reset() {
    throw new UnsupportedOperationException("one iterator per epoch");
  }

  @Override
  public int batch() {
    return batchSize;
  }

  @Override
  public void setPreProcessor(DataSetPreProcessor preProcessor) {
    throw new UnsupportedOperationException("features are scaled before batching");
  }

  @Override
  public DataSetPreProcessor getPreProcessor() {
    return null;
  }

  @Override
  public List<String> getLabels() {
    return null;
  }
}
