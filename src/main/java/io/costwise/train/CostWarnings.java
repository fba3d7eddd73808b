package io.costwise.train;

import io.costwise.config.EvaluationConfig;
import io.costwise.config.LossFunctionType;
import io.costwise.config.TrainingConfig;
import io.costwise.evaluation.OutcomeValues;
import io.costwise.evaluation.ThresholdRule;
import io.costwise.report.Formats;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the training log and the report say about how the costs were used: when the training costs
 * differ from the decision costs, and when the same costs are counted twice (see {@code
 * docs/costs.md}).
 */
final class CostWarnings {
  private CostWarnings() {}

  /**
   * @param decisionValues the fixed decision costs (the cost columns' means where there are
   *     columns)
   * @param calibrated whether the scores are calibrated before deciding
   */
  static List<String> of(
      TrainingConfig training,
      EvaluationConfig evaluation,
      OutcomeValues decisionValues,
      boolean calibrated) {
    List<String> warnings = new ArrayList<>();
    LossFunctionType loss = training.lossFunction();
    ThresholdRule rule = evaluation.thresholdRule();
    boolean weightedLoss = loss != LossFunctionType.BUILTIN;
    boolean costRule =
        rule instanceof ThresholdRule.CostOptimal || rule instanceof ThresholdRule.BayesRisk;
    if (weightedLoss && costRule && !calibrated) {
      warnings.add(
          "the costs may be counted twice: loss_function_type "
              + loss.value()
              + " already pushes the scores towards the cheaper error, and decision_threshold "
              + rule.text()
              + " moves the decision by the costs again, so the model may flag more than the"
              + " costs warrant. Check the result on held-out data, or set calibration to isotonic"
              + " or platt, or decision_threshold to tuned (see docs/costs.md).");
    }
    double miss = decisionValues.truePositive() - decisionValues.falseNegative();
    double falseAlarm = decisionValues.trueNegative() - decisionValues.falsePositive();
    if (loss == LossFunctionType.CUSTOM && falseAlarm > 0 && miss > 0) {
      double trainingRatio =
          training.costs().falseNegativeCost() / training.costs().falsePositiveCost();
      double decisionRatio = miss / falseAlarm;
      if (Math.abs(trainingRatio / decisionRatio - 1) > 0.01) {
        warnings.add(
            String.format(
                Locale.ROOT,
                "the training costs differ from the decision costs: the loss weighs a miss %s"
                    + " times a false alarm (fn_cost %s, fp_cost %s), the decisions and the money"
                    + " figures %s times (value_* and the cost columns). That is allowed (the"
                    + " reference's experiment compares 5:1 with 200:1) but means the loss was"
                    + " not trained for the costs it is judged by.",
                ratio(trainingRatio),
                ratio(training.costs().falseNegativeCost()),
                ratio(training.costs().falsePositiveCost()),
                ratio(decisionRatio)));
      }
    }
    return warnings;
  }

  /** As every report prints a ratio: 4 significant digits, "5", "168.3". */
  private static String ratio(double value) {
    return Formats.ratio(value);
  }
}
