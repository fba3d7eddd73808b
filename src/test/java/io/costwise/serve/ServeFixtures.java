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

  /**
   * The endpoint's costs, as model.json would store them: a small table (c_TN 0, c_FP 1, c_FN 9,
   * c_TP 0, so the cost-optimal threshold is 0.1) and cost columns named C_FP and C_FN, and one for
   * true positives given by number (so reachable only as cost_tp).
   */
  static final ModelCosts COSTS =
      ModelCosts.fromHyperparameters(
          Hyperparameters.defaults()
              .with(
                  java.util.Map.of(
                      "value_tn", "0",
                      "value_fp", "-1",
                      "value_fn", "-9",
                      "value_tp", "0",
                      "cost_fp_column", "C_FP",
                      "cost_fn_column", "C_FN",
                      "cost_tp_column", "33"))
              .asMap(),
          WDBC.featureNames());

  static final Predictor PREDICTOR = new Predictor(MODEL, 0.5, WDBC.featureNames(), COSTS);

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
