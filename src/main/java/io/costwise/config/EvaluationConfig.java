package io.costwise.config;

import io.costwise.cost.CostModel;
import io.costwise.evaluation.OutcomeValues;
import io.costwise.evaluation.ThresholdRule;
import java.util.Objects;

/**
 * How a trained model is judged and how it decides: the value of each outcome, the threshold rule,
 * and the close-call width.
 *
 * @param costs what TN, FP, FN and TP cost: the fixed table (and its unit) and any per-row columns
 * @param thresholdRule how the decision threshold is chosen
 * @param closeCallWidth half-width of the "close call" band around the threshold
 */
public record EvaluationConfig(
    CostModel costs, ThresholdRule thresholdRule, double closeCallWidth) {

  public EvaluationConfig {
    Objects.requireNonNull(costs, "costs");
    Objects.requireNonNull(thresholdRule, "thresholdRule");
  }

  /** The fixed value table (and the unit of every cost). */
  public OutcomeValues values() {
    return costs.values();
  }
}
