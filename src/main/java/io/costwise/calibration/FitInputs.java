package io.costwise.calibration;

/**
 * Checks the arrays a fit takes, as {@code io.costwise.evaluation} checks its own: a malformed
 * array is a bug in the caller, since the data readers have already rejected bad user data.
 */
final class FitInputs {
  private FitInputs() {}

  /**
   * Requires equal, non-zero lengths, every score a number in [0, 1] and every label 0 or 1.
   *
   * @throws IllegalArgumentException naming the first offending index
   */
  static void check(double[] scores, int[] labels) {
    if (scores == null || labels == null) {
      throw new IllegalArgumentException("scores and labels must not be null");
    }
    if (scores.length != labels.length) {
      throw new IllegalArgumentException(
          "scores has " + scores.length + " entries but labels has " + labels.length);
    }
    if (scores.length == 0) {
      throw new IllegalArgumentException("a calibration needs at least one score");
    }
    for (int i = 0; i < scores.length; i++) {
      // Written so that NaN fails too: every comparison with NaN is false.
      if (!(scores[i] >= 0.0 && scores[i] <= 1.0)) {
        throw new IllegalArgumentException(
            "scores[" + i + "] is " + scores[i] + ", expected a probability in [0, 1]");
      }
      if (labels[i] != 0 && labels[i] != 1) {
        throw new IllegalArgumentException(
            "labels[" + i + "] is " + labels[i] + ", expected 0 or 1");
      }
    }
  }
}
