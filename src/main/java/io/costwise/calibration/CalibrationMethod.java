package io.costwise.calibration;

import io.costwise.artifact.Calibration;
import io.costwise.evaluation.Inputs;

/** How a model's scores are calibrated, by the name the model file and settings use. */
public enum CalibrationMethod {
  /** No calibration: the network's scores are used as they are. */
  NONE(Calibration.NONE),
  /** Platt scaling: a sigmoid of the score's logit, two parameters ({@link PlattFit}). */
  PLATT(Calibration.PLATT),
  /** Isotonic regression: the best non-decreasing map, piecewise linear ({@link IsotonicFit}). */
  ISOTONIC(Calibration.ISOTONIC);

  private final String value;

  CalibrationMethod(String value) {
    this.value = value;
  }

  /** The name: {@code none}, {@code platt} or {@code isotonic}, as {@link Calibration#method()}. */
  public String value() {
    return value;
  }

  /**
   * The method named {@code value}.
   *
   * @throws IllegalArgumentException if no method has that name
   */
  public static CalibrationMethod of(String value) {
    for (CalibrationMethod method : values()) {
      if (method.value.equals(value)) {
        return method;
      }
    }
    throw new IllegalArgumentException(
        "no calibration method \"" + value + "\"; expected none, platt or isotonic");
  }

  /**
   * Fits this method to scores and their true labels, normally a split the network was not trained
   * on (a model calibrated on its own training scores learns its overconfidence as truth).
   *
   * @throws IllegalArgumentException if the arrays are malformed
   */
  public Calibration fit(double[] scores, int[] labels) {
    return switch (this) {
      case NONE -> {
        Inputs.check(scores, labels);
        yield Calibration.none();
      }
      case PLATT -> PlattFit.fit(scores, labels);
      case ISOTONIC -> IsotonicFit.fit(scores, labels);
    };
  }
}
