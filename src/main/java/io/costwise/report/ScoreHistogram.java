package io.costwise.report;

import java.math.BigDecimal;

/**
 * Predicted scores binned per actual class, each bin split into correctly and wrongly classified
 * cases: the data of the reference's "custom confusion matrix" chart.
 *
 * <p>Bins are {@code [k·w, (k+1)·w)} for k = 0 … bins − 1, the last one closed at 1. A score is
 * placed by its decimal value ({@link BigDecimal#valueOf(double)}), so 0.15 falls in [0.15, 0.2) as
 * a reader expects, although {@code 0.15 / 0.05} is 2.9999999999999996 in binary. Correct and wrong
 * follow the tie rule {@code score >= threshold} ⇒ positive, so the four sums are the confusion
 * matrix at the threshold.
 */
final class ScoreHistogram {
  /** The reference's bin width: 20 bins over [0, 1]. */
  static final double DEFAULT_BIN_WIDTH = 0.05;

  final double binWidth;
  final double threshold;

  /** Actual negatives predicted negative (true negatives) per bin. */
  final long[] negativeCorrect;

  /** Actual negatives predicted positive (false positives) per bin. */
  final long[] negativeWrong;

  /** Actual positives predicted positive (true positives) per bin. */
  final long[] positiveCorrect;

  /** Actual positives predicted negative (false negatives) per bin. */
  final long[] positiveWrong;

  private ScoreHistogram(double binWidth, double threshold, int bins) {
    this.binWidth = binWidth;
    this.threshold = threshold;
    this.negativeCorrect = new long[bins];
    this.negativeWrong = new long[bins];
    this.positiveCorrect = new long[bins];
    this.positiveWrong = new long[bins];
  }

  /**
   * Bins the scores.
   *
   * @param binWidth in (0, 1], dividing 1 into a whole number of bins (0.05, 0.1, 0.02…)
   * @throws IllegalArgumentException if the bin width does not divide [0, 1] evenly, or a score
   *     lies outside [0, 1]
   */
  static ScoreHistogram of(double[] scores, int[] labels, double threshold, double binWidth) {
    int bins = binCount(binWidth);
    ScoreHistogram histogram = new ScoreHistogram(binWidth, threshold, bins);
    BigDecimal scale = BigDecimal.valueOf(bins);
    for (int i = 0; i < scores.length; i++) {
      if (!(scores[i] >= 0 && scores[i] <= 1)) {
        throw new IllegalArgumentException("scores[" + i + "] is " + scores[i] + ", not in [0, 1]");
      }
      int bin = Math.min(bins - 1, bin(scores[i], bins, scale));
      boolean predictedPositive = scores[i] >= threshold;
      if (labels[i] == 1) {
        (predictedPositive ? histogram.positiveCorrect : histogram.positiveWrong)[bin]++;
      } else {
        (predictedPositive ? histogram.negativeWrong : histogram.negativeCorrect)[bin]++;
      }
    }
    return histogram;
  }

  /**
   * The bin of a score by its decimal value. Binary arithmetic gives the same bin unless the scaled
   * score lies within 1e−9 of a bin edge (its error is below 1e−13), so the exact decimal product
   * is only computed there: on a million scores, BigDecimal for every one cost more than the rest
   * of the report.
   */
  private static int bin(double score, int bins, BigDecimal scale) {
    double scaled = score * bins;
    double nearestEdge = Math.rint(scaled);
    if (Math.abs(scaled - nearestEdge) > 1e-9) {
      return (int) Math.floor(scaled);
    }
    return BigDecimal.valueOf(score).multiply(scale).intValue();
  }

  static int binCount(double binWidth) {
    if (!(binWidth > 0 && binWidth <= 1)) {
      throw new IllegalArgumentException("bin width must be in (0, 1], got " + binWidth);
    }
    long bins = Math.round(1 / binWidth);
    if (Math.abs(bins * binWidth - 1) > 1e-9 || bins > 1000) {
      throw new IllegalArgumentException(
          "bin width " + binWidth + " must split [0, 1] into a whole number of bins, at most 1000");
    }
    return (int) bins;
  }

  int bins() {
    return negativeCorrect.length;
  }

  /** The centre of bin {@code k}. */
  double centre(int k) {
    return (k + 0.5) * binWidth;
  }

  static long sum(long[] counts) {
    long total = 0;
    for (long count : counts) {
      total += count;
    }
    return total;
  }
}
