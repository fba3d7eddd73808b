package io.costwise.learn;

import io.costwise.data.Dataset;
import java.util.Random;

/** Small synthetic data sets with a known linear boundary. */
final class TestData {
  private TestData() {}

  /** Rows of {@code columns} Gaussian features on a non-unit scale; label = w·x + noise > 0. */
  static Dataset linear(int rows, int columns, long seed) {
    Random random = new Random(seed);
    double[] features = new double[rows * columns];
    int[] labels = new int[rows];
    for (int r = 0; r < rows; r++) {
      double z = 0;
      for (int c = 0; c < columns; c++) {
        double x = 10 + 3 * c + random.nextGaussian() * (c + 1);
        features[r * columns + c] = x;
        z += (c % 2 == 0 ? 1 : -0.5) * (x - 10 - 3 * c) / (c + 1);
      }
      labels[r] = z + random.nextGaussian() * 0.5 > 0 ? 1 : 0;
    }
    return new Dataset(Dataset.defaultFeatureNames(columns), features, labels, "test");
  }

  /** Label 1 inside a band of the first feature, |x1| < 0.7, else 0: not linearly separable. */
  static Dataset band(int rows, long seed) {
    Random random = new Random(seed);
    double[] features = new double[rows * 2];
    int[] labels = new int[rows];
    for (int r = 0; r < rows; r++) {
      features[2 * r] = random.nextGaussian();
      features[2 * r + 1] = random.nextGaussian();
      labels[r] = Math.abs(features[2 * r]) < 0.7 ? 1 : 0;
    }
    return new Dataset(Dataset.defaultFeatureNames(2), features, labels, "band");
  }
}
