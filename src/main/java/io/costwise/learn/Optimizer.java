package io.costwise.learn;

import io.costwise.config.OptimizerType;
import io.costwise.config.TrainingConfig;

/**
 * Applies one step to the parameters from the batch's mean gradient, with DL4J's arithmetic: its
 * {@code Sgd} ({@code θ −= lr·g}) or {@code Adam} (DL4J's defaults β1 0.9, β2 0.999, ε 1e−8, bias
 * correction folded into the step size, iteration counted from 0 across epochs).
 */
interface Optimizer {
  void step(double[] parameters, double[] gradient, long iteration);

  /** The optimiser's moments, for checkpoints (empty for SGD). */
  double[] state();

  void restore(double[] state);

  static Optimizer of(TrainingConfig config, int parameters) {
    return config.optimizer() == OptimizerType.ADAM
        ? new Adam(config.learningRate(), parameters)
        : new Sgd(config.learningRate());
  }

  /** Plain SGD without momentum. */
  record Sgd(double learningRate) implements Optimizer {
    @Override
    public void step(double[] parameters, double[] gradient, long iteration) {
      for (int i = 0; i < parameters.length; i++) {
        parameters[i] -= gradient[i] * learningRate;
      }
    }

    @Override
    public double[] state() {
      return new double[0];
    }

    @Override
    public void restore(double[] state) {
      if (state.length != 0) {
        throw new IllegalArgumentException("SGD has no state");
      }
    }
  }

  /** Adam, as ND4J's {@code adam_updater} computes it. */
  final class Adam implements Optimizer {
    static final double BETA1 = 0.9;
    static final double BETA2 = 0.999;
    static final double EPSILON = 1e-8;

    private final double learningRate;
    private final double[] m;
    private final double[] v;

    Adam(double learningRate, int parameters) {
      this.learningRate = learningRate;
      this.m = new double[parameters];
      this.v = new double[parameters];
    }

    @Override
    public void step(double[] parameters, double[] gradient, long iteration) {
      double alpha =
          learningRate
              * Math.sqrt(1.0 - Math.pow(BETA2, iteration + 1))
              / (1.0 - Math.pow(BETA1, iteration + 1));
      if (Double.isNaN(alpha) || alpha == 0 || Double.isInfinite(alpha)) {
        alpha = EPSILON;
      }
      for (int i = 0; i < parameters.length; i++) {
        double g = gradient[i];
        m[i] = BETA1 * m[i] + g * (1 - BETA1);
        v[i] = BETA2 * v[i] + g * g * (1 - BETA2);
        parameters[i] -= m[i] * alpha / (Math.sqrt(v[i]) + EPSILON);
      }
    }

    @Override
    public double[] state() {
      double[] state = new double[2 * m.length];
      System.arraycopy(m, 0, state, 0, m.length);
      System.arraycopy(v, 0, state, m.length, v.length);
      return state;
    }

    @Override
    public void restore(double[] state) {
      if (state.length != 2 * m.length) {
        throw new IllegalArgumentException("Adam state of the wrong size");
      }
      System.arraycopy(state, 0, m, 0, m.length);
      System.arraycopy(state, m.length, v, 0, v.length);
    }
  }
}
