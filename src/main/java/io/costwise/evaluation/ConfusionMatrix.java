package io.costwise.evaluation;

/**
 * Counts of the four outcomes of a binary decision.
 *
 * <p>Orientation, as scikit-learn's {@code confusion_matrix} prints it: rows are the actual class,
 * columns the predicted class, negative (0) first:
 *
 * <pre>
 *                 predicted 0   predicted 1
 *   actual 0  [[      tn,           fp     ],
 *   actual 1   [      fn,           tp     ]]
 * </pre>
 *
 * <p>Tie rule: a case is predicted positive when {@code score >= threshold}, so a score exactly at
 * the threshold counts as positive. (The reference notebook counted such a score as wrong for both
 * classes; one rule has to be chosen, and {@code >=} is the one under which the cost-optimal
 * threshold of Elkan (2001), "predict positive when p ≥ p*", is applied literally.)
 *
 * @param tn actual negatives predicted negative
 * @param fp actual negatives predicted positive
 * @param fn actual positives predicted negative
 * @param tp actual positives predicted positive
 */
public record ConfusionMatrix(long tn, long fp, long fn, long tp) {

  public ConfusionMatrix {
    if (tn < 0 || fp < 0 || fn < 0 || tp < 0) {
      throw new IllegalArgumentException(
          "counts must not be negative: tn=" + tn + " fp=" + fp + " fn=" + fn + " tp=" + tp);
    }
  }

  /** The matrix with the given counts, in row-major order {@code [[tn, fp], [fn, tp]]}. */
  public static ConfusionMatrix of(long tn, long fp, long fn, long tp) {
    return new ConfusionMatrix(tn, fp, fn, tp);
  }

  /**
   * Counts the outcomes of predicting positive when {@code scores[i] >= threshold}.
   *
   * @throws IllegalArgumentException if the arrays are malformed (see {@link Evaluation#of}) or the
   *     threshold is NaN
   */
  public static ConfusionMatrix of(double[] scores, int[] labels, double threshold) {
    Inputs.check(scores, labels);
    Inputs.checkThreshold(threshold);
    return count(scores, labels, threshold);
  }

  /** Counts the outcomes of decisions already made, one per case. */
  public static ConfusionMatrix of(boolean[] flagged, int[] labels) {
    if (flagged.length != labels.length) {
      throw new IllegalArgumentException(
          flagged.length + " decisions for " + labels.length + " labels");
    }
    long[] cells = new long[4];
    for (int i = 0; i < flagged.length; i++) {
      cells[labels[i] * 2 + (flagged[i] ? 1 : 0)]++;
    }
    return of(cells[0], cells[1], cells[2], cells[3]);
  }

  /** The counting alone, for callers that have checked their (possibly empty) input. */
  static ConfusionMatrix count(double[] scores, int[] labels, double threshold) {
    long tn = 0;
    long fp = 0;
    long fn = 0;
    long tp = 0;
    for (int i = 0; i < scores.length; i++) {
      boolean predictedPositive = scores[i] >= threshold;
      if (labels[i] == 1) {
        if (predictedPositive) {
          tp++;
        } else {
          fn++;
        }
      } else if (predictedPositive) {
        fp++;
      } else {
        tn++;
      }
    }
    return new ConfusionMatrix(tn, fp, fn, tp);
  }

  /** All cases: {@code tn + fp + fn + tp}. */
  public long total() {
    return tn + fp + fn + tp;
  }

  /** Actual positives: {@code fn + tp} (the second row). */
  public long positives() {
    return fn + tp;
  }

  /** Actual negatives: {@code tn + fp} (the first row). */
  public long negatives() {
    return tn + fp;
  }

  /** Share of cases decided correctly: {@code (tn + tp) / total}; NaN for an empty matrix. */
  public double accuracy() {
    return (double) (tn + tp) / total();
  }

  /** The matrix as {@code [[tn, fp], [fn, tp]]} (rows = actual, columns = predicted). */
  public long[][] toArray() {
    return new long[][] {{tn, fp}, {fn, tp}};
  }
}
