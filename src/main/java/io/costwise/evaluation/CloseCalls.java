package io.costwise.evaluation;

import java.math.BigDecimal;

/**
 * How many cases were decided by a narrow margin: their score lies within {@code width} of the
 * threshold, so a slightly different model or threshold could have flipped them. Counted per cell
 * of the confusion matrix, because a close call that is a false negative is a different worry from
 * one that is a true negative.
 *
 * <p>The interval is closed on both sides: a case is a close call when
 *
 * <pre>
 *   threshold − width ≤ score ≤ threshold + width
 * </pre>
 *
 * <p>The comparison is made on the decimals Java prints for the three numbers ({@link
 * BigDecimal#valueOf(double)}), not on their binary values, so that a score of 0.55 is within 0.05
 * of a threshold of 0.5 as a reader expects (in binary, 0.55 − 0.5 is 0.05000000000000004 and would
 * fall outside). The cell of each case follows the usual tie rule ({@code score >= threshold} is
 * positive).
 *
 * @param threshold the decision threshold
 * @param width the half-width of the interval, at least 0
 * @param tn close calls that are true negatives (just below the threshold, actually negative)
 * @param fp close calls that are false positives
 * @param fn close calls that are false negatives
 * @param tp close calls that are true positives
 */
public record CloseCalls(double threshold, double width, long tn, long fp, long fn, long tp) {

  /** The default half-width: scores within 0.05 of the threshold. */
  public static final double DEFAULT_WIDTH = 0.05;

  /**
   * Counts the close calls among the given cases.
   *
   * @throws IllegalArgumentException if the arrays are malformed (see {@link Evaluation#of}), the
   *     threshold is NaN or infinite, or the width is negative, NaN or infinite
   */
  public static CloseCalls of(double[] scores, int[] labels, double threshold, double width) {
    return of(scores, labels, Decisions.at(threshold), width);
  }

  /**
   * Counts the close calls when each case has its own threshold (Bayes minimum risk): a case is a
   * close call when its score is within {@code width} of its own threshold. The record's {@code
   * threshold} is then the decisions' shared one.
   */
  public static CloseCalls of(double[] scores, int[] labels, Decisions decisions, double width) {
    Inputs.check(scores, labels);
    if (!(width >= 0) || Double.isInfinite(width)) {
      throw new IllegalArgumentException("width must be finite and >= 0, got " + width);
    }
    BigDecimal halfWidth = BigDecimal.valueOf(width);
    // Far from the edges, binary and decimal agree; only cases near them pay for BigDecimal.
    double margin = width * (1 + 1e-9) + 1e-12;
    long[] cells = new long[4];
    for (int i = 0; i < scores.length; i++) {
      double threshold = decisions.threshold(i);
      if (Math.abs(scores[i] - threshold) > margin) {
        continue;
      }
      BigDecimal center = BigDecimal.valueOf(threshold);
      BigDecimal score = BigDecimal.valueOf(scores[i]);
      if (score.compareTo(center.subtract(halfWidth)) >= 0
          && score.compareTo(center.add(halfWidth)) <= 0) {
        boolean flagged = scores[i] >= threshold;
        cells[labels[i] * 2 + (flagged ? 1 : 0)]++;
      }
    }
    return new CloseCalls(decisions.threshold(), width, cells[0], cells[1], cells[2], cells[3]);
  }

  /** All close calls. */
  public long total() {
    return tn + fp + fn + tp;
  }
}
