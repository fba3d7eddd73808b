package io.costwise.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CostRatioCurveTest {
  // Scores 0.2 (neg), 0.6 (pos), 0.6 (neg), 0.9 (pos); a false alarm costs 1, a miss 4.
  private static final double[] SCORES = {0.2, 0.6, 0.6, 0.9};
  private static final int[] LABELS = {0, 1, 0, 1};
  private static final OutcomeValues VALUES = new OutcomeValues(0, -1, -4, 0, "USD");

  @Test
  void threeRatiosByHand() {
    CostRatioCurve curve =
        CostRatioCurve.of(SCORES, LABELS, VALUES, 0.5, new double[] {4, 0.25, 1, 4});
    assertEquals(4.0, curve.ownRatio(), 0.0);
    assertEquals(
        List.of(
            // 0.25: threshold 0.8 flags 0.9 only: one miss at 0.25 → −0.0625. At 0.5: one false
            // alarm → −0.25. Best: the same threshold, 0.9.
            new CostRatioPoint(0.25, 0.8, -0.0625, -0.25, -0.0625, 0.9),
            // 1: threshold 0.5 is the fixed one: one false alarm; the best is at 0.6.
            new CostRatioPoint(1, 0.5, -0.25, -0.25, -0.25, 0.6),
            // 4: threshold 0.2 flags everyone: two false alarms → −0.5, worse than 0.5 here.
            new CostRatioPoint(4, 0.2, -0.5, -0.25, -0.25, 0.6)),
        curve.points());
  }

  @Test
  void atTheOwnRatioTheTableIsTheModelsOwn() {
    OutcomeValues reference = OutcomeValues.reference();
    double own = CostRatioCurve.ownRatio(reference);
    // (−35,280 + 252,000) / 1,287.67
    assertEquals(216720 / 1287.67, own, 1e-12);
    OutcomeValues at = CostRatioCurve.atRatio(reference, own);
    assertEquals(reference.falseNegative(), at.falseNegative(), 1e-9);
    assertEquals(reference.costOptimalThreshold(), at.costOptimalThreshold(), 1e-15);
  }

  @Test
  void defaultRatiosSpanTheGridAndIncludeTheOwn() {
    double[] ratios = CostRatioCurve.defaultRatios(168.3);
    assertEquals(0.1, ratios[0], 1e-15);
    assertEquals(Math.pow(10, 13 / 4.0), ratios[ratios.length - 1], 0.0);
    assertTrue(Arrays.stream(ratios).anyMatch(r -> r == 168.3));
    for (int i = 1; i < ratios.length; i++) {
      assertTrue(ratios[i] > ratios[i - 1]);
    }
  }

  @Test
  void aTableWithoutCostlyErrorsHasNoRatio() {
    assertThrows(
        IllegalArgumentException.class,
        () -> CostRatioCurve.ownRatio(new OutcomeValues(0, 0, -1, 0, "USD")));
    assertThrows(
        IllegalArgumentException.class,
        () -> CostRatioCurve.of(SCORES, LABELS, VALUES, 0.5, new double[] {0}));
  }
}
