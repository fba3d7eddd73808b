package io.costwise.evaluation;

/**
 * The decisions at one threshold and what they are worth.
 *
 * @param threshold the cut-off: predict positive when {@code score >= threshold}
 * @param expectedValuePerCase EV total / n, see {@link OutcomeValues}
 * @param tn actual negatives below the threshold
 * @param fp actual negatives at or above it
 * @param fn actual positives below it
 * @param tp actual positives at or above it
 */
public record ExpectedValuePoint(
    double threshold, double expectedValuePerCase, long tn, long fp, long fn, long tp) {

  /** The four counts as a matrix. */
  public ConfusionMatrix matrix() {
    return ConfusionMatrix.of(tn, fp, fn, tp);
  }
}
