package io.costwise.evaluation;

/**
 * Checks the arrays every public entry point of the evaluation, and the calibration fits, take. A
 * malformed array is a bug in the caller (the data readers have already rejected bad user data), so
 * the failures are {@link IllegalArgumentException}s, not user-facing errors.
 */
public final class Inputs {
  private Inputs() {}

  /**
   * Requires equal, non-zero lengths, every score a number in [0, 1] and every label 0 or 1.
   *
   * @throws IllegalArgumentException naming the first offending index
   */
  public static void check(double[] scores, int[] labels) {
    if (scores == null || labels == null) {
      throw new IllegalArgumentException("scores and labels must not be null");
    }
    if (scores.length != labels.length) {
      throw new IllegalArgumentException(
          "scores has " + scores.length + " entries but labels has " + labels.length);
    }
    if (scores.length == 0) {
      throw new IllegalArgumentException("scores and labels must not be empty");
    }
    for (int i = 0; i < scores.length; i++) {
      double score = scores[i];
      // Written so that NaN fails too: every comparison with NaN is false.
      if (!(score >= 0.0 && score <= 1.0)) {
        throw new IllegalArgumentException(
            "scores[" + i + "] is " + score + ", expected a probability in [0, 1]");
      }
      if (labels[i] != 0 && labels[i] != 1) {
        throw new IllegalArgumentException(
            "labels[" + i + "] is " + labels[i] + ", expected 0 or 1");
      }
    }
  }

  /** Requires a threshold that is a number; thresholds above 1 (predict nothing) are allowed. */
  static void checkThreshold(double threshold) {
    if (Double.isNaN(threshold)) {
      throw new IllegalArgumentException("threshold must not be NaN");
    }
  }
}
