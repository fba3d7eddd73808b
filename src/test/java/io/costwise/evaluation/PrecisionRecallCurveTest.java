package io.costwise.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PrecisionRecallCurveTest {

  @Test
  void smallCaseByHand() {
    // Scores 0.2 (neg), 0.6 (pos), 0.6 (neg), 0.9 (pos); the 0.6 tie is one point.
    PrecisionRecallCurve curve =
        PrecisionRecallCurve.of(new double[] {0.2, 0.6, 0.6, 0.9}, new int[] {0, 1, 0, 1});
    assertEquals(
        List.of(
            new PrecisionRecallPoint(0.9, 1.0, 0.5),
            new PrecisionRecallPoint(0.6, 2.0 / 3, 1.0),
            new PrecisionRecallPoint(0.2, 0.5, 1.0)),
        curve.points());
    // scikit-learn: average_precision_score([0, 1, 0, 1], [0.2, 0.6, 0.6, 0.9]) = 0.8333…
    assertEquals(0.5 * 1.0 + 0.5 * (2.0 / 3), curve.averagePrecision(), 0.0);
    assertEquals(0.5, curve.prevalence(), 0.0);
  }

  @Test
  void noPositivesHasNoAveragePrecision() {
    PrecisionRecallCurve curve = PrecisionRecallCurve.of(new double[] {0.1, 0.7}, new int[] {0, 0});
    assertTrue(Double.isNaN(curve.averagePrecision()));
    assertEquals(0.0, curve.points().get(0).precision(), 0.0);
    assertEquals(0.0, curve.prevalence(), 0.0);
  }

  @Test
  void eachPointEqualsCountingAtItsThreshold() {
    Random random = new Random(7);
    int n = 500;
    double[] scores = new double[n];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      scores[i] = Math.round(random.nextDouble() * 50) / 50.0;
      labels[i] = random.nextDouble() < 0.3 ? 1 : 0;
    }
    PrecisionRecallCurve curve = PrecisionRecallCurve.of(scores, labels);
    double previous = Double.POSITIVE_INFINITY;
    for (PrecisionRecallPoint point : curve.points()) {
      assertTrue(point.threshold() < previous, "thresholds fall");
      previous = point.threshold();
      ConfusionMatrix m = ConfusionMatrix.of(scores, labels, point.threshold());
      assertEquals((double) m.tp() / (m.tp() + m.fp()), point.precision(), 0.0);
      assertEquals((double) m.tp() / m.positives(), point.recall(), 0.0);
    }
  }
}
