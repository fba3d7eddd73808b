package io.costwise.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.costwise.config.Hyperparameter;
import io.costwise.config.Hyperparameters;
import io.costwise.data.Dataset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FingerprintTest {
  private static final Dataset A =
      new Dataset(Dataset.defaultFeatureNames(1), new double[] {1, 2}, new int[] {0, 1}, "aaa");
  private static final Dataset B =
      new Dataset(Dataset.defaultFeatureNames(1), new double[] {1, 2}, new int[] {0, 1}, "bbb");

  private static String of(Map<String, String> hp, Dataset train) {
    return Fingerprint.of(
        Hyperparameters.parse(hp), Hyperparameter.EPOCHS, train, Optional.empty());
  }

  @Test
  void ignoresEpochsButNotOtherSettingsOrData() {
    assertEquals(of(Map.of("epochs", "5"), A), of(Map.of("epochs", "50"), A));
    assertNotEquals(of(Map.of("fn_cost", "5"), A), of(Map.of("fn_cost", "6"), A));
    assertNotEquals(of(Map.of(), A), of(Map.of(), B));
    assertNotEquals(
        of(Map.of(), A),
        Fingerprint.of(Hyperparameters.parse(Map.of()), Hyperparameter.EPOCHS, A, Optional.of(B)));
  }
}
