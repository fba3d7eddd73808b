package io.costwise.report;

import io.costwise.evaluation.CloseCalls;
import io.costwise.evaluation.Evaluation;
import io.costwise.evaluation.OutcomeValues;
import java.util.Random;

/** Scored splits for report tests: hand-made ones and ones shaped like a logistic model's. */
final class Fixtures {
  static final OutcomeValues REFERENCE = OutcomeValues.reference();

  private Fixtures() {}

  /**
   * A split shaped like the reference test set: {@code negatives} cases then {@code positives},
   * scored by a logistic model whose logits are normal around −3 and +3, moved by {@code shift} (a
   * cost-sensitive model pushes scores up). Deterministic for a seed.
   */
  static ScoredSplit logistic(
      String name, int negatives, int positives, double shift, double threshold, long seed) {
    Random random = new Random(seed);
    int n = negatives + positives;
    double[] scores = new double[n];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i < negatives ? 0 : 1;
      double logit = (labels[i] == 1 ? 3.0 : -3.5) + shift + 1.9 * random.nextGaussian();
      scores[i] = 1 / (1 + Math.exp(-logit));
    }
    return split(name, scores, labels, threshold);
  }

  /** A split evaluated with the reference outcome values and the default close-call width. */
  static ScoredSplit split(String name, double[] scores, int[] labels, double threshold) {
    Evaluation evaluation =
        Evaluation.of(scores, labels, threshold, REFERENCE, CloseCalls.DEFAULT_WIDTH);
    return new ScoredSplit(name, scores, labels, evaluation);
  }

  /**
   * 143 cases laid out as the reference builtin model's test set: TN 85, FP 3, FN 4, TP 51 at
   * threshold 0.5, worth −$19,658.34 per case (−$2,811,143.01 in total).
   */
  static ScoredSplit reference(String name) {
    double[] scores = new double[143];
    int[] labels = new int[143];
    int i = 0;
    for (int k = 0; k < 85; k++) {
      scores[i++] = 0.01 + k * 0.005;
    }
    for (double fp : new double[] {0.5, 0.52, 0.9}) {
      scores[i++] = fp;
    }
    for (double fn : new double[] {0.45, 0.3, 0.2, 0.1}) {
      labels[i] = 1;
      scores[i++] = fn;
    }
    for (int k = 0; k < 51; k++) {
      labels[i] = 1;
      scores[i++] = 0.6 + k * 0.005;
    }
    return split(name, scores, labels, 0.5);
  }

  /** Whether any pixel of the image has exactly this colour. */
  static boolean hasColour(java.awt.image.BufferedImage image, java.awt.Color colour) {
    int rgb = colour.getRGB() & 0xFFFFFF;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
          return true;
        }
      }
    }
    return false;
  }
}
