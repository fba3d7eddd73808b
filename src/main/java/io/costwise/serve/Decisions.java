package io.costwise.serve;

import io.costwise.cost.Outcome;
import java.util.Optional;

/**
 * How each row of one request is decided, and what its outcomes cost.
 *
 * <p>A row that carries costs is decided by them (Bayes minimum risk: flag when p ≥ a / (a + m), a
 * = c_FP − c_TN, m = c_FN − c_TP), unless the request fixed one threshold for every row ({@code
 * threshold=0.3} or {@code threshold=cost_optimal}). Any other row is decided by the model's stored
 * threshold, or by the request's.
 */
final class Decisions {
  private final ModelCosts costs;

  /** The rows' own costs ({@link Rows#costs()}), or null when no row carries any. */
  private final double[] given;

  /** The threshold of rows not decided by their own costs. */
  private final double threshold;

  /** Whether rows that carry costs are decided by them. */
  private final boolean byRowCosts;

  private Decisions(ModelCosts costs, double[] given, double threshold, boolean byRowCosts) {
    this.costs = costs;
    this.given = given;
    this.threshold = threshold;
    this.byRowCosts = byRowCosts;
  }

  static Decisions of(Optional<ThresholdChoice> choice, Predictor predictor, Rows rows) {
    ModelCosts costs = predictor.costs();
    double[] given = anyCarried(rows) ? rows.costs() : null;
    if (choice.isEmpty()) {
      return new Decisions(costs, given, predictor.threshold(), true);
    }
    return switch (choice.get().rule()) {
      case GIVEN -> new Decisions(costs, given, choice.get().given(), false);
      case COST_OPTIMAL -> new Decisions(costs, given, costs.costOptimalThreshold(), false);
      case BAYES_RISK -> new Decisions(costs, given, costs.costOptimalThreshold(), true);
    };
  }

  private static boolean anyCarried(Rows rows) {
    if (rows.costs() == null) {
      return false;
    }
    for (int row = 0; row < rows.count(); row++) {
      if (ModelCosts.carries(rows.costs(), row * ModelCosts.PER_ROW)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the row whose probability is {@code p} is flagged. */
  boolean flag(int row, double p) {
    return p >= threshold(row);
  }

  private double threshold(int row) {
    if (byRowCosts && given != null) {
      int offset = row * ModelCosts.PER_ROW;
      if (ModelCosts.carries(given, offset)) {
        return costs.minimumRiskThreshold(given, offset);
      }
    }
    return threshold;
  }

  /** The expected cost of flagging (or passing) the row whose probability is {@code p}. */
  double expectedCost(int row, double p, boolean flag) {
    Outcome ifPositive = flag ? Outcome.TRUE_POSITIVE : Outcome.FALSE_NEGATIVE;
    Outcome ifNegative = flag ? Outcome.FALSE_POSITIVE : Outcome.TRUE_NEGATIVE;
    return p * cost(row, ifPositive) + (1 - p) * cost(row, ifNegative);
  }

  private double cost(int row, Outcome outcome) {
    return given == null
        ? costs.model().fixedCost(outcome)
        : costs.cost(given, row * ModelCosts.PER_ROW, outcome);
  }

  /** Whether some row was decided by its own costs (the echo then says so). */
  boolean byRowCosts() {
    return byRowCosts && given != null;
  }

  /**
   * The echo in the response's custom attributes: the threshold of rows without costs of their own,
   * and whether rows with costs were decided by them.
   */
  String describe() {
    return byRowCosts()
        ? "threshold=" + threshold + ", rows_with_costs=bayes_risk"
        : "threshold=" + threshold;
  }
}
