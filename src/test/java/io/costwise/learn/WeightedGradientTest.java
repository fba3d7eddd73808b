package io.costwise.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.costwise.artifact.NetworkScorer;
import io.costwise.artifact.NetworkShape;
import io.costwise.config.TrainingConfig;
import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The gradient with row weights, with respect to every parameter, against central differences of
 * the weighted summed loss Σ w_i·L_i(θ): the fast engine's, and DL4J's as the dl4j engine trains
 * (the training network, the weights in its labels array), for both losses that weigh rows, one
 * unit and hidden layers.
 */
class WeightedGradientTest {
  private static final int ROWS = 40;
  private static final int COLUMNS = 5;
  private static final double H = 1e-5;

  @ParameterizedTest(name = "{0}, hidden {1}")
  @CsvSource({
    "weighted_builtin, none",
    "expected_cost, none",
    "weighted_builtin, '6,4'",
    "expected_cost, '6,4'"
  })
  void bothEnginesGradientsMatchFiniteDifferences(String lossType, String hidden) {
    TrainingConfig config = Configs.of("loss_function_type", lossType, "hidden_layers", hidden);
    NetworkShape shape = new NetworkShape(COLUMNS, config.hiddenLayers());
    Random random = new Random(5);
    double[] x = new double[ROWS * COLUMNS];
    double[] y = new double[ROWS];
    for (int i = 0; i < x.length; i++) {
      x[i] = random.nextGaussian();
    }
    for (int r = 0; r < ROWS; r++) {
      y[r] = random.nextBoolean() ? 1 : 0;
    }
    double[] w = RowWeights.normalised(AsymmetricCostLossTest.logUniformWeights(ROWS, 9));
    // Larger than Glorot's initial weights, so that p spreads over (0, 1) and the gradient is not
    // dominated by a few rows.
    double[] theta = Glorot.initialParameters(shape, 3);
    for (int i = 0; i < theta.length; i++) {
      theta[i] = theta[i] * 2 + 0.1 * random.nextGaussian();
    }

    double[] fast = new FastLearner(config, shape, theta, false).summedGradient(x, y, w, ROWS);
    double[] dl4j = dl4jGradient(config, shape, theta, x, y, w);
    OutputLoss loss = OutputLoss.of(config);
    double worstFast = 0;
    double worstDl4j = 0;
    for (int k = 0; k < theta.length; k++) {
      double[] up = theta.clone();
      double[] down = theta.clone();
      up[k] += H;
      down[k] -= H;
      double numeric =
          (weightedLoss(shape, up, x, y, w, loss) - weightedLoss(shape, down, x, y, w, loss))
              / (2 * H);
      double scale = Math.max(Math.abs(numeric), 1e-3);
      worstFast = Math.max(worstFast, Math.abs(fast[k] - numeric) / scale);
      worstDl4j = Math.max(worstDl4j, Math.abs(dl4j[k] - numeric) / scale);
    }
    assertTrue(worstFast < 1e-6, "fast engine: largest relative error " + worstFast);
    assertTrue(worstDl4j < 1e-6, "dl4j engine: largest relative error " + worstDl4j);
    // The check discriminates: the same gradient with the weights squared, as a plain DL4J
    // cross-entropy would give, is far off.
    double[] squared = w.clone();
    for (int r = 0; r < ROWS; r++) {
      squared[r] *= w[r];
    }
    double[] wrong =
        new FastLearner(config, shape, theta, false).summedGradient(x, y, squared, ROWS);
    double worstWrong = 0;
    for (int k = 0; k < theta.length; k++) {
      worstWrong =
          Math.max(worstWrong, Math.abs(wrong[k] - fast[k]) / Math.max(1e-3, Math.abs(fast[k])));
    }
    assertTrue(worstWrong > 0.1, "weights squared differ by only " + worstWrong);
  }

  /** Σ w_i·L_i at parameters θ, the rows already standardised. */
  private static double weightedLoss(
      NetworkShape shape, double[] theta, double[] x, double[] y, double[] w, OutputLoss loss) {
    NetworkScorer scorer = new NetworkScorer(shape, theta, new double[COLUMNS], ones(COLUMNS));
    double[] p = scorer.scoreAll(x, ROWS);
    double sum = 0;
    for (int r = 0; r < ROWS; r++) {
      sum += w[r] * loss.value(p[r], y[r]);
    }
    return sum;
  }

  /**
   * DL4J's gradient of the summed loss, as {@code fit} computes it before the updater divides by
   * the rows: the network the dl4j engine trains, the weights in its labels' second column.
   */
  private static double[] dl4jGradient(
      TrainingConfig config,
      NetworkShape shape,
      double[] theta,
      double[] x,
      double[] y,
      double[] w) {
    MultiLayerNetwork network = Dl4jNetworks.forTraining(config, shape, theta);
    network.setInput(Nd4j.create(x, new long[] {ROWS, COLUMNS}, Dl4jNetworks.DATA_TYPE));
    network.setLabels(
        Nd4j.create(
            RowWeightedLoss.labelsAndWeights(y, w, ROWS),
            new long[] {ROWS, 2},
            Dl4jNetworks.DATA_TYPE));
    network.computeGradientAndScore();
    // The score is DL4J's mean over the rows of w_i·L_i: the same weighted sum, divided by rows.
    assertEquals(
        weightedLoss(shape, theta, x, y, w, OutputLoss.of(config)) / ROWS, network.score(), 1e-12);
    return network.getFlattenedGradients().toDoubleVector();
  }

  @Test
  void aDl4jLabelsMaskScalesTheOutputUnitsInputSoItIsNoRowWeight() {
    // Why the dl4j engine does not pass row weights as DL4J's labels mask: in 1.0.0-M2.1 the
    // output layer multiplies its pre-activation z by its mask, so a row of "weight" 2 is scored
    // as 2·L(sigmoid(2z)), not 2·L(sigmoid(z)). For the 0/1 masks DL4J means, that is harmless.
    TrainingConfig config = Configs.of("loss_function_type", "builtin");
    NetworkShape shape = new NetworkShape(COLUMNS, java.util.List.of());
    Random random = new Random(8);
    double[] x = new double[ROWS * COLUMNS];
    double[] y = new double[ROWS];
    for (int i = 0; i < x.length; i++) {
      x[i] = random.nextGaussian();
    }
    for (int r = 0; r < ROWS; r++) {
      y[r] = r % 2;
    }
    double[] theta = Glorot.initialParameters(shape, 3);
    double[] twos = new double[ROWS];
    java.util.Arrays.fill(twos, 2.0);
    MultiLayerNetwork network = Dl4jNetworks.create(config, shape, theta);
    network.setInput(Nd4j.create(x, new long[] {ROWS, COLUMNS}, Dl4jNetworks.DATA_TYPE));
    network.setLabels(Nd4j.create(y, new long[] {ROWS, 1}, Dl4jNetworks.DATA_TYPE));
    network.setLayerMaskArrays(
        null, Nd4j.create(twos, new long[] {ROWS, 1}, Dl4jNetworks.DATA_TYPE));
    network.computeGradientAndScore();
    double[] doubled = theta.clone();
    for (int i = 0; i < doubled.length; i++) {
      doubled[i] *= 2; // z = x·W + b doubled
    }
    OutputLoss loss = OutputLoss.of(config);
    assertEquals(weightedLoss(shape, doubled, x, y, twos, loss) / ROWS, network.score(), 1e-12);
    assertNotEquals(weightedLoss(shape, theta, x, y, twos, loss) / ROWS, network.score(), 1e-3);
  }

  private static double[] ones(int n) {
    double[] ones = new double[n];
    java.util.Arrays.fill(ones, 1.0);
    return ones;
  }
}
