package io.costwise.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.costwise.cost.CaseCosts;
import io.costwise.cost.CostModel;
import org.junit.jupiter.api.Test;

class ThresholdTextTest {
  @Test
  void fourSignificantDigitsWithoutTrailingZeros() {
    assertEquals("0.5", ThresholdText.of(0.5));
    assertEquals("0.005907", ThresholdText.of(0.005906625));
    assertEquals("0.2213", ThresholdText.of(0.22134));
    assertEquals("1", ThresholdText.of(1.0));
    assertEquals("0", ThresholdText.of(0.0));
    assertEquals("not defined", ThresholdText.of(Double.NaN));
    assertEquals("+inf", ThresholdText.of(Double.POSITIVE_INFINITY));
  }

  @Test
  void theRulesExplainTheirThresholdAsTheTablesPrintIt() {
    ChosenThreshold chosen =
        new ThresholdRule.CostOptimal()
            .choose(
                new double[] {0.2, 0.8},
                new int[] {0, 1},
                CaseCosts.fixed(CostModel.fixed(OutcomeValues.reference()), 2));
    org.junit.jupiter.api.Assertions.assertTrue(
        chosen.reason().contains("= 0.005907 from the outcome values"), chosen.reason());
  }
}
