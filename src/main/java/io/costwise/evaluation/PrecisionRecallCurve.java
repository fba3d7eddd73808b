package io.costwise.evaluation;

import java.util.ArrayList;
import java.util.List;

/**
 * Precision against recall of the positive class, one point per distinct score, from the highest
 * score (fewest flagged) to the lowest (everyone flagged), as scikit-learn's {@code
 * precision_recall_curve} lists them in reverse — without its extra end point (recall 0, precision
 * 1), which no threshold produces. Tied scores form one point, as in the ROC curve.
 *
 * <p>Why beside the ROC curve: when positives are rare, a ROC curve looks good while most flagged
 * cases are false alarms; precision shows that directly, and "flag everyone" sits at the
 * prevalence, drawn as the baseline.
 *
 * <p>Average precision is scikit-learn's {@code average_precision_score}: Σ (R_k − R_{k−1}) · P_k
 * over the points in order of falling threshold, with R_0 = 0 — a step sum, not the trapezoid,
 * which would be optimistic. It is computed over every point; beyond {@value
 * CurveSampling#MAX_POINTS} points the list keeps that many, each exact.
 *
 * @param points from the highest threshold to the lowest
 * @param averagePrecision in [0, 1]; NaN when the split has no positives
 * @param prevalence share of positives: the precision of flagging everyone
 */
public record PrecisionRecallCurve(
    List<PrecisionRecallPoint> points, double averagePrecision, double prevalence) {

  public PrecisionRecallCurve {
    points = List.copyOf(points);
  }

  /**
   * The curve for the given scores and labels.
   *
   * @throws IllegalArgumentException if the arrays are malformed (see {@link Evaluation#of})
   */
  public static PrecisionRecallCurve of(double[] scores, int[] labels) {
    Inputs.check(scores, labels);
    return of(SortedScores.of(scores, labels));
  }

  static PrecisionRecallCurve of(SortedScores sorted) {
    double positives = sorted.totalPositives;
    int count = sorted.size();
    List<PrecisionRecallPoint> points = new ArrayList<>(Math.min(count, CurveSampling.MAX_POINTS));
    long fp = 0;
    long tp = 0;
    double previousRecall = 0;
    double area = 0;
    for (int k = count - 1; k >= 0; k--) {
      fp += sorted.negatives[k];
      tp += sorted.positives[k];
      double precision = (double) tp / (tp + fp);
      double recall = tp / positives;
      area += (recall - previousRecall) * precision;
      previousRecall = recall;
      if (CurveSampling.keeps(count - 1 - k, count)) {
        points.add(new PrecisionRecallPoint(sorted.values[k], precision, recall));
      }
    }
    double total = sorted.totalNegatives + positives;
    return new PrecisionRecallCurve(
        points, sorted.totalPositives == 0 ? Double.NaN : area, positives / total);
  }
}
