package io.costwise.model;

/**
 * Scores rows with plain Java arithmetic: {@code p = sigmoid(Σ wᵢ·(xᵢ − meanᵢ)/stdᵢ + b)}.
 *
 * <p>It computes what the DL4J network and its scaler compute, without a native call per row, which
 * is what makes serving fast; a test proves it equal to {@code MultiLayerNetwork.output}. Immutable
 * and safe to share between threads.
 */
public final class LinearScorer {
  private final double[] weights;
  private final double bias;
  private final double[] mean;
  private final double[] std;

  /**
   * @param weights one per feature
   * @param bias the unit's bias
   * @param mean per-feature mean subtracted first (zeros when not standardising)
   * @param std per-feature divisor applied next (ones when not standardising)
   */
  public LinearScorer(double[] weights, double bias, double[] mean, double[] std) {
    if (mean.length != weights.length || std.length != weights.length) {
      throw new IllegalArgumentException("weights, mean and std must have the same length");
    }
    this.weights = weights.clone();
    this.bias = bias;
    this.mean = mean.clone();
    this.std = std.clone();
  }

  public int features() {
    return weights.length;
  }

  /** The probability of the positive class for one row. */
  public double score(double[] row) {
    return score(row, 0);
  }

  /** The probability of the positive class for the row starting at {@code offset}. */
  public double score(double[] rowMajor, int offset) {
    double z = bias;
    for (int i = 0; i < weights.length; i++) {
      z += weights[i] * ((rowMajor[offset + i] - mean[i]) / std[i]);
    }
    return 1.0 / (1.0 + Math.exp(-z));
  }

  /** Scores every row of a row-major block. */
  public double[] scoreAll(double[] rowMajor) {
    int rows = rowMajor.length / weights.length;
    double[] scores = new double[rows];
    for (int r = 0; r < rows; r++) {
      scores[r] = score(rowMajor, r * weights.length);
    }
    return scores;
  }

  public double[] weights() {
    return weights.clone();
  }

  public double bias() {
    return bias;
  }

  public double[] mean() {
    return mean.clone();
  }

  public double[] std() {
    return std.clone();
  }
}
