package io.costwise.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ThresholdRuleTest {
  @Test
  void parsesTheThreeForms() {
    assertEquals(new ThresholdRule.Fixed(0.3), ThresholdRule.parse("0.3"));
    assertInstanceOf(ThresholdRule.CostOptimal.class, ThresholdRule.parse("cost_optimal"));
    assertInstanceOf(ThresholdRule.Tuned.class, ThresholdRule.parse("TUNED"));
    assertTrue(ThresholdRule.parse("tuned").needsValidation());
    assertFalse(ThresholdRule.parse("cost_optimal").needsValidation());
  }

  @Test
  void tunedFallsBackOnATinySetAndSaysSo() {
    ChosenThreshold chosen =
        ThresholdRule.parse("tuned")
            .choose(new double[] {0.1, 0.9, 0.4}, new int[] {0, 1, 1}, OutcomeValues.reference());
    assertEquals("tuned_fell_back_to_cost_optimal", chosen.rule());
    assertEquals(OutcomeValues.reference().costOptimalThreshold(), chosen.value());
  }
}
