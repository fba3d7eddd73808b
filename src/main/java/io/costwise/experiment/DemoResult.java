package io.costwise.experiment;

import io.costwise.evaluation.Evaluation;
import io.costwise.evaluation.TunedThreshold;
import java.util.List;

/**
 * The demo's outcome: each model's evaluation on the held-out test split.
 *
 * @param models in training order
 * @param trainRows rows the models were trained on
 * @param testRows rows they were evaluated on
 */
public record DemoResult(List<Model> models, int trainRows, int testRows) {

  /**
   * One trained model.
   *
   * @param name e.g. {@code builtin}, {@code 5:1}, {@code medical}
   * @param description its loss and costs in words
   * @param scores its scores on the test split
   * @param labels the test labels
   * @param atHalf its evaluation at threshold 0.5, as in the reference
   * @param atCostOptimal its evaluation at the cost-optimal threshold of the outcome values
   * @param tuned the threshold tuned on the model's own training scores (the demo has no validation
   *     split; see {@link io.costwise.evaluation.ThresholdTuner})
   * @param atTuned its evaluation at that threshold
   * @param trainingSeconds wall time of its training
   */
  public record Model(
      String name,
      String description,
      double[] scores,
      int[] labels,
      Evaluation atHalf,
      Evaluation atCostOptimal,
      TunedThreshold tuned,
      Evaluation atTuned,
      double trainingSeconds) {}
}
