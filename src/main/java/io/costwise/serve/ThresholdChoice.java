package io.costwise.serve;

import java.util.Locale;

/**
 * The {@code threshold} custom attribute: how one request's rows are decided instead of by the
 * model's own rule.
 *
 * @param rule which kind of override
 * @param given the probability when {@code rule} is {@link Rule#GIVEN}, else NaN
 */
record ThresholdChoice(Rule rule, double given) {

  enum Rule {
    /** {@code threshold=0.3}: every row at this probability, whatever costs it carries. */
    GIVEN,
    /** {@code threshold=cost_optimal}: every row at Elkan's threshold of the fixed table. */
    COST_OPTIMAL,
    /**
     * {@code threshold=bayes_risk}: a row with costs at its own minimum-risk threshold, any other
     * at the fixed table's (its minimum-risk threshold too, with the fixed costs).
     */
    BAYES_RISK
  }

  static ThresholdChoice parse(String value) {
    switch (value.toLowerCase(Locale.ROOT)) {
      case "cost_optimal":
        return new ThresholdChoice(Rule.COST_OPTIMAL, Double.NaN);
      case "bayes_risk":
        return new ThresholdChoice(Rule.BAYES_RISK, Double.NaN);
      default:
        break;
    }
    try {
      double threshold = Double.parseDouble(value);
      if (threshold >= 0 && threshold <= 1) {
        return new ThresholdChoice(Rule.GIVEN, threshold);
      }
    } catch (NumberFormatException e) {
      // Reported below.
    }
    throw ServingException.badRequest(
        "Custom attribute threshold='"
            + Echo.clip(value)
            + "' is not a number from 0 to 1, cost_optimal or bayes_risk.");
  }
}
