package io.costwise.evaluation;

import java.math.BigDecimal;

/**
 * Every figure for one data split (train, validation or test) at one threshold: what a report, a
 * metrics file or a chart of that split needs, computed once.
 *
 * @param threshold the threshold used: predict positive when {@code score >= threshold}
 * @param matrix the decisions at that threshold, {@code [[tn, fp], [fn, tp]]}
 * @param report precision, recall, F1 and support per class, as scikit-learn reports them
 * @param roc the ROC curve and its tie-aware AUC (NaN when the split has only one class)
 * @param probabilityScores log loss and Brier score of the scores as probabilities
 * @param values the outcome values the money figures use
 * @param expectedValuePerCase expected value per case at the threshold (nearest double)
 * @param expectedValueTotal exact total value of the split's decisions, in {@code values.unit()}
 * @param closeCalls cases within the close-call width of the threshold, per cell
 * @param expectedValueCurve expected value per case at every candidate threshold
 */
public record Evaluation(
    double threshold,
    ConfusionMatrix matrix,
    ClassificationReport report,
    RocCurve roc,
    ProbabilityScores probabilityScores,
    OutcomeValues values,
    double expectedValuePerCase,
    BigDecimal expectedValueTotal,
    CloseCalls closeCalls,
    ExpectedValueCurve expectedValueCurve) {

  /**
   * Evaluates one split.
   *
   * @param scores predicted probability of the positive class per case, each in [0, 1]
   * @param labels actual class per case, 0 or 1, as many as scores
   * @param threshold the decision threshold, finite (it may exceed 1, meaning "flag nothing")
   * @param values what each outcome is worth
   * @param closeCallWidth half-width of the close-call interval, e.g. {@link
   *     CloseCalls#DEFAULT_WIDTH}
   * @throws IllegalArgumentException if the arrays differ in length or are empty, a score is NaN or
   *     outside [0, 1], a label is not 0 or 1, the threshold is not finite, or the width is
   *     negative or not finite: these are bugs in the caller, not the user's data
   */
  public static Evaluation of(
      double[] scores,
      int[] labels,
      double threshold,
      OutcomeValues values,
      double closeCallWidth) {
    Inputs.check(scores, labels);
    if (!Double.isFinite(threshold)) {
      throw new IllegalArgumentException("threshold must be finite, got " + threshold);
    }
    SortedScores sorted = SortedScores.of(scores, labels);
    ConfusionMatrix matrix = ConfusionMatrix.of(scores, labels, threshold);
    return new Evaluation(
        threshold,
        matrix,
        ClassificationReport.of(matrix),
        RocCurve.of(sorted),
        ProbabilityScores.of(scores, labels),
        values,
        values.perCase(matrix),
        values.total(matrix),
        CloseCalls.of(scores, labels, threshold, closeCallWidth),
        ExpectedValueCurve.of(sorted, values));
  }
}
