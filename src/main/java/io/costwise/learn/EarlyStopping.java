package io.costwise.learn;

import java.util.OptionalInt;

/**
 * Tracks the epoch with the lowest validation loss, keeping its parameters: training stops once
 * {@code patience} epochs in a row have not improved on it, and the model kept is that epoch's.
 */
final class EarlyStopping {
  private int bestEpoch;
  private double bestLoss = Double.POSITIVE_INFINITY;
  private double[] bestParameters = new double[0];
  private int lastEpoch;

  EarlyStopping() {}

  /** Restores the record from a checkpoint. */
  EarlyStopping(int bestEpoch, double bestLoss, double[] bestParameters, int lastEpoch) {
    this.bestEpoch = bestEpoch;
    this.bestLoss = bestLoss;
    this.bestParameters = bestParameters.clone();
    this.lastEpoch = lastEpoch;
  }

  /** Records epoch {@code epoch}'s validation loss; a strictly lower loss becomes the best. */
  void record(int epoch, double validationLoss, double[] parameters) {
    lastEpoch = epoch;
    if (validationLoss < bestLoss) {
      bestLoss = validationLoss;
      bestEpoch = epoch;
      bestParameters = parameters.clone();
    }
  }

  /** Whether {@code patience} epochs have passed since the best one. */
  boolean exhausted(OptionalInt patience) {
    return patience.isPresent() && bestEpoch > 0 && lastEpoch - bestEpoch >= patience.getAsInt();
  }

  int bestEpoch() {
    return bestEpoch;
  }

  double bestLoss() {
    return bestLoss;
  }

  int lastEpoch() {
    return lastEpoch;
  }

  double[] bestParameters() {
    return bestParameters.clone();
  }
}
