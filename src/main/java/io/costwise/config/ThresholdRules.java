package io.costwise.config;

import java.util.Optional;

/**
 * The {@code decision_threshold} syntax for places other than the hyperparameters (the {@code
 * evaluate} command line, the endpoint's custom attributes), so every place accepts the same texts.
 */
public final class ThresholdRules {
  private ThresholdRules() {}

  /** The canonical text of a valid {@code decision_threshold} value, or empty. */
  public static Optional<String> canonical(String text) {
    return Hyperparameter.DECISION_THRESHOLD.rule().canonical(text.strip());
  }
}
