package io.costwise.evaluation;

/**
 * How good the scores are as probabilities, before any threshold: the two proper scoring rules.
 *
 * <p>A cost-sensitive decision is only as good as the probabilities it thresholds (the cost-optimal
 * threshold of {@link OutcomeValues#costOptimalThreshold()} assumes calibrated scores), so these
 * are reported beside the threshold-based figures.
 *
 * @param logLoss mean negative log-likelihood, lower is better (0 is perfect)
 * @param brierScore mean squared error of the probability, in [0, 1], lower is better
 */
public record ProbabilityScores(double logLoss, double brierScore) {

  /**
   * Probabilities are clipped to [{@value}, 1 − {@value}] before taking logs, so one confident
   * mistake costs about 34.5 instead of infinity. This is scikit-learn's {@code log_loss} up to
   * version 1.1; since 1.2 it clips to the float64 machine epsilon (2.2e-16), which gives a
   * different value only when a score lies within 1e-15 of the wrong extreme.
   */
  public static final double LOG_LOSS_EPSILON = 1e-15;

  /**
   * Both scores for the given probabilities of the positive class.
   *
   * <ul>
   *   <li>log loss = −(1/n) Σ [ y·ln(p') + (1 − y)·ln(1 − p') ], with p' = p clipped to [ε, 1 − ε],
   *       ε = {@value #LOG_LOSS_EPSILON};
   *   <li>Brier score = (1/n) Σ (p − y)².
   * </ul>
   *
   * @throws IllegalArgumentException if the arrays are malformed (see {@link Evaluation#of})
   */
  public static ProbabilityScores of(double[] scores, int[] labels) {
    Inputs.check(scores, labels);
    double logLossSum = 0;
    double brierSum = 0;
    for (int i = 0; i < scores.length; i++) {
      double p = Math.min(Math.max(scores[i], LOG_LOSS_EPSILON), 1 - LOG_LOSS_EPSILON);
      logLossSum -= labels[i] == 1 ? Math.log(p) : Math.log(1 - p);
      double error = scores[i] - labels[i];
      brierSum += error * error;
    }
    return new ProbabilityScores(logLossSum / scores.length, brierSum / scores.length);
  }
}
