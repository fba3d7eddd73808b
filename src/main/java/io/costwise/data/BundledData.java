package io.costwise.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.OptionalInt;

/**
 * The Wisconsin Diagnostic Breast Cancer data shipped inside the jar (see {@code
 * datasets/README.md} for its provenance and licence), with scikit-learn's feature names.
 */
public final class BundledData {
  private static final String WDBC = "/datasets/wdbc_header.csv";

  private BundledData() {}

  /** All 569 rows: label 1 = malignant (212), 0 = benign (357), 30 named features. */
  public static Dataset wdbc() {
    try (InputStream in = BundledData.class.getResourceAsStream(WDBC)) {
      if (in == null) {
        throw new IllegalStateException(WDBC + " is missing from the jar");
      }
      // The reader works on files (SageMaker channels are files or FIFOs): stage the resource.
      Path file = Files.createTempFile("costwise-wdbc", ".csv");
      try {
        Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        return new ChannelReader().read("wdbc", List.of(file), OptionalInt.empty());
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
