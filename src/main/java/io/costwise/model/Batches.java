package io.costwise.model;

import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/** The (scaled) training rows as plain arrays, from which each minibatch is copied. */
record Batches(double[] features, double[] labels, int columns) {
  int rows() {
    return labels.length;
  }

  DataSet of(int[] order, int from, int to) {
    int size = to - from;
    double[] batchFeatures = new double[size * columns];
    double[] batchLabels = new double[size];
    for (int i = 0; i < size; i++) {
      int row = order[from + i];
      System.arraycopy(features, row * columns, batchFeatures, i * columns, columns);
      batchLabels[i] = labels[row];
    }
    return new DataSet(
        Nd4j.create(batchFeatures, new long[] {size, columns}, LogisticUnit.DATA_TYPE),
        Nd4j.create(batchLabels, new long[] {size, 1}, LogisticUnit.DATA_TYPE));
  }
}
