package io.costwise.evaluation;

/**
 * Precision, recall, F1 and support per class, with accuracy and two averages: the figures of
 * scikit-learn's {@code classification_report(y_true, y_pred, labels=[0, 1])}.
 *
 * <p>Definitions (each class in turn is "the positive class"; for class 0 its true positives are
 * the matrix's {@code tn}):
 *
 * <ul>
 *   <li>precision = tp / (tp + fp), recall = tp / (tp + fn), F1 = 2·tp / (2·tp + fp + fn) — the
 *       form scikit-learn uses since 1.3, equal to 2·P·R / (P + R) whenever both are defined;
 *   <li>zero division: a ratio whose denominator is 0 (e.g. precision of a class never predicted)
 *       is reported as 0.0, which is what scikit-learn prints by default (it also warns);
 *   <li>accuracy = (tn + tp) / n;
 *   <li>macro average = the unweighted mean of the two class rows, so a rare class counts as much
 *       as a common one;
 *   <li>weighted average = the mean of the two class rows weighted by support, so it tracks the
 *       common class.
 * </ul>
 *
 * <p>Both classes are always reported, even when one is absent from the data (its row is then all
 * zeros and it still counts in the macro average), as with scikit-learn given {@code labels=[0,
 * 1]}. Rendering lives in {@link ClassificationReportText}.
 *
 * @param negative the row for class 0
 * @param positive the row for class 1
 * @param accuracy share of cases decided correctly
 * @param macroAverage unweighted mean of the class rows; support is the total
 * @param weightedAverage support-weighted mean of the class rows; support is the total
 */
public record ClassificationReport(
    ClassMetrics negative,
    ClassMetrics positive,
    double accuracy,
    ClassMetrics macroAverage,
    ClassMetrics weightedAverage) {

  /** The report for the decisions counted in {@code matrix}. */
  public static ClassificationReport of(ConfusionMatrix matrix) {
    ClassMetrics negative = ClassMetrics.fromCounts(matrix.tn(), matrix.fn(), matrix.fp());
    ClassMetrics positive = ClassMetrics.fromCounts(matrix.tp(), matrix.fp(), matrix.fn());
    long total = matrix.total();
    ClassMetrics macro =
        new ClassMetrics(
            (negative.precision() + positive.precision()) / 2,
            (negative.recall() + positive.recall()) / 2,
            (negative.f1() + positive.f1()) / 2,
            total);
    double w0 = negative.support();
    double w1 = positive.support();
    ClassMetrics weighted =
        new ClassMetrics(
            (negative.precision() * w0 + positive.precision() * w1) / total,
            (negative.recall() * w0 + positive.recall() * w1) / total,
            (negative.f1() * w0 + positive.f1() * w1) / total,
            total);
    return new ClassificationReport(negative, positive, matrix.accuracy(), macro, weighted);
  }
}
