package io.costwise.evaluation;

import java.util.Arrays;

/**
 * The scores grouped by distinct value, ascending, with how many negatives and positives share each
 * value: the one sort that the ROC curve, the expected-value curve and the threshold tuner all
 * start from.
 *
 * <p>Built in O(n log n) by sorting the negatives' and the positives' scores separately (primitive
 * sorts, no boxing) and merging. Equal scores form one group, which is what makes the ROC curve and
 * AUC tie-aware. {@code -0.0} and {@code 0.0} are one value, stored as {@code 0.0}.
 */
public final class SortedScores {
  /** Distinct scores, strictly ascending. */
  final double[] values;

  /** {@code negatives[k]}: how many actual negatives have score {@code values[k]}. */
  final int[] negatives;

  /** {@code positives[k]}: how many actual positives have score {@code values[k]}. */
  final int[] positives;

  final int totalNegatives;
  final int totalPositives;

  private SortedScores(double[] values, int[] negatives, int[] positives, int n0, int n1) {
    this.values = values;
    this.negatives = negatives;
    this.positives = positives;
    this.totalNegatives = n0;
    this.totalPositives = n1;
  }

  /** Groups already-validated scores and labels (see {@link Inputs#check}). */
  static SortedScores of(double[] scores, int[] labels) {
    int n1 = 0;
    for (int label : labels) {
      n1 += label;
    }
    double[] neg = new double[scores.length - n1];
    double[] pos = new double[n1];
    for (int i = 0, a = 0, b = 0; i < scores.length; i++) {
      if (labels[i] == 1) {
        pos[b++] = scores[i];
      } else {
        neg[a++] = scores[i];
      }
    }
    Arrays.sort(neg);
    Arrays.sort(pos);

    double[] values = new double[scores.length];
    int[] negCounts = new int[scores.length];
    int[] posCounts = new int[scores.length];
    int groups = 0;
    int i = 0;
    int j = 0;
    while (i < neg.length || j < pos.length) {
      double next;
      if (j == pos.length || (i < neg.length && neg[i] <= pos[j])) {
        next = neg[i];
      } else {
        next = pos[j];
      }
      int a = 0;
      while (i < neg.length && neg[i] == next) {
        i++;
        a++;
      }
      int b = 0;
      while (j < pos.length && pos[j] == next) {
        j++;
        b++;
      }
      values[groups] = next + 0.0; // turns -0.0 into 0.0
      negCounts[groups] = a;
      posCounts[groups] = b;
      groups++;
    }
    return new SortedScores(
        Arrays.copyOf(values, groups),
        Arrays.copyOf(negCounts, groups),
        Arrays.copyOf(posCounts, groups),
        neg.length,
        n1);
  }

  /**
   * The grouping of these scores and labels, for code outside this package (the report's page
   * embeds it).
   *
   * @throws IllegalArgumentException if the arrays are malformed (see {@link Evaluation#of})
   */
  public static SortedScores grouped(double[] scores, int[] labels) {
    Inputs.check(scores, labels);
    return of(scores, labels);
  }

  /** The number of distinct scores. */
  public int size() {
    return values.length;
  }

  /** The distinct scores, strictly ascending (a copy). */
  public double[] distinctScores() {
    return values.clone();
  }

  /** Per distinct score, how many actual negatives have it (a copy). */
  public int[] negativesPerScore() {
    return negatives.clone();
  }

  /** Per distinct score, how many actual positives have it (a copy). */
  public int[] positivesPerScore() {
    return positives.clone();
  }
}
