package io.costwise.data;

import java.nio.FloatBuffer;
import java.nio.file.Path;

/**
 * A run of consecutive rows of a {@link Dataset}: their features as float32, row-major, either in a
 * heap array or in a read-only memory-mapped view of a spill file, and their labels, a byte each,
 * and per-row costs, a double per cost column, always on the heap.
 *
 * <p>One class for both kinds rather than two subclasses, so that the per-row calls stay a
 * predictable branch. Reads use absolute indices only, so one chunk can be read from many threads.
 */
final class RowChunk {
  private final int rows;
  private final int columns;
  private final byte[] labels;

  /** {@code [cost column][row]}; no arrays when the data has no cost columns. */
  private final double[][] costs;

  private final int positives;
  private final float[] heap;
  private final FloatBuffer mapped;
  private final Path file;

  private static final double[][] NO_COSTS = new double[0][];

  private RowChunk(
      int rows,
      int columns,
      byte[] labels,
      double[][] costs,
      float[] heap,
      FloatBuffer mapped,
      Path file) {
    if (labels.length != rows) {
      throw new IllegalArgumentException(labels.length + " labels for " + rows + " rows");
    }
    for (double[] column : costs) {
      if (column.length != rows) {
        throw new IllegalArgumentException(column.length + " costs for " + rows + " rows");
      }
    }
    long values = (long) rows * columns;
    if (heap != null ? heap.length != values : mapped.capacity() != values) {
      throw new IllegalArgumentException("chunk values do not match " + rows + " × " + columns);
    }
    this.rows = rows;
    this.columns = columns;
    this.labels = labels;
    this.costs = costs;
    this.heap = heap;
    this.mapped = mapped;
    this.file = file;
    int count = 0;
    for (byte label : labels) {
      count += label;
    }
    this.positives = count;
  }

  /** Rows held in {@code features}, exactly {@code labels.length × columns} values. */
  static RowChunk onHeap(int columns, float[] features, byte[] labels) {
    return onHeap(columns, features, labels, NO_COSTS);
  }

  /** As {@link #onHeap(int, float[], byte[])}, with one array of costs per cost column. */
  static RowChunk onHeap(int columns, float[] features, byte[] labels, double[][] costs) {
    return new RowChunk(labels.length, columns, labels, costs, features, null, null);
  }

  /** Rows in a mapped view of {@code file}, exactly {@code labels.length × columns} values. */
  static RowChunk mapped(int columns, FloatBuffer features, byte[] labels, Path file) {
    return mapped(columns, features, labels, NO_COSTS, file);
  }

  /** As {@link #mapped(int, FloatBuffer, byte[], Path)}, with costs on the heap. */
  static RowChunk mapped(
      int columns, FloatBuffer features, byte[] labels, double[][] costs, Path file) {
    return new RowChunk(labels.length, columns, labels, costs, null, features, file);
  }

  int rows() {
    return rows;
  }

  int positives() {
    return positives;
  }

  boolean isMapped() {
    return mapped != null;
  }

  /** The spill file the rows are mapped from; null for heap rows. */
  Path file() {
    return file;
  }

  /** Bytes of feature values. */
  long bytes() {
    return (long) rows * columns * Float.BYTES;
  }

  int costColumns() {
    return costs.length;
  }

  /** Bytes of costs, on the heap whatever the features' storage. */
  long costBytes() {
    return (long) rows * costs.length * Double.BYTES;
  }

  double cost(int row, int costColumn) {
    return costs[costColumn][row];
  }

  /** Copies this chunk's costs of one cost column into {@code destination} from {@code offset}. */
  void readCosts(int costColumn, double[] destination, int offset) {
    System.arraycopy(costs[costColumn], 0, destination, offset, rows);
  }

  int label(int row) {
    return labels[row];
  }

  float feature(int row, int column) {
    int index = row * columns + column;
    return heap != null ? heap[index] : mapped.get(index);
  }

  /** Copies rows {@code [row, row + count)} into {@code destination} at {@code offset}. */
  void read(int row, int count, double[] destination, int offset) {
    int from = row * columns;
    int values = count * columns;
    if (heap != null) {
      float[] source = heap;
      for (int i = 0; i < values; i++) {
        destination[offset + i] = source[from + i];
      }
    } else {
      FloatBuffer source = mapped;
      for (int i = 0; i < values; i++) {
        destination[offset + i] = source.get(from + i);
      }
    }
  }

  /** Copies this chunk's labels into {@code destination} from {@code offset} on. */
  void readLabels(int[] destination, int offset) {
    for (int i = 0; i < rows; i++) {
      destination[offset + i] = labels[i];
    }
  }
}
