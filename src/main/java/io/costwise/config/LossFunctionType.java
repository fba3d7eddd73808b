package io.costwise.config;

/** The training loss, chosen by the {@code loss_function_type} hyperparameter. */
public enum LossFunctionType {
  /** Binary cross-entropy: both kinds of error weigh the same. */
  BUILTIN("builtin"),
  /** The reference's asymmetric cost loss, weighted by {@code fn_cost} and {@code fp_cost}. */
  CUSTOM("custom");

  private final String value;

  LossFunctionType(String value) {
    this.value = value;
  }

  /** The hyperparameter value that selects this loss. */
  public String value() {
    return value;
  }
}
