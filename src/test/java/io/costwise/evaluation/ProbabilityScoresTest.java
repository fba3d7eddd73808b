package io.costwise.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ProbabilityScoresTest {

  @Test
  void logLossAndBrierOfAHandCase() {
    double[] scores = {0.9, 0.2, 0.6, 0.0};
    int[] labels = {1, 0, 0, 0};

    ProbabilityScores s = ProbabilityScores.of(scores, labels);

    // log loss = −(ln 0.9 + ln 0.8 + ln 0.4 + ln(1 − 1e-15)) / 4
    //          = (0.1053605 + 0.2231436 + 0.9162907 + 1e-15) / 4 = 0.3111987
    // (sklearn.metrics.log_loss(labels, scores, eps=1e-15) = 0.311198699711548)
    assertEquals(0.311198699711548, s.logLoss(), 1e-14);
    // Brier = (0.1² + 0.2² + 0.6² + 0²) / 4 = 0.41 / 4
    assertEquals(0.1025, s.brierScore(), 1e-15);
  }

  @Test
  void confidentMistakeIsClippedNotInfinite() {
    ProbabilityScores s = ProbabilityScores.of(new double[] {0.0, 1.0}, new int[] {1, 0});
    // Score 0 for a positive: −ln(1e-15) = 34.538776394910684.
    // Score 1 for a negative: p' = 1 − 1e-15 is the double 1 − 9.992e-16, so −ln(1 − p') is
    // −ln(9.992e-16) = 34.539576…; the mean is 34.53917619362578, which is also what
    // sklearn.metrics.log_loss([1, 0], [0.0, 1.0], eps=1e-15) returns.
    assertEquals(34.53917619362578, s.logLoss(), 1e-13);
    assertEquals(1.0, s.brierScore(), 0.0);
  }

  @Test
  void perfectScoresLoseAlmostNothing() {
    ProbabilityScores s = ProbabilityScores.of(new double[] {0.0, 1.0}, new int[] {0, 1});
    assertEquals(0.0, s.brierScore(), 0.0);
    // −ln(1 − 1e-15) per case, about 1e-15 (sklearn: 9.992007221626415e-16).
    assertEquals(9.992007221626415e-16, s.logLoss(), 1e-30);
  }
}
