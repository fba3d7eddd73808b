package io.costwise.evaluation;

/**
 * Precision and recall of the positive class when every case scored at or above {@code threshold}
 * is flagged.
 *
 * @param threshold a distinct score: predict positive when {@code score >= threshold}
 * @param precision tp / (tp + fp), in [0, 1]
 * @param recall tp / (tp + fn), in [0, 1]; NaN when the split has no positives
 */
public record PrecisionRecallPoint(double threshold, double precision, double recall) {}
