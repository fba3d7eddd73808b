package io.costwise.evaluation;

import io.costwise.cost.CaseCosts;

/**
 * A decision threshold and how it came about, as stored in the model and shown in reports.
 *
 * @param value predict positive when {@code score >= value}
 * @param rule {@code fixed}, {@code cost_optimal}, {@code bayes_risk}, {@code tuned}, {@code
 *     tuned_fell_back_to_cost_optimal}, {@code target_recall} or {@code target_precision}
 * @param reason one sentence for people: why this value
 */
public record ChosenThreshold(double value, String rule, String reason) {

  /**
   * How each case of a data set is decided under this threshold: by its own costs for {@code
   * bayes_risk} with per-row costs, else by {@code value}.
   */
  public Decisions decisions(CaseCosts costs) {
    if (!rule.equals(ThresholdRule.BayesRisk.TEXT) || !costs.perRow()) {
      return Decisions.at(value);
    }
    double[] perCase = new double[costs.rows()];
    for (int i = 0; i < perCase.length; i++) {
      perCase[i] = costs.minimumRiskThreshold(i);
    }
    return new Decisions(value, perCase);
  }
}
