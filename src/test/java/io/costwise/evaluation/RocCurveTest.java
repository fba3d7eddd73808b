package io.costwise.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RocCurveTest {
  private static final double INF = Double.POSITIVE_INFINITY;

  @Test
  void pointsAndAucOfAKnownCase() {
    // Descending: 0.8 (pos), 0.4 (neg), 0.35 (pos), 0.1 (neg); P = N = 2.
    RocCurve roc = RocCurve.of(new double[] {0.1, 0.4, 0.35, 0.8}, new int[] {0, 0, 1, 1});

    assertEquals(
        List.of(
            new RocPoint(0.0, 0.0, INF),
            new RocPoint(0.0, 0.5, 0.8),
            new RocPoint(0.5, 0.5, 0.4),
            new RocPoint(0.5, 1.0, 0.35),
            new RocPoint(1.0, 1.0, 0.1)),
        roc.points());
    // Pairs (pos, neg) ranked correctly: (0.8, 0.4), (0.8, 0.1), (0.35, 0.1) -> 3 of 4.
    assertEquals(0.75, roc.auc(), 0.0);
  }

  @Test
  void scoresTiedAcrossClassesFormOneDiagonalStep() {
    // Positives 0.9, 0.5, 0.5; negatives 0.5, 0.2, 0.1; P = N = 3, 9 pairs.
    // Mann–Whitney: 0.9 beats all 3 negatives (3); each 0.5 positive ties the 0.5 negative
    // (1/2) and beats 0.2 and 0.1 (2) -> 2.5 each. (3 + 2.5 + 2.5) / 9 = 8/9.
    // Trapezoids: (0, 1/3) -> (1/3, 1) is 1/3 · (1/3 + 1)/2 = 2/9, then 2/3 · 1 = 6/9.
    double[] scores = {0.2, 0.5, 0.5, 0.5, 0.9, 0.1};
    int[] labels = {0, 0, 1, 1, 1, 0};
    RocCurve roc = RocCurve.of(scores, labels);

    assertEquals(
        List.of(
            new RocPoint(0.0, 0.0, INF),
            new RocPoint(0.0, 1.0 / 3, 0.9),
            new RocPoint(1.0 / 3, 1.0, 0.5),
            new RocPoint(2.0 / 3, 1.0, 0.2),
            new RocPoint(1.0, 1.0, 0.1)),
        roc.points());
    assertEquals(8.0 / 9, roc.auc(), 0.0);

    // The order of tied cases in the input does not matter.
    RocCurve reordered =
        RocCurve.of(new double[] {0.5, 0.5, 0.5, 0.1, 0.9, 0.2}, new int[] {1, 0, 1, 0, 1, 0});
    assertEquals(roc, reordered);
  }

  @Test
  void perfectReversedAndAllTiedScores() {
    int[] labels = {0, 0, 1, 1};
    assertEquals(1.0, RocCurve.of(new double[] {0.1, 0.2, 0.8, 0.9}, labels).auc(), 0.0);
    assertEquals(0.0, RocCurve.of(new double[] {0.9, 0.8, 0.2, 0.1}, labels).auc(), 0.0);

    RocCurve tied = RocCurve.of(new double[] {0.5, 0.5, 0.5, 0.5}, labels);
    assertEquals(0.5, tied.auc(), 0.0);
    assertEquals(List.of(new RocPoint(0.0, 0.0, INF), new RocPoint(1.0, 1.0, 0.5)), tied.points());
  }

  @Test
  void oneClassAbsentGivesNaN() {
    RocCurve onlyNegatives = RocCurve.of(new double[] {0.2, 0.7}, new int[] {0, 0});
    assertTrue(Double.isNaN(onlyNegatives.auc()));
    assertTrue(Double.isNaN(onlyNegatives.points().get(1).tpr()), "tpr = tp / 0");
    assertEquals(0.5, onlyNegatives.points().get(1).fpr(), 0.0);

    RocCurve onlyPositives = RocCurve.of(new double[] {0.2, 0.7}, new int[] {1, 1});
    assertTrue(Double.isNaN(onlyPositives.auc()));
    assertTrue(Double.isNaN(onlyPositives.points().get(2).fpr()), "fpr = fp / 0");
  }

  @Test
  void negativeZeroAndZeroAreOneScore() {
    RocCurve roc = RocCurve.of(new double[] {-0.0, 0.0}, new int[] {0, 1});
    assertEquals(2, roc.points().size());
    assertEquals(0.5, roc.auc(), 0.0);
  }
}
