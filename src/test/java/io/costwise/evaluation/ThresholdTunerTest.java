package io.costwise.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.costwise.error.InvalidInputException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ThresholdTunerTest {
  private static final OutcomeValues SYMMETRIC = new OutcomeValues(0, -1, -1, 0, "USD");
  private static final OutcomeValues MISS_COSTS_THREE = new OutcomeValues(0, -1, -3, 0, "USD");
  private static final ThresholdTuner UNSMOOTHED = new ThresholdTuner(20, 20, 0.0, 0);

  @Test
  void smallSplitFallsBackToTheCostOptimalThreshold() {
    // 19 positives: one short of the default 20.
    double[] scores = new double[60];
    int[] labels = new int[60];
    for (int i = 0; i < 60; i++) {
      scores[i] = i / 60.0;
      labels[i] = i >= 41 ? 1 : 0;
    }

    TunedThreshold t = ThresholdTuner.defaults().tune(scores, labels, OutcomeValues.reference());

    assertEquals(TunedThreshold.Method.COST_OPTIMAL_FALLBACK, t.method());
    assertEquals(OutcomeValues.reference().costOptimalThreshold(), t.threshold(), 0.0);
    assertTrue(t.reason().contains("19 positives and 41 negatives"), t.reason());
    assertTrue(t.reason().contains("probabilities, 0.005907, is used"), t.reason());
    // At p* = 0.0059 only the score 0 is negative: 1 TN, 40 FP, 19 TP.
    assertEquals(
        OutcomeValues.reference().perCase(ConfusionMatrix.of(1, 40, 0, 19)),
        t.expectedValuePerCase(),
        0.0);
    assertEquals("USD", t.unit());
  }

  @Test
  void enoughOfEachClassIsTuned() {
    double[] scores = new double[40];
    int[] labels = new int[40];
    for (int i = 0; i < 40; i++) {
      scores[i] = (i + 1) / 100.0;
      labels[i] = i >= 20 ? 1 : 0;
    }
    TunedThreshold t = ThresholdTuner.defaults().tune(scores, labels, SYMMETRIC);
    assertEquals(TunedThreshold.Method.TUNED, t.method());
    assertTrue(t.reason().startsWith("Tuned on 40 validation cases"), t.reason());
  }

  @Test
  void separatedClassesGetTheMidpointOfTheGap() {
    // Negatives 0.01 … 0.40, positives 0.60 … 0.99: every threshold in (0.40, 0.60] is perfect.
    double[] scores = new double[80];
    int[] labels = new int[80];
    for (int i = 0; i < 40; i++) {
      scores[i] = (i + 1) / 100.0;
      scores[40 + i] = (60 + i) / 100.0;
      labels[40 + i] = 1;
    }

    TunedThreshold t = ThresholdTuner.defaults().tune(scores, labels, SYMMETRIC);

    assertEquals(0.5, t.threshold(), 1e-15);
    assertEquals(0.0, t.expectedValuePerCase(), 0.0);
  }

  /**
   * 41 cases with scores 0.41, 0.40, … 0.01 (case k from the top has score (42 − k)/100). Labels
   * from the top: 10 P, then (N P) × 4, 6 N, 7 P, 7 N, 3 N. With each error worth −1, the value (up
   * to a constant) after flagging the top k cases, s_k, rises by 1 per positive and falls by 1 per
   * negative:
   *
   * <pre>
   *   s_10 = 10, s_11..s_18 = 9 10 9 10 9 10 9 10   (a broad plateau)
   *   s_19..s_24 = 9 8 7 6 5 4,  s_25..s_31 = 5 … 11 (a lone spike), s_32.. = 10 9 8 …
   * </pre>
   */
  private static double[] luckyScores() {
    double[] scores = new double[41];
    for (int k = 1; k <= 41; k++) {
      scores[k - 1] = (42 - k) / 100.0;
    }
    return scores;
  }

  private static int[] luckyLabels() {
    String fromTop = "PPPPPPPPPP" + "NPNPNPNP" + "NNNNNN" + "PPPPPPP" + "NNNNNNN" + "NNN";
    int[] labels = new int[41];
    for (int k = 0; k < 41; k++) {
      labels[k] = fromTop.charAt(k) == 'P' ? 1 : 0;
    }
    return labels;
  }

  @Test
  void withoutSmoothingALoneSpikeWins() {
    // s_31 = 11: flag the top 31, threshold between 0.11 and 0.10.
    TunedThreshold t = UNSMOOTHED.tune(luckyScores(), luckyLabels(), SYMMETRIC);
    assertEquals(0.105, t.threshold(), 1e-15);
  }

  @Test
  void smoothingPrefersTheBroadPlateau() {
    // Default: 42 candidates, h = max(3, round(0.1 · 42)) = 4. Window sums of 9: at s_31 (the
    // spike) 7+8+9+10+11+10+9+8+7 = 79; at s_14 10+9+10+9+10+9+10+9+10 = 86, the unique best.
    // s_14 flags the top 14 (scores >= 0.28): threshold between 0.28 and 0.27.
    TunedThreshold t = ThresholdTuner.defaults().tune(luckyScores(), luckyLabels(), SYMMETRIC);
    assertEquals(0.275, t.threshold(), 1e-15);
    // Its plain value: the top 14 (10 P, N P N P) -> tp 12, fp 2; below them fn 9, tn 18.
    assertEquals(
        ConfusionMatrix.of(18, 2, 9, 12),
        ConfusionMatrix.of(luckyScores(), luckyLabels(), t.threshold()));
    assertEquals(-11.0 / 41, t.expectedValuePerCase(), 1e-15);
  }

  @Test
  void smoothedTiesGoToTheCandidateNearestTheCostOptimalThreshold() {
    // h = 3: window sums of 7. At s_31 8+9+10+11+10+9+8 = 65; at s_13 and s_15
    // 10+9+10+9+10+9+10 = 67, the best. p* = 0.5 is nearer s_13 (0.285, between 0.29 and 0.28)
    // than s_15 (0.265).
    TunedThreshold t =
        new ThresholdTuner(20, 20, 0.0, 3).tune(luckyScores(), luckyLabels(), SYMMETRIC);
    assertEquals(0.285, t.threshold(), 1e-15);
  }

  @Test
  void largeCalibratedSplitLandsNearTheTrueOptimum() {
    // Calibrated scores: p ~ U(0, 1), y ~ Bernoulli(p). With FP −1 and FN −3 the best threshold
    // is p* = 1 / (1 + 3) = 0.25, and EV(t) is a parabola around it.
    Random random = new Random(7L);
    int n = 20_000;
    double[] scores = new double[n];
    int[] labels = new int[n];
    fillCalibrated(random, scores, labels);

    TunedThreshold t = ThresholdTuner.defaults().tune(scores, labels, MISS_COSTS_THREE);

    assertEquals(TunedThreshold.Method.TUNED, t.method());
    assertEquals(0.25, t.threshold(), 0.02);
  }

  @Test
  void smoothingLosesLessOnFreshDataThanThePlainMaximum() {
    // The guard's purpose, measured: tune on 30 validation splits of 1,000 calibrated cases with a
    // miss costing 20 false alarms, and score each threshold on one fresh split of 50,000.
    OutcomeValues values = new OutcomeValues(0, -1, -20, 0, "USD");
    Random random = new Random(11L);
    double[] freshScores = new double[50_000];
    int[] freshLabels = new int[50_000];
    fillCalibrated(random, freshScores, freshLabels);
    double smoothedTotal = 0;
    double plainTotal = 0;
    for (int split = 0; split < 30; split++) {
      double[] scores = new double[1000];
      int[] labels = new int[1000];
      fillCalibrated(random, scores, labels);
      double smoothed = ThresholdTuner.defaults().tune(scores, labels, values).threshold();
      double plain = UNSMOOTHED.tune(scores, labels, values).threshold();
      smoothedTotal += values.perCase(ConfusionMatrix.of(freshScores, freshLabels, smoothed));
      plainTotal += values.perCase(ConfusionMatrix.of(freshScores, freshLabels, plain));
    }
    assertTrue(
        smoothedTotal > plainTotal,
        "mean fresh EV smoothed " + smoothedTotal / 30 + " vs plain " + plainTotal / 30);
  }

  private static void fillCalibrated(Random random, double[] scores, int[] labels) {
    for (int i = 0; i < scores.length; i++) {
      scores[i] = random.nextDouble();
      labels[i] = random.nextDouble() < scores[i] ? 1 : 0;
    }
  }

  @Test
  void degenerateValuesAreRejectedBeforeTuning() {
    OutcomeValues backwards = new OutcomeValues(0, 5, -3, 0, "USD");
    assertThrows(
        InvalidInputException.class,
        () -> ThresholdTuner.defaults().tune(luckyScores(), luckyLabels(), backwards));
  }

  @Test
  void windowsShrinkSymmetricallyAtTheEnds() {
    // h = 1 over [1, 2, 3, 4]: [1], [1, 2, 3], [2, 3, 4], [4].
    assertArrayEquals(
        new long[] {1, 6, 9, 4}, ThresholdTuner.windowSums(new long[] {1, 2, 3, 4}, 1));
    // h = 5 over 5 entries: half-widths 0, 1, 2, 1, 0.
    assertArrayEquals(
        new long[] {1, 6, 15, 12, 5}, ThresholdTuner.windowSums(new long[] {1, 2, 3, 4, 5}, 5));
    assertArrayEquals(new long[] {1, 2, 3}, ThresholdTuner.windowSums(new long[] {1, 2, 3}, 0));
  }

  @Test
  void midpointsStayInsideTheirGap() {
    double[] values = {0.2, 0.6, 1.0};
    assertEquals(0.1, ThresholdTuner.midpoint(values, 0), 0.0); // [0, 0.2]: all flagged
    assertEquals(0.4, ThresholdTuner.midpoint(values, 1), 1e-15);
    assertEquals(Math.nextUp(1.0), ThresholdTuner.midpoint(values, 3), 0.0); // nothing flagged
    assertEquals(0.75, ThresholdTuner.midpoint(new double[] {0.5}, 1), 0.0);
    // Neighbouring doubles have no midpoint: the upper one is the only threshold in the gap.
    double low = 0.3;
    double high = Math.nextUp(low);
    assertEquals(high, ThresholdTuner.midpoint(new double[] {low, high}, 1), 0.0);
  }

  @Test
  void rejectsBadSettings() {
    assertThrows(IllegalArgumentException.class, () -> new ThresholdTuner(0, 20, 0.02, 3));
    assertThrows(IllegalArgumentException.class, () -> new ThresholdTuner(20, 20, 0.5, 3));
    assertThrows(IllegalArgumentException.class, () -> new ThresholdTuner(20, 20, 0.02, -1));
  }
}
