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
  private ReportWarnings() {}

  /** The caller's warnings, then one per split on which a trivial policy beats the model. */
  static List<String> all(ReportContext context, List<ScoredSplit> splits) {
    List<String> warnings = new ArrayList<>(context.warnings());
    for (ScoredSplit split : splits) {
      trivialPolicy(split.name(), split.evaluation()).ifPresent(warnings::add);
    }
    return warnings;
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
