package io.costwise.learn;

import io.costwise.data.Dataset;

/**
 * Serves one epoch's minibatches in {@link EpochOrder}'s order, standardised, from the data set
 * (which holds the rows once, compactly, in memory or on disk).
 *
 * <p>Each window of the epoch is read block by block into a buffer of {@value
 * EpochOrder#WINDOW_ROWS} rows, and minibatches are copied from that buffer in the window's
 * shuffled order, standardised as they are copied (one pass, not two). Scaling multiplies by the
 * reciprocal of the standard deviation: a division per value cost a third of a step for one unit.
 * It differs from DL4J's {@code (x − mean) / std} by at most an ulp per value, and both engines
 * train on the same gathered batches.
 *
 * <p>Row weights, when given, travel with their rows: a window's weights are read with it, in block
 * order, and a minibatch's are copied from that window, so gathering a minibatch touches no memory
 * outside the window.
 */
final class BatchGatherer {
  private final Dataset data;
  private final int columns;
  private final double[] mean;
  private final double[] inverseStd;
  private final double[] window;
  private final double[] windowLabels;
  private final double[] weights;
  private final double[] windowWeights;
  private final int[] windowRows = new int[EpochOrder.WINDOW_ROWS];
  private final int[] positions = new int[EpochOrder.WINDOW_ROWS];
  private final double[] block;
  private EpochOrder order;
  private int nextWindow;
  private int windowSize;
  private int windowUsed;

  /**
   * @param weights one weight per row of {@code data}, or null for none
   */
  BatchGatherer(Dataset data, ScalerStats scaler, double[] weights) {
    if (weights != null && weights.length != data.rows()) {
      throw new IllegalArgumentException(
          weights.length + " row weights for " + data.rows() + " rows");
    }
    this.data = data;
    this.weights = weights;
    this.columns = data.columns();
    this.mean = scaler.mean().clone();
    this.inverseStd = new double[columns];
    for (int c = 0; c < columns; c++) {
      inverseStd[c] = 1.0 / scaler.std()[c];
    }
    int windowRows = Math.min(EpochOrder.WINDOW_ROWS, Math.max(1, data.rows()));
    this.window = new double[windowRows * columns];
    this.windowLabels = new double[windowRows];
    this.windowWeights = weights == null ? null : new double[windowRows];
    this.block = new double[windowRows * columns];
  }

  /** Starts an epoch. */
  void start(EpochOrder epoch) {
    this.order = epoch;
    this.nextWindow = 0;
    this.windowSize = 0;
    this.windowUsed = 0;
  }

  /**
   * Fills the next {@code count} rows of the epoch into {@code features} (row-major), their labels
   * into {@code labels} and, when there are row weights, their weights into {@code rowWeights}.
   */
  void next(int count, double[] features, double[] labels, double[] rowWeights) {
    for (int k = 0; k < count; k++) {
      if (windowUsed == windowSize) {
        loadWindow();
      }
      int slot = positions[windowUsed++];
      int from = slot * columns;
      int to = k * columns;
      for (int c = 0; c < columns; c++) {
        features[to + c] = (window[from + c] - mean[c]) * inverseStd[c];
      }
      labels[k] = windowLabels[slot];
      if (windowWeights != null) {
        rowWeights[k] = windowWeights[slot];
      }
    }
  }

  private void loadWindow() {
    windowSize = order.window(nextWindow++, windowRows, positions);
    windowUsed = 0;
    load(0, windowSize);
  }

  private void load(int from, int to) {
    int i = from;
    while (i < to) {
      int run = 1;
      while (i + run < to && windowRows[i + run] == windowRows[i] + run) {
        run++;
      }
      data.readRows(windowRows[i], windowRows[i] + run, block);
      System.arraycopy(block, 0, window, i * columns, run * columns);
      for (int k = i; k < i + run; k++) {
        windowLabels[k] = data.label(windowRows[k]);
      }
      i += run;
    }
    if (weights != null) {
      // A loop of its own, not a copy per block beside the features': its loads are independent,
      // so the processor overlaps their cache misses (on 1M × 30, reading the windows took 4 ms
      // more an epoch than unweighted this way, 9 ms with a copy per block).
      for (int k = from; k < to; k++) {
        windowWeights[k] = weights[windowRows[k]];
      }
    }
  }
}
