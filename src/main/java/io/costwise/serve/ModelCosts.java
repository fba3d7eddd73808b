package io.costwise.serve;

import io.costwise.artifact.ModelDescription;
import io.costwise.config.Hyperparameter;
import io.costwise.config.Hyperparameters;
import io.costwise.cost.CaseCosts;
import io.costwise.cost.ColumnRef;
import io.costwise.cost.CostModel;
import io.costwise.cost.Outcome;
import io.costwise.error.InvalidInputException;
import io.costwise.evaluation.OutcomeValues;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The model's {@link CostModel} as requests meet it: the names under which a row may carry its own
 * costs, the fixed costs for outcomes a row does not give, and the fixed table's cost-optimal
 * threshold.
 *
 * <p>A row's costs travel as four doubles in {@link Outcome#ordinal()} order, NaN for an outcome
 * the row does not give (a given cost is always finite, so NaN cannot be confused with one).
 */
public final class ModelCosts {
  /** Costs per row in {@link Rows#costs()}: one per outcome. */
  static final int PER_ROW = Outcome.values().length;

  private static final Outcome[] OUTCOMES = Outcome.values();

  /** The hyperparameters that make up the cost model: the value table, its unit, the columns. */
  private static final Set<String> COST_KEYS =
      Set.of(
          Hyperparameter.VALUE_TN.key(),
          Hyperparameter.VALUE_FP.key(),
          Hyperparameter.VALUE_FN.key(),
          Hyperparameter.VALUE_TP.key(),
          Hyperparameter.VALUE_UNIT.key(),
          Hyperparameter.COST_TN_COLUMN.key(),
          Hyperparameter.COST_FP_COLUMN.key(),
          Hyperparameter.COST_FN_COLUMN.key(),
          Hyperparameter.COST_TP_COLUMN.key());

  private final CostModel model;
  private final double[] fixed = new double[PER_ROW];
  private final double costOptimalThreshold;
  private final Map<String, Outcome> names;
  private final String described;

  /**
   * @param model the model's costs
   * @param featureNames the model's features: a feature keeps its name even if it is also a
   *     canonical cost name such as {@code cost_fn}
   * @throws InvalidInputException when the fixed table has no cost-optimal threshold (training
   *     refuses such tables, so only a damaged model.json gets here)
   */
  public ModelCosts(CostModel model, List<String> featureNames) {
    this.model = model;
    for (Outcome outcome : OUTCOMES) {
      fixed[outcome.ordinal()] = model.fixedCost(outcome);
    }
    this.costOptimalThreshold = model.values().costOptimalThreshold();
    Map<String, Outcome> byName = new LinkedHashMap<>();
    // The model's own column names first: they are what its training data called the costs.
    for (Outcome outcome : OUTCOMES) {
      model
          .columns()
          .column(outcome)
          .filter(ColumnRef::byName)
          .ifPresent(column -> byName.putIfAbsent(column.name(), outcome));
    }
    for (Outcome outcome : OUTCOMES) {
      byName.putIfAbsent(canonicalName(outcome), outcome);
    }
    featureNames.forEach(byName::remove);
    this.names = new HashMap<>(byName);
    this.described = String.join(", ", byName.keySet());
  }

  /**
   * The costs of a model, from the hyperparameters stored in its model.json.
   *
   * <p>Only the cost keys are read: serving needs nothing else from them (the decision rule is
   * already applied, as the stored numeric threshold), and reading only these keeps a model
   * loadable whatever its other hyperparameters say — a rule such as {@code target_recall=0.9}, or
   * a key an older version wrote.
   */
  public static ModelCosts fromHyperparameters(
      Map<String, String> hyperparameters, List<String> featureNames) {
    if (hyperparameters == null) {
      throw new InvalidInputException(
          "The model description has no hyperparameters, so its costs are unknown; retrain the"
              + " model with this costwise version.");
    }
    Map<String, String> costKeys = new HashMap<>();
    hyperparameters.forEach(
        (key, value) -> {
          if (COST_KEYS.contains(key)) {
            costKeys.put(key, value);
          }
        });
    return new ModelCosts(Hyperparameters.parse(costKeys).evaluationConfig().costs(), featureNames);
  }

  /**
   * The costs of a saved model: its hyperparameters' cost model, with, for a model trained with
   * cost columns, the training rows' mean costs as the fixed costs — what a row that brings no
   * costs of its own is decided and priced with, as training chose the stored threshold.
   */
  public static ModelCosts of(ModelDescription description) {
    ModelCosts stored =
        fromHyperparameters(description.hyperparameters(), description.featureNames());
    Map<String, Double> means = description.meanCosts();
    if (means == null) {
      return stored;
    }
    double[] value = new double[PER_ROW];
    for (Outcome outcome : OUTCOMES) {
      Double cost = means.get(outcome.key());
      if (cost == null || !Double.isFinite(cost)) {
        throw new InvalidInputException(
            "The model description's mean_costs lacks a finite '"
                + outcome.key()
                + "' cost; retrain the model, or restore the model.json train wrote.");
      }
      value[outcome.ordinal()] = 0.0 - cost;
    }
    CostModel model = stored.model();
    OutcomeValues values =
        new OutcomeValues(
            value[Outcome.TRUE_NEGATIVE.ordinal()],
            value[Outcome.FALSE_POSITIVE.ordinal()],
            value[Outcome.FALSE_NEGATIVE.ordinal()],
            value[Outcome.TRUE_POSITIVE.ordinal()],
            model.unit());
    return new ModelCosts(new CostModel(values, model.columns()), description.featureNames());
  }

  /**
   * {@code cost_tn}, {@code cost_fp}, {@code cost_fn} or {@code cost_tp}: accepted for any model.
   */
  static String canonicalName(Outcome outcome) {
    return "cost_" + outcome.key();
  }

  public CostModel model() {
    return model;
  }

  /** Elkan's threshold of the fixed table. */
  double costOptimalThreshold() {
    return costOptimalThreshold;
  }

  /** The outcome whose cost a request field of this name carries, or null if it carries none. */
  Outcome outcomeNamed(String name) {
    return names.get(name);
  }

  /** The accepted cost names, for messages: the model's column names, then the canonical ones. */
  String describeNames() {
    return described;
  }

  /**
   * What {@code outcome} costs for the row whose costs start at {@code offset} of {@code given}.
   */
  double cost(double[] given, int offset, Outcome outcome) {
    double cost = given[offset + outcome.ordinal()];
    return Double.isNaN(cost) ? fixed[outcome.ordinal()] : cost;
  }

  /** Whether the row gives at least one cost of its own. */
  static boolean carries(double[] given, int offset) {
    for (int i = 0; i < PER_ROW; i++) {
      if (!Double.isNaN(given[offset + i])) {
        return true;
      }
    }
    return false;
  }

  /** The row's Bayes minimum-risk threshold, a / (a + m) with its own costs. */
  double minimumRiskThreshold(double[] given, int offset) {
    return CaseCosts.threshold(
        cost(given, offset, Outcome.FALSE_POSITIVE) - cost(given, offset, Outcome.TRUE_NEGATIVE),
        cost(given, offset, Outcome.FALSE_NEGATIVE) - cost(given, offset, Outcome.TRUE_POSITIVE));
  }

  /**
   * Why the row's costs cannot decide, or null when they can. Like the fixed table, a row's costs
   * must be "reasonable" (Elkan): an error must not cost less than the right decision for the same
   * case, or one decision wins whatever the probability and the threshold is meaningless.
   */
  String unreasonable(double[] given, int offset) {
    String falseAlarm =
        inverted(given, offset, Outcome.FALSE_POSITIVE, Outcome.TRUE_NEGATIVE, "a false alarm");
    return falseAlarm != null
        ? falseAlarm
        : inverted(given, offset, Outcome.FALSE_NEGATIVE, Outcome.TRUE_POSITIVE, "a miss");
  }

  private String inverted(
      double[] given, int offset, Outcome error, Outcome right, String errorInWords) {
    double errorCost = cost(given, offset, error);
    double rightCost = cost(given, offset, right);
    if (errorCost >= rightCost) {
      return null;
    }
    return "the costs are not reasonable: c_"
        + error.key().toUpperCase(Locale.ROOT)
        + " = "
        + amount(given, offset, error)
        + " is less than c_"
        + right.key().toUpperCase(Locale.ROOT)
        + " = "
        + amount(given, offset, right)
        + ", so "
        + errorInWords
        + " would cost less than the right decision; each row needs c_FP ≥ c_TN and c_FN ≥"
        + " c_TP.";
  }

  private String amount(double[] given, int offset, Outcome outcome) {
    String text =
        BigDecimal.valueOf(cost(given, offset, outcome)).stripTrailingZeros().toPlainString();
    return Double.isNaN(given[offset + outcome.ordinal()])
        ? text + " (the model's fixed cost)"
        : text;
  }
}
