package io.costwise.config;

import java.util.Arrays;

/**
 * What each kind of decision costs in training, as a K×K matrix indexed {@code
 * [actual][predicted]}.
 *
 * <p>Binary problems use K = 2 with class 1 the costly positive class: {@code cost[1][0]} is the
 * cost of a false negative and {@code cost[0][1]} of a false positive. Correct decisions cost 0 in
 * the reference loss. Keeping the general matrix (rather than two numbers) lets a multiclass cost
 * matrix arrive without changing this type's users; per-row costs would be a weight column in the
 * data, which leaves this type as it is.
 */
public final class MisclassificationCosts {
  private final double[][] cost;

  private MisclassificationCosts(double[][] cost) {
    int classes = cost.length;
    if (classes < 2) {
      throw new IllegalArgumentException("a cost matrix needs at least 2 classes");
    }
    this.cost = new double[classes][];
    for (int actual = 0; actual < classes; actual++) {
      if (cost[actual].length != classes) {
        throw new IllegalArgumentException("a cost matrix must be square");
      }
      this.cost[actual] = cost[actual].clone();
      for (double c : cost[actual]) {
        if (!Double.isFinite(c) || c < 0) {
          throw new IllegalArgumentException("costs must be finite and non-negative, got " + c);
        }
      }
    }
  }

  /** Binary costs: a false negative costs {@code fnCost}, a false positive {@code fpCost}. */
  public static MisclassificationCosts binary(double fnCost, double fpCost) {
    return new MisclassificationCosts(new double[][] {{0, fpCost}, {fnCost, 0}});
  }

  /** A full matrix indexed {@code [actual][predicted]}. */
  public static MisclassificationCosts matrix(double[][] cost) {
    return new MisclassificationCosts(cost);
  }

  public int classes() {
    return cost.length;
  }

  public double cost(int actual, int predicted) {
    return cost[actual][predicted];
  }

  /** The cost of predicting 0 for a row whose label is 1. */
  public double falseNegativeCost() {
    return cost[1][0];
  }

  /** The cost of predicting 1 for a row whose label is 0. */
  public double falsePositiveCost() {
    return cost[0][1];
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof MisclassificationCosts that && Arrays.deepEquals(cost, that.cost);
  }

  @Override
  public int hashCode() {
    return Arrays.deepHashCode(cost);
  }

  @Override
  public String toString() {
    return "MisclassificationCosts" + Arrays.deepToString(cost);
  }
}
