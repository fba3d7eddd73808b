package io.costwise.experiment;

import io.costwise.artifact.NetworkScorer;
import io.costwise.config.Hyperparameters;
import io.costwise.config.TrainingConfig;
import io.costwise.data.Dataset;
import io.costwise.learn.Trainer;
import java.util.Map;
import java.util.Optional;

/** Training helpers shared by the experiments. */
final class Experiments {
  private Experiments() {}

  /**
   * The reference's set-up — the hyperparameter table's defaults: SGD 0.01, 50 epochs, batch 32,
   * standardised — with a given loss and seed.
   */
  static TrainingConfig reference(String loss, double fnCost, double fpCost, long seed) {
    return Hyperparameters.defaults()
        .with(
            Map.of(
                "loss_function_type", loss,
                "fn_cost", Double.toString(fnCost),
                "fp_cost", Double.toString(fpCost),
                "seed", Long.toString(seed)))
        .trainingConfig();
  }

  /** Trains without validation, checkpoints or logging, and returns the model as arithmetic. */
  static NetworkScorer train(TrainingConfig config, Dataset train) {
    return new Trainer(config, report -> {}, () -> false)
        .train(train, Optional.empty(), Optional.empty())
        .network()
        .scorer();
  }
}
