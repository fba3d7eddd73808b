package io.costwise.config;

import java.util.Objects;

/**
 * The validated settings of one training run, built once from {@code hyperparameters.json} and
 * passed down unchanged.
 *
 * @param lossFunction which loss the unit is trained with
 * @param costs the training costs of errors (used by {@link LossFunctionType#CUSTOM})
 * @param epochs passes over the training data
 * @param batchSize rows per gradient step
 * @param learningRate the optimiser's step size
 * @param optimizer plain SGD or Adam
 * @param seed seeds weight initialisation and the per-epoch shuffle
 * @param standardize whether features are standardised with statistics of the training channel
 */
public record TrainingConfig(
    LossFunctionType lossFunction,
    MisclassificationCosts costs,
    int epochs,
    int batchSize,
    double learningRate,
    OptimizerType optimizer,
    long seed,
    boolean standardize) {

  public TrainingConfig {
    Objects.requireNonNull(lossFunction, "lossFunction");
    Objects.requireNonNull(costs, "costs");
    Objects.requireNonNull(optimizer, "optimizer");
    if (epochs < 1 || batchSize < 1 || !(learningRate > 0)) {
      throw new IllegalArgumentException("epochs, batchSize and learningRate must be positive");
    }
  }

  /** The same settings with another number of epochs (which may grow when resuming). */
  public TrainingConfig withEpochs(int newEpochs) {
    return new TrainingConfig(
        lossFunction, costs, newEpochs, batchSize, learningRate, optimizer, seed, standardize);
  }
}
