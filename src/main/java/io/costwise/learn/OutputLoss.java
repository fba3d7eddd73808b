package io.costwise.learn;

import io.costwise.config.LossFunctionType;
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

  static OutputLoss of(TrainingConfig config) {
    return config.lossFunction() == LossFunctionType.CUSTOM
        ? new Cost(config.costs().falseNegativeCost(), config.costs().falsePositiveCost())
        : new CrossEntropy();
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
