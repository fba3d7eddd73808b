package io.costwise.evaluation;

import io.costwise.cost.CaseCosts;
import io.costwise.cost.CostModel;
import java.math.BigDecimal;

/**
 * Every figure for one data split (train, validation or test) at one threshold: what a report, a
 * metrics file or a chart of that split needs, computed once.
 *
 * @param threshold the threshold used: predict positive when {@code score >= threshold}
 * @param matrix the decisions at that threshold, {@code [[tn, fp], [fn, tp]]}
 * @param report precision, recall, F1 and support per class, as scikit-learn reports them
 * @param roc the ROC curve and its tie-aware AUC (NaN when the split has only one class)
 * @param precisionRecall precision against recall, from the same sorted scores as the ROC curve
 * @param probabilityScores log loss and Brier score of the scores as probabilities
 * @param values the fixed outcome values (and the unit of every money figure)
 * @param perCaseCosts whether costs differ per case (cost columns); the money figures then come
 *     from each case's costs
 * @param perCaseDecisions whether each case was decided by its own costs (Bayes minimum risk with
 *     per-row costs), {@code threshold} then being the one for a case without costs of its own
 * @param expectedValuePerCase expected value per case of the decisions (nearest double)
 * @param expectedValueTotal total value of the split's decisions, in {@code values.unit()}: exact
 *     for the fixed table, a compensated sum with per-row costs
 * @param costs the decisions' total cost, the trivial policies' and the savings score
 * @param closeCalls cases within the close-call width of the threshold, per cell
 * @param expectedValueCurve expected value per case at every candidate threshold
 */
public record Evaluation(
    double threshold,
    ConfusionMatrix matrix,
    ClassificationReport report,
    RocCurve roc,
    PrecisionRecallCurve precisionRecall,
    ProbabilityScores probabilityScores,
    OutcomeValues values,
    boolean perCaseCosts,
    boolean perCaseDecisions,
    double expectedValuePerCase,
    BigDecimal expectedValueTotal,
    CostSummary costs,
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
    if (!Double.isFinite(threshold)) {
      throw new IllegalArgumentException("threshold must be finite, got " + threshold);
    }
    return of(
        scores,
        labels,
        Decisions.at(threshold),
        CaseCosts.fixed(CostModel.fixed(values), labels.length),
        closeCallWidth);
  }

  /**
   * Evaluates one split whose costs may differ per case, and whose cases may each have their own
   * threshold.
   *
   * @param decisions the threshold, or each case's
   * @param costs each case's cost of each outcome, as many rows as scores
   * @throws IllegalArgumentException as {@link #of(double[], int[], double, OutcomeValues, double)}
   */
  public static Evaluation of(
      double[] scores, int[] labels, Decisions decisions, CaseCosts costs, double closeCallWidth) {
    Inputs.check(scores, labels);
    OutcomeValues values = costs.model().values();
    SortedScores sorted = SortedScores.of(scores, labels);
    boolean[] flagged = decisions.apply(scores);
    ConfusionMatrix matrix = ConfusionMatrix.of(flagged, labels);
    CostSummary summary;
    double perCase;
    BigDecimal total;
    if (costs.perRow()) {
      summary = CostSummary.of(flagged, labels, costs);
      perCase = 0.0 - summary.perCase();
      total = BigDecimal.valueOf(summary.total()).negate();
    } else {
      perCase = values.perCase(matrix);
      total = values.total(matrix);
      long negatives = matrix.tn() + matrix.fp();
      long positives = matrix.fn() + matrix.tp();
      summary =
          CostSummary.of(
              total.negate().doubleValue(),
              values.total(ConfusionMatrix.of(negatives, 0, positives, 0)).negate().doubleValue(),
              values.total(ConfusionMatrix.of(0, negatives, 0, positives)).negate().doubleValue(),
              values.total(ConfusionMatrix.of(negatives, 0, 0, positives)).negate().doubleValue(),
              matrix.total(),
              values.unit());
    }
    return new Evaluation(
        decisions.threshold(),
        matrix,
        ClassificationReport.of(matrix),
        RocCurve.of(sorted),
        PrecisionRecallCurve.of(sorted),
        ProbabilityScores.of(scores, labels),
        values,
        costs.perRow(),
        decisions.isPerCase(),
        perCase,
        total,
        summary,
        CloseCalls.of(scores, labels, decisions, closeCallWidth),
        ExpectedValueCurve.of(sorted, scores, labels, costs));
  }

  /**
   * Expected value per case rounded to {@code decimals} places, half up, for reports in money:
   * exact from the fixed table, from the compensated total with per-row costs.
   */
  public BigDecimal expectedValuePerCase(int decimals) {
    return expectedValueTotal.divide(
        BigDecimal.valueOf(matrix.total()), decimals, java.math.RoundingMode.HALF_UP);
  }
}
