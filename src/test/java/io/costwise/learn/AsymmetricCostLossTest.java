package io.costwise.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;
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
    Random random = new Random(seed);
    double[] z = new double[rows];
    double[] y = new double[rows];
    for (int i = 0; i < rows; i++) {
      z[i] = random.nextGaussian() * 2;
      y[i] = random.nextBoolean() ? 1 : 0;
    }
    INDArray labels = column(y);
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

  static INDArray column(double... values) {
    return Nd4j.create(values, new long[] {values.length, 1}, DataType.DOUBLE);
  }
}
