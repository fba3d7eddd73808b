package io.costwise.serve;

import io.costwise.artifact.NetworkScorer;
import io.costwise.config.Hyperparameters;
import io.costwise.data.BundledData;
import io.costwise.data.Dataset;
import io.costwise.learn.Trainer;
import io.costwise.sagemaker.ContentTypes;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** A model trained once on WDBC, and the settings a default endpoint has. */
final class ServeFixtures {
  static final Dataset WDBC = BundledData.wdbc();
  static final NetworkScorer MODEL =
      new Trainer(
              Hyperparameters.defaults()
                  .with(
                      java.util.Map.of(
                          "loss_function_type", "custom", "fn_cost", "5", "epochs", "20"))
                  .trainingConfig(),
              r -> {},
              () -> false)
          .train(WDBC, Optional.empty(), Optional.empty())
          .network()
          .scorer();
  static final Predictor PREDICTOR = new Predictor(MODEL, 0.5, WDBC.featureNames());

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
