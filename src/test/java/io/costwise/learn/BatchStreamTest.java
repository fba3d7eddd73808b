package io.costwise.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.costwise.data.Dataset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Gathering the next minibatch on another core yields exactly the batches gathered in line. */
class BatchStreamTest {
  private static final Dataset DATA = TestData.linear(10_000, 4, 9);

  private static List<double[]> epochs(boolean prefetch, int batchSize) {
    List<double[]> seen = new ArrayList<>();
    ScalerStats scaler = ScalerStats.fit(DATA);
    try (BatchStream stream =
        new BatchStream(new BatchGatherer(DATA, scaler), batchSize, DATA.columns(), prefetch)) {
      for (int epoch = 0; epoch < 2; epoch++) {
        stream.start(new EpochOrder(DATA.rows(), 3, epoch), DATA.rows());
        for (int from = 0; from < DATA.rows(); from += batchSize) {
          BatchStream.Batch batch = stream.next();
          assertEquals(Math.min(batchSize, DATA.rows() - from), batch.rows());
          seen.add(Arrays.copyOf(batch.features(), batch.rows() * DATA.columns()));
          seen.add(Arrays.copyOf(batch.labels(), batch.rows()));
        }
      }
    }
    return seen;
  }

  @Test
  void prefetchedBatchesEqualBatchesGatheredInLine() {
    for (int batchSize : new int[] {512, 3000}) {
      List<double[]> inLine = epochs(false, batchSize);
      List<double[]> prefetched = epochs(true, batchSize);
      assertEquals(inLine.size(), prefetched.size());
      for (int i = 0; i < inLine.size(); i++) {
        assertArrayEquals(inLine.get(i), prefetched.get(i), 0.0, "batch part " + i);
      }
    }
  }
}
