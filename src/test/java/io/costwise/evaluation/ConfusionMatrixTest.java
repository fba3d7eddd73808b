package io.costwise.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {

  @Test
  void countsEachCellWithRowsActualAndColumnsPredicted() {
    // actual:    0    0    0    1    1    1    1
    // predicted: 0    0    1    0    1    1    1   (threshold 0.5)
    double[] scores = {0.1, 0.2, 0.7, 0.3, 0.6, 0.8, 0.9};
    int[] labels = {0, 0, 0, 1, 1, 1, 1};

    ConfusionMatrix m = ConfusionMatrix.of(scores, labels, 0.5);

    assertEquals(ConfusionMatrix.of(2, 1, 1, 3), m);
    assertArrayEquals(new long[] {2, 1}, m.toArray()[0], "row 0 = actual negatives: tn, fp");
    assertArrayEquals(new long[] {1, 3}, m.toArray()[1], "row 1 = actual positives: fn, tp");
    assertEquals(7, m.total());
    assertEquals(3, m.negatives());
    assertEquals(4, m.positives());
    assertEquals(5.0 / 7.0, m.accuracy(), 0.0);
  }

  @Test
  void scoreExactlyAtTheThresholdIsPredictedPositive() {
    double below = Math.nextDown(0.5);
    double[] scores = {0.5, 0.5, below, below};
    int[] labels = {0, 1, 0, 1};

    ConfusionMatrix m = ConfusionMatrix.of(scores, labels, 0.5);

    // 0.5 >= 0.5: the negative is a false positive, the positive a true positive.
    // The next double below 0.5 is predicted negative.
    assertEquals(ConfusionMatrix.of(1, 1, 1, 1), m);
  }

  @Test
  void thresholdAboveOneFlagsNothingAndZeroFlagsEverything() {
    double[] scores = {0.0, 1.0, 0.3};
    int[] labels = {0, 1, 1};

    assertEquals(
        ConfusionMatrix.of(1, 0, 2, 0), ConfusionMatrix.of(scores, labels, Math.nextUp(1.0)));
    assertEquals(ConfusionMatrix.of(0, 1, 0, 2), ConfusionMatrix.of(scores, labels, 0.0));
  }

  @Test
  void rejectsNegativeCountsAndNaNThreshold() {
    assertThrows(IllegalArgumentException.class, () -> ConfusionMatrix.of(1, -1, 0, 0));
    assertThrows(
        IllegalArgumentException.class,
        () -> ConfusionMatrix.of(new double[] {0.5}, new int[] {1}, Double.NaN));
  }
}
