package io.costwise.config;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The validated settings of one training run, built once from the hyperparameters (see {@link
 * Hyperparameters#trainingConfig()}) and passed down unchanged.
 *
 * @param lossFunction which loss the network is trained with
 * @param costs the training costs of errors (used by {@link LossFunctionType#CUSTOM})
 * @param epochs passes over the training data
 * @param batchSize rows per gradient step
 * @param learningRate the optimiser's step size
 * @param optimizer plain SGD or Adam
 * @param seed seeds weight initialisation and the per-epoch shuffle
 * @param standardize whether features are standardised with statistics of the training channel
 * @param engine which implementation trains
 * @param hiddenLayers widths of the hidden ReLU layers, input side first; empty for one unit
 * @param l2 L2 regularisation coefficient of the weights
 * @param earlyStoppingPatience epochs without a better validation loss before stopping, if set
 */
public record TrainingConfig(
    LossFunctionType lossFunction,
    MisclassificationCosts costs,
    int epochs,
    int batchSize,
    double learningRate,
    OptimizerType optimizer,
    long seed,
    boolean standardize,
    EngineType engine,
    List<Integer> hiddenLayers,
    double l2,
    OptionalInt earlyStoppingPatience) {

  public TrainingConfig {
    Objects.requireNonNull(lossFunction, "lossFunction");
    Objects.requireNonNull(costs, "costs");
    Objects.requireNonNull(optimizer, "optimizer");
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(earlyStoppingPatience, "earlyStoppingPatience");
    hiddenLayers = List.copyOf(hiddenLayers);
    if (epochs < 1 || batchSize < 1 || !(learningRate > 0) || !(l2 >= 0)) {
      throw new IllegalArgumentException(
          "epochs, batchSize and learningRate must be positive, l2 not negative");
    }
  }

  /** The same settings trained with the cost loss at other costs. */
  public TrainingConfig withCostLoss(double fnCost, double fpCost) {
    return new TrainingConfig(
        LossFunctionType.CUSTOM,
        MisclassificationCosts.binary(fnCost, fpCost),
        epochs,
        batchSize,
        learningRate,
        optimizer,
        seed,
        standardize,
        engine,
        hiddenLayers,
        l2,
        earlyStoppingPatience);
  }
}
