package io.costwise.learn;

import io.costwise.artifact.NetworkShape;
import io.costwise.config.TrainingConfig;
import java.util.Arrays;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The reference engine: each step is {@code MultiLayerNetwork.fit} on the minibatch, DL4J's own
 * forward pass, loss, back-propagation, L2 and updater. Slow (1–2 ms of framework per step), and
 * the yardstick the fast engine is held to.
 *
 * <p>Row weights go in as a second labels column, read by the training network's {@link
 * RowWeightedLoss}, not as DL4J's labels mask, which DL4J 1.0.0-M2.1 treats as 0 or 1 (see there).
 */
final class Dl4jLearner implements Learner {
  private final MultiLayerNetwork network;
  private final int columns;

  Dl4jLearner(TrainingConfig config, NetworkShape shape, double[] initial) {
    this.network = Dl4jNetworks.forTraining(config, shape, initial);
    this.columns = shape.inputs();
  }

  @Override
  public double step(double[] features, double[] labels, double[] weights, int rows) {
    INDArray x =
        Nd4j.create(
            Arrays.copyOf(features, rows * columns),
            new long[] {rows, columns},
            Dl4jNetworks.DATA_TYPE);
    INDArray y =
        weights == null
            ? Nd4j.create(Arrays.copyOf(labels, rows), new long[] {rows, 1}, Dl4jNetworks.DATA_TYPE)
            : Nd4j.create(
                RowWeightedLoss.labelsAndWeights(labels, weights, rows),
                new long[] {rows, 2},
                Dl4jNetworks.DATA_TYPE);
    network.fit(new DataSet(x, y));
    // The minibatch's mean score, computed before the update (plus DL4J's L2 term, if any).
    return network.score() * rows;
  }

  @Override
  public double[] parameters() {
    return network.params().toDoubleVector();
  }

  @Override
  public State state() {
    INDArray updater = network.getUpdater().getStateViewArray();
    return new State(
        parameters(),
        updater == null ? new double[0] : updater.toDoubleVector(),
        network.getIterationCount());
  }

  @Override
  public void restore(State state) {
    network.setParams(
        Nd4j.create(
            state.parameters(), new long[] {1, state.parameters().length}, Dl4jNetworks.DATA_TYPE));
    INDArray updater = network.getUpdater().getStateViewArray();
    if (updater != null) {
      updater.assign(Nd4j.create(state.optimizer(), updater.shape(), Dl4jNetworks.DATA_TYPE));
    }
    network.setIterationCount(Math.toIntExact(state.iteration()));
  }
}
