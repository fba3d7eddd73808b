package io.costwise.learn;

import io.costwise.artifact.NetworkShape;
import java.util.SplittableRandom;

/**
 * costwise's seeded Glorot-uniform initialisation (Keras's default, DL4J's {@code XAVIER_UNIFORM}):
 * each weight uniform in ±√(6 / (inputs + outputs)) of its layer, biases 0.
 *
 * <p>Drawn by costwise rather than by DL4J so that both engines start from the same numbers and the
 * fast engine never needs ND4J: the draw is handed to DL4J as its starting parameters.
 */
final class Glorot {
  private Glorot() {}

  static double[] initialParameters(NetworkShape shape, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] parameters = new double[shape.parameterCount()];
    for (int l = 0; l < shape.layers(); l++) {
      double limit = Math.sqrt(6.0 / (shape.inputsOf(l) + shape.outputsOf(l)));
      for (int i = shape.weightOffset(l); i < shape.biasOffset(l); i++) {
        parameters[i] = (2 * random.nextDouble() - 1) * limit;
      }
    }
    return parameters;
  }
}
