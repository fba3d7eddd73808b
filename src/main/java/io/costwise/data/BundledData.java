package io.costwise.data;

import io.costwise.cost.CostModel;
import io.costwise.evaluation.OutcomeValues;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.OptionalInt;

/**
 * The data shipped inside the jar (see {@code datasets/README.md} for provenance and licences):
 * Wisconsin Diagnostic Breast Cancer with scikit-learn's feature names, and bank marketing with a
 * cost per case.
 */
public final class BundledData {
  private static final String WDBC = "/datasets/wdbc_header.csv";
  private static final String BANK_MARKETING = "/datasets/bankmarketing.csv";
  private static final String BANK_MARKETING_TEST_ROWS = "/datasets/bankmarketing-test-rows.txt";

  private BundledData() {}

  /** All 569 rows: label 1 = malignant (212), 0 = benign (357), 30 named features. */
  public static Dataset wdbc() {
    return read(WDBC, "wdbc", CostModel.fixed(OutcomeValues.reference()));
  }

  /**
   * Bank marketing, 37,931 rows (4,787 subscribers), 32 features, each row's costs in the columns
   * {@code C_FP}, {@code C_FN}, {@code C_TP}, {@code C_TN}, which {@code costs} should name.
   */
  public static Dataset bankMarketing(CostModel costs) {
    return read(BANK_MARKETING, "bank-marketing", costs);
  }

  /**
   * The 12,518 rows (0-based, in the order drawn) that scikit-learn 1.2.1's {@code
   * train_test_split(test_size=0.33, random_state=0)} puts in the test part of bank marketing: the
   * split the peers in {@code bench/costs.sh} are measured on, so costwise can be judged on the
   * same cases.
   */
  public static int[] bankMarketingTestRows() {
    try (InputStream in = resource(BANK_MARKETING_TEST_ROWS)) {
      String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
      return text.lines().filter(line -> !line.isBlank()).mapToInt(Integer::parseInt).toArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream resource(String name) {
    InputStream in = BundledData.class.getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException(name + " is missing from the jar");
    }
    return in;
  }

  private static Dataset read(String resource, String channel, CostModel costs) {
    try (InputStream in = resource(resource)) {
      // The reader works on files (SageMaker channels are files or FIFOs): stage the resource.
      Path file = Files.createTempFile("costwise-" + channel, ".csv");
      try {
        Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        return new ChannelReader().read(channel, List.of(file), OptionalInt.empty(), costs);
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
