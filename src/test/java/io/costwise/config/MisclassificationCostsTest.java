package io.costwise.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MisclassificationCostsTest {
  @Test
  void binaryCostsAreIndexedActualThenPredicted() {
    MisclassificationCosts costs = MisclassificationCosts.binary(200, 1);
    assertEquals(200, costs.cost(1, 0));
    assertEquals(1, costs.cost(0, 1));
    assertEquals(0, costs.cost(0, 0));
    assertEquals(0, costs.cost(1, 1));
    assertEquals(200, costs.falseNegativeCost());
    assertEquals(1, costs.falsePositiveCost());
  }

  @Test
  void aFullMatrixIsKeptAndValidated() {
    MisclassificationCosts three =
        MisclassificationCosts.matrix(new double[][] {{0, 1, 2}, {3, 0, 4}, {5, 6, 0}});
    assertEquals(3, three.classes());
    assertEquals(6, three.cost(2, 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> MisclassificationCosts.matrix(new double[][] {{0, 1}, {1}}));
    assertThrows(
        IllegalArgumentException.class,
        () -> MisclassificationCosts.matrix(new double[][] {{0, -1}, {1, 0}}));
  }
}
