package io.costwise.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.costwise.cost.CaseCosts;
import io.costwise.cost.ColumnRef;
import io.costwise.cost.CostColumns;
import io.costwise.cost.CostModel;
import io.costwise.cost.Outcome;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThresholdRuleTest {
  private static final CaseCosts REFERENCE_COSTS =
      CaseCosts.fixed(CostModel.fixed(OutcomeValues.reference()), 0);

  @Test
  void parsesEveryForm() {
    assertEquals(new ThresholdRule.Fixed(0.3), ThresholdRule.parse("0.3"));
    assertInstanceOf(ThresholdRule.CostOptimal.class, ThresholdRule.parse("cost_optimal"));
    assertInstanceOf(ThresholdRule.BayesRisk.class, ThresholdRule.parse("bayes_risk"));
    assertInstanceOf(ThresholdRule.Tuned.class, ThresholdRule.parse("TUNED"));
    assertEquals(new ThresholdRule.TargetRecall(0.9), ThresholdRule.parse("target_recall=0.9"));
    assertEquals(
        new ThresholdRule.TargetPrecision(0.75), ThresholdRule.parse("target_precision=0.75"));
    assertTrue(ThresholdRule.parse("tuned").needsValidation());
    assertTrue(ThresholdRule.parse("target_recall=0.9").needsValidation());
    assertFalse(ThresholdRule.parse("cost_optimal").needsValidation());
    assertFalse(ThresholdRule.parse("bayes_risk").needsValidation());
  }

  @Test
  void tunedFallsBackOnATinySetAndSaysSo() {
    ChosenThreshold chosen =
        ThresholdRule.parse("tuned")
            .choose(
                new double[] {0.1, 0.9, 0.4},
                new int[] {0, 1, 1},
                CaseCosts.fixed(CostModel.fixed(OutcomeValues.reference()), 3));
    assertEquals("tuned_fell_back_to_cost_optimal", chosen.rule());
    assertEquals(OutcomeValues.reference().costOptimalThreshold(), chosen.value());
  }

  @Test
  void bayesRiskWithOneTableIsElkansThresholdForEveryCase() {
    ChosenThreshold chosen =
        ThresholdRule.parse("bayes_risk").choose(new double[0], new int[0], REFERENCE_COSTS);
    assertEquals(OutcomeValues.reference().costOptimalThreshold(), chosen.value());
    assertNull(chosen.decisions(REFERENCE_COSTS).perCase());
  }

  @Test
  void bayesRiskWithPerRowCostsGivesEachCaseItsOwnThreshold() {
    // Miss costs 1, 3 and 9 against a false alarm of 1: thresholds 1/2, 1/4 and 1/10.
    CostModel model =
        new CostModel(
            new OutcomeValues(0, -1, -5, 0, "EUR"),
            new CostColumns(Map.of(Outcome.FALSE_NEGATIVE, ColumnRef.parse("C_FN"))));
    CaseCosts costs =
        CaseCosts.of(model, Map.of(Outcome.FALSE_NEGATIVE, new double[] {1, 3, 9}), 3);
    ChosenThreshold chosen =
        ThresholdRule.parse("bayes_risk").choose(new double[0], new int[0], costs);
    // Cases without costs of their own: the mean miss cost, (1 + 3 + 9) / 3, against 1.
    assertEquals(1 / (1 + 13.0 / 3), chosen.value(), 1e-15);
    assertArrayEquals(new double[] {0.5, 0.25, 0.1}, chosen.decisions(costs).perCase(), 1e-15);
  }

  @Test
  void targetRecallTakesTheHighestThresholdThatCatchesEnough() {
    double[] scores = {0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2};
    int[] labels = {1, 0, 1, 1, 0, 1, 0, 0};
    ChosenThreshold half =
        ThresholdRule.parse("target_recall=0.5").choose(scores, labels, REFERENCE_COSTS);
    assertEquals(0.7, half.value()); // 0.9 and 0.7: 2 of 4 positives
    ChosenThreshold all =
        ThresholdRule.parse("target_recall=1").choose(scores, labels, REFERENCE_COSTS);
    assertEquals(0.4, all.value());
  }

  @Test
  void targetPrecisionTakesTheLowestThresholdThatIsPreciseEnough() {
    double[] scores = {0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2};
    int[] labels = {1, 0, 1, 1, 0, 1, 0, 0};
    // Precision from the top: 1, 1/2, 2/3, 3/4, 3/5, 4/6, 4/7, 4/8.
    ChosenThreshold chosen =
        ThresholdRule.parse("target_precision=0.66").choose(scores, labels, REFERENCE_COSTS);
    assertEquals(0.4, chosen.value());
    ChosenThreshold strict =
        ThresholdRule.parse("target_precision=0.75").choose(scores, labels, REFERENCE_COSTS);
    assertEquals(0.6, strict.value());
  }

  @Test
  void anUnreachablePrecisionFlagsNobodyAndSaysSo() {
    ChosenThreshold chosen =
        ThresholdRule.parse("target_precision=0.99")
            .choose(new double[] {0.9, 0.1}, new int[] {0, 1}, REFERENCE_COSTS);
    assertTrue(chosen.value() > 0.9);
    assertTrue(chosen.reason().contains("nothing is flagged"), chosen.reason());
  }
}
