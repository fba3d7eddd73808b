package io.costwise.artifact;

import java.util.Arrays;
import java.util.List;

/**
 * The sizes of a dense network's layers, input first, ending in the one sigmoid output unit, and
 * where each layer's parameters sit in the network's flat parameter vector.
 *
 * <p>The flat layout is Deeplearning4j's, so the same vector is the learners' working state, the
 * checkpoint, and what {@code MultiLayerNetwork.setParams} takes: layer by layer, the weights of
 * output unit 0 (one per input), then of unit 1, …, then the layer's biases. (DL4J stores a layer's
 * weights as an {@code [inputs, outputs]} matrix in column-major order, which is exactly this.)
 */
public final class NetworkShape {
  private final int[] sizes;

  /**
   * @param inputs the number of features
   * @param hidden the widths of the hidden ReLU layers, input side first (empty: one logistic unit)
   */
  public NetworkShape(int inputs, List<Integer> hidden) {
    if (inputs < 1) {
      throw new IllegalArgumentException("a network needs at least one input");
    }
    sizes = new int[hidden.size() + 2];
    sizes[0] = inputs;
    for (int l = 0; l < hidden.size(); l++) {
      if (hidden.get(l) < 1) {
        throw new IllegalArgumentException("layer widths must be positive, got " + hidden);
      }
      sizes[l + 1] = hidden.get(l);
    }
    sizes[sizes.length - 1] = 1;
  }

  /** The number of weight layers (hidden layers + the output layer). */
  public int layers() {
    return sizes.length - 1;
  }

  public int inputs() {
    return sizes[0];
  }

  /** Inputs of weight layer {@code layer} (0-based). */
  public int inputsOf(int layer) {
    return sizes[layer];
  }

  /** Outputs of weight layer {@code layer}. */
  public int outputsOf(int layer) {
    return sizes[layer + 1];
  }

  /** The widest layer, inputs included: the size of a scratch row. */
  public int widest() {
    return Arrays.stream(sizes).max().orElseThrow();
  }

  /** Where layer {@code layer}'s weights start in the flat vector. */
  public int weightOffset(int layer) {
    int offset = 0;
    for (int l = 0; l < layer; l++) {
      offset += (sizes[l] + 1) * sizes[l + 1];
    }
    return offset;
  }

  /** Where layer {@code layer}'s biases start: right after its weights. */
  public int biasOffset(int layer) {
    return weightOffset(layer) + sizes[layer] * sizes[layer + 1];
  }

  /** The length of the flat parameter vector. */
  public int parameterCount() {
    return weightOffset(layers());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof NetworkShape that && Arrays.equals(sizes, that.sizes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(sizes);
  }

  @Override
  public String toString() {
    return Arrays.toString(sizes);
  }
}
