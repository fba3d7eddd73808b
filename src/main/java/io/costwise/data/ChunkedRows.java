package io.costwise.data;

import io.costwise.error.InvalidInputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Collects rows of a known width, whose number is not known in advance (a Pipe-mode FIFO has no
 * size), as float32 chunks of {@link #chunkRows} rows, on the heap while the {@link MemoryBudget}
 * allows and in a spill file on local disk after that.
 *
 * <p>On the heap, only the first chunk grows (doubling, so small data stays small); later chunks
 * are allocated whole and never copied. When a chunk cannot be reserved, everything held so far is
 * written to a file in the scratch folder (little-endian float32, row-major), the heap chunks are
 * dropped, and every later row is appended to the file through a 1 MB buffer, so the heap never
 * holds a second copy: its peak is the budget plus that buffer. {@link #finish()} maps the file
 * read-only, one {@link java.nio.MappedByteBuffer} per chunk, and unlinks it: on Linux a mapping
 * outlives its file's name, and the space comes back when the mapping is garbage-collected or the
 * JVM exits ({@link java.io.File#deleteOnExit} covers the systems where unlinking fails).
 *
 * <p>Labels, one byte a row, stay on the heap in both cases; they are not counted in the budget,
 * being at most a quarter of the features' size and usually a hundredth.
 *
 * <p>Per-row costs, when the channel has cost columns, are doubles (money: float32's step passes a
 * cent above $131,072), one array per cost column per chunk, and like the labels they stay on the
 * heap when the features spill: the learners and the evaluation read them by row, over and over.
 * Unlike the labels they are counted in the budget, being 8 bytes a column a row, about a quarter
 * of 30 features' size with four columns; since they cannot go to disk they take their bytes even
 * when that overdraws the budget, and the features spill all the sooner.
 */
final class ChunkedRows {
  /** Rows per chunk unless the rows are very wide: 7.5 MB of float32 at 30 features. */
  static final int CHUNK_ROWS = 1 << 16;

  /** Largest chunk: a mapping must stay under 2 GB, and huge heap arrays fragment G1's regions. */
  private static final long MAX_CHUNK_BYTES = 1L << 30;

  private static final int FIRST_CHUNK_ROWS = 256;

  /** Where a reader's rows go: the budget it shares, the folder for spill files, rows per chunk. */
  record Settings(MemoryBudget budget, Path scratchDir, int chunkRows) {
    ChunkedRows open(int columns, int costColumns, String channel) {
      return new ChunkedRows(columns, costColumns, chunkRows, budget, scratchDir, channel);
    }
  }

  private static final int WRITE_BUFFER = 1 << 20;

  private final int columns;
  private final int costColumns;
  private final int chunkRows;
  private final MemoryBudget budget;
  private final Path scratchDir;
  private final String channel;

  private final List<float[]> fullFeatures = new ArrayList<>();
  private final List<byte[]> fullLabels = new ArrayList<>();
  private final List<double[][]> fullCosts = new ArrayList<>();

  /** The current chunk's features; null once the rows go to the spill file. */
  private float[] features;

  private byte[] labels;

  /** The current chunk's costs, {@code [cost column][row]}, as long as {@link #labels}. */
  private double[][] costs;

  private int used;
  private long rows;
  private long reserved;
  private long reservedCosts;

  private Path file;
  private FileChannel output;
  private ByteBuffer buffer;

  /**
   * @param columns values per row
   * @param preferredChunkRows rows per chunk, a power of two; fewer if that would exceed 1 GB
   * @param scratchDir where a spill file goes
   * @param channel the channel's name, for the file's name and messages
   */
  ChunkedRows(
      int columns, int preferredChunkRows, MemoryBudget budget, Path scratchDir, String channel) {
    this(columns, 0, preferredChunkRows, budget, scratchDir, channel);
  }

  /**
   * @param costColumns per-row costs kept beside the features (0 for none)
   */
  ChunkedRows(
      int columns,
      int costColumns,
      int preferredChunkRows,
      MemoryBudget budget,
      Path scratchDir,
      String channel) {
    if (columns < 0 || costColumns < 0 || Integer.bitCount(preferredChunkRows) != 1) {
      throw new IllegalArgumentException(columns + " columns, " + preferredChunkRows + " rows");
    }
    this.columns = columns;
    this.costColumns = costColumns;
    this.chunkRows = chunkRows(columns, preferredChunkRows);
    this.budget = budget;
    this.scratchDir = scratchDir;
    this.channel = channel;
    int first = Math.min(FIRST_CHUNK_ROWS, chunkRows);
    labels = new byte[first];
    costs = newCosts(first);
    if (reserve(first)) {
      features = new float[first * columns];
    } else {
      spill();
    }
  }

  /** The largest power of two up to {@code preferred} whose chunk stays within 1 GB. */
  static int chunkRows(int columns, int preferred) {
    int rows = preferred;
    while (rows > 1 && (long) rows * columns * Float.BYTES > MAX_CHUNK_BYTES) {
      rows >>= 1;
    }
    return rows;
  }

  /** Appends one row: {@code columns} values from {@code values[from]} on, stored as float32. */
  void add(double[] values, int from, int label) {
    if (used == labels.length) {
      grow();
    }
    if (features != null) {
      int at = used * columns;
      for (int i = 0; i < columns; i++) {
        features[at + i] = (float) values[from + i];
      }
    } else {
      if (buffer.remaining() < columns * Float.BYTES) {
        flush();
      }
      for (int i = 0; i < columns; i++) {
        buffer.putFloat((float) values[from + i]);
      }
    }
    labels[used++] = (byte) label;
    rows++;
  }

  /**
   * Appends one row as {@link #add(double[], int, int)} does, with its {@code costColumns} costs.
   */
  void add(double[] values, int from, int label, double[] rowCosts) {
    add(values, from, label);
    for (int i = 0; i < costColumns; i++) {
      costs[i][used - 1] = rowCosts[i];
    }
  }

  long rows() {
    return rows;
  }

  /**
   * The rows as chunks in order: heap chunks (the last one trimmed), or mapped views of the spill
   * file. The builder is spent afterwards.
   */
  List<RowChunk> finish() {
    List<RowChunk> chunks = new ArrayList<>();
    if (features != null) {
      for (int i = 0; i < fullFeatures.size(); i++) {
        chunks.add(
            RowChunk.onHeap(columns, fullFeatures.get(i), fullLabels.get(i), fullCosts.get(i)));
      }
      if (used > 0) {
        float[] last = features;
        if (used < labels.length) {
          last = Arrays.copyOf(features, used * columns);
          long unused = (long) (labels.length - used) * columns * Float.BYTES;
          budget.release(unused);
          reserved -= unused;
        }
        chunks.add(RowChunk.onHeap(columns, last, Arrays.copyOf(labels, used), lastCosts()));
      }
    } else {
      try {
        flush();
        long position = 0;
        List<byte[]> allLabels = new ArrayList<>(fullLabels);
        List<double[][]> allCosts = new ArrayList<>(fullCosts);
        if (used > 0) {
          allLabels.add(Arrays.copyOf(labels, used));
          allCosts.add(lastCosts());
        }
        for (int i = 0; i < allLabels.size(); i++) {
          byte[] chunkLabels = allLabels.get(i);
          long size = (long) chunkLabels.length * columns * Float.BYTES;
          ByteBuffer mapped = output.map(FileChannel.MapMode.READ_ONLY, position, size);
          chunks.add(
              RowChunk.mapped(
                  columns,
                  mapped.order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer(),
                  chunkLabels,
                  allCosts.get(i),
                  file));
          position += size;
        }
        output.close();
      } catch (IOException e) {
        discard();
        throw spillFailed(e);
      }
      unlink();
    }
    fullFeatures.clear();
    fullLabels.clear();
    fullCosts.clear();
    features = null;
    labels = null;
    costs = null;
    return chunks;
  }

  /** The current chunk's costs, trimmed to its rows; gives back the rest of their reservation. */
  private double[][] lastCosts() {
    if (costColumns == 0 || used == labels.length) {
      return costs;
    }
    double[][] trimmed = new double[costColumns][];
    for (int i = 0; i < costColumns; i++) {
      trimmed[i] = Arrays.copyOf(costs[i], used);
    }
    long unused = (long) (labels.length - used) * costColumns * Double.BYTES;
    budget.release(unused);
    reservedCosts -= unused;
    return trimmed;
  }

  /** Gives back the memory reserved and deletes the spill file: the rows are not wanted. */
  void discard() {
    budget.release(reserved + reservedCosts);
    reserved = 0;
    reservedCosts = 0;
    fullFeatures.clear();
    fullLabels.clear();
    fullCosts.clear();
    features = null;
    costs = null;
    if (output != null) {
      try {
        output.close();
      } catch (IOException e) {
        // Closing is only to delete the file; the file goes on exit otherwise.
      }
    }
    unlink();
  }

  private void grow() {
    if (labels.length < chunkRows) {
      int capacity = Math.min(labels.length * 2, chunkRows);
      if (features != null) {
        long before = (long) features.length * Float.BYTES;
        if (reserve(capacity)) {
          features = Arrays.copyOf(features, capacity * columns);
          budget.release(before);
          reserved -= before;
        } else {
          spill();
        }
      }
      labels = Arrays.copyOf(labels, capacity);
      costs = grownCosts(capacity);
    } else {
      if (features != null) {
        fullFeatures.add(features);
      }
      fullLabels.add(labels);
      fullCosts.add(costs);
      labels = new byte[chunkRows];
      costs = newCosts(chunkRows);
      used = 0;
      if (features != null) {
        if (reserve(chunkRows)) {
          features = new float[chunkRows * columns];
        } else {
          features = null;
          spill();
        }
      }
    }
  }

  /** Cost arrays for {@code capacity} rows, taken from the budget whatever is left in it. */
  private double[][] newCosts(int capacity) {
    double[][] fresh = new double[costColumns][];
    for (int i = 0; i < costColumns; i++) {
      fresh[i] = new double[capacity];
    }
    takeCosts(capacity);
    return fresh;
  }

  /** The first chunk's cost arrays, grown to {@code capacity} rows. */
  private double[][] grownCosts(int capacity) {
    if (costColumns == 0) {
      return costs;
    }
    double[][] grown = new double[costColumns][];
    for (int i = 0; i < costColumns; i++) {
      grown[i] = Arrays.copyOf(costs[i], capacity);
    }
    takeCosts(capacity - costs[0].length);
    return grown;
  }

  private void takeCosts(int rowCapacity) {
    if (costColumns > 0) {
      long bytes = (long) rowCapacity * costColumns * Double.BYTES;
      budget.take(bytes);
      reservedCosts += bytes;
    }
  }

  private boolean reserve(int chunkCapacity) {
    long bytes = (long) chunkCapacity * columns * Float.BYTES;
    if (budget.tryReserve(bytes)) {
      reserved += bytes;
      return true;
    }
    return false;
  }

  /** Moves every row held on the heap to a new spill file, which takes all later rows. */
  private void spill() {
    try {
      file =
          Files.createTempFile(
              scratchDir, "costwise-" + channel.replaceAll("[^A-Za-z0-9_-]", "_") + "-", ".f32");
      file.toFile().deleteOnExit();
      output = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
      buffer =
          ByteBuffer.allocateDirect(Math.max(WRITE_BUFFER, columns * Float.BYTES))
              .order(ByteOrder.LITTLE_ENDIAN);
      for (float[] chunk : fullFeatures) {
        write(chunk, chunk.length);
      }
      if (features != null) {
        write(features, used * columns);
      }
    } catch (IOException e) {
      discard();
      throw spillFailed(e);
    }
    fullFeatures.clear();
    features = null;
    budget.release(reserved);
    reserved = 0;
  }

  private void write(float[] values, int count) throws IOException {
    for (int i = 0; i < count; i++) {
      if (!buffer.hasRemaining()) {
        drain();
      }
      buffer.putFloat(values[i]);
    }
  }

  private void flush() {
    try {
      drain();
    } catch (IOException e) {
      discard();
      throw spillFailed(e);
    }
  }

  private void drain() throws IOException {
    buffer.flip();
    while (buffer.hasRemaining()) {
      output.write(buffer);
    }
    buffer.clear();
  }

  private void unlink() {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // deleteOnExit, registered when the file was made, still applies.
      }
    }
  }

  private InvalidInputException spillFailed(IOException e) {
    return new InvalidInputException(
        ("Channel '%s' needs more memory than the training data may use (%s of heap), and its"
                + " rows could not be written to local disk in %s (%s); give the job a larger"
                + " storage volume or an instance with more memory.")
            .formatted(
                channel,
                Storage.size(budget.total()),
                scratchDir,
                e.getClass().getSimpleName() + ": " + e.getMessage()),
        e);
  }
}
