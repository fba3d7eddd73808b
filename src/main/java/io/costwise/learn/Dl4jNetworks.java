package io.costwise.learn;

import io.costwise.artifact.NetworkShape;
import io.costwise.config.OptimizerType;
import io.costwise.config.TrainingConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;

/**
 * Builds the Deeplearning4j network both engines' models are: dense ReLU hidden layers (none for
 * the reference's single unit) and one sigmoid output unit, Glorot-uniform weights and zero biases
 * (Keras's defaults), L2 on the weights; and writes it, with its scaler, as {@code model.zip}.
 *
 * <p>Parameters are float64: the fast scorer then matches the network to 1e−12 rather than 1e−7.
 */
final class Dl4jNetworks {
  static final DataType DATA_TYPE = DataType.DOUBLE;

  private Dl4jNetworks() {}

  /**
   * Starts loading ND4J's native backend (about half a second) on a daemon thread, so that it
   * overlaps reading the data and training; the first real use waits for it through the JVM's
   * class-initialisation lock.
   */
  static void startBackend() {
    Thread thread = new Thread(() -> Nd4j.scalar(DATA_TYPE, 0.0), "costwise-nd4j-init");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * The network for these settings and layer sizes, starting from {@code parameters}, as stored
   * (with {@link #loss}).
   */
  static MultiLayerNetwork create(TrainingConfig config, NetworkShape shape, double[] parameters) {
    return create(config, shape, parameters, loss(config));
  }

  /** The network the dl4j engine trains (with {@link #trainingLoss}). */
  static MultiLayerNetwork forTraining(
      TrainingConfig config, NetworkShape shape, double[] parameters) {
    return create(config, shape, parameters, trainingLoss(config));
  }

  private static MultiLayerNetwork create(
      TrainingConfig config, NetworkShape shape, double[] parameters, ILossFunction loss) {
    NeuralNetConfiguration.Builder builder =
        new NeuralNetConfiguration.Builder()
            .seed(config.seed())
            .dataType(DATA_TYPE)
            .updater(updater(config))
            .weightInit(WeightInit.XAVIER_UNIFORM)
            .biasInit(0.0);
    if (config.l2() > 0) {
      builder.l2(config.l2());
    }
    NeuralNetConfiguration.ListBuilder layers = builder.list();
    for (int l = 0; l < shape.layers() - 1; l++) {
      layers.layer(
          new DenseLayer.Builder()
              .nIn(shape.inputsOf(l))
              .nOut(shape.outputsOf(l))
              .activation(Activation.RELU)
              .build());
    }
    int last = shape.layers() - 1;
    layers.layer(
        new OutputLayer.Builder(loss)
            .nIn(shape.inputsOf(last))
            .nOut(1)
            .activation(Activation.SIGMOID)
            .build());
    MultiLayerConfiguration configuration = layers.build();
    MultiLayerNetwork network = new MultiLayerNetwork(configuration);
    network.init(Nd4j.create(parameters, new long[] {1, parameters.length}, DATA_TYPE), true);
    return network;
  }

  /** Writes the trained network and its scaler (when standardising) as one DL4J model zip. */
  static void write(
      Path file, TrainingConfig config, NetworkShape shape, double[] parameters, ScalerStats scaler)
      throws IOException {
    Optional<NormalizerStandardize> normalizer = Optional.empty();
    if (config.standardize()) {
      normalizer = Optional.of(new NormalizerStandardize(row(scaler.mean()), row(scaler.std())));
    }
    new SavedNetwork(create(config, shape, parameters), normalizer).write(file, false);
  }

  /**
   * The loss the stored network names: DL4J's cross-entropy, or the cost loss ({@code fn = fp = 1}
   * for the expected cost with per-row costs, whose costs are row weights, data rather than part of
   * the network).
   */
  static ILossFunction loss(TrainingConfig config) {
    return switch (config.lossFunction()) {
      case BUILTIN, WEIGHTED_BUILTIN -> new LossBinaryXENT();
      case CUSTOM ->
          new AsymmetricCostLoss(
              config.costs().falseNegativeCost(), config.costs().falsePositiveCost());
      case EXPECTED_COST -> new AsymmetricCostLoss(1, 1);
    };
  }

  /**
   * The loss the dl4j engine trains with: {@link #loss}, taking each row's weight from the labels
   * array ({@link RowWeightedLoss}) when the loss weighs rows.
   */
  static ILossFunction trainingLoss(TrainingConfig config) {
    return config.lossFunction().usesDecisionCosts()
        ? new RowWeightedLoss(loss(config))
        : loss(config);
  }

  private static IUpdater updater(TrainingConfig config) {
    return config.optimizer() == OptimizerType.ADAM
        ? new Adam(config.learningRate())
        : new Sgd(config.learningRate());
  }

  private static org.nd4j.linalg.api.ndarray.INDArray row(double[] values) {
    return Nd4j.create(values, new long[] {1, values.length}, DATA_TYPE);
  }
}
