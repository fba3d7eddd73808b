package io.costwise.evaluation;

import java.util.Locale;

/**
 * How a model's decision threshold is chosen (the {@code decision_threshold} hyperparameter).
 *
 * <ul>
 *   <li>{@link Fixed}: a number the user gave, 0.5 by default as in the reference;
 *   <li>{@link CostOptimal}: Elkan's threshold from the outcome values, right for calibrated
 *       probabilities;
 *   <li>{@link Tuned}: the threshold that maximises smoothed expected value on the validation
 *       split, guarded against tiny splits by {@link ThresholdTuner}.
 * </ul>
 */
public sealed interface ThresholdRule {

  /** Whether choosing needs scored validation cases. */
  default boolean needsValidation() {
    return false;
  }

  /**
   * Chooses the threshold.
   *
   * @param scores validation scores (ignored unless {@link #needsValidation()})
   * @param labels validation labels
   * @param values the outcome values
   */
  ChosenThreshold choose(double[] scores, int[] labels, OutcomeValues values);

  /** The hyperparameter text of this rule. */
  String text();

  /** Parses {@code cost_optimal}, {@code tuned} or a number. */
  static ThresholdRule parse(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "cost_optimal" -> new CostOptimal();
      case "tuned" -> new Tuned(ThresholdTuner.defaults());
      default -> new Fixed(Double.parseDouble(text));
    };
  }

  /** A threshold given as a number. */
  record Fixed(double threshold) implements ThresholdRule {
    @Override
    public ChosenThreshold choose(double[] scores, int[] labels, OutcomeValues values) {
      return new ChosenThreshold(threshold, "fixed", "The threshold was given: " + threshold + ".");
    }

    @Override
    public String text() {
      return Double.toString(threshold);
    }
  }

  /** Elkan's cost-optimal threshold for calibrated probabilities. */
  record CostOptimal() implements ThresholdRule {
    @Override
    public ChosenThreshold choose(double[] scores, int[] labels, OutcomeValues values) {
      double threshold = values.costOptimalThreshold();
      return new ChosenThreshold(
          threshold,
          "cost_optimal",
          String.format(
              Locale.ROOT,
              "Elkan's cost-optimal threshold (c_FP − c_TN) / ((c_FP − c_TN) + (c_FN − c_TP)) ="
                  + " %.6g from the outcome values; it assumes calibrated probabilities.",
              threshold));
    }

    @Override
    public String text() {
      return "cost_optimal";
    }
  }

  /** Tuned on the validation split. */
  record Tuned(ThresholdTuner tuner) implements ThresholdRule {
    @Override
    public boolean needsValidation() {
      return true;
    }

    @Override
    public ChosenThreshold choose(double[] scores, int[] labels, OutcomeValues values) {
      TunedThreshold tuned = tuner.tune(scores, labels, values);
      String rule =
          tuned.method() == TunedThreshold.Method.TUNED
              ? "tuned"
              : "tuned_fell_back_to_cost_optimal";
      return new ChosenThreshold(tuned.threshold(), rule, tuned.reason());
    }

    @Override
    public String text() {
      return "tuned";
    }
  }
}
