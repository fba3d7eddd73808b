package io.costwise.artifact;

import io.costwise.data.Dataset;

/**
 * Scores rows with plain Java arithmetic: standardise each feature, {@code (x − mean) / std}, pass
 * it through the hidden ReLU layers, and return the sigmoid of the output unit.
 *
 * <p>It computes what the saved Deeplearning4j network and its scaler compute, without DL4J or a
 * native call, which is what lets {@code serve} and {@code evaluate} score any saved model quickly
 * and the same way; a test proves it equal to {@code MultiLayerNetwork.output} on all of WDBC, for
 * one unit and for hidden layers. Immutable and safe to share between threads.
 */
public final class NetworkScorer {
  /** Values read per block when scoring a data set: 1 MB of doubles. */
  private static final int BLOCK_VALUES = 1 << 17;

  private final NetworkShape shape;
  private final double[] parameters;
  private final double[] mean;
  private final double[] std;

  /**
   * @param shape the layer sizes
   * @param parameters the flat parameters in {@link NetworkShape}'s layout
   * @param mean per-feature mean subtracted first (zeros when not standardising)
   * @param std per-feature divisor applied next (ones when not standardising)
   */
  public NetworkScorer(NetworkShape shape, double[] parameters, double[] mean, double[] std) {
    if (parameters.length != shape.parameterCount()) {
      throw new IllegalArgumentException(
          "a "
              + shape
              + " network has "
              + shape.parameterCount()
              + " parameters, got "
              + parameters.length);
    }
    if (mean.length != shape.inputs() || std.length != shape.inputs()) {
      throw new IllegalArgumentException("mean and std need one value per feature");
    }
    this.shape = shape;
    this.parameters = parameters.clone();
    this.mean = mean.clone();
    this.std = std.clone();
  }

  public NetworkShape shape() {
    return shape;
  }

  public int features() {
    return shape.inputs();
  }

  /** The flat parameters, in {@link NetworkShape}'s layout. */
  public double[] parameters() {
    return parameters.clone();
  }

  public double[] mean() {
    return mean.clone();
  }

  public double[] std() {
    return std.clone();
  }

  /** A scratch row for {@link #score(double[], int, double[])}. */
  public double[] scratch() {
    return new double[2 * shape.widest()];
  }

  /** The probability of the positive class for one row. */
  public double score(double[] row) {
    return score(row, 0, scratch());
  }

  /** Scores the first {@code rows} rows of a row-major block. */
  public double[] scoreAll(double[] rowMajor, int rows) {
    double[] scores = new double[rows];
    double[] scratch = scratch();
    for (int r = 0; r < rows; r++) {
      scores[r] = score(rowMajor, r * shape.inputs(), scratch);
    }
    return scores;
  }

  /**
   * Scores every row of a data set, a block at a time, so that scoring never needs the whole set as
   * one array (it may be on disk).
   */
  public double[] scores(Dataset data) {
    int block = Math.max(1, BLOCK_VALUES / shape.inputs());
    double[] rows = new double[block * shape.inputs()];
    double[] scores = new double[data.rows()];
    double[] scratch = scratch();
    for (int from = 0; from < data.rows(); from += block) {
      int to = Math.min(data.rows(), from + block);
      data.readRows(from, to, rows);
      for (int r = 0; r < to - from; r++) {
        scores[from + r] = score(rows, r * shape.inputs(), scratch);
      }
    }
    return scores;
  }

  /** Scores every row of a row-major block. */
  public double[] scoreAll(double[] rowMajor) {
    return scoreAll(rowMajor, rowMajor.length / shape.inputs());
  }

  /**
   * The probability for the row at {@code offset}, using {@code scratch} (from {@link #scratch()})
   * for the hidden activations.
   */
  public double score(double[] rowMajor, int offset, double[] scratch) {
    int inputs = shape.inputs();
    if (shape.layers() == 1) {
      // One unit, the reference's model: a single pass, no scratch.
      double z = parameters[inputs];
      for (int i = 0; i < inputs; i++) {
        z += parameters[i] * ((rowMajor[offset + i] - mean[i]) / std[i]);
      }
      return sigmoid(z);
    }
    int width = shape.widest();
    for (int i = 0; i < inputs; i++) {
      scratch[i] = (rowMajor[offset + i] - mean[i]) / std[i];
    }
    int in = 0;
    int out = width;
    for (int l = 0; l < shape.layers(); l++) {
      int n = shape.inputsOf(l);
      int w = shape.weightOffset(l);
      int b = shape.biasOffset(l);
      boolean last = l == shape.layers() - 1;
      for (int j = 0; j < shape.outputsOf(l); j++) {
        double z = parameters[b + j];
        int unit = w + j * n;
        for (int i = 0; i < n; i++) {
          z += parameters[unit + i] * scratch[in + i];
        }
        scratch[out + j] = last ? sigmoid(z) : Math.max(0.0, z);
      }
      int swap = in;
      in = out;
      out = swap;
    }
    return scratch[in];
  }

  /** The logistic function, as libnd4j computes it: {@code 1 / (1 + e^−z)}. */
  public static double sigmoid(double z) {
    return 1.0 / (1.0 + Math.exp(-z));
  }
}
