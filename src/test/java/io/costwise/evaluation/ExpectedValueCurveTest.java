package io.costwise.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExpectedValueCurveTest {

  @Test
  void smallCaseByHand() {
    // Symmetric costs: each error −1, n = 4. Scores 0.2 (neg), 0.6 (pos), 0.6 (neg), 0.9 (pos).
    OutcomeValues values = new OutcomeValues(0, -1, -1, 0, "USD");
    ExpectedValueCurve curve =
        ExpectedValueCurve.of(new double[] {0.2, 0.6, 0.6, 0.9}, new int[] {0, 1, 0, 1}, values);

    double above = Math.nextUp(0.9);
    assertEquals(
        List.of(
            new ExpectedValuePoint(0.0, -0.5, 0, 2, 0, 2), // all positive: 2 FP
            new ExpectedValuePoint(0.2, -0.5, 0, 2, 0, 2),
            new ExpectedValuePoint(0.6, -0.25, 1, 1, 0, 2), // 0.6 tie: one FP
            new ExpectedValuePoint(0.9, -0.25, 2, 0, 1, 1), // one FN
            new ExpectedValuePoint(above, -0.5, 2, 0, 2, 0), // nothing positive: 2 FN
            new ExpectedValuePoint(1.0, -0.5, 2, 0, 2, 0)),
        curve.points());
    assertEquals("USD", curve.unit());
  }

  @Test
  void candidateThresholds() {
    assertArrayEquals(
        new double[] {0.0, 0.3, 0.7, Math.nextUp(0.7), 1.0},
        ExpectedValueCurve.candidateThresholds(new double[] {0.3, 0.7}));
    // 0 and 1 are scores themselves: no duplicates, and "above the max" lies above 1.
    assertArrayEquals(
        new double[] {0.0, 0.5, 1.0, Math.nextUp(1.0)},
        ExpectedValueCurve.candidateThresholds(new double[] {0.0, 0.5, 1.0}));
  }

  @Test
  void equalsBruteForceAtEveryThresholdOnRandomData() {
    Random random = new Random(20240607L);
    OutcomeValues values = OutcomeValues.reference();
    for (int trial = 0; trial < 20; trial++) {
      int n = 1 + random.nextInt(300);
      double[] scores = new double[n];
      int[] labels = new int[n];
      for (int i = 0; i < n; i++) {
        // Rounding to two decimals makes ties within and across classes common.
        scores[i] =
            trial % 2 == 0 ? Math.round(random.nextDouble() * 100) / 100.0 : random.nextDouble();
        labels[i] = random.nextDouble() < 0.4 ? 1 : 0;
      }

      ExpectedValueCurve curve = ExpectedValueCurve.of(scores, labels, values);

      double previous = Double.NEGATIVE_INFINITY;
      for (ExpectedValuePoint point : curve.points()) {
        assertTrue(point.threshold() > previous, "thresholds strictly ascending");
        previous = point.threshold();
        ConfusionMatrix brute = ConfusionMatrix.of(scores, labels, point.threshold());
        assertEquals(brute, point.matrix(), "counts at " + point.threshold());
        assertEquals(values.perCase(brute), point.expectedValuePerCase(), 0.0);
      }
      Set<Double> thresholds = new HashSet<>();
      curve.points().forEach(point -> thresholds.add(point.threshold()));
      double max = Double.NEGATIVE_INFINITY;
      for (double score : scores) {
        assertTrue(thresholds.contains(score), "every score is a candidate: " + score);
        max = Math.max(max, score);
      }
      assertTrue(thresholds.containsAll(List.of(0.0, 1.0, Math.nextUp(max))));
    }
  }
}
