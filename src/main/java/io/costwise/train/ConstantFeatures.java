package io.costwise.train;

import io.costwise.data.Dataset;
import io.costwise.error.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Features that never change over the training channel.
 *
 * <p>One constant feature is legal (the scaler gives it a standard deviation of 1, its scaled value
 * is 0 and it cannot sway the model), but worth a warning. When every feature is constant, nothing
 * distinguishes one case from another: the model could only learn the base rate and would give
 * every case the same probability, so the job fails with a sentence instead.
 *
 * <p>The pass stops as soon as every column has changed, which on real data is within the first
 * rows.
 */
final class ConstantFeatures {
  private static final int BLOCK_ROWS = 4096;
  private static final int NAMES_SHOWN = 10;

  private ConstantFeatures() {}

  /** The zero-based columns whose value is the same in every row. */
  static List<Integer> of(Dataset data) {
    int columns = data.columns();
    if (data.rows() == 0) {
      return List.of();
    }
    double[] first = data.row(0);
    boolean[] varies = new boolean[columns];
    int varying = 0;
    double[] block = new double[BLOCK_ROWS * columns];
    for (int from = 0; from < data.rows() && varying < columns; from += BLOCK_ROWS) {
      int to = Math.min(data.rows(), from + BLOCK_ROWS);
      data.readRows(from, to, block);
      for (int r = 0; r < to - from; r++) {
        for (int c = 0; c < columns; c++) {
          if (!varies[c] && Double.compare(block[r * columns + c], first[c]) != 0) {
            varies[c] = true;
            varying++;
          }
        }
      }
    }
    List<Integer> constant = new ArrayList<>();
    for (int c = 0; c < columns; c++) {
      if (!varies[c]) {
        constant.add(c);
      }
    }
    return constant;
  }

  /**
   * Fails when every feature is constant; otherwise returns the warning naming the constant ones,
   * if any.
   */
  static java.util.Optional<String> check(String channel, Dataset data) {
    List<Integer> constant = of(data);
    if (constant.isEmpty()) {
      return java.util.Optional.empty();
    }
    if (constant.size() == data.columns()) {
      throw new InvalidInputException(
          "Channel '"
              + channel
              + "': every feature is constant over its "
              + data.rows()
              + " rows (row 1 has "
              + describe(data, constant)
              + "), so nothing tells one case from another and the model could only give every"
              + " case the same probability; check that the files hold the features you meant"
              + " (label in column 1, features after it).");
    }
    return java.util.Optional.of(
        "Channel '"
            + channel
            + "': "
            + constant.size()
            + " of "
            + data.columns()
            + " features never change over its "
            + data.rows()
            + " rows ("
            + describe(data, constant)
            + "); they cannot sway the model (their scaled value is always 0), so check the data or"
            + " drop them.");
  }

  private static String describe(Dataset data, List<Integer> columns) {
    double[] first = data.row(0);
    String shown =
        columns.stream()
            .limit(NAMES_SHOWN)
            .map(c -> "'" + data.featureNames().get(c) + "' = " + plain(first[c]))
            .collect(Collectors.joining(", "));
    return columns.size() > NAMES_SHOWN
        ? shown + " and " + (columns.size() - NAMES_SHOWN) + " more"
        : shown;
  }

  private static String plain(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? Long.toString((long) value)
        : Double.toString(value);
  }
}
