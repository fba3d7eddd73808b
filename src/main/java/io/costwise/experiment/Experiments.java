package io.costwise.experiment;

import io.costwise.config.LossFunctionType;
import io.costwise.config.MisclassificationCosts;
import io.costwise.config.OptimizerType;
import io.costwise.config.TrainingConfig;
import io.costwise.data.Dataset;
import io.costwise.model.LogisticUnitTrainer;
import io.costwise.model.TrainedModel;
import java.util.Optional;

/** Training and scoring helpers shared by the experiments. */
final class Experiments {
  private Experiments() {}

  /** The reference's set-up (SGD 0.01, 50 epochs, batch 32, standardised) with a given loss. */
  static TrainingConfig reference(LossFunctionType loss, double fnCost, double fpCost, long seed) {
    return new TrainingConfig(
        loss,
        MisclassificationCosts.binary(fnCost, fpCost),
        50,
        32,
        0.01,
        OptimizerType.SGD,
        seed,
        true);
  }

  static TrainedModel train(TrainingConfig config, Dataset train) {
    return new LogisticUnitTrainer(config, report -> {}, () -> false)
        .train(train, Optional.empty(), Optional.empty())
        .model();
  }

  static double[] score(TrainedModel model, Dataset data) {
    return model.predict(data.featuresRowMajor());
  }
}
