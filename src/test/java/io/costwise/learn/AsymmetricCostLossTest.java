package io.costwise.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;
import org.nd4j.shade.jackson.databind.ObjectMapper;

class AsymmetricCostLossTest {
  private static final ActivationSigmoid SIGMOID = new ActivationSigmoid();

  @Test
  void scoreIsTheReferenceFormulaAveragedOverTheBatch() {
    AsymmetricCostLoss loss = new AsymmetricCostLoss(5, 1);
    double[] z = {0.0, 2.0, -1.0};
    double[] y = {1, 0, 1};
    double expected = 0;
    for (int i = 0; i < z.length; i++) {
      double p = 1 / (1 + Math.exp(-z[i]));
      expected += 5 * y[i] * Math.abs(1 - p) + 1 * (1 - y[i]) * Math.abs(p);
    }
    INDArray labels = column(y);
    INDArray preOutput = column(z);
    assertEquals(expected, loss.computeScore(labels, preOutput, SIGMOID, null, false), 1e-12);
    assertEquals(expected / 3, loss.computeScore(labels, preOutput, SIGMOID, null, true), 1e-12);
    INDArray perRow = loss.computeScoreArray(labels, preOutput, SIGMOID, null);
    assertEquals(3, perRow.rows());
    assertEquals(5 * (1 - 0.5), perRow.getDouble(0, 0), 1e-12);
  }

  @Test
  void maskedRowsContributeNothing() {
    AsymmetricCostLoss loss = new AsymmetricCostLoss(5, 1);
    INDArray labels = column(1, 0);
    INDArray preOutput = column(-3, 3);
    INDArray mask = column(1, 0);
    double p = 1 / (1 + Math.exp(3));
    assertEquals(5 * (1 - p), loss.computeScore(labels, preOutput, SIGMOID, mask, false), 1e-12);
    INDArray gradient = loss.computeGradient(labels, preOutput, SIGMOID, mask);
    assertEquals(0.0, gradient.getDouble(1, 0));
    assertTrue(gradient.getDouble(0, 0) < 0, "a missed positive pushes its logit up");
  }

  @Test
  void gradientMatchesFiniteDifferences() {
    double error = maxRelativeGradientError(new AsymmetricCostLoss(200, 1), 64, 7);
    assertTrue(error < 1e-6, "max relative error " + error);
  }

  @Test
  void rowWeightsMultiplyEachRowsLossAndGradientOnce() {
    // RowWeightedLoss reads row i's weight from the second labels column; its loss and gradient
    // are w_i times the wrapped loss's (not w_i² for the gradient).
    double[] weights = logUniformWeights(64, 11);
    for (ILossFunction loss : List.of(new AsymmetricCostLoss(1, 1), new LossBinaryXENT())) {
      double error = maxRelativeGradientError(new RowWeightedLoss(loss), 64, 7, weights);
      assertTrue(error < 1e-6, loss + ": max relative error " + error);
    }
  }

  @Test
  void dl4jsBinaryXentWeighsTheGradientByAMaskSquared() {
    // One reason row weights are not a DL4J labels mask: on one output unit a [rows, 1] mask has
    // the labels' shape, and DL4J 1.0.0-M2.1's LossBinaryXENT then masks dL/dp and dL/dz both.
    double[] weights = logUniformWeights(16, 3);
    double[] y = alternating(16);
    double[] z = gaussian(16, 5);
    LossBinaryXENT plain = new LossBinaryXENT();
    // computeGradient overwrites preOutput (the activation's backprop works in place): fresh
    // arrays for each call.
    INDArray unmasked = plain.computeGradient(column(y), column(z), SIGMOID, null);
    INDArray masked = plain.computeGradient(column(y), column(z), SIGMOID, column(weights));
    INDArray weighted =
        new RowWeightedLoss(plain)
            .computeGradient(labelsAndWeights(y, weights), column(z), SIGMOID, null);
    for (int i = 0; i < 16; i++) {
      double g = unmasked.getDouble(i, 0);
      double w = weights[i];
      assertEquals(g * w * w, masked.getDouble(i, 0), 1e-12 * Math.abs(g * w * w), "row " + i);
      assertEquals(g * w, weighted.getDouble(i, 0), 1e-12 * Math.abs(g * w), "row " + i);
    }
  }

  @Test
  void theFiniteDifferenceCheckRejectsAWrongGradient() {
    // The same check on a loss whose gradient uses swapped costs must fail: the test discriminates.
    ILossFunction wrong = new SwappedGradientLoss();
    assertTrue(maxRelativeGradientError(wrong, 64, 7) > 0.5);
  }

  @Test
  void survivesAJsonRoundTripWithItsCosts() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    String json = mapper.writeValueAsString(new AsymmetricCostLoss(9.0, 0.5));
    AsymmetricCostLoss restored = mapper.readValue(json, AsymmetricCostLoss.class);
    assertEquals(9.0, restored.fnCost());
    assertEquals(0.5, restored.fpCost());
  }

  @Test
  void rejectsNonPositiveCosts() {
    assertThrows(IllegalArgumentException.class, () -> new AsymmetricCostLoss(0, 1));
    assertThrows(IllegalArgumentException.class, () -> new AsymmetricCostLoss(1, Double.NaN));
  }

  /** Scores like the 200:1 loss but returns the gradient of the 1:200 one. */
  private static final class SwappedGradientLoss implements ILossFunction {
    private static final long serialVersionUID = 1L;
    private final AsymmetricCostLoss right = new AsymmetricCostLoss(200, 1);
    private final AsymmetricCostLoss swapped = new AsymmetricCostLoss(1, 200);

    @Override
    public double computeScore(
        INDArray labels, INDArray preOutput, IActivation fn, INDArray mask, boolean average) {
      return right.computeScore(labels, preOutput, fn, mask, average);
    }

    @Override
    public INDArray computeScoreArray(
        INDArray labels, INDArray preOutput, IActivation fn, INDArray mask) {
      return right.computeScoreArray(labels, preOutput, fn, mask);
    }

    @Override
    public INDArray computeGradient(
        INDArray labels, INDArray preOutput, IActivation fn, INDArray mask) {
      return swapped.computeGradient(labels, preOutput, fn, mask);
    }

    @Override
    public Pair<Double, INDArray> computeGradientAndScore(
        INDArray labels, INDArray preOutput, IActivation fn, INDArray mask, boolean average) {
      return new Pair<>(
          computeScore(labels, preOutput, fn, mask, average),
          computeGradient(labels, preOutput, fn, mask));
    }

    @Override
    public String name() {
      return "swapped";
    }
  }

  /** Central differences of each row's loss against computeGradient, float64. */
  static double maxRelativeGradientError(ILossFunction loss, int rows, long seed) {
    return maxRelativeGradientError(loss, rows, seed, null);
  }

  /**
   * The same with row weights (null for none) in the second labels column, for a {@link
   * RowWeightedLoss}.
   */
  static double maxRelativeGradientError(
      ILossFunction loss, int rows, long seed, double[] weights) {
    Random random = new Random(seed);
    double[] z = new double[rows];
    double[] y = new double[rows];
    for (int i = 0; i < rows; i++) {
      z[i] = random.nextGaussian() * 2;
      y[i] = random.nextBoolean() ? 1 : 0;
    }
    INDArray labels = weights == null ? column(y) : labelsAndWeights(y, weights);
    INDArray analytic = loss.computeGradient(labels, column(z), SIGMOID, null);
    double worst = 0;
    double h = 1e-6;
    for (int i = 0; i < rows; i++) {
      double[] up = z.clone();
      double[] down = z.clone();
      up[i] += h;
      down[i] -= h;
      // The loss is a sum over rows, so row i's own term carries the whole difference; using it
      // alone keeps the rounding error of the other 63 terms out of the quotient.
      double numeric =
          (loss.computeScoreArray(labels, column(up), SIGMOID, null).getDouble(i, 0)
                  - loss.computeScoreArray(labels, column(down), SIGMOID, null).getDouble(i, 0))
              / (2 * h);
      double exact = analytic.getDouble(i, 0);
      double scale = Math.max(Math.abs(numeric) + Math.abs(exact), 1e-8);
      worst = Math.max(worst, Math.abs(numeric - exact) / scale);
    }
    return worst;
  }

  /** Weights log-uniform over [1e−2, 1e2], seeded: four orders of magnitude apart. */
  static double[] logUniformWeights(int rows, long seed) {
    Random random = new Random(seed);
    double[] weights = new double[rows];
    for (int i = 0; i < rows; i++) {
      weights[i] = Math.pow(10, -2 + 4 * random.nextDouble());
    }
    return weights;
  }

  private static double[] alternating(int rows) {
    double[] y = new double[rows];
    for (int i = 0; i < rows; i++) {
      y[i] = i % 2;
    }
    return y;
  }

  private static double[] gaussian(int rows, long seed) {
    Random random = new Random(seed);
    double[] z = new double[rows];
    for (int i = 0; i < rows; i++) {
      z[i] = random.nextGaussian() * 2;
    }
    return z;
  }

  static INDArray labelsAndWeights(double[] y, double[] weights) {
    return Nd4j.create(
        RowWeightedLoss.labelsAndWeights(y, weights, y.length),
        new long[] {y.length, 2},
        DataType.DOUBLE);
  }

  static INDArray column(double... values) {
    return Nd4j.create(values, new long[] {values.length, 1}, DataType.DOUBLE);
  }
}
