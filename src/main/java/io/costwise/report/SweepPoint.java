package io.costwise.report;

import java.util.Objects;

/**
 * One cell of a cost-ratio sweep: models trained with one false-negative : false-positive cost
 * ratio (over several seeds or folds), decided with one kind of threshold.
 *
 * @param ratio the fn/fp cost ratio used in training, greater than 0 (plotted on a log scale)
 * @param thresholdKind the threshold rule, e.g. {@code "0.5"} or {@code "cost-optimal"}; one chart
 *     series per distinct kind, in order of first appearance
 * @param meanExpectedValue mean expected value per case over the runs, in the chart's unit
 * @param sdExpectedValue standard deviation of that over the runs, at least 0 (0 for one run)
 * @param meanFalseNegatives mean false-negative count over the runs
 * @param meanFalsePositives mean false-positive count over the runs
 * @param best whether this is the best cell of the sweep (marked on the chart)
 */
public record SweepPoint(
    double ratio,
    String thresholdKind,
    double meanExpectedValue,
    double sdExpectedValue,
    double meanFalseNegatives,
    double meanFalsePositives,
    boolean best) {

  public SweepPoint {
    Objects.requireNonNull(thresholdKind, "thresholdKind");
    if (!(ratio > 0) || Double.isInfinite(ratio)) {
      throw new IllegalArgumentException("ratio must be finite and > 0, got " + ratio);
    }
    if (!Double.isFinite(meanExpectedValue)) {
      throw new IllegalArgumentException("meanExpectedValue must be finite");
    }
    if (!(sdExpectedValue >= 0) || Double.isInfinite(sdExpectedValue)) {
      throw new IllegalArgumentException(
          "sdExpectedValue must be finite and >= 0, got " + sdExpectedValue);
    }
  }
}
