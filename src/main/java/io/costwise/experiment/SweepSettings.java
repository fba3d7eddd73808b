package io.costwise.experiment;

import io.costwise.config.TrainingConfig;
import io.costwise.evaluation.OutcomeValues;
import java.util.Arrays;
import java.util.Objects;

/**
 * What a sweep trains and how it judges.
 *
 * @param ratios the fn_cost/fp_cost ratios to train with (fp_cost = 1)
 * @param folds k of stratified k-fold cross-validation
 * @param training every other training setting (the seed also seeds the folds), from the
 *     hyperparameter table
 * @param values what each outcome is worth
 */
public record SweepSettings(
    double[] ratios, int folds, TrainingConfig training, OutcomeValues values) {

  public SweepSettings {
    Objects.requireNonNull(training, "training");
    Objects.requireNonNull(values, "values");
    ratios = ratios.clone();
    if (ratios.length == 0 || folds < 2) {
      throw new IllegalArgumentException("a sweep needs ratios and at least 2 folds");
    }
  }

  /** {@code steps} ratios spaced evenly in log scale from {@code min} to {@code max}. */
  public static double[] logSpaced(double min, double max, int steps) {
    if (!(min > 0) || !(max >= min) || steps < 1) {
      throw new IllegalArgumentException("need 0 < min <= max and steps >= 1");
    }
    double[] ratios = new double[steps];
    for (int i = 0; i < steps; i++) {
      double t = steps == 1 ? 0 : (double) i / (steps - 1);
      // Rounded to 3 significant digits: ratios are read by people, and 22.4 says as much as
      // 22.36067977.
      ratios[i] = round3(Math.exp(Math.log(min) + t * (Math.log(max) - Math.log(min))));
    }
    return ratios;
  }

  private static double round3(double value) {
    return new java.math.BigDecimal(value).round(new java.math.MathContext(3)).doubleValue();
  }

  /** The seed of the folds and the models. */
  public long seed() {
    return training.seed();
  }

  @Override
  public double[] ratios() {
    return ratios.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SweepSettings that
        && Arrays.equals(ratios, that.ratios)
        && folds == that.folds
        && training.equals(that.training)
        && values.equals(that.values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(ratios), folds, training, values);
  }

  @Override
  public String toString() {
    return "SweepSettings[ratios=" + Arrays.toString(ratios) + ", folds=" + folds + "]";
  }
}
