package io.costwise.config;

/** The optimiser, chosen by the {@code optimizer} hyperparameter. */
public enum OptimizerType {
  /** Plain stochastic gradient descent, no momentum: the reference's Keras default. */
  SGD("sgd"),
  /** Adam with DL4J's default moments (beta1 0.9, beta2 0.999, epsilon 1e-8). */
  ADAM("adam");

  private final String value;

  OptimizerType(String value) {
    this.value = value;
  }

  /** The hyperparameter value that selects this optimiser. */
  public String value() {
    return value;
  }
}
