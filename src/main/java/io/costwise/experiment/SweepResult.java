package io.costwise.experiment;

import java.util.List;

/**
 * What a sweep found: its rows (ratio by ratio, 0.5 before cost-optimal) and, per ratio, every
 * case's out-of-fold score — each case scored by the fold model that did not train on it — which
 * the report's interactive panel re-decides at any threshold.
 *
 * @param labels the cases' labels, in the data's order (the order of every {@code scores} array)
 */
public record SweepResult(List<SweepRow> rows, List<OutOfFold> outOfFold, int[] labels) {
  /** One training ratio's out-of-fold scores. */
  public record OutOfFold(double ratio, double[] scores) {}
}
