package io.costwise.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.costwise.data.Dataset;
import io.costwise.error.InvalidInputException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConstantFeaturesTest {
  private static Dataset data(List<String> names, double[] features, int[] labels) {
    return new Dataset(names, features, labels, "sha");
  }

  @Test
  void varyingFeaturesGiveNoWarning() {
    Dataset d = data(List.of("a", "b"), new double[] {1, 2, 3, 4}, new int[] {0, 1});
    assertEquals(List.of(), ConstantFeatures.of(d));
    assertEquals(Optional.empty(), ConstantFeatures.check("train", d));
  }

  @Test
  void aConstantFeatureIsNamedInAWarning() {
    Dataset d =
        data(
            List.of("age", "flag", "x"),
            new double[] {30, 7, 1, 40, 7, 2, 50, 7, 1},
            new int[] {0, 1, 0});
    assertEquals(List.of(1), ConstantFeatures.of(d));
    String warning = ConstantFeatures.check("train", d).orElseThrow();
    assertTrue(
        warning.startsWith(
            "Channel 'train': 1 of 3 features never change over its 3 rows ('flag' = 7)"),
        warning);
  }

  @Test
  void everyFeatureConstantFailsWithASentence() {
    Dataset d = data(List.of("a", "b"), new double[] {5, 0.5, 5, 0.5, 5, 0.5}, new int[] {0, 1, 1});
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> ConstantFeatures.check("train", d));
    assertTrue(
        e.getMessage()
            .startsWith(
                "Channel 'train': every feature is constant over its 3 rows (row 1 has 'a' = 5,"
                    + " 'b' = 0.5)"),
        e.getMessage());
  }

  @Test
  void theScanCoversRowsBeyondTheFirstBlock() {
    int rows = 10_000;
    double[] features = new double[rows];
    features[rows - 1] = 1; // only the last row differs
    Dataset d = data(List.of("late"), features, new int[rows]);
    assertEquals(List.of(), ConstantFeatures.of(d));
  }
}
