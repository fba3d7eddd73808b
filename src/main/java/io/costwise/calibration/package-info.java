/**
 * Fitting a probability calibration to a model's scores on held-out data: Platt scaling ({@link
 * io.costwise.calibration.PlattFit}) and isotonic regression ({@link
 * io.costwise.calibration.IsotonicFit}), chosen through {@link
 * io.costwise.calibration.CalibrationMethod}. The result is an {@link
 * io.costwise.artifact.Calibration}, which the model stores and every command applies.
 *
 * <p>Both fits reproduce scikit-learn's {@code CalibratedClassifierCV} (version 1.2): the same
 * objective, the same tie handling and the same stored numbers, so a calibration can be checked
 * against Python and explained with scikit-learn's documentation. Tests hold scikit-learn's own
 * outputs on fixed inputs.
 *
 * <p>Plain Java on arrays: {@code double[] scores} (probabilities of the positive class, in [0, 1])
 * and {@code int[] labels} (0 or 1). Malformed arrays are programming errors ({@link
 * IllegalArgumentException}); no DL4J, no native code.
 */
package io.costwise.calibration;
