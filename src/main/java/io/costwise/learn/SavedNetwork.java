package io.costwise.learn;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
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
    normalize(file);
  }

  /** The time every entry of a written model zip carries: the zip format's earliest. */
  static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

  /**
   * Rewrites the zip DL4J wrote with its entries in name order and every entry time set to {@link
   * #ENTRY_TIME}, so the same network gives the same bytes: DL4J stamps each entry with the time of
   * writing, which made two identical trainings differ. {@code ModelSerializer} finds entries by
   * name, so neither the order nor the time matters to it.
   */
  static void normalize(Path file) throws IOException {
    Map<String, byte[]> entries = new TreeMap<>();
    try (ZipFile zip = new ZipFile(file.toFile())) {
      for (ZipEntry entry : Collections.list(zip.entries())) {
        try (InputStream in = zip.getInputStream(entry)) {
          entries.put(entry.getName(), in.readAllBytes());
        }
      }
    }
    Path rewritten = file.resolveSibling(file.getFileName() + ".tmp");
    try (ZipOutputStream out =
        new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(rewritten)))) {
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        ZipEntry written = new ZipEntry(entry.getKey());
        written.setTimeLocal(ENTRY_TIME);
        out.putNextEntry(written);
        out.write(entry.getValue());
        out.closeEntry();
      }
    }
    Files.move(rewritten, file, StandardCopyOption.REPLACE_EXISTING);
  }
}
