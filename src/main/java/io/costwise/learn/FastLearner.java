package io.costwise.learn;

import io.costwise.artifact.NetworkScorer;
import io.costwise.artifact.NetworkShape;
import io.costwise.config.TrainingConfig;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The fast engine: the network's forward and backward passes on plain {@code double[]} arrays, with
 * DL4J's loss, L2 and optimiser arithmetic ({@link OutputLoss}, {@link Optimizer}).
 *
 * <p>Where DL4J spends 1–2 ms of framework overhead per step whatever the batch, a step here costs
 * what its arithmetic costs. A minibatch is cut into chunks of a fixed number of rows, each summing
 * its own gradient, and the chunks' sums are added in chunk order: chunks of a large batch run on
 * several cores, and because the cut does not depend on the number of cores, neither does a single
 * bit of the model. Every inner loop runs over contiguous memory ({@code a·x + y} shapes the JIT
 * vectorises): the forward pass of a hidden layer reads a transposed copy of its weights, made once
 * per step.
 *
 * <p>Row weights ({@link RowWeights}) multiply each row's loss and dL/dz where the dl4j engine's
 * {@link RowWeightedLoss} does: after the loss's own arithmetic, before back-propagation; the sum
 * is still divided by the number of rows, not by the weights' sum, as DL4J's updater does.
 */
final class FastLearner implements Learner {
  /**
   * Rows per unit of (possibly parallel) work for one unit, and for networks with hidden layers,
   * whose rows cost a hundred times more. Set by the shape alone, never by the number of cores, so
   * that the summation order — and every bit of the model — is the same on any machine.
   */
  static final int UNIT_CHUNK_ROWS = 256;

  static final int HIDDEN_CHUNK_ROWS = 32;

  /**
   * Rows × parameters below which a step is too short for a second core to pay for waking it
   * (measured: one unit at batch 1,024, 61 µs a step on one core, 91–102 µs on two).
   */
  private static final long PARALLEL_WORK = 200_000;

  private final NetworkShape shape;
  private final OutputLoss loss;
  private final Optimizer optimizer;
  private final double l2;
  private final double[] parameters;
  private final double[] gradient;
  private final double[][] transposed;
  private final boolean parallel;
  private final int chunkRows;
  private Chunk[] chunks = new Chunk[0];
  private long iteration;

  /**
   * @param config loss, optimiser and L2 settings
   * @param shape the layer sizes
   * @param initial the starting parameters (copied)
   * @param parallel whether chunks of a large batch may run on several cores
   */
  FastLearner(TrainingConfig config, NetworkShape shape, double[] initial, boolean parallel) {
    this.shape = shape;
    this.loss = OutputLoss.of(config);
    this.optimizer = Optimizer.of(config, shape.parameterCount());
    this.l2 = config.l2();
    this.parameters = initial.clone();
    this.gradient = new double[parameters.length];
    this.transposed = new double[shape.layers()][];
    for (int l = 0; l < shape.layers(); l++) {
      transposed[l] = new double[shape.inputsOf(l) * shape.outputsOf(l)];
    }
    this.parallel = parallel && Runtime.getRuntime().availableProcessors() > 1;
    this.chunkRows = shape.layers() == 1 ? UNIT_CHUNK_ROWS : HIDDEN_CHUNK_ROWS;
  }

  @Override
  public double step(double[] features, double[] labels, double[] weights, int rows) {
    double lossSum = accumulate(features, labels, weights, rows);
    // DL4J's order: the summed gradient divided by the batch size, then L2 on the weights, then
    // the optimiser.
    for (int i = 0; i < gradient.length; i++) {
      gradient[i] /= rows;
    }
    if (l2 > 0) {
      for (int l = 0; l < shape.layers(); l++) {
        for (int i = shape.weightOffset(l); i < shape.biasOffset(l); i++) {
          gradient[i] += parameters[i] * l2;
        }
      }
    }
    optimizer.step(parameters, gradient, iteration++);
    return lossSum;
  }

  /**
   * The gradient of the summed (weighted) loss of the first {@code rows} rows with respect to every
   * parameter, before the division by the batch size and L2, without a step: what the gradient
   * check holds against finite differences.
   */
  double[] summedGradient(double[] features, double[] labels, double[] weights, int rows) {
    accumulate(features, labels, weights, rows);
    return gradient.clone();
  }

  /**
   * Sums the rows' gradients into {@link #gradient}, chunk by chunk in chunk order.
   *
   * @return the summed loss
   */
  private double accumulate(double[] features, double[] labels, double[] weights, int rows) {
    if (shape.layers() > 1) {
      transposeWeights();
    }
    int count = (rows + chunkRows - 1) / chunkRows;
    if (chunks.length < count) {
      Chunk[] grown = Arrays.copyOf(chunks, count);
      for (int c = chunks.length; c < count; c++) {
        grown[c] = new Chunk();
      }
      chunks = grown;
    }
    if (parallel && count >= 2 && (long) rows * parameters.length >= PARALLEL_WORK) {
      IntStream.range(0, count)
          .parallel()
          .forEach(c -> chunks[c].run(features, labels, weights, c * chunkRows, end(c, rows)));
    } else {
      for (int c = 0; c < count; c++) {
        chunks[c].run(features, labels, weights, c * chunkRows, end(c, rows));
      }
    }
    Arrays.fill(gradient, 0.0);
    double lossSum = 0;
    for (int c = 0; c < count; c++) {
      double[] part = chunks[c].gradient;
      for (int i = 0; i < gradient.length; i++) {
        gradient[i] += part[i];
      }
      lossSum += chunks[c].lossSum;
    }
    return lossSum;
  }

  private int end(int chunk, int rows) {
    return Math.min(rows, (chunk + 1) * chunkRows);
  }

  @Override
  public double[] parameters() {
    return parameters.clone();
  }

  @Override
  public State state() {
    return new State(parameters.clone(), optimizer.state(), iteration);
  }

  @Override
  public void restore(State state) {
    if (state.parameters().length != parameters.length) {
      throw new IllegalArgumentException("the state is for another network");
    }
    System.arraycopy(state.parameters(), 0, parameters, 0, parameters.length);
    optimizer.restore(state.optimizer());
    iteration = state.iteration();
  }

  /** {@code transposed[l][i·outputs + j]} = weight of input i into unit j. */
  private void transposeWeights() {
    for (int l = 0; l < shape.layers(); l++) {
      int inputs = shape.inputsOf(l);
      int outputs = shape.outputsOf(l);
      int w = shape.weightOffset(l);
      double[] t = transposed[l];
      for (int j = 0; j < outputs; j++) {
        for (int i = 0; i < inputs; i++) {
          t[i * outputs + j] = parameters[w + j * inputs + i];
        }
      }
    }
  }

  /** One chunk's work space and results. */
  private final class Chunk {
    final double[] gradient = new double[parameters.length];
    final double[][] activations = new double[shape.layers() + 1][];
    final double[][] deltas = new double[shape.layers()][];
    double lossSum;

    Chunk() {
      for (int l = 0; l < shape.layers(); l++) {
        activations[l + 1] = new double[shape.outputsOf(l)];
        deltas[l] = new double[shape.outputsOf(l)];
      }
    }

    /** Rows {@code from} to {@code to}, weighted by {@code w} unless it is null. */
    void run(double[] x, double[] y, double[] w, int from, int to) {
      Arrays.fill(gradient, 0.0);
      lossSum = 0;
      if (shape.layers() == 1) {
        runUnit(x, y, w, from, to);
      } else {
        for (int r = from; r < to; r++) {
          runRow(x, r * shape.inputs(), y[r], w == null ? 1.0 : w[r]);
        }
      }
    }

    /** One logistic unit: a dot product and an a·x + y per row. */
    private void runUnit(double[] x, double[] y, double[] w, int from, int to) {
      int inputs = shape.inputs();
      double bias = parameters[inputs];
      for (int r = from; r < to; r++) {
        int offset = r * inputs;
        // Four partial sums break the chain of dependent additions.
        double z0 = 0;
        double z1 = 0;
        double z2 = 0;
        double z3 = 0;
        int i = 0;
        for (; i + 3 < inputs; i += 4) {
          z0 += parameters[i] * x[offset + i];
          z1 += parameters[i + 1] * x[offset + i + 1];
          z2 += parameters[i + 2] * x[offset + i + 2];
          z3 += parameters[i + 3] * x[offset + i + 3];
        }
        for (; i < inputs; i++) {
          z0 += parameters[i] * x[offset + i];
        }
        double p = NetworkScorer.sigmoid(bias + ((z0 + z1) + (z2 + z3)));
        double d = loss.gradient(p, y[r]);
        double value = loss.value(p, y[r]);
        // Unweighted, the multiplications are skipped (multiplying by 1 would change no bit).
        if (w != null) {
          d *= w[r];
          value *= w[r];
        }
        lossSum += value;
        if (d != 0) {
          for (int k = 0; k < inputs; k++) {
            gradient[k] += d * x[offset + k];
          }
          gradient[inputs] += d;
        }
      }
    }

    /**
     * A network with hidden ReLU layers: forward, then back-propagate, one row of weight {@code
     * weight} (1 unweighted: multiplying by 1 changes no bit).
     */
    private void runRow(double[] x, int offset, double label, double weight) {
      int layers = shape.layers();
      for (int l = 0; l < layers; l++) {
        int inputs = shape.inputsOf(l);
        int outputs = shape.outputsOf(l);
        double[] z = activations[l + 1];
        System.arraycopy(parameters, shape.biasOffset(l), z, 0, outputs);
        double[] in = l == 0 ? x : activations[l];
        int inOffset = l == 0 ? offset : 0;
        double[] t = transposed[l];
        for (int i = 0; i < inputs; i++) {
          double a = in[inOffset + i];
          if (a != 0) {
            int row = i * outputs;
            for (int j = 0; j < outputs; j++) {
              z[j] += a * t[row + j];
            }
          }
        }
        if (l < layers - 1) {
          for (int j = 0; j < outputs; j++) {
            z[j] = Math.max(0.0, z[j]);
          }
        } else {
          z[0] = NetworkScorer.sigmoid(z[0]);
        }
      }
      double p = activations[layers][0];
      deltas[layers - 1][0] = loss.gradient(p, label) * weight;
      lossSum += loss.value(p, label) * weight;
      for (int l = layers - 1; l >= 0; l--) {
        int inputs = shape.inputsOf(l);
        int outputs = shape.outputsOf(l);
        int w = shape.weightOffset(l);
        int b = shape.biasOffset(l);
        double[] in = l == 0 ? x : activations[l];
        int inOffset = l == 0 ? offset : 0;
        double[] delta = deltas[l];
        for (int j = 0; j < outputs; j++) {
          double d = delta[j];
          if (d != 0) {
            gradient[b + j] += d;
            int unit = w + j * inputs;
            for (int i = 0; i < inputs; i++) {
              gradient[unit + i] += d * in[inOffset + i];
            }
          }
        }
        if (l > 0) {
          double[] previous = deltas[l - 1];
          Arrays.fill(previous, 0.0);
          for (int j = 0; j < outputs; j++) {
            double d = delta[j];
            if (d != 0) {
              int unit = w + j * inputs;
              for (int i = 0; i < inputs; i++) {
                previous[i] += d * parameters[unit + i];
              }
            }
          }
          double[] a = activations[l];
          for (int i = 0; i < inputs; i++) {
            if (!(a[i] > 0)) {
              previous[i] = 0;
            }
          }
        }
      }
    }
  }
}
