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
  void peakIsTheFirstPointOfHighestValue() {
    OutcomeValues values = new OutcomeValues(0, -1, -1, 0, "USD");
    ExpectedValueCurve curve =
        ExpectedValueCurve.of(new double[] {0.2, 0.6, 0.6, 0.9}, new int[] {0, 1, 0, 1}, values);
    // 0.6 and 0.9 are both worth −0.25: the lower threshold is the one returned.
    assertEquals(new ExpectedValuePoint(0.6, -0.25, 1, 1, 0, 2), curve.peak());
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

  @Test
  void aLongCurveKeepsEvenlySpreadExactPointsAndItsBest() {
    int n = 60_000;
    Random random = new Random(5);
    double[] scores = new double[n];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = random.nextInt(4) == 0 ? 1 : 0;
      scores[i] = Math.min(1, Math.max(0, 0.3 * labels[i] + 0.7 * random.nextDouble()));
    }
    OutcomeValues values = OutcomeValues.reference();
    List<ExpectedValuePoint> kept = ExpectedValueCurve.of(scores, labels, values).points();
    assertTrue(kept.size() <= CurveSampling.MAX_POINTS + 1, kept.size() + " points");
    // The best value over every threshold, counted directly on the sorted scores.
    double[] sorted = scores.clone();
    int[] order =
        java.util.stream.IntStream.range(0, n)
            .boxed()
            .sorted((a, b) -> Double.compare(scores[a], scores[b]))
            .mapToInt(Integer::intValue)
            .toArray();
    java.util.Arrays.sort(sorted);
    long positives = java.util.Arrays.stream(labels).sum();
    long tn = 0;
    long fn = 0;
    double best = Double.NEGATIVE_INFINITY;
    for (int i = 0; i <= n; i++) {
      if (i == n || i == 0 || sorted[i] > sorted[i - 1]) {
        best = Math.max(best, values.exact().perCase(tn, n - positives - tn, fn, positives - fn));
      }
      if (i < n) {
        tn += 1 - labels[order[i]];
        fn += labels[order[i]];
      }
    }
    double keptBest =
        kept.stream().mapToDouble(ExpectedValuePoint::expectedValuePerCase).max().orElseThrow();
    assertEquals(best, keptBest, 0.0);
    for (int i = 1; i < kept.size(); i++) {
      assertTrue(kept.get(i).threshold() > kept.get(i - 1).threshold(), "ascending at " + i);
    }
    // Every kept point is exact: its counts are those of its threshold.
    ExpectedValuePoint middle = kept.get(kept.size() / 2);
    long below = java.util.Arrays.stream(scores).filter(x -> x < middle.threshold()).count();
    assertEquals(below, middle.tn() + middle.fn());
  }
}
