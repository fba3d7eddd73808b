package io.costwise.learn;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize;

/** A network and its optional scaler as stored together in one DL4J model zip. */
record SavedNetwork(MultiLayerNetwork network, Optional<NormalizerStandardize> scaler) {

  static SavedNetwork read(Path file, boolean withUpdater) throws IOException {
    // ModelSerializer returns a raw Normalizer; `var` keeps the raw type out of our code.
    var restored =
        ModelSerializer.restoreMultiLayerNetworkAndNormalizer(file.toFile(), withUpdater);
    Object normalizer = restored.getSecond();
    if (normalizer != null && !(normalizer instanceof NormalizerStandardize)) {
      throw new IOException(file + " holds an unexpected scaler " + normalizer.getClass());
    }
    return new SavedNetwork(
        restored.getFirst(), Optional.ofNullable((NormalizerStandardize) normalizer));
  }

  void write(Path file, boolean withUpdater) throws IOException {
    // writeModel(..., normalizer) closes its zip stream while writing the normalizer and then
    // fails flushing it (DL4J 1.0.0-M2.1); adding the normalizer to the written zip works.
    ModelSerializer.writeModel(network, file.toFile(), withUpdater);
    if (scaler.isPresent()) {
      ModelSerializer.addNormalizerToModel(file.toFile(), scaler.get());
    }
  }
}
