package io.costwise.data;

import static io.costwise.data.TestCosts.columns;
import static io.costwise.data.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.costwise.cost.CostModel;
import io.costwise.cost.Outcome;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Costs follow their rows whatever the reading: files in parallel, features spilled to disk, rows
 * selected; and they are counted in the memory budget.
 */
class CostColumnsStorageTest {
  private static final CostModel BY_NAME = columns("fn=C_FN", "fp=C_FP");
  private static final CostModel BY_NUMBER = columns("fn=3", "fp=6");

  @TempDir Path dir;
  @TempDir Path scratch;

  /** Rows of {@code label, x0, C_FN, x1, x2, C_FP}: costs in the middle and at the end. */
  private static String csv(int rows, long seed, boolean header) {
    SplittableRandom random = new SplittableRandom(seed);
    StringBuilder text = new StringBuilder(header ? "label,x0,C_FN,x1,x2,C_FP\n" : "");
    for (int r = 0; r < rows; r++) {
      text.append(random.nextInt(2));
      for (int c = 0; c < 5; c++) {
        // Costs with more digits than float32 keeps; features of varied magnitude and sign.
        double value =
            c == 1 || c == 4
                ? Math.round(random.nextDouble() * 1e10) / 1e6
                : (random.nextDouble() - 0.3) * Math.pow(10, random.nextInt(-3, 6));
        text.append(',').append(value);
      }
      text.append('\n');
    }
    return text.toString();
  }

  private Dataset read(long budget, int threads, CostModel costs) {
    return new ChannelReader(budget, scratch, threads, 8)
        .readFolder("train", dir, OptionalInt.empty(), costs);
  }

  @Test
  void filesInParallelEqualOneAfterAnotherWithCosts() {
    // b.csv and e.csv have no header: read alone they cannot find C_FN by name, and are read
    // again after the files before them, as a sequential read sees them.
    write(dir, "a.csv", csv(21, 1, true));
    write(dir, "b.csv", csv(30, 2, false));
    write(dir, "c.csv", csv(5, 3, true));
    write(dir, "d.csv", "\n");
    write(dir, "e.csv", csv(17, 4, false));

    for (CostModel costs : List.of(BY_NAME, BY_NUMBER)) {
      Dataset sequential = read(Long.MAX_VALUE, 1, costs);
      assertEquals(73, sequential.rows());
      assertEquals(List.of("x0", "x1", "x2"), sequential.featureNames());
      assertEquals(
          Map.of(Outcome.FALSE_NEGATIVE, "C_FN", Outcome.FALSE_POSITIVE, "C_FP"),
          sequential.costColumnNames());
      for (long budget : new long[] {Long.MAX_VALUE, 0, 700}) {
        for (int threads : new int[] {2, 4}) {
          DatasetStorageTest.assertSameData(sequential, read(budget, threads, costs));
        }
      }
    }
  }

  @Test
  void aHeaderInALaterFileNamesColumnsGivenByNumber() {
    write(dir, "a.csv", csv(3, 1, false));
    write(dir, "b.csv", csv(3, 2, true));

    Dataset data = read(Long.MAX_VALUE, 2, BY_NUMBER);

    assertEquals(List.of("x0", "x1", "x2"), data.featureNames());
    assertEquals("C_FP", data.costColumnNames().get(Outcome.FALSE_POSITIVE));
  }

  @Test
  void aBadCostInALaterFileWithoutAHeaderIsTheSameErrorInParallel() {
    write(dir, "a.csv", csv(10, 1, true));
    write(dir, "b.csv", csv(10, 2, false) + "1,1,,2,3,4\n");
    write(dir, "c.csv", "1,1,2,3,4\n");

    DataFormatException sequential =
        assertThrows(DataFormatException.class, () -> read(Long.MAX_VALUE, 1, BY_NAME));
    DataFormatException parallel =
        assertThrows(DataFormatException.class, () -> read(Long.MAX_VALUE, 4, BY_NAME));

    assertEquals(
        "Channel 'train', file b.csv, line 11, column 3: the false-negative cost (cost_fn_column"
            + " 'C_FN') is empty; every row needs a cost in this column.",
        sequential.getMessage());
    assertEquals(sequential.getMessage(), parallel.getMessage());
  }

  @Test
  void spilledFeaturesKeepTheirCostsInMemory() {
    write(dir, "a.csv", csv(300, 5, true));

    Dataset inMemory = read(Long.MAX_VALUE, 1, BY_NAME);
    Dataset spilled = read(0, 1, BY_NAME);

    DatasetStorageTest.assertSameData(inMemory, spilled);
    assertTrue(
        spilled.storage().startsWith("on local disk, memory-mapped from "), spilled.storage());
    assertTrue(
        spilled.storage().endsWith(", and per-row costs in memory (5 KB as double)"),
        spilled.storage());
  }

  @Test
  void selectCarriesTheCosts() {
    write(dir, "a.csv", csv(50, 6, true));
    Dataset spilled = read(0, 1, BY_NAME);
    int[] rows = {49, 0, 17, 17, 8};

    Dataset selected = spilled.select(rows, "derived");

    assertEquals(spilled.costColumnNames(), selected.costColumnNames());
    Map<Outcome, double[]> all = spilled.costColumns();
    Map<Outcome, double[]> some = selected.costColumns();
    assertEquals(all.keySet(), some.keySet());
    for (Outcome outcome : all.keySet()) {
      for (int i = 0; i < rows.length; i++) {
        assertEquals(all.get(outcome)[rows[i]], some.get(outcome)[i]);
      }
    }
    assertTrue(selected.storage().startsWith("in memory ("), selected.storage());
  }

  @Test
  void costsAreCountedInTheBudgetAndGivenBackWithTheirRows() {
    MemoryBudget budget = new MemoryBudget(10_000);
    ChunkedRows rows = new ChunkedRows(2, 3, 16, budget, scratch, "t");
    for (int i = 0; i < 40; i++) {
      rows.add(new double[] {i, -i}, 0, i % 2, new double[] {i, 2 * i, 3 * i});
    }
    List<RowChunk> chunks = rows.finish();

    // 40 rows of 2 float32 features and 3 double costs: 320 + 960 bytes.
    assertEquals(10_000 - 320 - 960, budget.available());
    assertEquals(3, chunks.size());
    assertEquals(33.0, chunks.get(2).cost(1, 0));
    assertEquals(99.0, chunks.get(2).cost(1, 2));

    ChunkedRows discarded = new ChunkedRows(2, 3, 16, budget, scratch, "t");
    for (int i = 0; i < 40; i++) {
      discarded.add(new double[] {i, -i}, 0, i % 2, new double[] {i, 2 * i, 3 * i});
    }
    discarded.discard();
    assertEquals(10_000 - 320 - 960, budget.available());
  }

  @Test
  void costsThatCannotSpillOverdrawTheBudgetAndFeaturesSpill() {
    MemoryBudget budget = new MemoryBudget(100);
    ChunkedRows rows = new ChunkedRows(2, 1, 16, budget, scratch, "t");
    for (int i = 0; i < 20; i++) {
      rows.add(new double[] {i, -i}, 0, i % 2, new double[] {0.1 * i});
    }
    List<RowChunk> chunks = rows.finish();

    assertTrue(chunks.stream().allMatch(RowChunk::isMapped));
    assertEquals(100 - 20 * 8, budget.available());
    assertEquals(0.1 * 19, chunks.get(1).cost(3, 0));
    double[] features = new double[2];
    chunks.get(1).read(3, 1, features, 0);
    assertArrayEquals(new double[] {19, -19}, features);
  }

  @Test
  void aFailedReadGivesItsCostsBack() {
    write(dir, "a.csv", csv(40, 7, true) + "1,1,2,3,4,x\n");
    ChannelReader reader = new ChannelReader(1 << 19, scratch, 1, 8);
    assertThrows(
        DataFormatException.class,
        () -> reader.readFolder("train", dir, OptionalInt.empty(), BY_NAME));
    write(dir, "a.csv", csv(40, 7, true));

    Dataset data = reader.readFolder("train", dir, OptionalInt.empty(), BY_NAME);

    // All of the budget was there again: "within the 512 KB", not "the … left of the 512 KB".
    assertEquals(
        "in memory (1 KB as float32, within the 512 KB memory budget), and per-row costs in memory"
            + " (1 KB as double)",
        data.storage());
  }
}
