package io.costwise.learn;

import io.costwise.config.Hyperparameters;
import io.costwise.config.TrainingConfig;
import java.util.HashMap;
import java.util.Map;

/** Training settings for tests, built from the hyperparameter table like every other user's. */
final class Configs {
  private Configs() {}

  /** The defaults with {@code keyValues} (key, value, key, value, …) replaced. */
  static TrainingConfig of(String... keyValues) {
    Map<String, String> changes = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      changes.put(keyValues[i], keyValues[i + 1]);
    }
    return Hyperparameters.defaults().with(changes).trainingConfig();
  }
}
