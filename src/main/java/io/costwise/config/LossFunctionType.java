package io.costwise.config;

/** The training loss, chosen by the {@code loss_function_type} hyperparameter. */
public enum LossFunctionType {
  /** Binary cross-entropy: both kinds of error weigh the same. */
  BUILTIN("builtin"),
  /** The reference's asymmetric cost loss, weighted by {@code fn_cost} and {@code fp_cost}. */
  CUSTOM("custom"),
  /**
   * The same expected-cost loss with the decision costs: each row's costs from the cost model
   * (columns or the fixed table), divided by their mean so the learning rate keeps its meaning.
   */
  EXPECTED_COST("expected_cost"),
  /**
   * Cross-entropy with each row weighted by what an error on it costs (c_FN − c_TP for a positive,
   * c_FP − c_TN for a negative), divided by the mean weight: scikit-learn's {@code sample_weight}.
   */
  WEIGHTED_BUILTIN("weighted_builtin");

  private final String value;

  LossFunctionType(String value) {
    this.value = value;
  }

  /** The loss named by a hyperparameter value. */
  public static LossFunctionType of(String value) {
    for (LossFunctionType type : values()) {
      if (type.value.equals(value)) {
        return type;
      }
    }
    throw new IllegalArgumentException("unknown loss function type " + value);
  }

  /** Whether the loss weighs rows by the decision costs (the cost model). */
  public boolean usesDecisionCosts() {
    return this == EXPECTED_COST || this == WEIGHTED_BUILTIN;
  }

  /** Whether the loss is the expected cost of a randomised decision (the reference's form). */
  public boolean isExpectedCost() {
    return this == CUSTOM || this == EXPECTED_COST;
  }

  /** The hyperparameter value that selects this loss. */
  public String value() {
    return value;
  }
}
