package io.costwise.learn;

import io.costwise.artifact.NetworkScorer;
import io.costwise.artifact.NetworkShape;
import io.costwise.config.TrainingConfig;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A trained network and the scaler fitted on its training data, as one immutable value: plain
 * arithmetic for scoring ({@link #scorer()}), and the DL4J model zip for saving.
 */
public final class TrainedNetwork {
  private final TrainingConfig config;
  private final NetworkShape shape;
  private final double[] parameters;
  private final ScalerStats scaler;

  TrainedNetwork(
      TrainingConfig config, NetworkShape shape, double[] parameters, ScalerStats scaler) {
    this.config = config;
    this.shape = shape;
    this.parameters = parameters.clone();
    this.scaler = scaler;
  }

  /** The network as plain arithmetic: what {@code serve} and {@code evaluate} compute. */
  public NetworkScorer scorer() {
    return new NetworkScorer(shape, parameters, scaler.mean(), scaler.std());
  }

  /** All parameters in {@link NetworkShape}'s layout: for bit-for-bit comparisons. */
  public double[] parameters() {
    return parameters.clone();
  }

  /**
   * Writes the network and its scaler as a DL4J model zip, which {@code ModelSerializer} restores.
   * This is the one place training loads ND4J's native libraries.
   */
  public void writeModelZip(Path file) throws IOException {
    Dl4jNetworks.write(file, config, shape, parameters, scaler);
  }
}
