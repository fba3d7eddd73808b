package io.costwise.evaluation;

import java.util.ArrayList;
import java.util.List;

/**
 * How well the scores agree with the frequencies they claim: the Brier score, the expected and
 * maximum calibration errors, and the bins of a reliability diagram.
 *
 * <p>The scores are binned into {@value #BINS} bins of width 0.1: bin k holds the scores in [k/10,
 * (k+1)/10), the last bin [0.9, 1.0] also holding 1. A score on an edge thus belongs to the bin
 * above it, as a score on the threshold counts as positive. (scikit-learn 1.2's {@code
 * calibration_curve(strategy="uniform")} puts a score on an inner edge into the bin below, and its
 * edges come from {@code np.linspace}, so that 0.3, 0.6 and 0.7 sit just below its edges; only
 * scores exactly on an edge are binned differently.)
 *
 * <p>Per bin b with n_b scores: the mean score (what the model claims) and the fraction of
 * positives (what happened). Then, over the n scores:
 *
 * <ul>
 *   <li>expected calibration error, ECE = Σ_b (n_b / n)·|mean score_b − fraction positive_b|, the
 *       gap weighted by how many cases see it (Naeini, Cooper and Hauskrecht 2015; Guo et al.
 *       2017). Computed as Σ_b |Σ scores in b − positives in b| / n, the same sum with fewer
 *       roundings. It is 0 when every bin's mean score equals its fraction of positives;
 *   <li>maximum calibration error, MCE = the largest of those gaps over non-empty bins, which one
 *       sparse bin can dominate: read it with the bin counts;
 *   <li>Brier score = (1/n) Σ (score − label)², as {@link ProbabilityScores#brierScore()}, a proper
 *       scoring rule that rewards sharpness as well as calibration.
 * </ul>
 *
 * <p>Binned errors depend on the binning and are biased upward on small samples (a bin of a few
 * cases shows a gap by chance alone); they serve to compare scores on the same data, such as before
 * and after calibration.
 *
 * @param cases n, the number of scores
 * @param brierScore mean squared error of the score, in [0, 1]
 * @param expectedCalibrationError ECE, in [0, 1]
 * @param maximumCalibrationError MCE, in [0, 1]
 * @param bins the {@value #BINS} bins in ascending order, empty ones included
 */
public record Reliability(
    int cases,
    double brierScore,
    double expectedCalibrationError,
    double maximumCalibrationError,
    List<Bin> bins) {

  /** Equal-width bins over [0, 1]. */
  public static final int BINS = 10;

  public Reliability {
    bins = List.copyOf(bins);
  }

  /**
   * One bin of the reliability diagram.
   *
   * @param lower the smallest score in the bin
   * @param upper the bin's upper edge: excluded, except 1.0 for the last bin
   * @param count the scores in the bin; 0 for an empty bin
   * @param meanScore their mean; NaN when the bin is empty
   * @param fractionPositive the share of them whose label is 1; NaN when the bin is empty
   */
  public record Bin(
      double lower, double upper, int count, double meanScore, double fractionPositive) {}

  /**
   * The figures for the given probabilities of the positive class and true labels.
   *
   * @throws IllegalArgumentException if the arrays are malformed (see {@link Evaluation#of})
   */
  public static Reliability of(double[] scores, int[] labels) {
    Inputs.check(scores, labels);
    int[] counts = new int[BINS];
    int[] positives = new int[BINS];
    double[] scoreSums = new double[BINS];
    double squaredErrors = 0;
    for (int i = 0; i < scores.length; i++) {
      int bin = binOf(scores[i]);
      counts[bin]++;
      positives[bin] += labels[i];
      scoreSums[bin] += scores[i];
      double error = scores[i] - labels[i];
      squaredErrors += error * error;
    }
    int n = scores.length;
    List<Bin> bins = new ArrayList<>(BINS);
    double gaps = 0;
    double largest = 0;
    for (int k = 0; k < BINS; k++) {
      if (counts[k] == 0) {
        bins.add(new Bin(lower(k), lower(k + 1), 0, Double.NaN, Double.NaN));
        continue;
      }
      bins.add(
          new Bin(
              lower(k),
              lower(k + 1),
              counts[k],
              scoreSums[k] / counts[k],
              (double) positives[k] / counts[k]));
      gaps += Math.abs(scoreSums[k] - positives[k]);
      largest = Math.max(largest, Math.abs(scoreSums[k] - positives[k]) / counts[k]);
    }
    return new Reliability(n, squaredErrors / n, gaps / n, largest, bins);
  }

  /** The edge k/10 as the double nearest that decimal, so 0.3 is the edge of bins 2 and 3. */
  private static double lower(int k) {
    return k / (double) BINS;
  }

  /**
   * The bin of a score in [0, 1]. {@code score · 10} can round across an edge (0.7 · 10 is
   * 7.000000000000001), so the first guess is checked against the edges {@link #lower} reports.
   */
  static int binOf(double score) {
    int bin = Math.min((int) (score * BINS), BINS - 1);
    if (score < lower(bin)) {
      bin--;
    } else if (bin < BINS - 1 && score >= lower(bin + 1)) {
      bin++;
    }
    return bin;
  }
}
