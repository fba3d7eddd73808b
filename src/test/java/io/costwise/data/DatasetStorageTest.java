package io.costwise.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rows held on the heap and rows spilled to a memory-mapped file read back the same. */
class DatasetStorageTest {
  @TempDir Path dir;
  @TempDir Path scratch;

  /** Writes {@code rows} random rows of {@code columns} features, with a header, to one file. */
  private static String csv(int rows, int columns, long seed, boolean header) {
    SplittableRandom random = new SplittableRandom(seed);
    StringBuilder text = new StringBuilder();
    if (header) {
      text.append("label");
      for (int c = 0; c < columns; c++) {
        text.append(",x").append(c);
      }
      text.append('\n');
    }
    for (int r = 0; r < rows; r++) {
      text.append(random.nextInt(2));
      for (int c = 0; c < columns; c++) {
        // Values float32 cannot hold exactly, of varied magnitude and sign.
        double value = (random.nextDouble() - 0.3) * Math.pow(10, random.nextInt(-3, 6));
        text.append(',').append(value);
      }
      text.append('\n');
    }
    return text.toString();
  }

  private Dataset read(long budget, int threads, int chunkRows) {
    return new ChannelReader(budget, scratch, threads, chunkRows)
        .readFolder("train", dir, OptionalInt.empty());
  }

  /** Every accessor of {@code actual} gives what {@code expected}'s does. */
  static void assertSameData(Dataset expected, Dataset actual) {
    assertEquals(expected.rows(), actual.rows());
    assertEquals(expected.columns(), actual.columns());
    assertEquals(expected.featureNames(), actual.featureNames());
    assertEquals(expected.sha256(), actual.sha256());
    assertEquals(expected.positives(), actual.positives());
    assertEquals(expected.negatives(), actual.negatives());
    assertArrayEquals(expected.labels(), actual.labels());
    assertArrayEquals(expected.featuresRowMajor(), actual.featuresRowMajor());
    assertEquals(expected.costColumnNames(), actual.costColumnNames());
    assertEquals(expected.costColumns().keySet(), actual.costColumns().keySet());
    expected
        .costColumns()
        .forEach((outcome, costs) -> assertArrayEquals(costs, actual.costColumns().get(outcome)));
    int rows = expected.rows();
    int columns = expected.columns();
    SplittableRandom random = new SplittableRandom(11);
    for (int i = 0; i < 200; i++) {
      int from = random.nextInt(rows);
      int to = from + random.nextInt(Math.min(rows - from, 40) + 1);
      double[] a = new double[(to - from) * columns + 3];
      double[] b = new double[(to - from) * columns + 3];
      expected.readRows(from, to, a);
      actual.readRows(from, to, b);
      assertArrayEquals(a, b, "rows " + from + " to " + to);
    }
    List<Integer> order = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      order.add(r);
    }
    Collections.shuffle(order, new java.util.Random(5));
    double[] a = new double[columns + 2];
    double[] b = new double[columns + 2];
    for (int row : order) {
      expected.readRow(row, a, 2);
      actual.readRow(row, b, 2);
      assertArrayEquals(a, b, "row " + row);
      assertArrayEquals(expected.row(row), actual.row(row));
      assertEquals(expected.label(row), actual.label(row));
      int column = row % columns;
      assertEquals(expected.feature(row, column), actual.feature(row, column));
    }
  }

  private List<Path> scratchFiles() throws IOException {
    try (Stream<Path> files = Files.list(scratch)) {
      return files.toList();
    }
  }

  @Test
  void spilledRowsReadBackExactlyAsRowsInMemory() throws IOException {
    TestFiles.write(dir, "a.csv", csv(1000, 7, 1, true));

    Dataset inMemory = read(Long.MAX_VALUE, 1, 64);
    Dataset spilled = read(0, 1, 64);
    Dataset spilledPartWay = read(3000, 1, 64);

    assertSameData(inMemory, spilled);
    assertSameData(inMemory, spilledPartWay);
    assertTrue(inMemory.storage().startsWith("in memory ("), inMemory.storage());
    assertTrue(
        spilled.storage().startsWith("on local disk, memory-mapped from "), spilled.storage());
    assertTrue(spilled.storage().contains(scratch.toString()), spilled.storage());
    assertTrue(spilledPartWay.storage().contains("more than the 3 KB memory budget"));
    // Mapped, then unlinked: nothing is left behind in the scratch folder.
    assertEquals(List.of(), scratchFiles());
  }

  @Test
  void valuesAreTheParsedDoublesRoundedToFloat32() {
    TestFiles.write(dir, "a.csv", "1,0.1,17.99,1e-50,-3\n0,2,3.4028234e38,0,1\n");

    for (long budget : new long[] {Long.MAX_VALUE, 0}) {
      Dataset data = read(budget, 1, 64);
      assertArrayEquals(
          new double[] {0.1f, 17.99f, 0, -3, 2, 3.4028234e38f, 0, 1}, data.featuresRowMajor());
    }
  }

  @Test
  void rowsBeyondOneChunkAtTheRealChunkSize() {
    int rows = 2 * ChunkedRows.CHUNK_ROWS + 123;
    StringBuilder text = new StringBuilder();
    for (int r = 0; r < rows; r++) {
      text.append(r % 3 == 0 ? 1 : 0).append(',').append(r).append(',').append(-r).append('\n');
    }
    TestFiles.write(dir, "big.csv", text.toString());

    Dataset inMemory = read(Long.MAX_VALUE, 1, ChunkedRows.CHUNK_ROWS);
    Dataset spilled = read(0, 1, ChunkedRows.CHUNK_ROWS);

    for (Dataset data : List.of(inMemory, spilled)) {
      assertEquals(rows, data.rows());
      double[] block = new double[20];
      int boundary = ChunkedRows.CHUNK_ROWS;
      data.readRows(boundary - 5, boundary + 5, block);
      for (int i = 0; i < 10; i++) {
        assertEquals(boundary - 5 + i, block[2 * i]);
        assertEquals(-(boundary - 5 + i), block[2 * i + 1]);
      }
      assertEquals(rows - 1, data.feature(rows - 1, 0));
      assertEquals((rows + 2) / 3, data.positives());
    }
    assertSameData(inMemory, spilled);
  }

  @Test
  void manyFilesInParallelAcrossChunkBoundariesEqualOneAfterAnother() {
    for (int f = 0; f < 9; f++) {
      TestFiles.write(dir, "part-" + f + ".csv", csv(37 * f + (f == 4 ? 0 : 5), 3, f, f % 2 == 0));
    }
    TestFiles.write(dir, "part-9.csv", "\n\n");

    Dataset sequential = read(Long.MAX_VALUE, 1, 16);
    for (long budget : new long[] {Long.MAX_VALUE, 0, 2000}) {
      assertSameData(sequential, read(budget, 4, 16));
    }
  }

  @Test
  void aFailureAfterSpillingLeavesNoFileBehind() throws IOException {
    TestFiles.write(dir, "a.csv", csv(500, 4, 3, false) + "1,1,2,3,x\n");

    assertThrows(DataFormatException.class, () -> read(0, 1, 64));

    assertEquals(List.of(), scratchFiles());
  }

  @Test
  void selectGivesRowsInMemoryWhateverTheStorage() {
    TestFiles.write(dir, "a.csv", csv(300, 5, 4, true));
    Dataset spilled = read(0, 1, 32);
    int[] rows = {299, 0, 150, 150, 31, 32, 33};

    Dataset selected = spilled.select(rows, "derived");

    assertEquals("derived", selected.sha256());
    assertEquals(spilled.featureNames(), selected.featureNames());
    assertTrue(selected.storage().startsWith("in memory ("), selected.storage());
    for (int i = 0; i < rows.length; i++) {
      assertArrayEquals(spilled.row(rows[i]), selected.row(i));
      assertEquals(spilled.label(rows[i]), selected.label(i));
    }
  }

  @Test
  void publicConstructorStoresFloat32AndChecksItsArguments() {
    Dataset data =
        new Dataset(List.of("a", "b"), new double[] {0.1, 2, 3, 0.7}, new int[] {1, 0}, "s");

    assertArrayEquals(new double[] {0.1f, 2, 3, 0.7f}, data.featuresRowMajor());
    assertEquals("in memory (1 KB as float32)", data.storage());
    assertThrows(
        IllegalArgumentException.class,
        () -> new Dataset(List.of("a"), new double[] {1, 2}, new int[] {1, 2}, "s"));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Dataset(List.of("a"), new double[] {1, 2, 3}, new int[] {1, 0}, "s"));
  }

  @Test
  void accessorsRejectRowsOutsideTheData() {
    Dataset data = new Dataset(List.of("a", "b"), new double[] {1, 2, 3, 4}, new int[] {1, 0}, "s");

    assertThrows(IndexOutOfBoundsException.class, () -> data.row(2));
    assertThrows(IndexOutOfBoundsException.class, () -> data.label(-1));
    assertThrows(IndexOutOfBoundsException.class, () -> data.readRows(1, 3, new double[4]));
    assertThrows(IndexOutOfBoundsException.class, () -> data.readRows(0, 2, new double[3]));
    assertThrows(IndexOutOfBoundsException.class, () -> data.readRow(0, new double[2], 1));
    assertThrows(IndexOutOfBoundsException.class, () -> data.feature(0, 2));
  }

  @Test
  void featuresRowMajorRefusesMoreThanAnArrayHolds() {
    // 2,048 chunks sharing one 4 MB buffer: 2^31 values without 8 GB of memory.
    int columns = 1 << 10;
    int rowsPerChunk = 1 << 10;
    FloatBuffer values = FloatBuffer.allocate(rowsPerChunk * columns);
    values.put(columns + 1, 42f);
    byte[] labels = new byte[rowsPerChunk];
    labels[0] = 1;
    List<RowChunk> chunks = new ArrayList<>();
    for (int i = 0; i < 2048; i++) {
      chunks.add(RowChunk.mapped(columns, values, labels, scratch.resolve("f")));
    }

    Dataset huge = new Dataset(Dataset.defaultFeatureNames(columns), chunks, "s", "test");

    assertEquals(1 << 21, huge.rows());
    assertEquals(2048, huge.positives());
    IllegalStateException e = assertThrows(IllegalStateException.class, huge::featuresRowMajor);
    assertEquals(
        "the data has 2,097,152 rows × 1,024 features = 2,147,483,648 values, more than the"
            + " 2,147,483,639 a Java array holds (16,384 MB as double); read it in blocks with"
            + " readRows",
        e.getMessage());
    double[] row = new double[columns];
    huge.readRow((1 << 20) + 1, row, 0);
    assertEquals(42, row[1]);
  }

  @Test
  void storageSaysWhereAndWhy() {
    float[] features = new float[3 << 20];
    FloatBuffer mapped = FloatBuffer.allocate(1 << 20);
    RowChunk heap = RowChunk.onHeap(1, features, new byte[3 << 20]);
    RowChunk disk = RowChunk.mapped(1, mapped, new byte[1 << 20], Path.of("/tmp/c-1.f32"));
    RowChunk disk2 = RowChunk.mapped(1, mapped, new byte[1 << 20], Path.of("/tmp/c-2.f32"));
    MemoryBudget budget = new MemoryBudget(1L << 30);

    assertEquals(
        "in memory (12 MB as float32, within the 1,024 MB memory budget)",
        Storage.describe(List.of(heap), budget, budget.total()));
    assertEquals(
        "in memory (12 MB as float32, within the 800 MB left of the 1,024 MB memory budget)",
        Storage.describe(List.of(heap), budget, 800L << 20));
    assertEquals(
        "on local disk, memory-mapped from /tmp/c-1.f32 (4 MB as float32, more than the 1,024 MB"
            + " memory budget; unlinked once mapped)",
        Storage.describe(List.of(disk), budget, budget.total()));
    assertEquals(
        "partly in memory (12 MB) and partly on local disk, memory-mapped from 2 files such as"
            + " /tmp/c-1.f32 (8 MB) (20 MB as float32 in all, more than the 1,024 MB memory"
            + " budget; unlinked once mapped)",
        Storage.describe(List.of(disk, heap, disk2), budget, budget.total()));
    assertEquals("in memory (0 KB as float32)", Storage.describe(List.of(), null, 0));
  }

  @Test
  void budgetSizesParse() {
    assertEquals(0, MemoryBudget.parse("0"));
    assertEquals(1234, MemoryBudget.parse(" 1234 "));
    assertEquals(200L << 20, MemoryBudget.parse("200m"));
    assertEquals(2L << 30, MemoryBudget.parse("2G"));
    assertEquals(16L << 10, MemoryBudget.parse("16k"));
    for (String bad : new String[] {"", "m", "-1", "1.5g", "2gb", "99999999999g"}) {
      assertThrows(
          io.costwise.error.InvalidInputException.class, () -> MemoryBudget.parse(bad), bad);
    }
  }
}
