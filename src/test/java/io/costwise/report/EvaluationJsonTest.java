package io.costwise.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EvaluationJsonTest {
  @Test
  void thinningKeepsEndsAndEvenSpacing() {
    List<Integer> points = IntStream.range(0, 10_001).boxed().toList();
    List<Integer> kept = EvaluationJson.thin(points, 2000);

    assertEquals(2000, kept.size());
    assertEquals(0, kept.get(0));
    assertEquals(10_000, kept.get(1999));
    for (int k = 1; k < kept.size(); k++) {
      int step = kept.get(k) - kept.get(k - 1);
      assertTrue(step == 5 || step == 6, "step " + step + " at " + k); // 10,000 / 1,999 ≈ 5.0025
    }
    assertSame(points, EvaluationJson.thin(points, 10_001), "short enough: unchanged");
    assertEquals(List.of(0, 10_000), EvaluationJson.thin(points, 2));
    assertThrows(IllegalArgumentException.class, () -> EvaluationJson.thin(points, 1));
  }

  @Test
  void splitShapeIsReusableAndKeyedInSnakeCase() throws Exception {
    Map<String, Object> split = EvaluationJson.ofSplit(Fixtures.reference("test"));

    assertEquals(
        List.of(
            "cases",
            "threshold",
            "decisions",
            "confusion_matrix",
            "accuracy",
            "classification_report",
            "auc",
            "log_loss",
            "brier",
            "expected_value",
            "costs",
            "baselines",
            "close_calls",
            "roc",
            "expected_value_curve",
            "expected_value_peak",
            "cost_optimal_threshold",
            "curve_points_thinned",
            "precision_recall",
            "cost_ratio_curve",
            "reliability"),
        List.copyOf(split.keySet()));
    // Exact decimal total, written without an exponent.
    String text = EvaluationJson.writer().writeValueAsString(split);
    assertTrue(text.contains("\"total\" : -2811143.01"), text.substring(0, 600));
    assertTrue(text.contains("\"fn\" : 4"));
  }

  @Test
  void newCurvesCarryTheirFigures() {
    ScoredSplit reference = Fixtures.reference("test");
    Map<String, Object> split = EvaluationJson.ofSplit(reference);
    assertEquals(Fixtures.REFERENCE.costOptimalThreshold(), split.get("cost_optimal_threshold"));
    Map<?, ?> peak = (Map<?, ?>) split.get("expected_value_peak");
    var best = reference.evaluation().expectedValueCurve().peak();
    assertEquals(best.threshold(), peak.get("threshold"));
    assertEquals(best.expectedValuePerCase(), peak.get("per_case"));
    Map<?, ?> ratios = (Map<?, ?>) split.get("cost_ratio_curve");
    assertEquals(216720 / 1287.67, (Double) ratios.get("own_ratio"), 1e-12);
    assertEquals(0.5, ratios.get("fixed_threshold"));
    Map<?, ?> pr = (Map<?, ?>) split.get("precision_recall");
    assertEquals(55.0 / 143, pr.get("prevalence"));
    assertEquals(reference.precisionRecall().averagePrecision(), pr.get("average_precision"));
  }
}
