package io.costwise.model;

import io.costwise.config.LossFunctionType;
import io.costwise.config.OptimizerType;
import io.costwise.config.TrainingConfig;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;

/**
 * Builds the reference's network: one dense unit with a sigmoid on every feature, Glorot-uniform
 * weights and a zero bias (Keras's defaults).
 *
 * <p>Parameters are float64: for 30 weights the framework's per-call overhead, not arithmetic, sets
 * the speed, and double precision makes the fast scorer match the network to 1e-12 rather than
 * 1e-7.
 */
final class LogisticUnit {
  static final DataType DATA_TYPE = DataType.DOUBLE;

  private LogisticUnit() {}

  /**
   * Starts loading ND4J's native backend (about half a second) on a daemon thread, so that it
   * overlaps reading the configuration and data; the first real use waits for it through the JVM's
   * class-initialisation lock.
   */
  static void startBackend() {
    Thread thread = new Thread(() -> Nd4j.scalar(DATA_TYPE, 0.0), "costwise-nd4j-init");
    thread.setDaemon(true);
    thread.start();
  }

  static MultiLayerNetwork create(TrainingConfig config, int features) {
    MultiLayerConfiguration configuration =
        new NeuralNetConfiguration.Builder()
            .seed(config.seed())
            .dataType(DATA_TYPE)
            .updater(updater(config))
            .weightInit(WeightInit.XAVIER_UNIFORM)
            .biasInit(0.0)
            .list()
            .layer(
                new OutputLayer.Builder(loss(config))
                    .nIn(features)
                    .nOut(1)
                    .activation(Activation.SIGMOID)
                    .build())
            .build();
    MultiLayerNetwork network = new MultiLayerNetwork(configuration);
    network.init();
    return network;
  }

  static ILossFunction loss(TrainingConfig config) {
    return config.lossFunction() == LossFunctionType.CUSTOM
        ? new AsymmetricCostLoss(
            config.costs().falseNegativeCost(), config.costs().falsePositiveCost())
        : new LossBinaryXENT();
  }

  private static IUpdater updater(TrainingConfig config) {
    return config.optimizer() == OptimizerType.ADAM
        ? new Adam(config.learningRate())
        : new Sgd(config.learningRate());
  }
}
