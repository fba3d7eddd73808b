package io.costwise.experiment;

import io.costwise.config.OptimizerType;
import io.costwise.evaluation.OutcomeValues;
import java.util.Objects;

/**
 * What a sweep trains and how it judges.
 *
 * @param ratios the fn_cost/fp_cost ratios to train with (fp_cost = 1)
 * @param folds k of stratified k-fold cross-validation
 * @param seed seeds the folds and the models
 * @param epochs training epochs per model
 * @param batchSize rows per step
 * @param learningRate step size
 * @param optimizer sgd or adam
 * @param values what each outcome is worth
 */
public record SweepSettings(
    double[] ratios,
    int folds,
    long seed,
    int epochs,
    int batchSize,
    double learningRate,
    OptimizerType optimizer,
    OutcomeValues values) {

  public SweepSettings {
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

  @Override
  public double[] ratios() {
    return ratios.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SweepSettings that
        && java.util.Arrays.equals(ratios, that.ratios)
        && folds == that.folds
        && seed == that.seed
        && epochs == that.epochs
        && batchSize == that.batchSize
        && Double.compare(learningRate, that.learningRate) == 0
        && optimizer == that.optimizer
        && values.equals(that.values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        java.util.Arrays.hashCode(ratios),
        folds,
        seed,
        epochs,
        batchSize,
        learningRate,
        optimizer,
        values);
  }

  @Override
  public String toString() {
    return "SweepSettings[ratios=" + java.util.Arrays.toString(ratios) + ", folds=" + folds + "]";
  }
}
