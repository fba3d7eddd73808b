package io.costwise.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A trained logistic unit and the scaler fitted on its training data, as one value.
 *
 * <p>The rest of costwise sees only plain Java: rows in, probabilities out. The DL4J network is
 * saved with its scaler inside the same zip (DL4J's {@code ModelSerializer}), so a served model can
 * never be fed unscaled features, the reference's silent failure.
 */
public final class TrainedModel {
  private final MultiLayerNetwork network;
  private final Optional<NormalizerStandardize> scaler;

  TrainedModel(MultiLayerNetwork network, Optional<NormalizerStandardize> scaler) {
    this.network = network;
    this.scaler = scaler;
  }

  /** Restores a model written by {@link #save}. */
  public static TrainedModel load(Path file) throws IOException {
    SavedNetwork saved = SavedNetwork.read(file, false);
    return new TrainedModel(saved.network(), saved.scaler());
  }

  /** Writes the network (without optimiser state) and the scaler into one zip. */
  public void save(Path file) throws IOException {
    new SavedNetwork(network, scaler).write(file, false);
  }

  public int features() {
    return network.layerInputSize(0);
  }

  public boolean standardizes() {
    return scaler.isPresent();
  }

  /** Probabilities of the positive class through the DL4J network, for a row-major block. */
  public double[] predict(double[] rowMajor) {
    int columns = features();
    INDArray input =
        Nd4j.create(
            rowMajor, new long[] {rowMajor.length / columns, columns}, LogisticUnit.DATA_TYPE);
    scaler.ifPresent(s -> s.transform(input));
    return network.output(input, false).toDoubleVector();
  }

  /** The same model as plain arithmetic, for fast serving. */
  public LinearScorer linearScorer() {
    double[] parameters = parameters();
    int columns = features();
    double[] weights = Arrays.copyOf(parameters, columns);
    double bias = parameters[columns];
    double[] mean = new double[columns];
    double[] std = new double[columns];
    Arrays.fill(std, 1.0);
    if (scaler.isPresent()) {
      mean = scaler.get().getMean().toDoubleVector();
      std = scaler.get().getStd().toDoubleVector();
    }
    return new LinearScorer(weights, bias, mean, std);
  }

  /** All parameters, weights then bias: for provenance and bit-for-bit comparisons. */
  public double[] parameters() {
    return network.params().toDoubleVector();
  }

  /** The loss the network was trained with, as DL4J names it. */
  public String lossName() {
    return ((org.deeplearning4j.nn.conf.layers.OutputLayer)
            network.getLayerWiseConfigurations().getConf(0).getLayer())
        .getLossFn()
        .toString();
  }

  MultiLayerNetwork network() {
    return network;
  }

  Optional<NormalizerStandardize> scaler() {
    return scaler;
  }
}
