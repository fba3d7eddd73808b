package io.costwise.data;

import static io.costwise.data.TestCosts.columns;
import static io.costwise.data.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.costwise.cost.CostModel;
import io.costwise.cost.Outcome;
import io.costwise.evaluation.OutcomeValues;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Cost columns that cannot be found, cost cells that are not costs, and costs that contradict. */
class ChannelReaderCostErrorsTest {
  @TempDir Path dir;

  private DataFormatException failure(String csv, CostModel costs) {
    write(dir, "a.csv", csv);
    return failure(OptionalInt.empty(), costs);
  }

  private DataFormatException failure(OptionalInt expectedFeatures, CostModel costs) {
    return assertThrows(
        DataFormatException.class,
        () -> new ChannelReader().readFolder("train", dir, expectedFeatures, costs));
  }

  private static void assertAt(DataFormatException e, int line, int column, String problem) {
    assertEquals("a.csv", e.file());
    assertEquals(line, e.line());
    assertEquals(column, e.column());
    String where =
        "Channel 'train', file a.csv, line " + line + (column > 0 ? ", column " + column : "");
    assertEquals(where + ": " + problem, e.getMessage());
  }

  @Test
  void aNameNotInTheHeaderNamesTheClosestOnes() {
    DataFormatException e = failure("\nlabel,x,C_FP,C_FN\n1,1,2,3\n", columns("fn=c_fn "));

    assertAt(
        e,
        2,
        0,
        "cost_fn_column names the column 'c_fn', which is not in the header (closest: 'C_FN',"
            + " 'C_FP', 'x'); give cost_fn_column a name exactly as the header spells it, or the"
            + " column's number (the label is column 1).");
  }

  @Test
  void aNameWithoutAHeader() {
    DataFormatException e = failure("1,1,2\n0,1,2\n", columns("fp=C_FP"));

    assertAt(
        e,
        1,
        0,
        "cost_fp_column names the column 'C_FP', but the data has no header to find it in (this"
            + " line is the channel's first); add a header line at the top of the files, or give"
            + " cost_fp_column the column's number instead (the label is column 1).");
  }

  @Test
  void aNameWhenOnlyALaterFileHasTheHeader() {
    write(dir, "a.csv", "1,1,2\n");
    write(dir, "b.csv", "label,x,C_FP\n0,1,2\n");

    DataFormatException e = failure(OptionalInt.empty(), columns("fp=C_FP"));

    assertEquals("a.csv", e.file());
    assertTrue(e.getMessage().contains("the data has no header to find it in"), e.getMessage());
  }

  @Test
  void theLabelIsNotACostColumn() {
    assertAt(
        failure("1,1,2\n", columns("fp=1")),
        1,
        1,
        "cost_fp_column is 1, but column 1 holds the label; give cost_fp_column the number or"
            + " header name of the column holding the false-positive cost.");
    assertAt(
        failure("y,x,c\n1,1,2\n", columns("tn=y")),
        1,
        1,
        "cost_tn_column names 'y', the header of column 1, which holds the label; give"
            + " cost_tn_column the column holding the true-negative cost.");
  }

  @Test
  void aNumberBeyondTheRow() {
    assertAt(
        failure("1,1,2,3\n", columns("fn=9")),
        1,
        0,
        "cost_fn_column is column 9 but the row has 4 columns; give cost_fn_column the number of"
            + " the column holding the false-negative cost, counting the label as column 1, or its"
            + " header name.");
    assertTrue(
        failure("label,x\n1,1\n", columns("fn=3")).getMessage().contains("but the header has 2"));
  }

  @Test
  void aNameTheHeaderHasTwice() {
    assertAt(
        failure("label,c,x,c\n1,1,2,3\n", columns("fn=c")),
        1,
        0,
        "cost_fn_column names the column 'c', which the header has 2 times (columns 2, 4); rename"
            + " all but one, or give cost_fn_column the column's number.");
  }

  @Test
  void aRowOfOnlyLabelAndCosts() {
    assertAt(
        failure("1,2,3\n", columns("fn=2", "fp=3")),
        1,
        0,
        "the row has only the label and the cost columns; put the features after the label, and"
            + " check that the cost_*_column hyperparameters name only cost columns.");
  }

  @Test
  void validationFeaturesDifferFromTrainingNotCountingCosts() {
    write(dir, "a.csv", "label,x,y,C_FN,z\n1,1,2,3,4\n");

    assertAt(
        failure(OptionalInt.of(2), columns("fn=C_FN")),
        1,
        5,
        "the header has 3 features (the columns after the label, less its cost column) but the"
            + " training data has 2; give every channel the same features in the same order, label"
            + " first.");
    assertTrue(
        failure(OptionalInt.of(5), columns("fn=C_FN", "tp=C_FN", "fp=y"))
            .getMessage()
            .contains("has 2 features (the columns after the label, less its 2 cost columns)"));
  }

  @Test
  void aRaggedRowMentionsTheCostColumns() {
    assertAt(
        failure("1,1,2,3\n0,1,2\n", columns("fn=4")),
        2,
        4,
        "the row has 3 columns but line 1 of a.csv has 4; every row needs the label and then the"
            + " same features and cost columns (look for a missing or extra comma).");
  }

  @Test
  void anEmptyCost() {
    assertAt(
        failure("label,x,C_FN\n1,1,2\n0,1,\n", columns("fn=C_FN")),
        3,
        3,
        "the false-negative cost (cost_fn_column 'C_FN') is empty; every row needs a cost in this"
            + " column.");
  }

  @Test
  void aCostThatIsNotANumber() {
    assertAt(
        failure("1,1,2\n0,1,$5\n", columns("fn=3", "tp=3")),
        2,
        3,
        "the false-negative and true-positive cost (cost_fn_column and cost_tp_column 3) is '$5',"
            + " which is not a number; every row needs a cost in this column, a number such as 13.5"
            + " or -2 (negative for a gain).");
  }

  @ParameterizedTest
  @ValueSource(strings = {"NaN", "-inf", "Infinity", "1e999"})
  void aCostThatIsNotFinite(String cell) {
    assertAt(
        failure("label,x,C_FP\n1,1,2\n0,1," + cell + "\n", columns("fp=C_FP")),
        3,
        3,
        "the false-positive cost (cost_fp_column 'C_FP') is '"
            + cell
            + "', which is not a finite number; every row needs a finite cost in this column (fill"
            + " in missing costs, or drop those rows).");
  }

  @Test
  void theFirstBadCellInTheRowIsReported() {
    DataFormatException costFirst = failure("1,1,2,3\n0,1,x,y\n", columns("fn=3"));
    DataFormatException featureFirst = failure("1,1,2,3\n0,y,x,3\n", columns("fn=3"));

    assertEquals(3, costFirst.column());
    assertTrue(costFirst.getMessage().contains("the false-negative cost"));
    assertEquals(2, featureFirst.column());
    assertTrue(featureFirst.getMessage().contains("every feature must be a finite number"));
  }

  @Test
  void aCostBeyondFloat32IsFineAFeatureIsNot() {
    DataFormatException e = failure("1,1,1e39\n0,1e39,2\n", columns("fn=3"));

    assertEquals(2, e.line());
    assertEquals(2, e.column());
    assertTrue(e.getMessage().contains("features are held as float32"));
  }

  @Test
  void aFalseAlarmCheaperThanLeavingTheCaseAlone() {
    assertAt(
        failure("label,x,C_FP,C_TN\n0,1,2,1\n1,1,0.5,1\n", columns("fp=C_FP", "tn=C_TN")),
        3,
        3,
        "the false-positive cost (cost_fp_column 'C_FP') is 0.5, less than the true-negative cost"
            + " (cost_tn_column 'C_TN'), 1: a false alarm would cost less than leaving the case"
            + " alone, so flagging it would always be the cheaper decision for this row whatever"
            + " the model says; give every row a false-positive cost at least its true-negative"
            + " cost (check that the columns are not swapped; a negative cost is a gain).");
  }

  @Test
  void aMissCheaperThanCatchingTheCaseAgainstAFixedCost() {
    // value_tp -3 is a cost of 3; the row's miss costs 2.
    CostModel costs = columns(new OutcomeValues(0, 0, 0, -3, "USD"), "fn=3");

    assertAt(
        failure("1,1,5\n0,1,2\n", costs),
        2,
        3,
        "the false-negative cost (cost_fn_column 3) is 2, less than the fixed true-positive cost"
            + " (from value_tp), 3: missing the case would cost less than catching it, so leaving it"
            + " alone would always be the cheaper decision for this row whatever the model says;"
            + " give every row a false-negative cost at least its true-positive cost (check that"
            + " the columns are not swapped; a negative cost is a gain).");
  }

  @Test
  void theRightDecisionsColumnIsBlamedWhenTheErrorsCostIsFixed() {
    // value_fp -1: a false alarm costs 1; this row's true negative costs 4.
    CostModel costs = columns(new OutcomeValues(0, -1, 0, 0, "USD"), "tn=4");

    DataFormatException e = failure("label,x,y,c_tn\n0,1,2,0.5\n1,1,2,4\n", costs);

    assertEquals(3, e.line());
    assertEquals(4, e.column());
    assertTrue(
        e.getMessage().contains(": the fixed false-positive cost (from value_fp) is 1, less than"),
        e.getMessage());
  }

  @Test
  void equalCostsAndGainsAreAllowed() {
    // c_FP = c_TN in row 1, and a gain (negative cost) for catching a case in row 2.
    write(dir, "a.csv", "label,x,C_FP,C_TN,C_TP,C_FN\n0,1,3,3,1,2\n1,2,1,0,-10,0\n");

    Dataset data =
        new ChannelReader()
            .readFolder(
                "train",
                dir,
                OptionalInt.empty(),
                columns("fp=C_FP", "tn=C_TN", "tp=C_TP", "fn=C_FN"));

    assertEquals(-10, data.costColumns().get(Outcome.TRUE_POSITIVE)[1]);
  }
}
