package io.costwise.config;

import io.costwise.cost.ColumnRef;
import io.costwise.cost.CostColumns;
import io.costwise.cost.CostModel;
import io.costwise.cost.Outcome;
import io.costwise.error.InvalidInputException;
import io.costwise.evaluation.OutcomeValues;
import io.costwise.evaluation.ThresholdRule;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * Validated hyperparameters: every key of {@link Hyperparameter}, given or defaulted, in canonical
 * text.
 *
 * <p>Keys SageMaker adds ({@code sagemaker_*}, {@code _tuning_objective_metric}) are ignored. Any
 * other unknown key is almost always a typo, so it fails with the nearest valid name.
 */
public final class Hyperparameters {
  private static final String IGNORED_PREFIX = "sagemaker_";
  private static final String TUNING_OBJECTIVE = "_tuning_objective_metric";

  private final Map<Hyperparameter, String> values;

  private Hyperparameters(Map<Hyperparameter, String> values) {
    this.values = values;
  }

  /** Validates raw values (already unquoted) and fills in defaults. */
  public static Hyperparameters parse(Map<String, String> raw) {
    Map<Hyperparameter, String> values = new EnumMap<>(Hyperparameter.class);
    for (Map.Entry<String, String> entry : raw.entrySet()) {
      String key = entry.getKey();
      if (key.startsWith(IGNORED_PREFIX) || key.equals(TUNING_OBJECTIVE)) {
        continue;
      }
      Hyperparameter parameter = byKey(key).orElseThrow(() -> unknownKey(key));
      values.put(parameter, validate(parameter, entry.getValue()));
    }
    for (Hyperparameter parameter : Hyperparameter.values()) {
      values.computeIfAbsent(parameter, p -> validate(p, p.defaultValue()));
    }
    return new Hyperparameters(values);
  }

  /** Every hyperparameter with its canonical value, in table order: for the model description. */
  public Map<String, String> asMap() {
    Map<String, String> map = new LinkedHashMap<>();
    values.forEach((parameter, value) -> map.put(parameter.key(), value));
    return map;
  }

  public String text(Hyperparameter parameter) {
    return values.get(parameter);
  }

  public double number(Hyperparameter parameter) {
    return Double.parseDouble(values.get(parameter));
  }

  public long wholeNumber(Hyperparameter parameter) {
    return Long.parseLong(values.get(parameter));
  }

  public boolean bool(Hyperparameter parameter) {
    return Boolean.parseBoolean(values.get(parameter));
  }

  /** Every hyperparameter at its default: the one table of defaults, for demo and sweep too. */
  public static Hyperparameters defaults() {
    return parse(Map.of());
  }

  /** These values with some replaced, validated like the file's (keys as in the file). */
  public Hyperparameters with(Map<String, String> changes) {
    Map<String, String> merged = new LinkedHashMap<>(asMap());
    merged.putAll(changes);
    return parse(merged);
  }

  /** The settings of the training run. */
  public TrainingConfig trainingConfig() {
    String hidden = text(Hyperparameter.HIDDEN_LAYERS);
    String patience = text(Hyperparameter.EARLY_STOPPING_PATIENCE);
    return new TrainingConfig(
        LossFunctionType.of(text(Hyperparameter.LOSS_FUNCTION_TYPE)),
        MisclassificationCosts.binary(
            number(Hyperparameter.FN_COST), number(Hyperparameter.FP_COST)),
        Math.toIntExact(wholeNumber(Hyperparameter.EPOCHS)),
        Math.toIntExact(wholeNumber(Hyperparameter.BATCH_SIZE)),
        number(Hyperparameter.LEARNING_RATE),
        text(Hyperparameter.OPTIMIZER).equals(OptimizerType.ADAM.value())
            ? OptimizerType.ADAM
            : OptimizerType.SGD,
        wholeNumber(Hyperparameter.SEED),
        bool(Hyperparameter.STANDARDIZE),
        EngineType.of(text(Hyperparameter.ENGINE)),
        hidden.equals("none")
            ? List.of()
            : Arrays.stream(hidden.split(",")).map(Integer::valueOf).toList(),
        number(Hyperparameter.L2),
        patience.equals("off") ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(patience)));
  }

  /**
   * How the model is judged and decides. The outcome values are checked here, once, so that a table
   * for which no threshold makes sense fails before training rather than after.
   */
  public EvaluationConfig evaluationConfig() {
    OutcomeValues values;
    try {
      values =
          new OutcomeValues(
              number(Hyperparameter.VALUE_TN),
              number(Hyperparameter.VALUE_FP),
              number(Hyperparameter.VALUE_FN),
              number(Hyperparameter.VALUE_TP),
              text(Hyperparameter.VALUE_UNIT));
      values.costOptimalThreshold();
    } catch (IllegalArgumentException | InvalidInputException e) {
      throw new InvalidInputException(
          "The hyperparameters value_tn, value_fp, value_tp and value_fn ("
              + text(Hyperparameter.VALUE_TN)
              + ", "
              + text(Hyperparameter.VALUE_FP)
              + ", "
              + text(Hyperparameter.VALUE_TP)
              + ", "
              + text(Hyperparameter.VALUE_FN)
              + ") do not make a usable value table: "
              + Character.toLowerCase(e.getMessage().charAt(0))
              + e.getMessage().substring(1),
          e);
    }
    return new EvaluationConfig(
        new CostModel(values, costColumns()),
        ThresholdRule.parse(text(Hyperparameter.DECISION_THRESHOLD)),
        number(Hyperparameter.CLOSE_CALL_WIDTH));
  }

  /** The per-row cost columns named by {@code cost_*_column}; empty when none is. */
  public CostColumns costColumns() {
    Map<Outcome, ColumnRef> columns = new EnumMap<>(Outcome.class);
    for (Outcome outcome : Outcome.values()) {
      String text = text(COLUMN_KEYS.get(outcome));
      if (!text.equals("none")) {
        columns.put(outcome, ColumnRef.parse(text));
      }
    }
    return new CostColumns(columns);
  }

  private static final Map<Outcome, Hyperparameter> COLUMN_KEYS =
      Map.of(
          Outcome.TRUE_NEGATIVE, Hyperparameter.COST_TN_COLUMN,
          Outcome.FALSE_POSITIVE, Hyperparameter.COST_FP_COLUMN,
          Outcome.FALSE_NEGATIVE, Hyperparameter.COST_FN_COLUMN,
          Outcome.TRUE_POSITIVE, Hyperparameter.COST_TP_COLUMN);

  private static String validate(Hyperparameter parameter, String value) {
    return parameter
        .rule()
        .canonical(value.trim())
        .orElseThrow(
            () ->
                new InvalidInputException(
                    "Hyperparameter "
                        + parameter.key()
                        + " has the value '"
                        + abbreviate(value)
                        + "', which is not allowed; use "
                        + parameter.allowed()
                        + " (default "
                        + parameter.defaultValue()
                        + ")."));
  }

  private static Optional<Hyperparameter> byKey(String key) {
    return Arrays.stream(Hyperparameter.values()).filter(p -> p.key().equals(key)).findFirst();
  }

  /**
   * Other tools' names for costwise's hyperparameters, with whose name each is: a suggestion by
   * meaning where spelling says nothing ({@code eta} is one edit from nothing costwise has).
   */
  private static final Map<String, Alias> ALIASES =
      Map.ofEntries(
          alias("eta", Hyperparameter.LEARNING_RATE, "XGBoost's name"),
          alias("lr", Hyperparameter.LEARNING_RATE, "the usual short name"),
          alias("learningrate", Hyperparameter.LEARNING_RATE, "Linear Learner's name"),
          alias("num_round", Hyperparameter.EPOCHS, "XGBoost's name for its rounds"),
          alias("num_boost_round", Hyperparameter.EPOCHS, "XGBoost's name for its rounds"),
          alias("num_epochs", Hyperparameter.EPOCHS, "a common name"),
          alias("n_epochs", Hyperparameter.EPOCHS, "a common name"),
          alias("max_iter", Hyperparameter.EPOCHS, "scikit-learn's name"),
          alias("mini_batch_size", Hyperparameter.BATCH_SIZE, "Linear Learner's name"),
          alias(
              "scale_pos_weight",
              Hyperparameter.FN_COST,
              "XGBoost's weight of the positive class; with fp_cost 1, fn_cost is that weight"),
          alias(
              "positive_example_weight_mult",
              Hyperparameter.FN_COST,
              "Linear Learner's weight of the positive class; with fp_cost 1, fn_cost is that"
                  + " weight"),
          alias("class_weight", Hyperparameter.FN_COST, "scikit-learn's class weights"),
          alias("random_state", Hyperparameter.SEED, "scikit-learn's name"),
          alias("random_seed", Hyperparameter.SEED, "a common name"),
          alias("early_stopping_rounds", Hyperparameter.EARLY_STOPPING_PATIENCE, "XGBoost's name"),
          alias("patience", Hyperparameter.EARLY_STOPPING_PATIENCE, "Keras's name"),
          alias("normalize_data", Hyperparameter.STANDARDIZE, "Linear Learner's name"),
          alias("loss", Hyperparameter.LOSS_FUNCTION_TYPE, "Linear Learner's name"),
          alias("hidden_layer_sizes", Hyperparameter.HIDDEN_LAYERS, "scikit-learn's name"),
          alias("threshold", Hyperparameter.DECISION_THRESHOLD, "a common name"));

  private record Alias(Hyperparameter parameter, String note) {}

  private static Map.Entry<String, Alias> alias(
      String name, Hyperparameter parameter, String note) {
    return Map.entry(name, new Alias(parameter, note));
  }

  private static InvalidInputException unknownKey(String key) {
    String lower = key.trim().toLowerCase(Locale.ROOT);
    Alias alias = ALIASES.get(lower);
    Optional<String> suggestion;
    if (alias != null) {
      suggestion = Optional.of(alias.parameter().key() + "' (" + key + " is " + alias.note() + ")");
    } else {
      suggestion =
          Arrays.stream(Hyperparameter.values())
              .map(Hyperparameter::key)
              .filter(candidate -> EditDistance.isCloseEnough(lower, candidate))
              .min(Comparator.comparingInt(candidate -> EditDistance.between(lower, candidate)))
              .map(candidate -> candidate + "'");
    }
    String valid =
        Arrays.stream(Hyperparameter.values())
            .map(Hyperparameter::key)
            .collect(Collectors.joining(", "));
    return new InvalidInputException(
        "Unknown hyperparameter '"
            + abbreviate(key)
            + "'"
            + suggestion.map(s -> "; did you mean '" + s + "?").orElse(".")
            + " Valid hyperparameters are "
            + valid
            + ".");
  }

  private static String abbreviate(String text) {
    return text.length() <= 80 ? text : text.substring(0, 77) + "...";
  }
}
