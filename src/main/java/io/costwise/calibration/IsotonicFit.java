package io.costwise.calibration;

import io.costwise.artifact.Calibration;
import io.costwise.evaluation.Inputs;
import java.util.Arrays;

/**
 * Isotonic calibration as scikit-learn's {@code IsotonicRegression(out_of_bounds="clip", y_min=0,
 * y_max=1, increasing=True).fit(scores, labels)} computes it (version 1.2), step for step, so that
 * the stored points equal its {@code X_thresholds_} and {@code y_thresholds_} bit for bit. (Later
 * versions, given SciPy 1.12 or later, pool with {@code scipy.optimize.isotonic_regression}, which
 * adds in another order: pooled values can then differ in the last bit.)
 *
 * <ol>
 *   <li><b>Ties merged</b> ({@code _make_unique}): sorted scores are grouped, each group becoming
 *       one point at its smallest score whose value is the fraction of positives and whose weight
 *       is the group's size. A group takes every following score less than 1e-15 (numpy's {@code
 *       finfo(float64).resolution}) above its first, so scores closer than that count as ties.
 *   <li><b>Pool adjacent violators</b> ({@code _inplace_contiguous_isotonic_regression}): the
 *       weighted least-squares non-decreasing fit, by the same single-pass algorithm with
 *       backtracking and the same arithmetic, so the values agree to the last bit.
 *   <li><b>Clipped</b> to [0, 1], which fractions of positives already respect.
 *   <li><b>Trimmed</b>: a point is dropped when its value equals both neighbours' (the inside of a
 *       flat run), which leaves the interpolated curve unchanged. The first and last points stay.
 * </ol>
 *
 * <p>Sorting dominates: O(n log n). Labels are 0 or 1, so instead of sorting (score, label) pairs
 * the positives' and negatives' scores are sorted as two plain {@code double[]}s and walked
 * together; a tie group's value is then its positive count over its size, the exact quotient
 * scikit-learn's weighted mean of ones and zeros yields. A million scores take 0.1 s of CPU once
 * the JIT has compiled this code and 0.4 s on a JVM's first call (measured on the build machine;
 * {@code IsotonicFitTest} prints its own).
 */
public final class IsotonicFit {
  /** Scores closer than this to a tie group's first score join the group. */
  static final double TIE_RESOLUTION = 1e-15;

  private IsotonicFit() {}

  /**
   * The isotonic calibration of the scores.
   *
   * @throws IllegalArgumentException if the arrays are malformed
   */
  public static Calibration fit(double[] scores, int[] labels) {
    Inputs.check(scores, labels);
    Points points = merge(scores, labels);
    poolAdjacentViolators(points.y, points.weight, points.size);
    for (int i = 0; i < points.size; i++) {
      points.y[i] = Math.min(Math.max(points.y[i], 0), 1);
    }
    return trim(points);
  }

  /** Points on the score axis: strictly ascending x, each with a value and a weight. */
  private record Points(double[] x, double[] y, double[] weight, int size) {}

  /** Sorts the scores and merges ties into weighted points. */
  private static Points merge(double[] scores, int[] labels) {
    int positiveCount = 0;
    for (int label : labels) {
      positiveCount += label;
    }
    double[] positives = new double[positiveCount];
    double[] negatives = new double[scores.length - positiveCount];
    int p = 0;
    int q = 0;
    for (int i = 0; i < scores.length; i++) {
      // + 0.0 turns −0.0 into 0.0, which Arrays.sort would otherwise order before 0.0.
      if (labels[i] == 1) {
        positives[p++] = scores[i] + 0.0;
      } else {
        negatives[q++] = scores[i] + 0.0;
      }
    }
    Arrays.sort(positives);
    Arrays.sort(negatives);

    double[] x = new double[scores.length];
    double[] y = new double[scores.length];
    double[] weight = new double[scores.length];
    int size = 0;
    p = 0;
    q = 0;
    while (p < positives.length || q < negatives.length) {
      double first =
          q == negatives.length || (p < positives.length && positives[p] < negatives[q])
              ? positives[p]
              : negatives[q];
      long inGroupPositives = 0;
      long inGroup = 0;
      while (p < positives.length && positives[p] - first < TIE_RESOLUTION) {
        p++;
        inGroupPositives++;
      }
      while (q < negatives.length && negatives[q] - first < TIE_RESOLUTION) {
        q++;
        inGroup++;
      }
      inGroup += inGroupPositives;
      x[size] = first;
      y[size] = (double) inGroupPositives / inGroup;
      weight[size] = inGroup;
      size++;
    }
    return new Points(x, y, weight, size);
  }

  /**
   * Replaces {@code y[0..n)} by its weighted isotonic (non-decreasing) fit, in place, as
   * scikit-learn's Cython does. Blocks of pooled points are kept as index ranges: for an active
   * block [i..j], {@code target[i] = j} and {@code target[j] = i}, and {@code y[i]}, {@code w[i]}
   * hold the block's weighted mean and total weight. A pooled block steps back to the block before
   * it, so the pass is single and O(n).
   */
  private static void poolAdjacentViolators(double[] y, double[] w, int n) {
    int[] target = new int[n];
    for (int i = 0; i < n; i++) {
      target[i] = i;
    }
    int i = 0;
    while (i < n) {
      int k = target[i] + 1;
      if (k == n) {
        break;
      }
      if (y[i] < y[k]) {
        i = k;
        continue;
      }
      double sumWy = w[i] * y[i];
      double sumW = w[i];
      while (true) { // within a non-increasing run of blocks
        double previousY = y[k];
        sumWy += w[k] * y[k];
        sumW += w[k];
        k = target[k] + 1;
        if (k == n || previousY < y[k]) {
          y[i] = sumWy / sumW;
          w[i] = sumW;
          target[i] = k - 1;
          target[k - 1] = i;
          if (i > 0) {
            i = target[i - 1]; // the pooled value may now violate the block before
          }
          break;
        }
      }
    }
    i = 0;
    while (i < n) {
      int k = target[i] + 1;
      Arrays.fill(y, i + 1, k, y[i]);
      i = k;
    }
  }

  /** Drops the points inside flat runs; keeps the first and the last. */
  private static Calibration trim(Points points) {
    int n = points.size;
    double[] y = points.y;
    double[] keptX = new double[n];
    double[] keptY = new double[n];
    int kept = 0;
    for (int i = 0; i < n; i++) {
      boolean inside = i > 0 && i < n - 1 && y[i] == y[i - 1] && y[i] == y[i + 1];
      if (!inside) {
        keptX[kept] = points.x[i];
        keptY[kept] = y[i];
        kept++;
      }
    }
    return Calibration.isotonic(Arrays.copyOf(keptX, kept), Arrays.copyOf(keptY, kept));
  }
}
