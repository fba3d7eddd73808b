package io.costwise.train;

import io.costwise.config.LossFunctionType;
import io.costwise.cost.CaseCosts;
import io.costwise.error.InvalidInputException;

/**
 * The per-row weights of a loss that uses the decision costs ({@code expected_cost}, {@code
 * weighted_builtin}): what an error on each row costs beyond the right decision (c_FN − c_TP for a
 * positive, c_FP − c_TN for a negative), divided by the training rows' mean so the learning rate
 * keeps its meaning whatever the unit. Validation rows are divided by the same training mean, so
 * the two losses are comparable.
 */
final class TrainingWeights {
  private TrainingWeights() {}

  /** The mean error cost over the training rows, which every weight is divided by. */
  static double scale(LossFunctionType loss, CaseCosts costs, int[] labels) {
    double sum = 0;
    for (int i = 0; i < labels.length; i++) {
      sum += costs.errorCost(i, labels[i]);
    }
    double mean = sum / labels.length;
    if (!(mean > 0) || Double.isInfinite(mean)) {
      throw new InvalidInputException(
          "loss_function_type "
              + loss.value()
              + " weights each training row by what an error on it costs, but those costs average"
              + " "
              + mean
              + " over the training channel: no error costs anything more than the right"
              + " decision. Check the value_* hyperparameters and cost columns, or use builtin.");
    }
    return mean;
  }

  /** Each row's error cost divided by {@code scale}. */
  static double[] of(CaseCosts costs, int[] labels, double scale) {
    double[] weights = new double[labels.length];
    for (int i = 0; i < labels.length; i++) {
      weights[i] = costs.errorCost(i, labels[i]) / scale;
    }
    return weights;
  }
}
