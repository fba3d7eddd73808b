package io.costwise.evaluation;

/**
 * How each case is decided: flagged when its score is at least its threshold. One threshold for
 * every case, or one per case (Bayes minimum risk with per-row costs).
 *
 * @param threshold the threshold of every case, or, with per-case thresholds, the one a case
 *     without costs of its own would get (the fixed table's cost-optimal threshold)
 * @param perCase each case's threshold, or null when {@code threshold} is everyone's
 */
public record Decisions(double threshold, double[] perCase) {

  public Decisions {
    if (!Double.isFinite(threshold)) {
      throw new IllegalArgumentException("threshold must be finite, got " + threshold);
    }
  }

  /** One threshold for all. */
  public static Decisions at(double threshold) {
    return new Decisions(threshold, null);
  }

  public boolean isPerCase() {
    return perCase != null;
  }

  /** The threshold of case {@code row}. */
  public double threshold(int row) {
    return perCase != null ? perCase[row] : threshold;
  }

  /** Whether case {@code row}, scored {@code score}, is flagged. */
  public boolean flags(int row, double score) {
    return score >= threshold(row);
  }

  /** The decision for every case. */
  public boolean[] apply(double[] scores) {
    if (perCase != null && perCase.length != scores.length) {
      throw new IllegalArgumentException(
          perCase.length + " thresholds for " + scores.length + " scores");
    }
    boolean[] flagged = new boolean[scores.length];
    for (int i = 0; i < scores.length; i++) {
      flagged[i] = flags(i, scores[i]);
    }
    return flagged;
  }
}
