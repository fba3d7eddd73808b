package io.costwise.config;

/**
 * Every hyperparameter costwise accepts, with its default, what is allowed and what it means.
 *
 * <p>This table is the single source for validation, error messages and the documentation (a test
 * checks that {@code docs/configuration.md} lists every entry).
 */
public enum Hyperparameter {
  LOSS_FUNCTION_TYPE(
      "loss_function_type",
      "builtin",
      ValueRule.choice("builtin", "custom", "expected_cost", "weighted_builtin"),
      "builtin = binary cross-entropy; custom = the reference's cost loss with the training costs"
          + " fn_cost and fp_cost; expected_cost = the same loss with the decision costs (value_*"
          + " and the cost_*_column columns, per row); weighted_builtin = cross-entropy weighting"
          + " each row by what an error on it costs (see docs/costs.md)"),
  FN_COST(
      "fn_cost",
      "1",
      ValueRule.positiveNumber(1e9),
      "training cost of a false negative (loss_function_type custom only)"),
  FP_COST(
      "fp_cost",
      "1",
      ValueRule.positiveNumber(1e9),
      "training cost of a false positive (loss_function_type custom only)"),
  EPOCHS("epochs", "50", ValueRule.wholeNumber(1, 100_000), "passes over the training data"),
  BATCH_SIZE("batch_size", "32", ValueRule.wholeNumber(1, 1_000_000), "rows per gradient step"),
  LEARNING_RATE(
      "learning_rate", "0.01", ValueRule.positiveNumber(10), "step size of the optimiser"),
  OPTIMIZER(
      "optimizer",
      "sgd",
      ValueRule.choice("sgd", "adam"),
      "sgd = plain SGD without momentum (the reference); adam = Adam"),
  SEED(
      "seed",
      "42",
      ValueRule.wholeNumber(0, Long.MAX_VALUE / 2),
      "seeds weight initialisation and the per-epoch shuffle; same seed, same model"),
  STANDARDIZE(
      "standardize",
      "true",
      ValueRule.bool(),
      "standardise features with the training channel's mean and standard deviation (stored in"
          + " the model)"),
  ENGINE(
      "engine",
      "auto",
      ValueRule.choice("auto", "fast", "dl4j"),
      "auto = the fast engine (it supports every setting); fast = costwise's own arithmetic, which"
          + " performs DL4J's updates (a test holds the two within 1e-9); dl4j ="
          + " MultiLayerNetwork.fit, the reference"),
  HIDDEN_LAYERS(
      "hidden_layers",
      "none",
      ValueRule.layerWidths(8, 4096),
      "widths of hidden ReLU layers, input side first, e.g. 64,32; none = the reference's single"
          + " logistic unit"),
  L2(
      "l2",
      "0",
      ValueRule.nonNegativeNumber(10),
      "L2 regularisation (weight decay) of the weights, not the biases: l2·w is added to each"
          + " weight's gradient, as DL4J's l2 does"),
  EARLY_STOPPING_PATIENCE(
      "early_stopping_patience",
      "off",
      ValueRule.wholeNumberOrOff(1, 100_000),
      "stop after this many epochs without a lower validation loss and keep the best epoch's"
          + " model (needs a validation channel); off = train every epoch"),
  VALUE_TN(
      "value_tn",
      "0",
      ValueRule.finiteNumber(),
      "what a true negative is worth, in value_unit (default: the reference's QALY table at"
          + " $100,000 per QALY)"),
  VALUE_FP("value_fp", "-1287.67", ValueRule.finiteNumber(), "what a false positive is worth"),
  VALUE_TP("value_tp", "-35280", ValueRule.finiteNumber(), "what a true positive is worth"),
  VALUE_FN("value_fn", "-252000", ValueRule.finiteNumber(), "what a false negative is worth"),
  VALUE_UNIT(
      "value_unit", "USD", ValueRule.text(16), "the unit of the four values and the cost columns"),
  COST_TN_COLUMN(
      "cost_tn_column",
      "none",
      ValueRule.column(),
      "a column of the data holding each row's cost of a true negative (a header name or 1-based"
          + " column number; not a feature); none = the fixed cost −value_tn"),
  COST_FP_COLUMN(
      "cost_fp_column",
      "none",
      ValueRule.column(),
      "the column holding each row's cost of a false positive; none = −value_fp"),
  COST_FN_COLUMN(
      "cost_fn_column",
      "none",
      ValueRule.column(),
      "the column holding each row's cost of a false negative; none = −value_fn"),
  COST_TP_COLUMN(
      "cost_tp_column",
      "none",
      ValueRule.column(),
      "the column holding each row's cost of a true positive; none = −value_tp"),
  CALIBRATION(
      "calibration",
      "none",
      ValueRule.choice("none", "platt", "isotonic"),
      "map scores to calibrated probabilities, fitted on the validation channel (or out of fold on"
          + " train when there is none): platt = a logistic curve, isotonic = a monotone step"
          + " function"),
  DECISION_THRESHOLD(
      "decision_threshold",
      "0.5",
      ValueRule.decisionRule("cost_optimal", "tuned", "bayes_risk"),
      "predict positive when the probability is at least this; cost_optimal = Elkan's threshold"
          + " from the fixed costs; bayes_risk = flag each case whose expected cost of flagging is"
          + " lower (per row with cost columns); tuned = the threshold of least total cost on the"
          + " validation channel; target_recall=R / target_precision=P = the threshold that meets"
          + " the target on the validation channel (see docs/costs.md)"),
  CLOSE_CALL_WIDTH(
      "close_call_width",
      "0.05",
      ValueRule.positiveNumber(0.5),
      "a case is a close call when its score is within this distance of the threshold");

  private final String key;
  private final String defaultValue;
  private final ValueRule rule;
  private final String description;

  Hyperparameter(String key, String defaultValue, ValueRule rule, String description) {
    this.key = key;
    this.defaultValue = defaultValue;
    this.rule = rule;
    this.description = description;
  }

  /** The name in {@code hyperparameters.json}. */
  public String key() {
    return key;
  }

  public String defaultValue() {
    return defaultValue;
  }

  /** What values are allowed, in words. */
  public String allowed() {
    return rule.allowed();
  }

  public String description() {
    return description;
  }

  ValueRule rule() {
    return rule;
  }
}
