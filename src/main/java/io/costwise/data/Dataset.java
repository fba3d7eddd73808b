package io.costwise.data;

import io.costwise.cost.CaseCosts;
import io.costwise.cost.CostModel;
import io.costwise.cost.Outcome;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A labelled table for binary classification: {@code rows × columns} real features and a 0/1 label
 * per row.
 *
 * <p>Features are held once, compactly: as float32, row-major, in chunks of consecutive rows
 * (65,536 of them unless rows are very wide), so no Java array limit applies to the table as a
 * whole. A chunk is a heap array, or, when the data did not fit in the reader's memory budget, a
 * read-only memory-mapped view of a spill file on local disk; {@link #storage()} says which. Labels
 * take a byte a row, on the heap.
 *
 * <p>Values are parsed as {@code double} and stored as {@code (float)}: float32 holds about 7
 * significant digits, more than any feature needs (measurements rarely carry more than 4 or 5), and
 * halves the memory and the disk traffic; every accessor widens back to {@code double}, and the
 * learners compute in {@code double}. A value read back is therefore {@code (double) (float) x},
 * e.g. {@code 0.1} comes back as {@code 0.10000000149011612}. {@link ChannelReader} rejects values
 * beyond float32's range (±3.4 × 10^38); values too small for float32 become 0.
 *
 * <p>When the channel had cost columns ({@link ChannelReader#readFolder(String, java.nio.file.Path,
 * java.util.OptionalInt, CostModel)}), each row also has its costs: doubles, not float32, since
 * they are money and float32 keeps about 7 significant digits (its step passes a cent above
 * $131,072); on the heap even when the features spill, a double per cost column per row, in the
 * same chunks as the features; see {@link #costColumns()}. They are not features: {@link
 * #columns()} and {@link #featureNames()} leave them out.
 *
 * <p>Learners and scorers read with {@link #readRows} (a block at a time) and {@link #readRow} (by
 * index, e.g. in a shuffled order), which work whatever the storage; {@link #featuresRowMajor()}
 * copies everything into one array and is for small data only.
 *
 * <p>The class is immutable and safe to read from many threads: constructors copy, accessors copy,
 * and mapped chunks are read with absolute indices only.
 */
public final class Dataset {
  /** The largest Java array. */
  private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

  private final List<String> featureNames;
  private final int columns;
  private final int rows;
  private final int positives;
  private final RowChunk[] chunks;

  /** First row of each chunk, then {@link #rows}: strictly ascending. */
  private final int[] starts;

  /** log2 of the rows per chunk when all chunks but the last have that many; else -1. */
  private final int shift;

  private final String sha256;
  private final String storage;

  /** Which cost columns the chunks hold and whose costs they are; {@link CostLayout#NONE}. */
  private final CostLayout costs;

  private final Map<Outcome, String> costColumnNames;

  /**
   * @param featureNames one name per column (from a header row, or {@code f1 … fN})
   * @param features row-major values, {@code labels.length × featureNames.size()} of them, stored
   *     as float32 (see the class comment)
   * @param labels 0 or 1 per row
   * @param sha256 hex SHA-256 of the bytes the data was read from, for provenance
   */
  public Dataset(List<String> featureNames, double[] features, int[] labels, String sha256) {
    this(featureNames, onHeap(featureNames.size(), features, labels), sha256, null);
  }

  /**
   * The rows in {@code chunks}, in that order.
   *
   * @param storage what {@link #storage()} says; null to describe heap data built by code
   */
  Dataset(List<String> featureNames, List<RowChunk> chunks, String sha256, String storage) {
    this(featureNames, chunks, CostLayout.NONE, Map.of(), sha256, storage);
  }

  /**
   * The rows in {@code chunks}, with the costs they hold as {@code costs} lays them out.
   *
   * @param costColumnNames each outcome with a cost column, and that column's name
   */
  Dataset(
      List<String> featureNames,
      List<RowChunk> chunks,
      CostLayout costs,
      Map<Outcome, String> costColumnNames,
      String sha256,
      String storage) {
    this.costs = costs;
    this.costColumnNames = Collections.unmodifiableMap(copy(costColumnNames));
    this.featureNames = List.copyOf(featureNames);
    this.columns = featureNames.size();
    this.sha256 = Objects.requireNonNull(sha256, "sha256");
    this.chunks = chunks.toArray(RowChunk[]::new);
    this.starts = new int[this.chunks.length + 1];
    long total = 0;
    int count = 0;
    for (int i = 0; i < this.chunks.length; i++) {
      if (this.chunks[i].rows() == 0) {
        throw new IllegalArgumentException("empty chunk " + i);
      }
      if (this.chunks[i].costColumns() != costs.count()) {
        throw new IllegalArgumentException("chunk " + i + " has other cost columns");
      }
      starts[i] = (int) total;
      total += this.chunks[i].rows();
      count += this.chunks[i].positives();
      if (total > MAX_ARRAY) {
        throw new IllegalArgumentException("more than " + MAX_ARRAY + " rows");
      }
    }
    this.rows = (int) total;
    this.starts[this.chunks.length] = rows;
    this.positives = count;
    this.shift = uniformShift(this.chunks);
    this.storage = storage != null ? storage : Storage.describe(chunks, null, 0);
  }

  private static Map<Outcome, String> copy(Map<Outcome, String> names) {
    Map<Outcome, String> copy = new EnumMap<>(Outcome.class);
    copy.putAll(names);
    return copy;
  }

  private static List<RowChunk> onHeap(int columns, double[] features, int[] labels) {
    if (features.length != (long) labels.length * columns) {
      throw new IllegalArgumentException(
          "features has "
              + features.length
              + " values, expected "
              + labels.length
              + " rows × "
              + columns
              + " columns");
    }
    ChunkedRows built = heapRows(columns);
    for (int row = 0; row < labels.length; row++) {
      int label = labels[row];
      if (label != 0 && label != 1) {
        throw new IllegalArgumentException("labels must be 0 or 1, got " + label);
      }
      built.add(features, row * columns, label);
    }
    return built.finish();
  }

  private static ChunkedRows heapRows(int columns) {
    return heapRows(columns, 0);
  }

  private static ChunkedRows heapRows(int columns, int costColumns) {
    return new ChunkedRows(
        columns, costColumns, ChunkedRows.CHUNK_ROWS, MemoryBudget.unlimited(), null, "in-memory");
  }

  private static int uniformShift(RowChunk[] chunks) {
    if (chunks.length == 0) {
      return 0;
    }
    int size = chunks[0].rows();
    if (Integer.bitCount(size) != 1) {
      return chunks.length == 1 ? 31 : -1;
    }
    for (int i = 1; i < chunks.length - 1; i++) {
      if (chunks[i].rows() != size) {
        return -1;
      }
    }
    if (chunks.length > 1 && chunks[chunks.length - 1].rows() > size) {
      return -1;
    }
    return Integer.numberOfTrailingZeros(size);
  }

  /** Default feature names {@code f1 … fN}, used when the data has no header row. */
  public static List<String> defaultFeatureNames(int columns) {
    String[] names = new String[columns];
    for (int i = 0; i < columns; i++) {
      names[i] = "f" + (i + 1);
    }
    return List.of(names);
  }

  public int rows() {
    return rows;
  }

  public int columns() {
    return columns;
  }

  public List<String> featureNames() {
    return featureNames;
  }

  /**
   * Where the rows are held and why, for the training log: e.g. {@code in memory (120 MB as
   * float32, within the 1,024 MB memory budget)}, or {@code on local disk, memory-mapped from
   * /tmp/costwise-train-….f32 (600 MB as float32, more than the 200 MB memory budget; unlinked once
   * mapped)}.
   */
  public String storage() {
    return storage;
  }

  public double feature(int row, int column) {
    Objects.checkIndex(column, columns);
    int chunk = chunkOf(row);
    return chunks[chunk].feature(row - starts[chunk], column);
  }

  public int label(int row) {
    int chunk = chunkOf(row);
    return chunks[chunk].label(row - starts[chunk]);
  }

  /**
   * A copy of the features, row-major, in one array: for small data only.
   *
   * @throws IllegalStateException if there are more values than a Java array holds; read such data
   *     in blocks with {@link #readRows}
   */
  public double[] featuresRowMajor() {
    long values = (long) rows * columns;
    if (values > MAX_ARRAY) {
      throw new IllegalStateException(
          String.format(
              "the data has %,d rows × %,d features = %,d values, more than the %,d a Java array"
                  + " holds (%,d MB as double); read it in blocks with readRows",
              rows, columns, values, MAX_ARRAY, values * Double.BYTES >> 20));
    }
    double[] all = new double[(int) values];
    readRows(0, rows, all);
    return all;
  }

  /** A copy of the labels. */
  public int[] labels() {
    int[] all = new int[rows];
    for (int i = 0; i < chunks.length; i++) {
      chunks[i].readLabels(all, starts[i]);
    }
    return all;
  }

  /**
   * Copies rows {@code [from, to)} into {@code destination}, row-major from index 0: the way
   * learners and scorers read data, a block at a time, whatever the storage.
   */
  public void readRows(int from, int to, double[] destination) {
    Objects.checkFromToIndex(from, to, rows);
    if ((long) (to - from) * columns > destination.length) {
      throw new IndexOutOfBoundsException(
          "rows " + from + " to " + to + " need " + (long) (to - from) * columns + " values");
    }
    int at = 0;
    int row = from;
    int chunk = row < to ? chunkOf(row) : 0;
    while (row < to) {
      int local = row - starts[chunk];
      int count = Math.min(to, starts[chunk + 1]) - row;
      chunks[chunk].read(local, count, destination, at);
      at += count * columns;
      row += count;
      chunk++;
    }
  }

  /** Copies one row's features into {@code destination} at {@code offset}. */
  public void readRow(int row, double[] destination, int offset) {
    Objects.checkFromIndexSize(offset, columns, destination.length);
    int chunk = chunkOf(row);
    chunks[chunk].read(row - starts[chunk], 1, destination, offset);
  }

  /** A copy of one row's features. */
  public double[] row(int row) {
    double[] values = new double[columns];
    readRow(row, values, 0);
    return values;
  }

  /** The number of rows whose label is 1. */
  public int positives() {
    return positives;
  }

  /** The number of rows whose label is 0. */
  public int negatives() {
    return rows - positives;
  }

  /** Hex SHA-256 of the bytes the data was read from. */
  public String sha256() {
    return sha256;
  }

  /**
   * The rows at the given indices, in that order (used for splits and folds), as a new data set
   * held in memory whatever this one's storage.
   */
  public Dataset select(int[] rowIndices, String derivedSha256) {
    ChunkedRows selected = heapRows(columns, costs.count());
    double[] values = new double[columns];
    double[] rowCosts = new double[costs.count()];
    for (int row : rowIndices) {
      readRow(row, values, 0);
      if (costs.isEmpty()) {
        selected.add(values, 0, label(row));
      } else {
        int chunk = chunkOf(row);
        for (int i = 0; i < rowCosts.length; i++) {
          rowCosts[i] = chunks[chunk].cost(row - starts[chunk], i);
        }
        selected.add(values, 0, label(row), rowCosts);
      }
    }
    return new Dataset(
        featureNames, selected.finish(), costs, costColumnNames, derivedSha256, null);
  }

  /**
   * Each row's cost, for each outcome that has a cost column: a copy, one value per row. Outcomes
   * that share a column share one array. Empty when the data has no cost columns.
   */
  public Map<Outcome, double[]> costColumns() {
    double[][] bySlot = new double[costs.count()][];
    for (int slot = 0; slot < bySlot.length; slot++) {
      bySlot[slot] = new double[rows];
      for (int i = 0; i < chunks.length; i++) {
        chunks[i].readCosts(slot, bySlot[slot], starts[i]);
      }
    }
    Map<Outcome, double[]> byOutcome = new EnumMap<>(Outcome.class);
    for (Outcome outcome : Outcome.values()) {
      int slot = costs.slot(outcome);
      if (slot >= 0) {
        byOutcome.put(outcome, bySlot[slot]);
      }
    }
    return Collections.unmodifiableMap(byOutcome);
  }

  /**
   * For each outcome that has a cost column, that column's name, for reports: its header name, or
   * {@code column N} (1-based, the label is column 1) when the data has no header.
   */
  public Map<Outcome, String> costColumnNames() {
    return costColumnNames;
  }

  /**
   * The costs of each row under {@code model}: its cost columns' values from this data, its fixed
   * costs for the other outcomes.
   *
   * @throws IllegalArgumentException if the model names other cost columns than this data was read
   *     with
   */
  public CaseCosts caseCosts(CostModel model) {
    return costs.isEmpty() && model.columns().isEmpty()
        ? CaseCosts.fixed(model, rows)
        : CaseCosts.of(model, costColumns(), rows);
  }

  private int chunkOf(int row) {
    Objects.checkIndex(row, rows);
    if (shift >= 0) {
      return row >>> shift;
    }
    int found = Arrays.binarySearch(starts, row);
    return found >= 0 ? found : -found - 2;
  }

  @Override
  public String toString() {
    return "Dataset["
        + rows
        + " rows × "
        + columns
        + " features"
        + (costs.isEmpty() ? "" : ", " + costs.count() + " cost columns")
        + ", "
        + storage
        + "]";
  }
}
