package io.costwise.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.costwise.config.Hyperparameters;
import io.costwise.evaluation.OutcomeValues;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CostWarningsTest {
  private static List<String> warnings(Map<String, String> hyperparameters, boolean calibrated) {
    Hyperparameters h = Hyperparameters.defaults().with(hyperparameters);
    return CostWarnings.of(
        h.trainingConfig(), h.evaluationConfig(), h.evaluationConfig().values(), calibrated);
  }

  @Test
  void aWeightedLossWithACostRuleAndNoCalibrationCountsTheCostsTwice() {
    List<String> found =
        warnings(
            Map.of("loss_function_type", "weighted_builtin", "decision_threshold", "bayes_risk"),
            false);
    assertEquals(1, found.size(), found.toString());
    assertTrue(found.get(0).startsWith("the costs may be counted twice"), found.get(0));
  }

  @Test
  void calibrationOrAnUnweightedLossOrATunedThresholdDoNot() {
    assertEquals(
        List.of(),
        warnings(
            Map.of("loss_function_type", "weighted_builtin", "decision_threshold", "bayes_risk"),
            true));
    assertEquals(List.of(), warnings(Map.of("decision_threshold", "cost_optimal"), false));
    assertEquals(
        List.of(),
        warnings(
            Map.of("loss_function_type", "expected_cost", "decision_threshold", "tuned"), false));
  }

  @Test
  void trainingCostsThatDifferFromTheDecisionCostsAreNamedWithBothRatios() {
    // The reference: 5:1 in training, 216,720 : 1,287.67 ≈ 168:1 in the QALY table.
    List<String> found =
        warnings(Map.of("loss_function_type", "custom", "fn_cost", "5", "fp_cost", "1"), false);
    assertEquals(1, found.size(), found.toString());
    assertTrue(
        found.get(0).contains("a miss 5 times a false alarm (fn_cost 5, fp_cost 1)"), found.get(0));
    assertTrue(found.get(0).contains("168.3 times"), found.get(0));
  }

  @Test
  void matchingRatiosSayNothing() {
    OutcomeValues values = OutcomeValues.reference();
    double ratio =
        (values.truePositive() - values.falseNegative())
            / (values.trueNegative() - values.falsePositive());
    assertEquals(
        List.of(),
        warnings(
            Map.of(
                "loss_function_type", "custom", "fn_cost", Double.toString(ratio), "fp_cost", "1"),
            false));
  }
}
