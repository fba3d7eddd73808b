package io.costwise.evaluation;

import io.costwise.cost.CaseCosts;
import java.util.Locale;

/**
 * How a model's decision threshold is chosen (the {@code decision_threshold} hyperparameter).
 *
 * <ul>
 *   <li>{@link Fixed}: a number the user gave, 0.5 by default as in the reference;
 *   <li>{@link CostOptimal}: Elkan's threshold from the fixed costs, right for calibrated
 *       probabilities;
 *   <li>{@link BayesRisk}: each case flagged when flagging it costs less in expectation — with its
 *       own costs when the data has cost columns, else Elkan's threshold;
 *   <li>{@link Tuned}: the threshold of greatest smoothed expected value (least total cost) on the
 *       validation split, guarded against tiny splits by {@link ThresholdTuner};
 *   <li>{@link TargetRecall} / {@link TargetPrecision}: SageMaker Linear Learner's selection
 *       criteria, as rules on the validation split.
 * </ul>
 *
 * <p>Where a rule needs one fixed table and the costs are per row, it uses {@link
 * CaseCosts#meanValues()}: the column means stand in for the columns.
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
   * @param costs the validation cases' costs, or the fixed costs when there are none to look at
   */
  ChosenThreshold choose(double[] scores, int[] labels, CaseCosts costs);

  /** The hyperparameter text of this rule. */
  String text();

  /**
   * Parses {@code cost_optimal}, {@code bayes_risk}, {@code tuned}, {@code target_recall=R}, {@code
   * target_precision=P} or a number (already validated by the hyperparameter table).
   */
  static ThresholdRule parse(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.startsWith(TargetRecall.KEY + "=")) {
      return new TargetRecall(Double.parseDouble(lower.substring(TargetRecall.KEY.length() + 1)));
    }
    if (lower.startsWith(TargetPrecision.KEY + "=")) {
      return new TargetPrecision(
          Double.parseDouble(lower.substring(TargetPrecision.KEY.length() + 1)));
    }
    return switch (lower) {
      case "cost_optimal" -> new CostOptimal();
      case BayesRisk.TEXT -> new BayesRisk();
      case "tuned" -> new Tuned(ThresholdTuner.defaults());
      default -> new Fixed(Double.parseDouble(text));
    };
  }

  /** A threshold given as a number. */
  record Fixed(double threshold) implements ThresholdRule {
    @Override
    public ChosenThreshold choose(double[] scores, int[] labels, CaseCosts costs) {
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
    public ChosenThreshold choose(double[] scores, int[] labels, CaseCosts costs) {
      double threshold = costs.meanValues().costOptimalThreshold();
      return new ChosenThreshold(
          threshold,
          "cost_optimal",
          String.format(
              Locale.ROOT,
              "Elkan's cost-optimal threshold (c_FP − c_TN) / ((c_FP − c_TN) + (c_FN − c_TP)) ="
                  + " %s from the %s; it assumes calibrated probabilities.",
              ThresholdText.of(threshold),
              costs.perRow() ? "mean costs of the training data" : "outcome values"));
    }

    @Override
    public String text() {
      return "cost_optimal";
    }
  }

  /**
   * Bayes minimum risk: each case flagged when p·c_TP + (1 − p)·c_FP ≤ p·c_FN + (1 − p)·c_TN, with
   * its own costs. The stored threshold, for cases without costs of their own, is Elkan's from the
   * mean costs.
   */
  record BayesRisk() implements ThresholdRule {
    static final String TEXT = "bayes_risk";

    @Override
    public ChosenThreshold choose(double[] scores, int[] labels, CaseCosts costs) {
      double threshold = costs.meanValues().costOptimalThreshold();
      return new ChosenThreshold(
          threshold,
          TEXT,
          String.format(
              Locale.ROOT,
              costs.perRow()
                  ? "Bayes minimum risk: each case is flagged when its expected cost of flagging,"
                      + " with its own costs, is the lower; a case without costs of its own uses"
                      + " %s, Elkan's threshold for the mean costs. It assumes calibrated"
                      + " probabilities."
                  : "Bayes minimum risk with one cost table is Elkan's threshold, %s; it"
                      + " assumes calibrated probabilities.",
              ThresholdText.of(threshold)));
    }

    @Override
    public String text() {
      return TEXT;
    }
  }

  /** Tuned on the validation split. */
  record Tuned(ThresholdTuner tuner) implements ThresholdRule {
    @Override
    public boolean needsValidation() {
      return true;
    }

    @Override
    public ChosenThreshold choose(double[] scores, int[] labels, CaseCosts costs) {
      TunedThreshold tuned = tuner.tune(scores, labels, costs);
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

  /**
   * The highest threshold at which the validation split's recall is at least {@code recall}: the
   * most precise rule that still catches that share of positives.
   */
  record TargetRecall(double recall) implements ThresholdRule {
    static final String KEY = "target_recall";

    @Override
    public boolean needsValidation() {
      return true;
    }

    @Override
    public ChosenThreshold choose(double[] scores, int[] labels, CaseCosts costs) {
      return TargetSelection.recall(scores, labels, recall);
    }

    @Override
    public String text() {
      return KEY + "=" + recall;
    }
  }

  /**
   * The lowest threshold at which the validation split's precision is at least {@code precision}:
   * the rule that catches the most positives at that precision.
   */
  record TargetPrecision(double precision) implements ThresholdRule {
    static final String KEY = "target_precision";

    @Override
    public boolean needsValidation() {
      return true;
    }

    @Override
    public ChosenThreshold choose(double[] scores, int[] labels, CaseCosts costs) {
      return TargetSelection.precision(scores, labels, precision);
    }

    @Override
    public String text() {
      return KEY + "=" + precision;
    }
  }
}
