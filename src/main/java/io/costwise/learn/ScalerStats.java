package io.costwise.learn;

import io.costwise.data.Dataset;
import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * The standardiser's statistics: per feature, the training channel's mean and population standard
 * deviation, computed in two passes (mean, then squared deviations) for accuracy.
 *
 * <p>A constant feature gets a standard deviation of 1, as DL4J's {@code NormalizerStandardize}
 * replaces zeros: its scaled value is then 0 and it can neither break nor sway the model.
 *
 * @param mean subtracted from each feature
 * @param std each centred feature is divided by this
 */
public record ScalerStats(double[] mean, double[] std) {
  private static final int BLOCK_ROWS = 4096;

  /** No scaling: mean 0, std 1. */
  static ScalerStats identity(int columns) {
    double[] ones = new double[columns];
    Arrays.fill(ones, 1.0);
    return new ScalerStats(new double[columns], ones);
  }

  /** The statistics of every row of {@code data}, read a block at a time. */
  static ScalerStats fit(Dataset data) {
    int columns = data.columns();
    double[] block = new double[BLOCK_ROWS * columns];
    double[] sum = new double[columns];
    forEachBlock(
        data,
        block,
        rows -> {
          for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
              sum[c] += block[r * columns + c];
            }
          }
        });
    double[] mean = new double[columns];
    for (int c = 0; c < columns; c++) {
      mean[c] = sum[c] / data.rows();
    }
    double[] squares = new double[columns];
    forEachBlock(
        data,
        block,
        rows -> {
          for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
              double d = block[r * columns + c] - mean[c];
              squares[c] += d * d;
            }
          }
        });
    double[] std = new double[columns];
    for (int c = 0; c < columns; c++) {
      std[c] = Math.sqrt(squares[c] / data.rows());
      if (std[c] == 0 || !Double.isFinite(std[c])) {
        std[c] = 1.0;
      }
    }
    return new ScalerStats(mean, std);
  }

  private static void forEachBlock(Dataset data, double[] block, IntConsumer rowsInBlock) {
    for (int from = 0; from < data.rows(); from += BLOCK_ROWS) {
      int to = Math.min(data.rows(), from + BLOCK_ROWS);
      data.readRows(from, to, block);
      rowsInBlock.accept(to - from);
    }
  }
}
