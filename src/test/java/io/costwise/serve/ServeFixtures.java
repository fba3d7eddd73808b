package io.costwise.serve;

import io.costwise.config.LossFunctionType;
import io.costwise.config.MisclassificationCosts;
import io.costwise.config.OptimizerType;
import io.costwise.config.TrainingConfig;
import io.costwise.data.BundledData;
import io.costwise.data.Dataset;
import io.costwise.model.LogisticUnitTrainer;
import io.costwise.model.TrainedModel;
import io.costwise.sagemaker.ContentTypes;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** A model trained once on WDBC, and the settings a default endpoint has. */
final class ServeFixtures {
  static final Dataset WDBC = BundledData.wdbc();
  static final TrainedModel MODEL =
      new LogisticUnitTrainer(
              new TrainingConfig(
                  LossFunctionType.CUSTOM,
                  MisclassificationCosts.binary(5, 1),
                  20,
                  32,
                  0.01,
                  OptimizerType.SGD,
                  42,
                  true),
              r -> {},
              () -> false)
          .train(WDBC, Optional.empty(), Optional.empty())
          .model();
  static final Predictor PREDICTOR = new Predictor(MODEL.linearScorer(), 0.5, WDBC.featureNames());

  private ServeFixtures() {}

  static ServingSettings settings() {
    return new ServingSettings(
        0, 6L << 20, ContentTypes.CSV, false, "MULTI_RECORD", 2, OutputField.DEFAULT, 4);
  }

  static InferenceService service() {
    return new InferenceService(PREDICTOR, settings());
  }

  /** Row r of WDBC as CSV, no label. */
  static String csvRow(int r) {
    return java.util.Arrays.stream(WDBC.row(r))
        .mapToObj(Double::toString)
        .collect(Collectors.joining(","));
  }

  static String jsonRow(int r) {
    return "[" + csvRow(r) + "]";
  }

  static List<String> names() {
    return WDBC.featureNames();
  }
}
