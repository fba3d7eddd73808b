package io.costwise.report;

import io.costwise.evaluation.CostSummary;
import io.costwise.evaluation.Evaluation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The warnings at the top of a report: those its caller knows of (costs counted twice, training and
 * decision costs that differ), and those the figures themselves show.
 */
final class ReportWarnings {
  /**
   * Fewest cases of each class on a split before its tuned threshold is trusted: 50.
   *
   * <p>Why 50: when misses are costly, a tuned threshold sits just below the lowest-scored positive
   * the split happens to contain. With k positives, a new positive scores below all k with
   * probability 1 / (k + 1) (any of the k + 1 cases is equally likely to be the lowest), and each
   * such case is a miss the tuned threshold was never shown. Below 50 that chance is above 2 % (1 /
   * 51), the point at which one unseen miss per fifty positives is a real share of the errors a
   * cost-sensitive threshold exists to avoid; the same holds for negatives when false alarms are
   * the costly error. {@link io.costwise.evaluation.ThresholdTuner} refuses below 20; between 20
   * and 50 it tunes, and this warning says how far to trust it.
   */
  static final int FEW_CASES = 50;

  private ReportWarnings() {}

  /**
   * The caller's warnings, then per split: a trivial policy beats the model; too few cases of a
   * class to trust a tuned threshold.
   */
  static List<String> all(ReportContext context, List<ScoredSplit> splits) {
    List<String> warnings = new ArrayList<>(context.warnings());
    for (ScoredSplit split : splits) {
      trivialPolicy(split.name(), split.evaluation()).ifPresent(warnings::add);
    }
    for (ScoredSplit split : splits) {
      fewCases(split.name(), split.evaluation()).ifPresent(warnings::add);
    }
    return warnings;
  }

  /** A sentence when a split has fewer than {@link #FEW_CASES} of a class. */
  static Optional<String> fewCases(String split, Evaluation e) {
    long positives = e.matrix().positives();
    long negatives = e.matrix().negatives();
    long fewer = Math.min(positives, negatives);
    if (fewer >= FEW_CASES) {
      return Optional.empty();
    }
    String cls = positives <= negatives ? "positive" : "negative";
    return Optional.of(
        String.format(
            Locale.ROOT,
            "the %s split has only %s %s cases, fewer than %d: a threshold tuned on it rests on"
                + " its few extreme cases (a new %s case falls beyond all of them with a chance"
                + " of 1 in %s), so do not trust a threshold tuned on this split, or its recall,"
                + " on their own.",
            split,
            Formats.count(fewer),
            cls,
            FEW_CASES,
            cls,
            Formats.count(fewer + 1)));
  }

  /** A sentence when flagging nobody or everyone would have cost less than the model. */
  static Optional<String> trivialPolicy(String split, Evaluation e) {
    CostSummary costs = e.costs();
    if (!costs.trivialPolicyWins()) {
      return Optional.empty();
    }
    double cheaper = Math.min(costs.flagNobody(), costs.flagEveryone());
    return Optional.of(
        String.format(
            Locale.ROOT,
            "on the %s split, %s would cost %s where this model's decisions cost %s%s: the"
                + " model is worse than not using it. Try decision_threshold bayes_risk or tuned,"
                + " or a loss that knows the costs.",
            split,
            costs.cheaperTrivialPolicy(),
            Formats.money(round(cheaper), costs.unit()),
            Formats.money(round(costs.total()), costs.unit()),
            Double.isNaN(costs.savings())
                ? ""
                : String.format(Locale.ROOT, " (savings %.3f)", costs.savings())));
  }

  private static BigDecimal round(double amount) {
    return BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_UP);
  }
}
