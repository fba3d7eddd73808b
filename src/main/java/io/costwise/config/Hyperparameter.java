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
      ValueRule.choice("builtin", "custom"),
      "builtin = binary cross-entropy; custom = the asymmetric cost loss weighted by fn_cost and"
          + " fp_cost"),
  FN_COST(
      "fn_cost",
      "1",
      ValueRule.positiveNumber(1e9),
      "training cost of a false negative (custom loss only)"),
  FP_COST(
      "fp_cost",
      "1",
      ValueRule.positiveNumber(1e9),
      "training cost of a false positive (custom loss only)"),
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
  VALUE_UNIT("value_unit", "USD", ValueRule.text(16), "the unit of the four values"),
  DECISION_THRESHOLD(
      "decision_threshold",
      "0.5",
      ValueRule.numberOrChoice(0, 1, "cost_optimal", "tuned"),
      "predict positive when the score is at least this; cost_optimal = Elkan's threshold from the"
          + " values; tuned = maximise expected value on the validation channel (see"
          + " docs/evaluation.md for the guard against small sets)"),
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
