package io.costwise.train;

import io.costwise.config.LossFunctionType;
import io.costwise.config.TrainingConfig;
import io.costwise.cost.CaseCosts;
import io.costwise.cost.CostModel;
import io.costwise.data.Dataset;
import io.costwise.error.InvalidInputException;
import io.costwise.learn.CheckpointStore;
import io.costwise.learn.RowWeights;
import io.costwise.learn.Trainer;
import io.costwise.learn.TrainingResult;
import java.util.Optional;

/**
 * Trains a network with what its loss needs from the cost model: for {@code expected_cost} and
 * {@code weighted_builtin}, each row weighted by what an error on it costs beyond the right
 * decision (c_FN − c_TP for a positive, c_FP − c_TN for a negative), divided by the training rows'
 * mean so the learning rate keeps its meaning whatever the unit (see {@link RowWeights}); for the
 * other losses, nothing.
 */
public final class CostTraining {
  private CostTraining() {}

  public static TrainingResult train(
      Trainer trainer,
      TrainingConfig config,
      CostModel costs,
      Dataset train,
      Optional<Dataset> validation,
      Optional<CheckpointStore> checkpoints) {
    LossFunctionType loss = config.lossFunction();
    if (!loss.usesDecisionCosts()) {
      return trainer.train(train, validation, checkpoints);
    }
    double[] trainWeights = errorCosts(train, costs);
    double sum = sumOf(trainWeights);
    if (!(sum > 0) || Double.isInfinite(sum)) {
      throw new InvalidInputException(
          "loss_function_type "
              + loss.value()
              + " weights each training row by what an error on it costs, but on the training"
              + " channel no error costs more than the right decision (their sum is "
              + sum
              + "); check the value_* hyperparameters and the cost columns, or use builtin.");
    }
    Optional<double[]> validationWeights = validation.map(v -> errorCosts(v, costs));
    if (validationWeights.isPresent() && !(sumOf(validationWeights.get()) > 0)) {
      throw new InvalidInputException(
          "loss_function_type "
              + loss.value()
              + " weights each validation row by what an error on it costs, but on the validation"
              + " channel no error costs more than the right decision; check its cost columns.");
    }
    RowWeights weights = RowWeights.normalised(trainWeights, validationWeights);
    return trainer.train(train, validation, weights, checkpoints);
  }

  private static double sumOf(double[] values) {
    double sum = 0;
    for (double value : values) {
      sum += value;
    }
    return sum;
  }

  /** Each row's error cost, unscaled. */
  static double[] errorCosts(Dataset data, CostModel costs) {
    CaseCosts cases = data.caseCosts(costs);
    double[] raw = new double[data.rows()];
    for (int i = 0; i < raw.length; i++) {
      raw[i] = cases.errorCost(i, data.label(i));
    }
    return raw;
  }
}
