package io.costwise.train;

import io.costwise.artifact.Calibration;
import io.costwise.calibration.CalibrationMethod;
import io.costwise.cost.CaseCosts;
import io.costwise.evaluation.ChosenThreshold;
import io.costwise.evaluation.ThresholdRule;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * How a trained network will decide: its calibration and its threshold, each fitted on held-out
 * scores when it needs data ({@link HeldOutScores}), which are computed only then.
 *
 * @param calibration maps scores to the probabilities decisions use
 * @param threshold the decision rule's result
 */
public record DecisionFit(Calibration calibration, ChosenThreshold threshold) {

  /**
   * @param heldOut the held-out scores, asked for only when the calibration or the rule needs them
   * @param trainCosts the training channel's costs, for rules that need one cost table (their
   *     means)
   * @param log receives a line saying where each was fitted
   */
  public static DecisionFit of(
      CalibrationMethod method,
      ThresholdRule rule,
      Supplier<HeldOutScores> heldOut,
      CaseCosts trainCosts,
      Consumer<String> log) {
    if (method == CalibrationMethod.NONE && !rule.needsValidation()) {
      return new DecisionFit(
          Calibration.none(), rule.choose(new double[0], new int[0], trainCosts));
    }
    HeldOutScores held = heldOut.get();
    Calibration calibration = Calibration.none();
    if (method != CalibrationMethod.NONE) {
      calibration = method.fit(held.scores(), held.labels());
      log.accept("Calibration " + method.value() + " fitted on " + held.source());
    }
    if (!rule.needsValidation()) {
      return new DecisionFit(calibration, rule.choose(new double[0], new int[0], trainCosts));
    }
    double[] probabilities = held.scores().clone();
    calibration.applyInPlace(probabilities, probabilities.length);
    log.accept("Decision threshold " + rule.text() + " chosen on " + held.source());
    return new DecisionFit(calibration, rule.choose(probabilities, held.labels(), held.costs()));
  }
}
