package io.costwise.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The Java evaluation reproduces the shared test vector that the page is also checked against. */
class InteractiveVectorTest {
  private static final InteractiveVector VECTOR = InteractiveVector.load();

  @Test
  void javaEvaluationGivesTheVectorsFiguresAtEveryThreshold() {
    int checked = 0;
    for (InteractiveVector.Case c : VECTOR.cases()) {
      for (InteractiveVector.Expected expected : c.expected()) {
        ScoredSplit split = VECTOR.split(c, expected.threshold());
        assertEquals(
            expected.figures(),
            InteractiveVector.figuresOf(split.evaluation()),
            c.values()
                + (c.fpCosts() != null ? " with per-row costs" : "")
                + " at threshold "
                + expected.threshold());
        checked++;
      }
    }
    assertEquals(30, checked, "three outcome tables at ten thresholds");
  }

  @Test
  void vectorCoversTiesHalfCentsAndPerRowCosts() {
    // A vector that never exercised these would pass whatever the rounding or tie rule.
    boolean halfCent = false;
    for (InteractiveVector.Case c : VECTOR.cases()) {
      halfCent |= c.values().unit().equals("EUR");
    }
    assertTrue(halfCent, "a table with three decimals");
    assertTrue(VECTOR.cases().stream().anyMatch(c -> c.fpCosts() != null), "per-row costs");
    assertEquals(3, java.util.Arrays.stream(VECTOR.scores()).filter(s -> s == 0.3).count());
  }
}
