package io.costwise.evaluation;

/**
 * One row of a {@link ClassificationReport}: the scores of one class treated as "the positive
 * class", or an average of such rows.
 *
 * @param precision of the cases predicted to be this class, the share that are: {@code tp / (tp +
 *     fp)} from this class's point of view
 * @param recall of the cases that are this class, the share predicted so: {@code tp / (tp + fn)}
 * @param f1 harmonic mean of precision and recall, computed as {@code 2·tp / (2·tp + fp + fn)}
 * @param support the number of actual cases of this class (for an average row: all cases)
 */
public record ClassMetrics(double precision, double recall, double f1, long support) {

  /**
   * The row for a class whose own true positives, false positives and false negatives are given. A
   * ratio whose denominator is zero is 0.0 (scikit-learn's {@code zero_division="warn"} default,
   * minus the warning).
   */
  static ClassMetrics fromCounts(long tp, long fp, long fn) {
    return new ClassMetrics(
        ratio(tp, tp + fp), ratio(tp, tp + fn), ratio(2 * tp, 2 * tp + fp + fn), tp + fn);
  }

  private static double ratio(long numerator, long denominator) {
    return denominator == 0 ? 0.0 : (double) numerator / denominator;
  }
}
