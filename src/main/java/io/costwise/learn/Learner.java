package io.costwise.learn;

/**
 * One engine's way of taking a gradient step on a minibatch. Both engines start from the same
 * parameters and perform the same updates (a test holds them within 1e−9 after 50 epochs); the
 * epoch loop, shuffling, checkpoints and early stopping around them are shared ({@link Trainer}).
 */
interface Learner {
  /**
   * One step on the first {@code rows} rows of {@code features} (row-major, already standardised)
   * with {@code labels}, each row's loss and gradient multiplied by its weight when {@code weights}
   * is not null ({@link RowWeights}).
   *
   * @return the summed (weighted) loss of those rows before the step
   */
  double step(double[] features, double[] labels, double[] weights, int rows);

  /** A copy of the parameters, in {@link io.costwise.artifact.NetworkShape}'s flat layout. */
  double[] parameters();

  /** Everything a resumed run needs to take exactly the steps this one would have taken. */
  State state();

  void restore(State state);

  /**
   * @param parameters the flat parameters
   * @param optimizer the optimiser's moments (empty for SGD)
   * @param iteration steps taken so far (Adam's bias correction counts them)
   */
  record State(double[] parameters, double[] optimizer, long iteration) {}
}
