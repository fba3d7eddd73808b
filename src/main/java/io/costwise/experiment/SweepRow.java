package io.costwise.experiment;

/**
 * Cross-validated figures of one training cost ratio at one kind of threshold.
 *
 * @param ratio fn_cost / fp_cost used in training
 * @param thresholdKind {@code 0.5} or {@code cost-optimal}
 * @param threshold the threshold value
 * @param meanExpectedValue mean over folds of the expected value per case
 * @param sdExpectedValue sample standard deviation over folds (n − 1)
 * @param meanFalseNegatives mean false negatives per fold
 * @param meanFalsePositives mean false positives per fold
 * @param meanAuc mean AUC over folds
 * @param best whether this row has the highest mean expected value of its threshold kind by more
 *     than one standard deviation (a tie marks no row)
 */
public record SweepRow(
    double ratio,
    String thresholdKind,
    double threshold,
    double meanExpectedValue,
    double sdExpectedValue,
    double meanFalseNegatives,
    double meanFalsePositives,
    double meanAuc,
    boolean best) {

  SweepRow markedBest() {
    return new SweepRow(
        ratio,
        thresholdKind,
        threshold,
        meanExpectedValue,
        sdExpectedValue,
        meanFalseNegatives,
        meanFalsePositives,
        meanAuc,
        true);
  }
}
