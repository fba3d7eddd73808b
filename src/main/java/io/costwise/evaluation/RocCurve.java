package io.costwise.evaluation;

import java.util.ArrayList;
import java.util.List;

/**
 * The receiver operating characteristic of a set of scores, and the area under it.
 *
 * <p>Points are those of scikit-learn's {@code roc_curve(y, scores, drop_intermediate=False)}: the
 * first is (0, 0) at threshold {@code +Infinity} (as scikit-learn ≥ 1.3 gives it; older versions
 * used max + 1), then one point per distinct score, descending, each counting the cases with {@code
 * score >= threshold}. Tied scores form one step, so the curve goes diagonally across a tie between
 * classes rather than in an order the sort happened to choose. All points are kept up to {@value
 * CurveSampling#MAX_POINTS} ({@code drop_intermediate=True}, scikit-learn's default, drops
 * collinear ones); beyond that, that many spread evenly, each exact, while the AUC is computed from
 * every point.
 *
 * <p>The AUC is the trapezoid area under those points, which equals the Mann–Whitney statistic: the
 * probability that a random positive scores higher than a random negative, a tie counting 1/2:
 *
 * <pre>
 *   AUC = Σ over distinct scores s of  neg(s) · (pos_above(s) + pos(s) / 2)  /  (P · N)
 * </pre>
 *
 * <p>It is computed from integer counts (twice the sum above, a {@code long}) and divided once, so
 * it is exact up to that one rounding and does not depend on the order of tied cases.
 *
 * <p>Undefined case: with no positives or no negatives one of the rates has a zero denominator.
 * Then that rate is NaN in every point (scikit-learn also gives NaN, with a warning) and the AUC is
 * NaN (scikit-learn's {@code roc_auc_score} raises instead); a report shows NaN as "not defined"
 * rather than failing the whole evaluation of a split.
 *
 * @param points from (0, 0) at {@code +Infinity} to (1, 1) at the lowest score
 * @param auc area under the curve, in [0, 1], or NaN when one class is absent
 */
public record RocCurve(List<RocPoint> points, double auc) {

  public RocCurve {
    points = List.copyOf(points);
  }

  /**
   * The curve and AUC for the given scores and labels.
   *
   * @throws IllegalArgumentException if the arrays are malformed (see {@link Evaluation#of})
   */
  public static RocCurve of(double[] scores, int[] labels) {
    Inputs.check(scores, labels);
    return of(SortedScores.of(scores, labels));
  }

  static RocCurve of(SortedScores sorted) {
    double negatives = sorted.totalNegatives;
    double positives = sorted.totalPositives;
    long count = sorted.size() + 1L;
    List<RocPoint> points = new ArrayList<>((int) Math.min(count, CurveSampling.MAX_POINTS));
    points.add(new RocPoint(0.0 / negatives, 0.0 / positives, Double.POSITIVE_INFINITY));
    long fp = 0;
    long tp = 0;
    long twiceArea = 0; // Σ neg(s) · (2 · pos_above(s) + pos(s))
    for (int k = sorted.size() - 1; k >= 0; k--) {
      twiceArea += (long) sorted.negatives[k] * (2 * tp + sorted.positives[k]);
      fp += sorted.negatives[k];
      tp += sorted.positives[k];
      if (CurveSampling.keeps(sorted.size() - k, count)) {
        points.add(new RocPoint(fp / negatives, tp / positives, sorted.values[k]));
      }
    }
    double auc =
        (sorted.totalNegatives == 0 || sorted.totalPositives == 0)
            ? Double.NaN
            : twiceArea / (2.0 * sorted.totalNegatives * sorted.totalPositives);
    return new RocCurve(points, auc);
  }
}
