package io.costwise.learn;

import io.costwise.config.TrainingConfig;

/**
 * The training loss of the sigmoid output as the fast engine computes it, row by row, with DL4J's
 * arithmetic: the value for logging and early stopping, and the gradient with respect to the unit's
 * input z (for the summed loss; the optimiser divides by the batch size, as DL4J's does).
 */
interface OutputLoss {
  /** The loss of predicting {@code p} for label {@code y}. */
  double value(double p, double y);

  /** dL/dz at {@code p = sigmoid(z)}. */
  double gradient(double p, double y);

  /**
   * The loss of these settings, per row. The losses that weigh rows by their decision costs are the
   * unweighted ones here; the learners multiply each row by its {@link RowWeights weight}. The
   * expected cost with per-row costs is {@code Cost(1, 1)}: weighted by w_i = c_FN − c_TP (a
   * positive) or c_FP − c_TN (a negative), it has the expected cost's gradient, and differs from it
   * by a per-row constant (c_TP or c_TN), which the reported losses leave out.
   */
  static OutputLoss of(TrainingConfig config) {
    return switch (config.lossFunction()) {
      case BUILTIN, WEIGHTED_BUILTIN -> new CrossEntropy();
      case CUSTOM ->
          new Cost(config.costs().falseNegativeCost(), config.costs().falsePositiveCost());
      case EXPECTED_COST -> new Cost(1, 1);
    };
  }

  /**
   * DL4J's {@code LossBinaryXENT}: p is clipped to [1e−5, 1 − 1e−5] for the loss and for dL/dp,
   * {@code (p − y) / (p(1 − p))}, which back-propagation multiplies by the unclipped {@code p(1 −
   * p)} (so the gradient is {@code p − y} up to rounding where p is not clipped).
   */
  final class CrossEntropy implements OutputLoss {
    private static final double CLIP = 1e-5;

    @Override
    public double value(double p, double y) {
      double clipped = Math.min(Math.max(p, CLIP), 1 - CLIP);
      return -(y * Math.log(clipped) + (1 - y) * Math.log(1 - clipped));
    }

    @Override
    public double gradient(double p, double y) {
      double clipped = Math.min(Math.max(p, CLIP), 1 - CLIP);
      return (clipped - y) / (clipped * (1 - clipped)) * (p * (1 - p));
    }
  }

  /** {@link AsymmetricCostLoss}, row by row: {@code fn·y·|1 − p| + fp·(1 − y)·|p|}. */
  record Cost(double fnCost, double fpCost) implements OutputLoss {
    @Override
    public double value(double p, double y) {
      return fnCost * y * Math.abs(1 - p) + fpCost * (1 - y) * Math.abs(p);
    }

    @Override
    public double gradient(double p, double y) {
      double dLdp = -fnCost * y * Math.signum(1 - p) + fpCost * (1 - y) * Math.signum(p);
      return dLdp * (p * (1 - p));
    }
  }
}
