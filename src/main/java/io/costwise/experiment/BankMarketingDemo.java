package io.costwise.experiment;

import io.costwise.artifact.Calibration;
import io.costwise.artifact.NetworkScorer;
import io.costwise.calibration.CalibrationMethod;
import io.costwise.config.EvaluationConfig;
import io.costwise.config.Hyperparameter;
import io.costwise.config.Hyperparameters;
import io.costwise.config.TrainingConfig;
import io.costwise.cost.CaseCosts;
import io.costwise.cost.CostModel;
import io.costwise.data.Dataset;
import io.costwise.evaluation.Evaluation;
import io.costwise.learn.Trainer;
import io.costwise.train.CostTraining;
import io.costwise.train.DecisionFit;
import io.costwise.train.HeldOutScores;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The demo's second experiment: bank marketing, where every case has its own costs (a call costs
 * €1; a missed subscriber the margin on a quarter of their balance), on the train/test split of the
 * published peer figures. Each option is a set of hyperparameters, trained, calibrated and decided
 * exactly as {@code costwise train} would, then judged on the test part in savings.
 */
public final class BankMarketingDemo {
  /** The hyperparameters naming the data's cost columns and their unit. */
  public static final Map<String, String> COST_COLUMNS =
      Map.of(
          "cost_fp_column", "C_FP",
          "cost_fn_column", "C_FN",
          "cost_tp_column", "C_TP",
          "cost_tn_column", "C_TN",
          "value_unit", "EUR");

  /** What every option shares: the cost columns, and the optimiser settings. */
  private static final Map<String, String> COMMON = common();

  private static Map<String, String> common() {
    Map<String, String> common = new LinkedHashMap<>(COST_COLUMNS);
    common.put("optimizer", "adam");
    common.put("epochs", "30");
    common.put("batch_size", "64");
    return common;
  }

  private final long seed;
  private final Consumer<String> progress;

  public BankMarketingDemo(long seed, Consumer<String> progress) {
    this.seed = seed;
    this.progress = progress;
  }

  /** One way to train and decide, as hyperparameters. */
  record Option(String name, String description, Map<String, String> hyperparameters) {}

  static List<Option> options() {
    return List.of(
        option("builtin@0.5", "cross-entropy, threshold 0.5", "builtin", "none", "0.5"),
        option(
            "weighted@0.5",
            "cross-entropy weighted by each row's error cost, threshold 0.5",
            "weighted_builtin",
            "none",
            "0.5"),
        option(
            "expected_cost@0.5",
            "expected-cost loss with each row's costs, threshold 0.5",
            "expected_cost",
            "none",
            "0.5"),
        option(
            "isotonic+bayes",
            "cross-entropy, isotonic calibration, Bayes minimum risk per row",
            "builtin",
            "isotonic",
            "bayes_risk"),
        option(
            "platt+bayes",
            "cross-entropy, Platt calibration, Bayes minimum risk per row",
            "builtin",
            "platt",
            "bayes_risk"),
        withNetwork(
            option(
                "hidden+isotonic+bayes",
                "hidden layers 32,16 (l2 1e-4), isotonic calibration, Bayes minimum risk per row",
                "builtin",
                "isotonic",
                "bayes_risk")),
        option(
            "weighted+tuned",
            "weighted cross-entropy, one threshold tuned on total cost",
            "weighted_builtin",
            "none",
            "tuned"),
        option(
            "expected_cost+tuned",
            "expected-cost loss, one threshold tuned on total cost",
            "expected_cost",
            "none",
            "tuned"));
  }

  private static Option withNetwork(Option option) {
    Map<String, String> hyperparameters = new LinkedHashMap<>(option.hyperparameters());
    hyperparameters.put("hidden_layers", "32,16");
    hyperparameters.put("l2", "0.0001");
    return new Option(option.name(), option.description(), hyperparameters);
  }

  private static Option option(
      String name, String description, String loss, String calibration, String rule) {
    Map<String, String> hyperparameters = new LinkedHashMap<>(COMMON);
    hyperparameters.put("loss_function_type", loss);
    hyperparameters.put("calibration", calibration);
    hyperparameters.put("decision_threshold", rule);
    return new Option(name, description, hyperparameters);
  }

  /**
   * What one option scored on the test part.
   *
   * @param probabilities the test cases' probabilities, calibrated when the option calibrates
   * @param labels the test cases' labels
   * @param costs the test cases' own costs, for the report's interactive panel
   */
  public record Outcome(
      String name,
      String description,
      Evaluation test,
      double[] probabilities,
      int[] labels,
      CaseCosts costs,
      double seconds) {}

  /**
   * Runs every option.
   *
   * @param data bank marketing with its cost columns
   * @param testRows the rows of the test part
   */
  public List<Outcome> run(Dataset data, int[] testRows) {
    boolean[] inTest = new boolean[data.rows()];
    for (int row : testRows) {
      inTest[row] = true;
    }
    int[] trainRows =
        java.util.stream.IntStream.range(0, data.rows()).filter(r -> !inTest[r]).toArray();
    Dataset train = data.select(trainRows, data.sha256() + ":train");
    Dataset test = data.select(testRows, data.sha256() + ":test");
    List<Outcome> outcomes = new ArrayList<>();
    List<Option> options = options();
    for (int i = 0; i < options.size(); i++) {
      Option option = options.get(i);
      long start = System.nanoTime();
      Hyperparameters hyperparameters =
          Hyperparameters.defaults()
              .with(option.hyperparameters())
              .with(Map.of("seed", Long.toString(seed)));
      Judged judged = trainAndJudge(hyperparameters, train, test);
      Evaluation evaluation = judged.evaluation();
      double seconds = (System.nanoTime() - start) / 1e9;
      progress.accept(
          String.format(
              Locale.ROOT,
              "[%d/%d] %-20s savings %.4f, cost %,.2f EUR on %d test cases (%.1f s)",
              i + 1,
              options.size(),
              option.name(),
              evaluation.costs().savings(),
              evaluation.costs().total(),
              test.rows(),
              seconds));
      outcomes.add(
          new Outcome(
              option.name(),
              option.description(),
              evaluation,
              judged.probabilities(),
              test.labels(),
              judged.costs(),
              seconds));
    }
    return outcomes;
  }

  /**
   * Trains, calibrates and decides as {@code costwise train} does without a validation channel
   * (calibration and data-chosen thresholds out of fold, as the scikit-learn peers' 5-fold
   * cross-validation), then evaluates on test.
   */
  private Judged trainAndJudge(Hyperparameters hyperparameters, Dataset train, Dataset test) {
    TrainingConfig config = hyperparameters.trainingConfig();
    EvaluationConfig evaluation = hyperparameters.evaluationConfig();
    CostModel costs = evaluation.costs();
    NetworkScorer network = train(config, costs, train);
    DecisionFit decision =
        DecisionFit.of(
            CalibrationMethod.of(hyperparameters.text(Hyperparameter.CALIBRATION)),
            evaluation.thresholdRule(),
            () ->
                HeldOutScores.of(
                    network,
                    train,
                    Optional.empty(),
                    costs,
                    subset -> train(config, costs, subset),
                    seed),
            train.caseCosts(costs),
            line -> {});
    CaseCosts testCosts = test.caseCosts(costs);
    double[] probabilities = probabilities(network, decision.calibration(), test);
    return new Judged(
        Evaluation.of(
            probabilities,
            test.labels(),
            decision.threshold().decisions(testCosts),
            testCosts,
            evaluation.closeCallWidth()),
        probabilities,
        testCosts);
  }

  private record Judged(Evaluation evaluation, double[] probabilities, CaseCosts costs) {}

  private static NetworkScorer train(TrainingConfig config, CostModel costs, Dataset train) {
    return CostTraining.train(
            new Trainer(config, report -> {}, () -> false),
            config,
            costs,
            train,
            Optional.empty(),
            Optional.empty())
        .network()
        .scorer();
  }

  private static double[] probabilities(
      NetworkScorer network, Calibration calibration, Dataset data) {
    double[] scores = network.scores(data);
    calibration.applyInPlace(scores, scores.length);
    return scores;
  }
}
