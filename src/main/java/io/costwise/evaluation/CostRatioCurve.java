package io.costwise.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * "What if a miss cost more, or less?" for one trained model: the same scores re-decided and
 * re-valued at a range of cost ratios, without retraining.
 *
 * <p>The ratio is the one that decides: r = (v_TP − v_FN) / (v_TN − v_FP), what a miss costs over
 * catching the case, against what a false alarm costs over leaving the case alone. (For the
 * reference's QALY table r = 216,720 / 1,287.67 ≈ 168.3; the often-quoted 195.7 divides the raw FN
 * and FP values and ignores that a caught case still costs its treatment.) At ratio r the table is
 * the model's own with only the false-negative value moved, v_FN = v_TP − r · (v_TN − v_FP), so the
 * point at the table's own ratio is the model's actual situation, and the cost-optimal threshold is
 * 1 / (1 + r).
 *
 * <p>Each ratio gives three values per case: deciding at its cost-optimal threshold, at the model's
 * fixed threshold (what happens if the costs change and nobody re-decides), and at the best
 * threshold in hindsight (a ceiling, not a rule: it is chosen on the very cases it is scored on).
 * Values are exact decimals rounded once, as everywhere in this package.
 *
 * @param points ascending by ratio
 * @param ownRatio the ratio of the table the curve was made from
 * @param fixedThreshold the threshold of the {@code atFixed} values
 */
public record CostRatioCurve(List<CostRatioPoint> points, double ownRatio, double fixedThreshold) {

  public CostRatioCurve {
    points = List.copyOf(points);
  }

  /**
   * The curve at {@link #defaultRatios(double)} of the table's own ratio.
   *
   * @throws IllegalArgumentException if the arrays are malformed, or the table has no ratio (a
   *     false alarm costs nothing over a true negative, or a miss is worth more than a catch)
   */
  public static CostRatioCurve of(
      double[] scores, int[] labels, OutcomeValues values, double fixedThreshold) {
    return of(scores, labels, values, fixedThreshold, defaultRatios(ownRatio(values)));
  }

  /** The curve at the given ratios, each finite and above 0 (sorted, duplicates dropped). */
  public static CostRatioCurve of(
      double[] scores, int[] labels, OutcomeValues values, double fixedThreshold, double[] ratios) {
    Inputs.check(scores, labels);
    Inputs.checkThreshold(fixedThreshold);
    double own = ownRatio(values);
    SortedScores sorted = SortedScores.of(scores, labels);
    ConfusionMatrix fixed = ConfusionMatrix.count(scores, labels, fixedThreshold);
    TreeSet<Double> distinct = new TreeSet<>();
    for (double ratio : ratios) {
      if (!(ratio > 0) || Double.isInfinite(ratio)) {
        throw new IllegalArgumentException("ratios must be finite and > 0, got " + ratio);
      }
      distinct.add(ratio);
    }
    List<CostRatioPoint> points = new ArrayList<>(distinct.size());
    for (double ratio : distinct) {
      OutcomeValues at = atRatio(values, ratio);
      double threshold = at.costOptimalThreshold();
      ExpectedValuePoint best = ExpectedValueCurve.of(sorted, at).peak();
      points.add(
          new CostRatioPoint(
              ratio,
              threshold,
              at.perCase(ConfusionMatrix.count(scores, labels, threshold)),
              at.perCase(fixed),
              best.expectedValuePerCase(),
              best.threshold()));
    }
    return new CostRatioCurve(points, own, fixedThreshold);
  }

  /**
   * The table's decision ratio (v_TP − v_FN) / (v_TN − v_FP).
   *
   * @throws IllegalArgumentException if it is not a positive finite number
   */
  public static double ownRatio(OutcomeValues values) {
    BigDecimal falseAlarm =
        BigDecimal.valueOf(values.trueNegative())
            .subtract(BigDecimal.valueOf(values.falsePositive()));
    BigDecimal miss =
        BigDecimal.valueOf(values.truePositive())
            .subtract(BigDecimal.valueOf(values.falseNegative()));
    if (falseAlarm.signum() <= 0 || miss.signum() <= 0) {
      throw new IllegalArgumentException(
          "a cost ratio needs a false alarm and a miss that both cost something; got " + values);
    }
    return miss.divide(falseAlarm, java.math.MathContext.DECIMAL64).doubleValue();
  }

  /** The table with v_FN moved so that its ratio is {@code ratio}. */
  static OutcomeValues atRatio(OutcomeValues values, double ratio) {
    BigDecimal falseAlarm =
        BigDecimal.valueOf(values.trueNegative())
            .subtract(BigDecimal.valueOf(values.falsePositive()));
    double falseNegative =
        BigDecimal.valueOf(values.truePositive())
            .subtract(BigDecimal.valueOf(ratio).multiply(falseAlarm))
            .doubleValue();
    return new OutcomeValues(
        values.trueNegative(),
        values.falsePositive(),
        falseNegative,
        values.truePositive(),
        values.unit());
  }

  /**
   * Four ratios a decade (1, 1.78, 3.16, 5.62, 10, …), from 0.1 to 1,000 and at least a decade
   * either side of {@code own}, plus {@code own} itself: wide enough to show where the fixed
   * threshold stops being right, fine enough that the curves read as curves.
   */
  public static double[] defaultRatios(double own) {
    int low = (int) Math.floor(4 * Math.log10(Math.min(0.1, own / 10)));
    int high = (int) Math.ceil(4 * Math.log10(Math.max(1000, own * 10)));
    TreeSet<Double> ratios = new TreeSet<>();
    for (int k = low; k <= high; k++) {
      ratios.add(Math.pow(10, k / 4.0));
    }
    ratios.add(own);
    return ratios.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
