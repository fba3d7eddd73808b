package io.costwise.learn;

import java.util.Optional;

/**
 * A weight per row, for the losses that weigh rows by what an error on them costs ({@link
 * io.costwise.config.LossFunctionType#usesDecisionCosts()}): row i's loss and its gradient are
 * multiplied by w_i, in both engines, and so are the per-epoch training and validation losses (the
 * mean over rows of w_i·L_i).
 *
 * <p>The weights are data, not settings: the caller computes them from the cost model and divides
 * them by their mean over the training rows ({@link #normalised(double[], Optional)}), so that a
 * learning rate means what it means unweighted. The validation weights are divided by the same
 * training mean, so that the two losses are on one scale.
 *
 * @param train one weight per training row
 * @param validation one weight per validation row, when training has a validation set
 */
public record RowWeights(double[] train, Optional<double[]> validation) {
  /**
   * Checks and copies the weights: the arrays are the learners' from here on, and the accessors
   * return them as they are (not to be modified).
   *
   * @throws IllegalArgumentException if a weight is negative, NaN or infinite, or a set's weights
   *     sum to 0 (or overflow)
   */
  public RowWeights {
    train = checked(train, "training").clone();
    validation = validation.map(v -> checked(v, "validation").clone());
  }

  /**
   * Training weights {@code rawTrain} and validation weights {@code rawValidation} each divided by
   * the mean of {@code rawTrain}.
   *
   * @throws IllegalArgumentException as the constructor
   */
  public static RowWeights normalised(double[] rawTrain, Optional<double[]> rawValidation) {
    double mean = mean(checked(rawTrain, "training"));
    return new RowWeights(
        divided(rawTrain, mean), rawValidation.map(v -> divided(checked(v, "validation"), mean)));
  }

  /**
   * {@code raw} divided by its mean, so that the weights average 1.
   *
   * @throws IllegalArgumentException as the constructor
   */
  public static double[] normalised(double[] raw) {
    return divided(raw, mean(checked(raw, "training")));
  }

  private static double[] divided(double[] raw, double mean) {
    double[] out = new double[raw.length];
    for (int i = 0; i < raw.length; i++) {
      // Division, not multiplication by 1/mean: a weight equal to the mean becomes exactly 1.
      out[i] = raw[i] / mean;
    }
    return out;
  }

  /** The mean, summed in row order (the same weights give the same bits). */
  private static double mean(double[] weights) {
    double sum = 0;
    for (double w : weights) {
      sum += w;
    }
    return sum / weights.length;
  }

  private static double[] checked(double[] weights, String set) {
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      double w = weights[i];
      if (!(w >= 0) || Double.isInfinite(w)) {
        throw new IllegalArgumentException(
            set + " row weight " + i + " is " + w + "; weights must be finite and not negative");
      }
      sum += w;
    }
    if (!(sum > 0) || Double.isInfinite(sum)) {
      throw new IllegalArgumentException(
          "the "
              + weights.length
              + " "
              + set
              + " row weights sum to "
              + sum
              + "; their mean must be positive and finite");
    }
    return weights;
  }
}
