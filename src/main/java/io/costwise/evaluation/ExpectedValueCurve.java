package io.costwise.evaluation;

import io.costwise.cost.CaseCosts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Expected value per case as a function of the threshold, for plotting "what each cut-off would
 * have been worth" and for picking one.
 *
 * <p>Candidate thresholds, ascending and without duplicates: 0 (everything positive), every
 * distinct score, the smallest double above the highest score (nothing positive), and 1 when it
 * lies above that. Between two neighbouring distinct scores the decisions, and so the value, do not
 * change, so these points are the whole step function; 0 and 1 are there so a plot spans the axis.
 *
 * <p>Cost: one O(n log n) sort ({@link SortedScores}), then one pass that moves each group of tied
 * scores from "predicted positive" to "predicted negative" as the threshold rises past it — not a
 * fresh count per threshold, which would be O(n²).
 *
 * <p>A curve of more than {@value CurveSampling#MAX_POINTS} candidate thresholds keeps that many,
 * spread evenly, plus the point of highest value (see {@link CurveSampling}): every kept point is
 * exact.
 *
 * @param points ascending by threshold
 * @param unit the unit of the values, from the {@link OutcomeValues}
 */
public record ExpectedValueCurve(List<ExpectedValuePoint> points, String unit) {

  public ExpectedValueCurve {
    points = List.copyOf(points);
  }

  /**
   * The point of highest expected value: the peak a chart marks. The curve is a step function, so
   * the peak is a range of thresholds; the point returned is its lowest candidate (the first of
   * equal values), and every threshold up to the next candidate is worth the same. The peak is
   * always among the kept points (see {@link CurveSampling}), so it is exact.
   *
   * @throws IllegalStateException if the curve has no points
   */
  public ExpectedValuePoint peak() {
    ExpectedValuePoint best = null;
    for (ExpectedValuePoint point : points) {
      if (best == null || point.expectedValuePerCase() > best.expectedValuePerCase()) {
        best = point;
      }
    }
    if (best == null) {
      throw new IllegalStateException("an expected-value curve without points");
    }
    return best;
  }

  /**
   * The curve for the given scores, labels and outcome values.
   *
   * @throws IllegalArgumentException if the arrays are malformed (see {@link Evaluation#of})
   */
  public static ExpectedValueCurve of(double[] scores, int[] labels, OutcomeValues values) {
    Inputs.check(scores, labels);
    return of(SortedScores.of(scores, labels), values);
  }

  /**
   * The curve with per-case costs: at each candidate threshold, minus the total cost of flagging
   * the cases at or above it, per case.
   */
  static ExpectedValueCurve of(
      SortedScores sorted, double[] scores, int[] labels, CaseCosts costs) {
    if (!costs.perRow()) {
      return of(sorted, costs.model().values());
    }
    GroupCosts groups = GroupCosts.of(sorted, scores, labels, costs);
    long n = scores.length;
    return build(
        sorted,
        costs.model().unit(),
        (firstFlagged, tn, fp, fn, tp) -> 0.0 - groups.totalFlaggingFrom(firstFlagged) / n);
  }

  static ExpectedValueCurve of(SortedScores sorted, OutcomeValues values) {
    OutcomeValues.Exact exact = values.exact();
    return build(
        sorted, values.unit(), (firstFlagged, tn, fp, fn, tp) -> exact.perCase(tn, fp, fn, tp));
  }

  /** Expected value per case when the groups from {@code firstFlagged} up are flagged. */
  private interface PerCase {
    double at(int firstFlagged, long tn, long fp, long fn, long tp);
  }

  private static ExpectedValueCurve build(SortedScores sorted, String unit, PerCase value) {
    double[] thresholds = candidateThresholds(sorted.values);
    List<ExpectedValuePoint> points =
        new ArrayList<>(Math.min(thresholds.length, CurveSampling.MAX_POINTS + 1));
    ExpectedValuePoint best = null;
    int bestAt = -1;
    long tn = 0; // negatives with score < threshold
    long fn = 0; // positives with score < threshold
    int k = 0; // first group whose score is >= threshold
    for (int i = 0; i < thresholds.length; i++) {
      double threshold = thresholds[i];
      while (k < sorted.size() && sorted.values[k] < threshold) {
        tn += sorted.negatives[k];
        fn += sorted.positives[k];
        k++;
      }
      long fp = sorted.totalNegatives - tn;
      long tp = sorted.totalPositives - fn;
      ExpectedValuePoint point =
          new ExpectedValuePoint(threshold, value.at(k, tn, fp, fn, tp), tn, fp, fn, tp);
      if (best == null || point.expectedValuePerCase() > best.expectedValuePerCase()) {
        best = point;
        bestAt = points.size();
      }
      if (CurveSampling.keeps(i, thresholds.length)) {
        if (point == best) {
          bestAt = -1; // kept in its place
        }
        points.add(point);
      } else if (point == best) {
        bestAt = points.size(); // where it would go, if it stays the best
      }
    }
    if (bestAt >= 0 && !points.contains(best)) {
      points.add(bestAt, best);
    }
    return new ExpectedValueCurve(points, unit);
  }

  /** 0, the distinct scores, just above the highest score, and 1; ascending, no duplicates. */
  static double[] candidateThresholds(double[] distinctAscending) {
    double[] all = new double[distinctAscending.length + 3];
    int count = 0;
    all[count++] = 0.0;
    for (double value : distinctAscending) {
      if (value > all[count - 1]) {
        all[count++] = value;
      }
    }
    double aboveMax = Math.nextUp(distinctAscending[distinctAscending.length - 1]);
    all[count++] = aboveMax;
    if (aboveMax < 1.0) {
      all[count++] = 1.0;
    }
    return Arrays.copyOf(all, count);
  }
}
