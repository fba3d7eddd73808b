package io.costwise.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.costwise.cost.ColumnRef;
import io.costwise.cost.CostColumns;
import io.costwise.cost.Outcome;
import io.costwise.error.InvalidInputException;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HyperparametersTest {

  @Test
  void defaultsMatchTheReference() {
    TrainingConfig config = Hyperparameters.parse(Map.of()).trainingConfig();
    assertEquals(LossFunctionType.BUILTIN, config.lossFunction());
    assertEquals(MisclassificationCosts.binary(1, 1), config.costs());
    assertEquals(50, config.epochs());
    assertEquals(32, config.batchSize());
    assertEquals(0.01, config.learningRate());
    assertEquals(OptimizerType.SGD, config.optimizer());
    assertEquals(42, config.seed());
    assertTrue(config.standardize());
  }

  @Test
  void readsEveryKey() {
    TrainingConfig config =
        Hyperparameters.parse(
                Map.of(
                    "loss_function_type", "custom",
                    "fn_cost", "200",
                    "fp_cost", "0.5",
                    "epochs", "7",
                    "batch_size", "64",
                    "learning_rate", "1e-3",
                    "optimizer", "adam",
                    "seed", "9",
                    "standardize", "False"))
            .trainingConfig();
    assertEquals(
        new TrainingConfig(
            LossFunctionType.CUSTOM,
            MisclassificationCosts.binary(200, 0.5),
            7,
            64,
            0.001,
            OptimizerType.ADAM,
            9,
            false,
            EngineType.AUTO,
            List.of(),
            0,
            OptionalInt.empty()),
        config);
  }

  @ParameterizedTest
  @CsvSource({"5, 5", "5.0, 5", "1e1, 10", "+3, 3"})
  void wholeNumbersMayBeWrittenAsDecimals(String given, int expected) {
    assertEquals(
        expected, Hyperparameters.parse(Map.of("epochs", given)).trainingConfig().epochs());
  }

  @Test
  void ignoresSageMakerAndTuningKeys() {
    Hyperparameters parsed =
        Hyperparameters.parse(
            Map.of(
                "sagemaker_job_name", "x",
                "sagemaker_region", "eu-west-1",
                "_tuning_objective_metric", "validation:expected_value"));
    assertEquals(50, parsed.trainingConfig().epochs());
  }

  @Test
  void unknownKeyNamesTheNearestValidOne() {
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class, () -> Hyperparameters.parse(Map.of("fn_cots", "5")));
    assertTrue(
        e.getMessage().startsWith("Unknown hyperparameter 'fn_cots'; did you mean 'fn_cost'?"));
    assertTrue(e.getMessage().contains("loss_function_type, fn_cost, fp_cost, epochs"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "eta, learning_rate, XGBoost's name",
    "lr, learning_rate, the usual short name",
    "num_round, epochs, XGBoost's name",
    "mini_batch_size, batch_size, Linear Learner's name",
    "scale_pos_weight, fn_cost, XGBoost's weight of the positive class",
    "random_state, seed, scikit-learn's name",
    "early_stopping_rounds, early_stopping_patience, XGBoost's name",
  })
  void otherToolsNamesSuggestCostwisesName(String key, String meant, String note) {
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> Hyperparameters.parse(Map.of(key, "5")));
    assertTrue(
        e.getMessage()
            .startsWith(
                "Unknown hyperparameter '"
                    + key
                    + "'; did you mean '"
                    + meant
                    + "' ("
                    + key
                    + " is "
                    + note),
        e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({"epoch, epochs", "batch, batch_size", "learning_rat, learning_rate", "sed, seed"})
  void nearNamesAreSuggested(String key, String meant) {
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> Hyperparameters.parse(Map.of(key, "5")));
    assertTrue(
        e.getMessage()
            .startsWith("Unknown hyperparameter '" + key + "'; did you mean '" + meant + "'?"),
        e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({"xyz", "momentum", "gamma", "alpha"})
  void aNameThatSharesAlmostNothingGetsNoSuggestion(String key) {
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> Hyperparameters.parse(Map.of(key, "5")));
    assertTrue(
        e.getMessage().startsWith("Unknown hyperparameter '" + key + "'. Valid hyperparameters"),
        e.getMessage());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "fn_cost|0|fn_cost has the value '0', which is not allowed; use a number greater than 0",
        "fn_cost|-5|fn_cost has the value '-5'",
        "fp_cost|NaN|fp_cost has the value 'NaN'",
        "fp_cost|Infinity|fp_cost has the value 'Infinity'",
        "fp_cost|5d|fp_cost has the value '5d'",
        "epochs|0|use a whole number from 1 to 100000 (default 50)",
        "epochs|2.5|epochs has the value '2.5'",
        "batch_size|many|batch_size has the value 'many'",
        "learning_rate|0|learning_rate has the value '0'",
        "optimizer|rmsprop|use one of sgd, adam (default sgd)",
        "loss_function_type|weighted|use one of builtin, custom, expected_cost, weighted_builtin (default builtin)",
        "standardize|yes|use true or false (default true)",
        "seed|-1|seed has the value '-1'",
        "decision_threshold|target_recall=0|target_recall=R or target_precision=P with R, P in (0, 1]",
        "decision_threshold|target_precision=1.5|decision_threshold has the value",
        "decision_threshold|bayes|cost_optimal, tuned, bayes_risk",
        "cost_fn_column|1|a column number from 2 (column 1 is the label)",
        "calibration|beta|use one of none, platt, isotonic (default none)"
      })
  void rejectsBadValuesNamingKeyValueAndWhatIsAllowed(String key, String value, String message) {
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> Hyperparameters.parse(Map.of(key, value)));
    assertTrue(e.getMessage().contains(message), e.getMessage());
    assertTrue(e.getMessage().startsWith("Hyperparameter " + key + " has the value"));
  }

  @Test
  void asMapListsEveryKeyCanonically() {
    Map<String, String> map =
        Hyperparameters.parse(Map.of("optimizer", "ADAM", "epochs", "5.0")).asMap();
    assertEquals(Hyperparameter.values().length, map.size());
    assertEquals("adam", map.get("optimizer"));
    assertEquals("5", map.get("epochs"));
    assertEquals("1.0", map.get("fn_cost"));
  }

  @Test
  void engineHiddenLayersL2AndPatienceAreTyped() {
    TrainingConfig config =
        Hyperparameters.parse(
                Map.of(
                    "engine", "DL4J",
                    "hidden_layers", " 64, 32 ",
                    "l2", "1e-4",
                    "early_stopping_patience", "5"))
            .trainingConfig();
    assertEquals(EngineType.DL4J, config.engine());
    assertEquals(List.of(64, 32), config.hiddenLayers());
    assertEquals(1e-4, config.l2());
    assertEquals(OptionalInt.of(5), config.earlyStoppingPatience());
    assertEquals(
        "64,32",
        Hyperparameters.parse(Map.of("hidden_layers", "64,32")).asMap().get("hidden_layers"));
    TrainingConfig defaults = Hyperparameters.defaults().trainingConfig();
    assertEquals(EngineType.AUTO, defaults.engine());
    assertEquals(List.of(), defaults.hiddenLayers());
    assertEquals(OptionalInt.empty(), defaults.earlyStoppingPatience());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "hidden_layers; 64,,32",
        "hidden_layers; 0",
        "hidden_layers; 64,32.5",
        "hidden_layers; 1,2,3,4,5,6,7,8,9",
        "l2; -0.1",
        "early_stopping_patience; 0",
        "engine; gpu"
      })
  void badValuesOfTheNewKeysAreRefusedNamingTheKey(String key, String value) {
    io.costwise.error.InvalidInputException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            io.costwise.error.InvalidInputException.class,
            () -> Hyperparameters.parse(Map.of(key, value)));
    org.junit.jupiter.api.Assertions.assertTrue(
        e.getMessage().startsWith("Hyperparameter " + key), e.getMessage());
  }

  @Test
  void costColumnsAreNamesOrNumbersAndNoneByDefault() {
    assertTrue(Hyperparameters.defaults().costColumns().isEmpty());
    CostColumns columns =
        Hyperparameters.parse(Map.of("cost_fn_column", " C_FN ", "cost_fp_column", "35"))
            .costColumns();
    assertEquals(
        Map.of(
            Outcome.FALSE_NEGATIVE, new ColumnRef("C_FN", 0),
            Outcome.FALSE_POSITIVE, new ColumnRef(null, 35)),
        columns.columns());
    assertEquals(
        columns,
        Hyperparameters.parse(Map.of("cost_fn_column", "C_FN", "cost_fp_column", "35"))
            .evaluationConfig()
            .costs()
            .columns());
  }

  @Test
  void targetRulesAreCanonical() {
    assertEquals(
        "target_recall=0.9",
        Hyperparameters.parse(Map.of("decision_threshold", "TARGET_RECALL=.9"))
            .text(Hyperparameter.DECISION_THRESHOLD));
  }
}
