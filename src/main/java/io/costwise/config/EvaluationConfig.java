package io.costwise.config;

import io.costwise.evaluation.OutcomeValues;
import io.costwise.evaluation.ThresholdRule;
import java.util.Objects;

/**
 * How a trained model is judged and how it decides: the value of each outcome, the threshold rule,
 * and the close-call width.
 *
 * @param values what TN, FP, FN and TP are worth, and in what unit
 * @param thresholdRule how the decision threshold is chosen
 * @param closeCallWidth half-width of the "close call" band around the threshold
 */
public record EvaluationConfig(
    OutcomeValues values, ThresholdRule thresholdRule, double closeCallWidth) {

  public EvaluationConfig {
    Objects.requireNonNull(values, "values");
    Objects.requireNonNull(thresholdRule, "thresholdRule");
  }
}
