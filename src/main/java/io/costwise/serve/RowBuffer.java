package io.costwise.serve;

import java.util.Arrays;

/**
 * Decoded rows as they are read, row-major, growing as rows arrive up to {@code maxRows} (a chunk
 * of a streamed body), and the costs rows carry (allocated by the first row that gives any).
 */
final class RowBuffer {
  /** The largest array the JVM allocates. */
  static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

  private final int features;
  private final int maxRows;
  private double[] values;
  private int count;

  /** Null until a row gives costs; then {@link ModelCosts#PER_ROW} per row, NaN where none. */
  private double[] costs;

  /**
   * @param initialRows rows to allocate at first (a guess from the body's size)
   * @param maxRows rows after which {@link #full()} (the decoders stop there)
   */
  RowBuffer(int features, int initialRows, int maxRows) {
    this.features = features;
    this.maxRows = maxRows;
    this.values = new double[Math.max(1, Math.min(initialRows, maxRows)) * features];
  }

  boolean full() {
    return count >= maxRows;
  }

  int count() {
    return count;
  }

  /** The values; read after {@link #startRow()}, which may replace the array. */
  double[] values() {
    return values;
  }

  double[] costs() {
    return costs;
  }

  /** Adds a row and returns the offset of its first value. */
  int startRow() {
    long needed = (long) (count + 1) * features;
    if (needed > values.length) {
      // Doubling, but never past the largest array the JVM allocates (an int overflow there was a
      // NegativeArraySizeException).
      long grown = Math.min(Math.max(needed, 2L * values.length), MAX_ARRAY);
      if (grown < needed) {
        throw ServingException.payloadTooLarge(
            "The request has more values than one request can hold; split it.");
      }
      values = Arrays.copyOf(values, (int) grown);
    }
    return count++ * features;
  }

  /** The offset of row {@code row}'s costs, allocating them (NaN: not given) when needed. */
  int costOffset(int row) {
    int needed = (row + 1) * ModelCosts.PER_ROW;
    if (costs == null || needed > costs.length) {
      int previous = costs == null ? 0 : costs.length;
      costs = Arrays.copyOf(costs == null ? new double[0] : costs, Math.max(needed, 2 * previous));
      Arrays.fill(costs, previous, costs.length, Double.NaN);
    }
    return row * ModelCosts.PER_ROW;
  }

  /** Gives row {@code row} the costs {@code given} (four, NaN where none), if there are any. */
  void setCosts(int row, double[] given) {
    if (ModelCosts.carries(given, 0)) {
      int offset = costOffset(row);
      System.arraycopy(given, 0, costs, offset, ModelCosts.PER_ROW);
    }
  }

  /** Forgets the rows, for the next chunk; the values array is kept. */
  void clear() {
    count = 0;
    costs = null;
  }

  /** The rows so far, sharing this buffer's arrays (valid until the next {@link #clear()}). */
  Rows rows() {
    if (costs != null && costs.length < count * ModelCosts.PER_ROW) {
      // Rows after the last one with costs have none.
      costOffset(count - 1);
    }
    return new Rows(values, count, costs);
  }
}
